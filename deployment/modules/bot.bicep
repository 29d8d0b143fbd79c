// The Azure Bot registration: the bot's identity is the user-assigned managed identity, and Teams
// is its one channel.

param name string
param displayName string
param sku string

@description('https://<web app>/api/messages')
param messagingEndpoint string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of that identity: the bot\'s Microsoft App Id.')
param identityClientId string

param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenant().tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output messagingEndpoint string = bot.properties.endpoint
