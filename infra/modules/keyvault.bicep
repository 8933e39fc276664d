// Key Vault holding the KEK: the RSA key that wraps the repository's data keyset (DESIGN §3).
// RBAC mode (no access policies), soft delete and purge protection: a deleted vault or key
// can be recovered for the retention period, and nobody can shorten that period.
import { builtInRoles } from 'roles.bicep'

param name string
param location string
param tags object
@description('Principal (object) id of the managed identity that wraps and unwraps with the KEK.')
param appPrincipalId string
@description('Object id of the administrator who rotates the KEK and runs the vault CLI; empty for none.')
param operatorPrincipalId string = ''
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90
param kekName string = 'vault-kek'
@allowed([
  3072
  4096
])
param kekSize int = 3072

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// Only wrapKey/unwrapKey are allowed: the key never encrypts data directly.
resource kek 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: kekName
  properties: {
    kty: 'RSA'
    keySize: kekSize
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
  }
}

// Scoped to the one key, not the vault: the app can use the KEK and nothing else stored here.
resource appCryptoUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(kek.id, appPrincipalId, builtInRoles['Key Vault Crypto User'])
  scope: kek
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles['Key Vault Crypto User'])
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The administrator rotates the key (new version) and rewraps the keyset from their machine.
resource operatorCryptoOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, builtInRoles['Key Vault Crypto Officer'])
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles['Key Vault Crypto Officer'])
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

output name string = vault.name
// Version-less: the app wraps with the current version and records the versioned key id it
// used beside each wrapped keyset, so older versions still unwrap after a rotation.
output kekUri string = kek.properties.keyUri
