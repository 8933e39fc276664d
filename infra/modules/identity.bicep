// The one user-assigned managed identity everything runs as: the Functions host, the app's
// storage and Key Vault clients, and Microsoft Graph (its app roles are granted by
// infra/scripts/grant-graph-permissions.sh, so no client secret lives in Azure).
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
