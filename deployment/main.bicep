// Reisverslag in Azure: the Teams bot's identity, web app, Cosmos DB, monitoring and bot registration.
//
//   az deployment group create --resource-group <group> --name reisverslag \
//     --template-file deployment/main.bicep --parameters deployment/main.parameters.json
//
// No key, password or connection string is created, passed or output: the bot authenticates to
// Teams and to Cosmos DB as its user-assigned managed identity. See deployment/README.md.
targetScope = 'resourceGroup'

@description('Lowercase letters, digits and hyphens that every resource name starts with.')
@minLength(3)
@maxLength(16)
param baseName string = 'reisverslag'

@description('Region of every resource except the bot registration, which is global.')
param location string = resourceGroup().location

@description('The bot\'s name in the Azure portal (Teams shows the name from the app package).')
param botDisplayName string = 'Reisverslag'

@description('Azure Bot pricing tier: Teams is a standard channel, free in both; S1 comes with an SLA.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('App Service plan tier. B1 serves a municipality; B allows 3 instances, S 10 (with autoscale), P v3 30.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServicePlanSku string = 'B1'

@description('Number of web-app instances. Any instance serves any turn: all state is in Cosmos DB.')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('Cosmos DB in serverless mode (true). After changing the account to provisioned throughput (irreversible), deploy with false.')
param cosmosServerless bool = true

@description('The Cosmos DB database of the bot (COSMOS_DATABASE).')
param cosmosDatabaseName string = 'reisverslag'

@description('Comma-separated Entra tenant ids whose users may use the bot (ALLOWED_TENANT_IDS); default: this tenant.')
param allowedTenantIds string = subscription().tenantId

@description('A Teams channel id that receives every report (REPORT_CHANNEL_ID); empty: each team\'s own report channel.')
param reportChannelId string = ''

@description('Application (client) ID of the register tab\'s single sign-on app registration (REGISTER_CLIENT_ID); empty: the register refuses everyone until it is set (deployment/README.md).')
param registerClientId string = ''

@description('The bot\'s log level (LOG_LEVEL).')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

@description('Days the Log Analytics workspace keeps logs and Application Insights telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 90

@description('Tags on every resource.')
param tags object = {
  application: 'reisverslag'
}

// Web app, Cosmos DB and bot names are global (DNS); the suffix keeps them unique per resource group.
var suffix = uniqueString(resourceGroup().id)

// The bot's one identity: its Microsoft App Id towards Teams (UserAssignedMSI) and its Cosmos DB login.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: '${baseName}-monitoring'
  params: {
    workspaceName: 'log-${baseName}'
    appInsightsName: 'appi-${baseName}'
    location: location
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: '${baseName}-cosmos'
  params: {
    accountName: 'cosmos-${baseName}-${suffix}'
    location: location
    serverless: cosmosServerless
    databaseName: cosmosDatabaseName
    dataContributorPrincipalId: identity.properties.principalId
    tags: tags
  }
}

module webApp 'modules/webApp.bicep' = {
  name: '${baseName}-webapp'
  params: {
    name: 'app-${baseName}-${suffix}'
    planName: 'asp-${baseName}'
    location: location
    skuName: appServicePlanSku
    instanceCount: instanceCount
    identityId: identity.id
    identityClientId: identity.properties.clientId
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmosDatabaseName
    allowedTenantIds: allowedTenantIds
    reportChannelId: reportChannelId
    registerClientId: registerClientId
    logLevel: logLevel
    appInsightsName: monitoring.outputs.appInsightsName
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: '${baseName}-bot'
  params: {
    name: 'bot-${baseName}-${suffix}'
    displayName: botDisplayName
    sku: botSku
    messagingEndpoint: 'https://${webApp.outputs.defaultHostName}/api/messages'
    identityId: identity.id
    identityClientId: identity.properties.clientId
    tags: tags
  }
}

@description('The bot\'s Microsoft App Id (the identity\'s client id): bots[0].botId in the Teams app package.')
output botId string = identity.properties.clientId

@description('The Entra tenant of the bot.')
output tenantId string = tenant().tenantId

@description('The web app to zip-deploy the built bot to.')
output webAppName string = webApp.outputs.name

@description('The web app\'s address; GET /healthz answers 200 when the bot and Cosmos DB are up.')
output webAppUrl string = 'https://${webApp.outputs.defaultHostName}'

@description('The register\'s app registration (REGISTER_CLIENT_ID): webApplicationInfo in the Teams app package.')
output registerClientId string = registerClientId

@description('Where Teams sends the bot\'s activities.')
output messagingEndpoint string = bot.outputs.messagingEndpoint

@description('The App Service plan, to scale out or up.')
output appServicePlanName string = webApp.outputs.planName

@description('The Cosmos DB account, to watch or change its capacity.')
output cosmosAccountName string = cosmos.outputs.accountName
