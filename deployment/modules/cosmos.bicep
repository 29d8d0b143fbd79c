// Cosmos DB for NoSQL: one account without keys (Entra ID only), the bot's database and containers,
// and the bot identity's data-plane role on that database.

param accountName string
param location string

@description('Serverless capacity mode; false once the account has been changed to provisioned throughput.')
param serverless bool

param databaseName string

@description('Object (principal) id of the identity that reads and writes the bot\'s data.')
param dataContributorPrincipalId string

param tags object

// The containers and partition keys of src/store/containers.ts (CONTAINERS); a test keeps them equal.
// Under Entra ID the bot only checks that they exist: it cannot create them.
// The indexing policy is the default (consistent, every path), which serves the reminder sweep's
// cross-partition query on `reports` (status, reminderDueAt, ORDER BY reminderDueAt), plus the
// composite indexes of CONTAINERS: the register's page query on `reports` (posted, newest trip
// first: ORDER BY c.status ASC, c.registerIndex.date DESC). A custom policy must keep a range
// index on /status/? and /reminderDueAt/?.
var containers = [
  {
    name: 'reports'
    partitionKeyPath: '/travellerId'
    compositeIndexes: [
      [
        {
          path: '/status'
          order: 'ascending'
        }
        {
          path: '/registerIndex/date'
          order: 'descending'
        }
      ]
    ]
  }
  {
    name: 'state'
    partitionKeyPath: '/id'
    // Dialog positions only (answers live in reports): gone after 30 days untouched.
    defaultTtl: 2592000
  }
  {
    name: 'channels'
    partitionKeyPath: '/tenantId'
  }
  {
    name: 'preferences'
    partitionKeyPath: '/travellerId'
  }
  {
    name: 'sameTrips'
    partitionKeyPath: '/colleagueId'
    // Colleagues' names and trip titles (see SECURITY.md): gone 180 days after the last write.
    defaultTtl: 15552000
  }
]

// Cosmos DB Built-in Data Contributor: read metadata, read and write items (a fixed, public role id).
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  kind: 'GlobalDocumentDB'
  tags: tags
  properties: {
    databaseAccountOfferType: 'Standard'
    capabilities: serverless ? [
      {
        name: 'EnableServerless'
      }
    ] : []
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

resource containerResources 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: {
          paths: [
            container.partitionKeyPath
          ]
          kind: 'Hash'
          version: 2
        }
        // Absent (null) for reports, channels and preferences: their documents never expire.
        defaultTtl: container.?defaultTtl
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: [
            {
              path: '/*'
            }
          ]
          excludedPaths: [
            {
              path: '/"_etag"/?'
            }
          ]
          compositeIndexes: container.?compositeIndexes ?? []
        }
      }
    }
  }
]

// The role holds on the bot's database only (its containers and items), not on the account: another
// database in the same account stays out of the identity's reach. Cosmos DB's data-plane scope of a
// database is `<account id>/dbs/<database name>`.
var dataContributorScope = '${account.id}/dbs/${databaseName}'

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(dataContributorScope, dataContributorPrincipalId, dataContributorRoleId)
  dependsOn: [
    database
  ]
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: dataContributorPrincipalId
    scope: dataContributorScope
  }
}

output endpoint string = account.properties.documentEndpoint
output accountName string = account.name
