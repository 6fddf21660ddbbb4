// Key Vault (RBAC) with the answer secret and the database URL; the identity may read secrets, nothing more.
param name string
param location string
param tags object
param readerPrincipalId string
@secure()
param answerSecret string
@secure()
param databaseUrl string

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource answer 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'answer-secret'
  properties: { value: answerSecret }
}

resource database 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: { value: databaseUrl }
}

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUser)
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

output answerSecretUri string = answer.properties.secretUri
output databaseUrlSecretUri string = database.properties.secretUri
