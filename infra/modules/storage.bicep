// The backup storage account: the repository container (config, keys, packs), the
// chunks/catalog/state tables and the work queues. Not the exports: they have their own account
// (exportstorage.bicep), since versioning and soft delete here would keep every deleted export.
// Entra ID only (no shared key), TLS 1.2, no anonymous access, versioning and soft delete on, packs tiered down with age.
param name string
param location string
param tags object
@description('Principal (object) id of the managed identity the Function App runs as.')
param appPrincipalId string
@description('Object id of the administrator who runs the vault CLI against this account; empty for none.')
param operatorPrincipalId string = ''
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string = 'Standard_LRS'
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Enabled'
@description('Days a deleted blob or container can be restored.')
@minValue(1)
@maxValue(365)
param softDeleteDays int = 14
@description('Days a previous blob version (left by a prune or an overwrite) is kept before lifecycle deletes it.')
@minValue(1)
param versionRetentionDays int = 14
@description('Days of version-level immutability (WORM) on the repository container; 0 leaves it off. Can only be switched on when the container is first created.')
@minValue(0)
param immutabilityDays int = 0
@description('Days after its last write that a pack moves to the Cool tier.')
@minValue(1)
param packsCoolAfterDays int = 30
@description('Days after its last write that a pack moves to the Cold tier; keep it above packsCoolAfterDays.')
@minValue(1)
param packsColdAfterDays int = 90
@description('Days before lifecycle deletes what is left in an `exports` container made here by versions before the exports account.')
@minValue(1)
param exportRetentionDays int = 7

// Names the code uses; see the README section "Deploy to Azure".
var repositoryContainerName = 'vault'
// Only for the legacy-exports rule below: this template no longer creates the container.
var legacyExportContainerName = 'exports'
// A repository's tables are its name (hyphens dropped) followed by chunks, catalog and state.
var tableNames = [
  '${repositoryContainerName}chunks'
  '${repositoryContainerName}catalog'
  '${repositoryContainerName}state'
]
// The Functions host creates the <name>-poison queues itself.
var queueNames = [
  'backup-items'
  'restore-jobs'
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
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
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
  }
}

resource repositoryContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: repositoryContainerName
  properties: {
    publicAccess: 'None'
    immutableStorageWithVersioning: {
      enabled: immutabilityDays > 0
    }
  }
}

// The container's default version-level policy: every blob version written is kept unchanged
// for immutabilityDays. Unlocked, so the period can still be shortened or removed; lock it by
// hand once the period is settled (a locked policy can only be lengthened).
resource repositoryRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = if (immutabilityDays > 0) {
  parent: repositoryContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: immutabilityDays
    allowProtectedAppendWrites: false
  }
}

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'packs-to-cool-and-cold'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${repositoryContainerName}/packs/'
              ]
            }
            actions: {
              baseBlob: {
                tierToCool: {
                  daysAfterModificationGreaterThan: packsCoolAfterDays
                }
                tierToCold: {
                  daysAfterModificationGreaterThan: packsColdAfterDays
                }
              }
            }
          }
        }
        {
          // Without this, a pruned pack would still be billed forever as a previous version.
          name: 'previous-versions-expire'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: max(versionRetentionDays, immutabilityDays + 1)
                }
              }
            }
          }
        }
        {
          // Exports written here before they moved to the exports account; their soft-deleted
          // copies and versions then go after softDeleteDays and versionRetentionDays.
          name: 'legacy-exports-expire'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${legacyExportContainerName}/'
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

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tableNames: {
  parent: tableService
  name: table
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in queueNames: {
  parent: queueService
  name: queue
}]

// Data roles only, at account scope: the app creates the containers and tables of a new
// repository (`vault init`), which a container- or table-scoped role would not allow.
// Contributor, not Owner: blob ACLs (Owner's extra) do not exist without a hierarchical namespace.
var appRoles = [
  'Storage Blob Data Contributor'
  'Storage Queue Data Contributor'
  'Storage Table Data Contributor'
]

module appRoleAssignments 'storage-roles.bicep' = {
  name: 'backup-storage-app-roles'
  params: {
    accountName: account.name
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleNames: appRoles
  }
}

module operatorRoleAssignments 'storage-roles.bicep' = if (!empty(operatorPrincipalId)) {
  name: 'backup-storage-operator-roles'
  params: {
    accountName: account.name
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
    roleNames: appRoles
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
