// m365vault in one resource group: `azd up` provisions this, then deploys the functions
// module and runs infra/scripts/grant-graph-permissions.sh. See README "Deploy to Azure".
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the unique resource names.')
param environmentName string

@minLength(1)
@description('Azure region of every resource; it must offer the Flex Consumption plan.')
param location string

@description('Object id of the administrator running azd: gets KEK rotation and data access for the vault CLI. Empty for none.')
param principalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('VAULT_POLICY: what to protect per workload, as a JSON object (README "Deploy to Azure").')
param vaultPolicy object

@description('VAULT_SCHEDULE: NCRONTAB, six fields, in UTC (Flex Consumption has no time zone setting).')
param vaultSchedule string = '0 0 1 * * *'

@description('VAULT_RETENTION: what prune keeps, as a JSON object ({} keeps every version 14 days, then daily 31, weekly 13, monthly 12; README "Retention and prune").')
param vaultRetention object = {}

@description('VAULT_MAINTENANCE_SCHEDULE: NCRONTAB, six fields, UTC, of the maintenance timer (prune, then verify); away from the backups.')
param vaultMaintenanceSchedule string = '0 30 13 * * *'

@minValue(1)
@maxValue(365)
@description('VAULT_VERIFY_DAYS: days within which the maintenance verify decrypts every pack once.')
param vaultVerifyDays int = 30

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param backupStorageSku string = 'Standard_LRS'

@allowed([
  'Enabled'
  'Disabled'
])
@description('Public network access of the backup account. Disabled needs private endpoints and VNet integration, which this template does not create.')
param backupStoragePublicNetworkAccess string = 'Enabled'

@minValue(0)
@description('Days of version-level immutability on the repository container; 0 (default) is off. Decide before the first deployment.')
param immutabilityDays int = 0

@minValue(1)
@maxValue(365)
param softDeleteDays int = 14

@minValue(1)
param versionRetentionDays int = 14

@minValue(1)
param packsCoolAfterDays int = 30

@minValue(1)
param packsColdAfterDays int = 90

@minValue(1)
@maxValue(365)
@description('Days an export stays downloadable (VAULT_EXPORT_DAYS); then it is deleted, with no version or soft-deleted copy left.')
param exportRetentionDays int = 7

@minValue(7)
@maxValue(90)
param keyVaultRetentionDays int = 90

var serviceName = 'functions'
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-m365vault-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    workspaceName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
    softDeleteRetentionInDays: keyVaultRetentionDays
  }
}

module backupStorage 'modules/storage.bicep' = {
  name: 'backup-storage'
  scope: rg
  params: {
    name: 'stvault${resourceToken}'
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
    skuName: backupStorageSku
    publicNetworkAccess: backupStoragePublicNetworkAccess
    softDeleteDays: softDeleteDays
    versionRetentionDays: versionRetentionDays
    immutabilityDays: immutabilityDays
    packsCoolAfterDays: packsCoolAfterDays
    packsColdAfterDays: packsColdAfterDays
    exportRetentionDays: exportRetentionDays
  }
}

// Exports live apart from the backups: the backup account keeps versions and soft-deleted copies,
// which would keep every deleted export for weeks (README "Export").
module exportStorage 'modules/exportstorage.bicep' = {
  name: 'export-storage'
  scope: rg
  params: {
    name: 'stexp${resourceToken}'
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
    publicNetworkAccess: backupStoragePublicNetworkAccess
    exportRetentionDays: exportRetentionDays
  }
}

module hostStorage 'modules/hoststorage.bicep' = {
  name: 'host-storage'
  scope: rg
  params: {
    name: 'stfunc${resourceToken}'
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    planName: 'plan-${resourceToken}'
    appName: 'func-m365vault-${resourceToken}'
    location: location
    tags: tags
    serviceName: serviceName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    hostStorageAccountName: hostStorage.outputs.name
    deploymentContainerUrl: hostStorage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    vaultStorage: backupStorage.outputs.blobEndpoint
    vaultQueueEndpoint: backupStorage.outputs.queueEndpoint
    vaultExports: exportStorage.outputs.blobEndpoint
    vaultExportDays: exportRetentionDays
    vaultKek: 'keyvault:${keyVault.outputs.kekUri}'
    graphTenantId: tenant().tenantId
    vaultPolicy: string(vaultPolicy)
    vaultSchedule: vaultSchedule
    vaultRetention: string(vaultRetention)
    vaultMaintenanceSchedule: vaultMaintenanceSchedule
    vaultVerifyDays: vaultVerifyDays
  }
}

// azd stores these in the environment (.azure/<env>/.env): the Graph grant hook reads the
// identity ids, and the vault CLI on the administrator's machine can use VAULT_STORAGE, VAULT_EXPORTS and VAULT_KEK.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output VAULT_STORAGE string = backupStorage.outputs.blobEndpoint
output VAULT_EXPORTS string = exportStorage.outputs.blobEndpoint
output VAULT_KEK string = 'keyvault:${keyVault.outputs.kekUri}'
