// The exports account: restore zips (container `exports`) and nothing else. It exists so that a
// deleted export is gone: blob versioning, blob and container soft delete, change feed and
// point-in-time restore are all off, set here rather than left to defaults, and no container is
// immutable. The app deletes each zip when its window (exportRetentionDays, the app's
// VAULT_EXPORT_DAYS) ends, hourly (ExpireExports); the lifecycle rule is the back-stop while the
// app is not running. Entra ID only: with shared keys off, no account-key SAS can be made, and the
// app's user delegation SAS links never reach past an export's window. See README "Export".
param name string
param location string
param tags object
@description('Principal (object) id of the managed identity the Function App runs as.')
param appPrincipalId string
@description('Object id of the administrator who runs `vault restore --export`; empty for none.')
param operatorPrincipalId string = ''
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Enabled'
@description('Days an export stays downloadable; the app deletes it then, this account\'s lifecycle rule at the latest a day later.')
@minValue(1)
@maxValue(365)
param exportRetentionDays int = 7

// The container name the code uses (ExportStore.CONTAINER).
var exportContainerName = 'exports'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  // LRS: a geo-replica would be one more copy of the mail; an export can be made again from the backups.
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: false
    deleteRetentionPolicy: {
      enabled: false
    }
    containerDeleteRetentionPolicy: {
      enabled: false
    }
    changeFeed: {
      enabled: false
    }
    restorePolicy: {
      enabled: false
    }
  }
}

resource exportContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: exportContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          // Back-stop only: lifecycle runs about once a day; the app's sweep is hourly.
          name: 'exports-expire'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${exportContainerName}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: exportRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

// Blob Data Contributor: write and delete zips, and ask for the user delegation key that signs links.
var exportRoles = [
  'Storage Blob Data Contributor'
]

module appRoleAssignments 'storage-roles.bicep' = {
  name: 'export-storage-app-roles'
  params: {
    accountName: account.name
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleNames: exportRoles
  }
}

module operatorRoleAssignments 'storage-roles.bicep' = if (!empty(operatorPrincipalId)) {
  name: 'export-storage-operator-roles'
  params: {
    accountName: account.name
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
    roleNames: exportRoles
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
