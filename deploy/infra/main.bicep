// Partner Coach on Azure: a user-assigned identity that is the bot's app id, Container Apps running the image,
// the Azure Bot with the Teams channel, PostgreSQL flexible server, Key Vault for secrets and optional Azure OpenAI.
targetScope = 'resourceGroup'

@description('Short name used in every resource name (azd passes the environment name).')
@minLength(2)
@maxLength(20)
param environmentName string

param location string = resourceGroup().location

@description('Container image; azd replaces it with the image it builds from the Dockerfile.')
param image string = 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest'

@description('The secret that keys anonymous answers, as hex: openssl rand -hex 32. Never change it after the first start.')
@secure()
param answerSecret string

@description('PostgreSQL administrator login.')
param postgresAdminLogin string = 'coachadmin'

@secure()
param postgresAdminPassword string

@description('Also create Azure OpenAI (AI feedback and the role-play customer), used keylessly through the identity.')
param enableOpenAi bool = false

param openAiModel string = 'gpt-4o-mini'
param openAiModelVersion string = '2024-07-18'
param openAiApiVersion string = '2024-10-21'

var suffix = uniqueString(resourceGroup().id, environmentName)
var baseName = toLower(environmentName)
var tags = { 'azd-env-name': environmentName }
var databaseName = 'partnercoach'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { name: 'id-${baseName}-${suffix}', location: location, tags: tags }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: 'psql-${baseName}-${suffix}'
    location: location
    tags: tags
    databaseName: databaseName
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv-${take(baseName, 9)}-${take(suffix, 10)}'
    location: location
    tags: tags
    readerPrincipalId: identity.outputs.principalId
    answerSecret: answerSecret
    databaseUrl: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.outputs.host}:5432/${databaseName}?sslmode=require'
  }
}

module openAi 'modules/openai.bicep' = if (enableOpenAi) {
  name: 'openai'
  params: {
    name: 'oai-${baseName}-${suffix}'
    location: location
    tags: tags
    model: openAiModel
    modelVersion: openAiModelVersion
    userPrincipalId: identity.outputs.principalId
  }
}

// Every environment variable the app gets, and nothing else (tests/deploy/bicep-config.test.ts reads this block:
// each name must be one src/config.ts reads). A secretRef names a Key Vault reference defined in modules/app.bicep.
// app-settings:begin
var appSettings = [
  { name: 'PORT', value: '3978' }
  { name: 'HOST', value: '0.0.0.0' }
  { name: 'LOG_LEVEL', value: 'info' }
  { name: 'MicrosoftAppId', value: identity.outputs.clientId }
  { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
  { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
  { name: 'ALLOWED_TENANT_IDS', value: tenant().tenantId }
  { name: 'DATABASE_URL', secretRef: 'database-url' }
  { name: 'ANSWER_SECRET', secretRef: 'answer-secret' }
  { name: 'AZURE_CLIENT_ID', value: identity.outputs.clientId }
  { name: 'AZURE_OPENAI_ENDPOINT', value: enableOpenAi ? openAi.outputs.endpoint : '' }
  { name: 'AZURE_OPENAI_DEPLOYMENT', value: enableOpenAi ? openAi.outputs.deployment : '' }
  { name: 'AZURE_OPENAI_API_VERSION', value: enableOpenAi ? openAiApiVersion : '' }
]
// app-settings:end

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    name: 'ca-${baseName}-${suffix}'
    registryName: 'cr${replace(baseName, '-', '')}${suffix}'
    location: location
    tags: tags
    image: image
    identityId: identity.outputs.id
    identityPrincipalId: identity.outputs.principalId
    env: appSettings
    answerSecretUri: vault.outputs.answerSecretUri
    databaseUrlSecretUri: vault.outputs.databaseUrlSecretUri
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${baseName}-${suffix}'
    tags: tags
    endpoint: 'https://${app.outputs.fqdn}/api/messages'
    appId: identity.outputs.clientId
    identityId: identity.outputs.id
  }
}

@description('The bot app id: MicrosoftAppId for npm run package.')
output MicrosoftAppId string = identity.outputs.clientId
@description('The public host name: BOT_DOMAIN for npm run package.')
output BOT_DOMAIN string = app.outputs.fqdn
output MicrosoftAppTenantId string = tenant().tenantId
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = app.outputs.registryLoginServer
