// The Functions host's own storage account (AzureWebJobsStorage: leases, timer state, keys)
// and the Flex Consumption deployment package container. Kept apart from the backup account
// because the host rewrites and deletes its blobs constantly, which the backup account's
// versioning, immutability and lifecycle rules are not meant for; it holds no backup data.
param name string
param location string
param tags object
@description('Principal (object) id of the managed identity the Function App runs as.')
param appPrincipalId string
param deploymentContainerName string = 'app-package'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
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
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Microsoft's identity-based AzureWebJobsStorage guidance: Blob Data Owner for the host
// (and the deployment container), Queue and Table Data Contributor for its queues and
// diagnostic-event tables. This account is dedicated to the host, so nothing else is exposed.
var hostRoles = [
  'Storage Blob Data Owner'
  'Storage Queue Data Contributor'
  'Storage Table Data Contributor'
]

module hostRoleAssignments 'storage-roles.bicep' = {
  name: 'host-storage-app-roles'
  params: {
    accountName: account.name
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleNames: hostRoles
  }
}

output name string = account.name
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainerName}'
