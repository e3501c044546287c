import { LogicAppActionCustom } from '@cdktf/provider-azurerm/lib/logic-app-action-custom';
import { LogicAppTriggerRecurrence } from '@cdktf/provider-azurerm/lib/logic-app-trigger-recurrence';
import { LogicAppWorkflow } from '@cdktf/provider-azurerm/lib/logic-app-workflow';
import type { ManagedRedis } from '@cdktf/provider-azurerm/lib/managed-redis';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { RoleDefinition } from '@cdktf/provider-azurerm/lib/role-definition';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import { Construct } from 'constructs';
import { EXPORT_ROLE_ACTIONS, EXPORT_SAS_HOURS, REDIS_ENTERPRISE_API_VERSION, STORAGE_API_VERSION } from './catalog';
import { ManagedRedisExportSettings } from './plan';

const ARM = 'https://management.azure.com';
const MANAGED_IDENTITY_AUTH = { type: 'ManagedServiceIdentity', audience: `${ARM}/` };
const SAS_ACTION = 'Create_export_SAS';
const EXPORT_ACTION = 'Export_database';
/**
 * Hides an action's inputs and outputs from the Logic App's run history. Every action of the export job handles
 * the container SAS (one returns it, the other sends it), which anyone allowed to read the workflow's runs could
 * otherwise read there and use to read or overwrite the exports.
 */
const SECURE_DATA = { secureData: { properties: ['inputs', 'outputs'] } };

/** What the export job defines that the rest of the data store refers to. */
export interface ExportJob {
  /** The storage account, which holds data. */
  readonly storage: StorageAccount;
  /** The Logic App's ID, which the export job's alert watches. */
  readonly workflowId: string;
}

/** Where the data store's resources go. */
export interface Placement {
  readonly location: string;
  readonly resourceGroupName: string;
  /** The group's ID, for scoping the export role; read only when needed, as it may define a lookup. */
  readonly resourceGroupId: () => string;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Keeps the plan's backup history: a Logic App that exports the database every day into a versioned
 * container, a lifecycle rule that deletes exports and versions after the history, and a custom role that
 * lets the Logic App's identity do only those two calls.
 *
 * The resources are defined directly under `scope`, beside the cache, so that their construct IDs (and
 * Terraform logical IDs) are those of a data store rendered in one piece.
 *
 * @returns the storage account, which holds data, and the Logic App's ID
 */
export function defineExportJob(scope: Construct, settings: ManagedRedisExportSettings, redis: ManagedRedis, placement: Placement): ExportJob {
  const { location, resourceGroupName, tags } = placement;
  const resourceGroupId = placement.resourceGroupId();
  const storage = new StorageAccount(scope, 'ExportStorage', {
    name: settings.storageAccountName(resourceGroupId),
    location,
    resourceGroupName,
    accountKind: 'StorageV2',
    accountTier: 'Standard',
    accountReplicationType: 'LRS',
    minTlsVersion: 'TLS1_2',
    httpsTrafficOnlyEnabled: true,
    allowNestedItemsToBePublic: false,
    // The export job signs a service SAS with the account key; Azure Managed Redis exports through a SAS.
    sharedAccessKeyEnabled: true,
    infrastructureEncryptionEnabled: true,
    blobProperties: { versioningEnabled: true },
    tags,
  });
  // Each attribute read creates a new token (with a captured stack trace): read each once.
  const storageId = storage.id;
  const redisId = redis.id;
  const container = new StorageContainer(scope, 'ExportContainer', {
    name: settings.containerName,
    storageAccountId: storageId,
    containerAccessType: 'private',
  });
  const containerName = container.name;
  new StorageManagementPolicy(scope, 'ExportLifecycle', {
    storageAccountId: storageId,
    rule: [{
      name: 'expire-exports',
      enabled: true,
      filters: { blobTypes: ['blockBlob', 'appendBlob'], prefixMatch: [`${settings.containerName}/`] },
      actions: {
        baseBlob: { deleteAfterDaysSinceModificationGreaterThan: settings.historyDays },
        version: { deleteAfterDaysSinceCreation: settings.historyDays },
      },
    }],
  });

  const workflow = new LogicAppWorkflow(scope, 'ExportWorkflow', {
    name: settings.workflowName,
    location,
    resourceGroupName,
    identity: { type: 'SystemAssigned' },
    tags,
  });
  const workflowId = workflow.id;
  new LogicAppTriggerRecurrence(scope, 'ExportSchedule', {
    name: 'Daily',
    logicAppId: workflowId,
    frequency: 'Day',
    interval: 1,
    timeZone: 'UTC',
    schedule: { atTheseHours: [settings.hour], atTheseMinutes: [0] },
  });
  new LogicAppActionCustom(scope, 'ExportCreateSas', {
    name: SAS_ACTION,
    logicAppId: workflowId,
    body: JSON.stringify({
      type: 'Http',
      runAfter: {},
      inputs: {
        method: 'POST',
        uri: `${ARM}${storageId}/listServiceSas?api-version=${STORAGE_API_VERSION}`,
        body: {
          canonicalizedResource: `/blob/${storage.name}/${containerName}`,
          signedResource: 'c',
          signedPermission: 'rcwl',
          signedProtocol: 'https',
          signedExpiry: `@{addHours(utcNow(), ${EXPORT_SAS_HOURS})}`,
          keyToSign: 'key1',
        },
        authentication: MANAGED_IDENTITY_AUTH,
      },
      runtimeConfiguration: SECURE_DATA,
    }),
  });
  new LogicAppActionCustom(scope, 'ExportDatabase', {
    name: EXPORT_ACTION,
    logicAppId: workflowId,
    body: JSON.stringify({
      type: 'Http',
      runAfter: { [SAS_ACTION]: ['Succeeded'] },
      inputs: {
        method: 'POST',
        uri: `${ARM}${redisId}/databases/default/export?api-version=${REDIS_ENTERPRISE_API_VERSION}`,
        body: { sasUri: `@{concat('${storage.primaryBlobEndpoint}${containerName}?', body('${SAS_ACTION}')?['serviceSasToken'])}` },
        authentication: MANAGED_IDENTITY_AUTH,
      },
      operationOptions: 'DisableAsyncPattern',
      runtimeConfiguration: SECURE_DATA,
    }),
  });

  const role = new RoleDefinition(scope, 'ExportRole', {
    name: settings.roleName(resourceGroupId),
    scope: resourceGroupId,
    description: `Lets the export job of ${redis.name} list a SAS for its export container and start an export.`,
    permissions: [{ actions: [...EXPORT_ROLE_ACTIONS] }],
    assignableScopes: [resourceGroupId],
  });
  const roleDefinitionId = role.roleDefinitionResourceId;
  const principalId = workflow.identity.principalId;
  for (const [id, target] of [['ExportRoleOnRedis', redisId], ['ExportRoleOnStorage', storageId]] as const) {
    new RoleAssignment(scope, id, {
      scope: target,
      roleDefinitionId,
      principalId,
      principalType: 'ServicePrincipal',
    });
  }
  return { storage, workflowId };
}
