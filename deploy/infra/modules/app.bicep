// Container Apps running the image (one replica), with liveness /healthz and readiness /readyz, and the registry azd pushes to.
param name string
param registryName string
param location string
param tags object
param image string
param identityId string
param identityPrincipalId string
@description('Environment variables: { name, value } or { name, secretRef } with a secret defined below.')
param env array
param answerSecretUri string
param databaseUrlSecretUri string

var port = 3978
var acrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: take(registryName, 50)
  location: location
  tags: tags
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: false }
}

resource pull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: registry
  name: guid(registry.id, identityPrincipalId, acrPull)
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
  }
}

resource managedEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: 'cae-${name}'
  location: location
  tags: tags
  properties: {}
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: take(name, 32)
  location: location
  tags: union(tags, { 'azd-service-name': 'app' })
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identityId}': {} } }
  dependsOn: [pull]
  properties: {
    managedEnvironmentId: managedEnvironment.id
    configuration: {
      ingress: { external: true, targetPort: port, transport: 'auto', allowInsecure: false }
      registries: [{ server: registry.properties.loginServer, identity: identityId }]
      // Key Vault references: the platform reads them with the identity and hands the app plain values.
      secrets: [
        { name: 'answer-secret', keyVaultUrl: answerSecretUri, identity: identityId }
        { name: 'database-url', keyVaultUrl: databaseUrlSecretUri, identity: identityId }
      ]
    }
    template: {
      containers: [
        {
          name: 'app'
          image: image
          env: env
          resources: { cpu: json('0.5'), memory: '1Gi' }
          probes: [
            { type: 'Liveness', httpGet: { path: '/healthz', port: port }, periodSeconds: 30 }
            { type: 'Readiness', httpGet: { path: '/readyz', port: port }, periodSeconds: 10 }
          ]
        }
      ]
      // One replica until you raise it: instances share PostgreSQL, the answer secret and Teams' tenant budget.
      scale: { minReplicas: 1, maxReplicas: 1 }
    }
  }
}

output fqdn string = app.properties.configuration.ingress.fqdn
output registryLoginServer string = registry.properties.loginServer
