// Data-plane roles for one principal on one storage account, by their roles.bicep names.
import { builtInRoles } from 'roles.bicep'

param accountName string
param principalId string
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string
param roleNames array

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: accountName
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in roleNames: {
  name: guid(account.id, principalId, builtInRoles[role])
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles[role])
    principalId: principalId
    principalType: principalType
  }
}]
