// Log Analytics and Application Insights with local (key) authentication off: telemetry is
// accepted only from Entra ID identities holding Monitoring Metrics Publisher on the component.
import { builtInRoles } from 'roles.bicep'

param workspaceName string
param applicationInsightsName string
param location string
param tags object
@description('Principal (object) id of the managed identity that sends telemetry.')
param publisherPrincipalId string
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, publisherPrincipalId, builtInRoles['Monitoring Metrics Publisher'])
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles['Monitoring Metrics Publisher'])
    principalId: publisherPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output connectionString string = appInsights.properties.ConnectionString
output applicationInsightsName string = appInsights.name
