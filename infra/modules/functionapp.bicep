// Flex Consumption plan (FC1) and the Function App: Java 17 on Linux, run as the user-assigned
// identity, code pulled from the deployment container with that identity, every setting of
// DESIGN §6 that the app needs in Azure.
param planName string
param appName string
param location string
param tags object
@description('Name of the service in azure.yaml; azd finds the app by this tag to deploy to it.')
param serviceName string
param identityId string
param identityClientId string
param hostStorageAccountName string
param deploymentContainerUrl string
param applicationInsightsConnectionString string
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('VAULT_STORAGE: the backup account blob endpoint (a URL, so the app uses its managed identity).')
param vaultStorage string
@description('Queue endpoint of the backup account, for the queue triggers\' identity-based connection.')
param vaultQueueEndpoint string
@description('VAULT_EXPORTS: the exports account blob endpoint (no versioning, no soft delete).')
param vaultExports string
@description('VAULT_EXPORT_DAYS: days an export stays downloadable; the exports account lifecycle rule uses the same number.')
param vaultExportDays int
@description('VAULT_KEK: keyvault:<key id>.')
param vaultKek string
@description('GRAPH_TENANT_ID: the Entra ID tenant whose Microsoft 365 data is backed up.')
param graphTenantId string
@description('VAULT_POLICY: JSON, what to protect per workload.')
param vaultPolicy string
@description('VAULT_SCHEDULE: NCRONTAB (six fields, UTC) of the backup timer.')
param vaultSchedule string
@description('VAULT_RETENTION: JSON, which item versions prune keeps ({} is the defaults).')
param vaultRetention string
@description('VAULT_MAINTENANCE_SCHEDULE: NCRONTAB (six fields, UTC) of the maintenance timer (prune, then verify).')
param vaultMaintenanceSchedule string
@description('VAULT_VERIFY_DAYS: days within which the maintenance verify decrypts every pack once.')
param vaultVerifyDays int

// JVM arguments the Java worker appends after its own (-XX:TieredStopAtLevel=1); a later flag wins.
var javaArguments = '-XX:TieredStopAtLevel=4'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'java'
        version: '17'
      }
    }
  }

  // Flex Consumption takes the runtime from functionAppConfig: FUNCTIONS_WORKER_RUNTIME,
  // FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE and the content-share settings are
  // deprecated there and must not be set. No secret appears below.
  resource settings 'config' = {
    name: 'appsettings'
    properties: {
      AzureWebJobsStorage__accountName: hostStorageAccountName
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      // Connection "VAULT_QUEUES" of the queue triggers: the backup account's queues, by identity.
      VAULT_QUEUES__queueServiceUri: vaultQueueEndpoint
      VAULT_QUEUES__credential: 'managedidentity'
      VAULT_QUEUES__clientId: identityClientId
      // Picks the user-assigned identity for DefaultAzureCredential (storage and Key Vault).
      AZURE_CLIENT_ID: identityClientId
      VAULT_STORAGE: vaultStorage
      VAULT_EXPORTS: vaultExports
      VAULT_EXPORT_DAYS: string(vaultExportDays)
      VAULT_KEK: vaultKek
      GRAPH_TENANT_ID: graphTenantId
      GRAPH_CLIENT_ID: identityClientId
      VAULT_POLICY: vaultPolicy
      VAULT_SCHEDULE: vaultSchedule
      VAULT_RETENTION: vaultRetention
      VAULT_MAINTENANCE_SCHEDULE: vaultMaintenanceSchedule
      VAULT_VERIFY_DAYS: string(vaultVerifyDays)
      // The Java worker starts the JVM with -XX:TieredStopAtLevel=1 (C1 only), where the chunker
      // runs at half its C2 speed (and the JDK's AES-GCM near 40 MB/s where the native provider
      // does not load); these come after it on the command line and give C2 back. Microsoft
      // documents JAVA_OPTS for Premium and Dedicated plans and languageWorkers__java__arguments
      // for Consumption-type plans: both are set. The first invocation logs the mode it got.
      JAVA_OPTS: javaArguments
      languageWorkers__java__arguments: javaArguments
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
