/**
 * Azure Managed Redis written by hand: the resources `RedisBackend.azureManagedRedis` defines for the `azure`
 * matrix cloud, including the daily export that keeps the backup history.
 */
import { LogicAppActionCustom } from '@cdktf/provider-azurerm/lib/logic-app-action-custom';
import { LogicAppTriggerRecurrence } from '@cdktf/provider-azurerm/lib/logic-app-trigger-recurrence';
import { LogicAppWorkflow } from '@cdktf/provider-azurerm/lib/logic-app-workflow';
import { ManagedRedis } from '@cdktf/provider-azurerm/lib/managed-redis';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { RoleDefinition } from '@cdktf/provider-azurerm/lib/role-definition';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import { Fn } from 'cdktf';
import { Baseline, MatrixVariant, verifyOf } from '../../../../bench/baselines/baseline';
import { guardReplacement } from '../../replacement-guard';
import { AZURE_MANAGED_REDIS_CHANGES } from '../changes';

const LOCATION = 'westeurope';
const ARM = 'https://management.azure.com';
const AUTH = { type: 'ManagedServiceIdentity', audience: `${ARM}/` };

type Variant = { readonly sku: string; readonly highAvailability: boolean; readonly historyDays: number };

const VARIANTS: Partial<Record<MatrixVariant, Variant>> = {
  hobbyist: { sku: 'Balanced_B1', highAvailability: false, historyDays: 0 },
  startup: { sku: 'Balanced_B3', highAvailability: false, historyDays: 1 },
  business: { sku: 'Balanced_B5', highAvailability: true, historyDays: 3 },
};

export const baseline: Baseline = {
  cloud: 'azure',
  variants: ['hobbyist', 'startup', 'business'],
  configure(stack) {
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
  },
  define(scope, variant, name) {
    const v = VARIANTS[variant]!;
    const tags = { 'managed-by': 'cdktf-choreo-redis', 'choreo-plan': variant };
    const protect = v.highAvailability ? { preventDestroy: true } : undefined;
    const group = new ResourceGroup(scope, 'ResourceGroup', { name: `${name}-rg`, location: LOCATION, tags });
    const redis = new ManagedRedis(scope, 'Resource', {
      name,
      location: LOCATION,
      resourceGroupName: group.name,
      skuName: v.sku,
      highAvailabilityEnabled: v.highAvailability,
      publicNetworkAccess: 'Enabled',
      defaultDatabase: {
        clientProtocol: 'Encrypted',
        clusteringPolicy: 'EnterpriseCluster',
        evictionPolicy: 'NoEviction',
        accessKeysAuthenticationEnabled: true,
        persistenceAppendOnlyFileBackupFrequency: '1s',
      },
      tags,
      lifecycle: protect,
    });
    guardReplacement(scope, redis, AZURE_MANAGED_REDIS_CHANGES, { service: 'Azure Managed Redis' });

    if (v.historyDays > 0) {
      const storage = new StorageAccount(scope, 'ExportStorage', {
        name: `choreo${Fn.substr(Fn.sha1(Fn.join('/', [group.id, name])), 0, 18)}`,
        location: LOCATION,
        resourceGroupName: group.name,
        accountKind: 'StorageV2',
        accountTier: 'Standard',
        accountReplicationType: 'LRS',
        minTlsVersion: 'TLS1_2',
        httpsTrafficOnlyEnabled: true,
        allowNestedItemsToBePublic: false,
        sharedAccessKeyEnabled: true,
        infrastructureEncryptionEnabled: true,
        blobProperties: { versioningEnabled: true },
        tags,
        lifecycle: protect,
      });
      const container = new StorageContainer(scope, 'ExportContainer', {
        name: 'exports', storageAccountId: storage.id, containerAccessType: 'private',
      });
      new StorageManagementPolicy(scope, 'ExportLifecycle', {
        storageAccountId: storage.id,
        rule: [{
          name: 'expire-exports',
          enabled: true,
          filters: { blobTypes: ['blockBlob', 'appendBlob'], prefixMatch: ['exports/'] },
          actions: {
            baseBlob: { deleteAfterDaysSinceModificationGreaterThan: v.historyDays },
            version: { deleteAfterDaysSinceCreation: v.historyDays },
          },
        }],
      });
      const workflow = new LogicAppWorkflow(scope, 'ExportWorkflow', {
        name: `${name}-export`, location: LOCATION, resourceGroupName: group.name, identity: { type: 'SystemAssigned' }, tags,
      });
      new LogicAppTriggerRecurrence(scope, 'ExportSchedule', {
        name: 'Daily',
        logicAppId: workflow.id,
        frequency: 'Day',
        interval: 1,
        timeZone: 'UTC',
        schedule: { atTheseHours: [3], atTheseMinutes: [0] },
      });
      new LogicAppActionCustom(scope, 'ExportCreateSas', {
        name: 'Create_export_SAS',
        logicAppId: workflow.id,
        body: JSON.stringify({
          type: 'Http',
          runAfter: {},
          inputs: {
            method: 'POST',
            uri: `${ARM}${storage.id}/listServiceSas?api-version=2023-05-01`,
            body: {
              canonicalizedResource: `/blob/${storage.name}/${container.name}`,
              signedResource: 'c',
              signedPermission: 'rcwl',
              signedProtocol: 'https',
              signedExpiry: '@{addHours(utcNow(), 6)}',
              keyToSign: 'key1',
            },
            authentication: AUTH,
          },
          runtimeConfiguration: { secureData: { properties: ['inputs', 'outputs'] } },
        }),
      });
      new LogicAppActionCustom(scope, 'ExportDatabase', {
        name: 'Export_database',
        logicAppId: workflow.id,
        body: JSON.stringify({
          type: 'Http',
          runAfter: { Create_export_SAS: ['Succeeded'] },
          inputs: {
            method: 'POST',
            uri: `${ARM}${redis.id}/databases/default/export?api-version=2025-07-01`,
            body: { sasUri: `@{concat('${storage.primaryBlobEndpoint}${container.name}?', body('Create_export_SAS')?['serviceSasToken'])}` },
            authentication: AUTH,
          },
          operationOptions: 'DisableAsyncPattern',
          runtimeConfiguration: { secureData: { properties: ['inputs', 'outputs'] } },
        }),
      });
      const role = new RoleDefinition(scope, 'ExportRole', {
        name: `choreo-redis-export-${name}-${Fn.substr(Fn.sha1(group.id), 0, 8)}`,
        scope: group.id,
        description: `Lets the export job of ${redis.name} list a SAS for its export container and start an export.`,
        permissions: [{ actions: ['Microsoft.Storage/storageAccounts/listServiceSas/action', 'Microsoft.Cache/redisEnterprise/databases/export/action'] }],
        assignableScopes: [group.id],
      });
      new RoleAssignment(scope, 'ExportRoleOnRedis', {
        scope: redis.id, roleDefinitionId: role.roleDefinitionResourceId, principalId: workflow.identity.principalId, principalType: 'ServicePrincipal',
      });
      new RoleAssignment(scope, 'ExportRoleOnStorage', {
        scope: storage.id, roleDefinitionId: role.roleDefinitionResourceId, principalId: workflow.identity.principalId, principalType: 'ServicePrincipal',
      });
    }
    const connections: Partial<Record<MatrixVariant, number>> = { hobbyist: 10000, startup: 12288, business: 24576 };
    return {
      host: redis.hostname,
      port: 10000,
      user: 'default',
      password: redis.defaultDatabase.primaryAccessKey,
      verify: verifyOf('azure-managed-redis', variant, connections[variant]!, v.highAvailability ? 2 : 1),
    };
  },
};
