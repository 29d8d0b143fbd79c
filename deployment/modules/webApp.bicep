// The App Service plan and the Linux web app that runs the bot (Node 22 LTS), with its app settings
// and its logs sent to Log Analytics.

param name string
param planName string
param location string

@description('App Service plan tier, e.g. B1, S1, P0v3.')
param skuName string

@description('Number of instances; any instance serves any turn.')
param instanceCount int

@description('Resource id of the bot\'s user-assigned managed identity.')
param identityId string

@description('Client id of that identity: MicrosoftAppId and AZURE_CLIENT_ID.')
param identityClientId string

param cosmosEndpoint string
param cosmosDatabaseName string
param allowedTenantIds string
param reportChannelId string

@description('The register tab\'s single sign-on app registration; empty: the register is closed.')
param registerClientId string

param logLevel string

@description('The Application Insights component the web app reports to.')
param appInsightsName string

@description('The Log Analytics workspace that receives the web app\'s logs.')
param workspaceId string

param tags object

// App Service sends requests to this port of the container (WEBSITES_PORT) and the bot listens on it (PORT).
var port = '8080'

// The bot's own environment variables: exactly those src/config.ts reads (environmentVariableNames).
// A test keeps this list equal to the code. botbuilder's sovereign-cloud settings are not set: the
// public cloud's defaults apply.
var botSettings = {
  PORT: port
  MicrosoftAppId: identityClientId
  // No password: the bot authenticates to Teams as its managed identity.
  MicrosoftAppPassword: ''
  MicrosoftAppType: 'UserAssignedMSI'
  MicrosoftAppTenantId: tenant().tenantId
  COSMOS_ENDPOINT: cosmosEndpoint
  // No key: an endpoint without a key means Entra ID, as the identity named by AZURE_CLIENT_ID.
  COSMOS_KEY: ''
  COSMOS_DATABASE: cosmosDatabaseName
  REPORT_CHANNEL_ID: reportChannelId
  ALLOWED_TENANT_IDS: allowedTenantIds
  NODE_ENV: 'production'
  LOG_LEVEL: logLevel
  // Reminders of untouched drafts, at their defaults (README, configuration).
  REMINDER_AFTER_DAYS: '3'
  REMINDER_WINDOW: 'ma-vr 09:00-17:00'
  REMINDER_SKIP_HOLIDAYS: 'true'
  REMINDER_SWEEP_MINUTES: '15'
  // Where Word files may be uploaded: the OneDrive upload URLs Teams hands out (README, configuration).
  UPLOAD_HOST_SUFFIXES: '.sharepoint.com'
  // The register tab: whose Teams SSO tokens it takes, and where Entra ID's signing keys are found
  // (the public cloud's multi-tenant metadata; README, configuration).
  REGISTER_CLIENT_ID: registerClientId
  REGISTER_OPENID_METADATA_URL: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration'
}

// Platform settings the bot's code does not read; the allowlist documented in deployment/README.md.
var platformSettings = {
  // The port App Service forwards to; the same as PORT.
  WEBSITES_PORT: port
  // The zip holds the built bot with its production node_modules: no build on App Service.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  // Which managed identity @azure/identity's DefaultAzureCredential uses for Cosmos DB.
  AZURE_CLIENT_ID: identityClientId
  // Application Insights' Node.js agent on App Service for Linux, and where it sends telemetry.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  kind: 'linux'
  tags: tags
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  kind: 'app,linux'
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Any instance serves any turn (state is in Cosmos DB): no sticky sessions.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // As `npm start`: a heap ceiling, else V8 lets the heap grow far past the ~100 MB live
      // between collections (README, Performance).
      appCommandLine: 'node --max-old-space-size=144 --max-semi-space-size=8 dist/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      webSocketsEnabled: false
    }
  }
}

// All of the web app's app settings, and only these: the bot's variables and the platform allowlist.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(botSettings, platformSettings)
}

// Deployments sign in with Entra ID (az webapp deploy); publishing passwords are off.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// The bot's JSON log lines (stdout), HTTP and platform logs go to Log Analytics.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output planName string = plan.name
