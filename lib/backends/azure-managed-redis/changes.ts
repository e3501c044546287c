import { AZURE_MANAGED_REDIS_ACCESS } from './access';
import { ChangeEffect, ChangeTable, DataStoreChange } from '../../plan';

/** Default database settings whose change makes the provider delete and re-create the database. */
const RECREATED_DATABASE_SETTINGS = ['clustering_policy', 'geo_replication_group_name', 'module'];

const setting = (database: unknown, name: string) => JSON.stringify((database as Record<string, unknown> | undefined)?.[name]);

/**
 * How Azure Managed Redis data stores take changes. Force-new facts: terraform-provider-azurerm v4.55.0,
 * `internal/services/managedredis/managed_redis_resource.go` (`ForceNew` on name, sku_name and
 * high_availability_enabled; resource_group_name and location through go-azure-helpers
 * `commonschema.ResourceGroupName()` and `commonschema.Location()`, both ForceNew). The Update function changes
 * public_network_access, customer_managed_key, identity and tags in place; for `default_database` it updates
 * access keys, client protocol, eviction policy and persistence in place, but deletes and re-creates the database
 * (losing its data, with Terraform showing an in-place update) when clustering_policy, geo_replication_group_name
 * or module change. The resource has no Redis version attribute (neither on the cluster nor in `default_database`),
 * so no Terraform change ever upgrades or downgrades Redis.
 *
 * What one update contains: Update PATCHes the cluster with its changed settings, then PUTs the database; no rule found
 * refuses the settings the library changes together.
 *
 * Create-time restore: none. azurerm_managed_redis in azurerm 4.55.0 has no import attribute (the API's import is an
 * action on an existing database, Databases_Import), so a replacement is stopped at plan with export and import steps.
 */
export const AZURE_MANAGED_REDIS_CHANGES: ChangeTable = {
  source: 'terraform-provider-azurerm v4.55.0 internal/services/managedredis/managed_redis_resource.go',
  primaryType: 'azurerm_managed_redis',
  forceNew: ['name', 'resource_group_name', 'location', 'sku_name', 'high_availability_enabled'],
  forceNewWhen: {
    default_database: (before, after) => RECREATED_DATABASE_SETTINGS.some((name) => setting(before, name) !== setting(after, name)),
  },
  forceNewParts: { default_database: RECREATED_DATABASE_SETTINGS },
  updateFacts: 'the cluster\'s changed settings in one PATCH, then the database in one PUT (managed_redis_resource.go Update); no rule found '
    + 'refuses the settings the library changes together',
  carry: {
    steps: 'azurerm_managed_redis has no create-time import, so move the data yourself: stop writes and export the database (az redisenterprise '
      + 'database export --cluster-name <name> --resource-group <group> --sas-uri <container SAS URI>; Business and up keep exports in the '
      + 'export storage account, which a replacement deletes with the resource group, so export to a container of your own), apply, then '
      + 'import it into the new cache (az redisenterprise database import --cluster-name <name> --resource-group <group> --sas-uris <blob SAS URI>).',
    source: 'terraform-provider-azurerm v4.55.0 internal/services/managedredis/managed_redis_resource.go: no import attribute',
  },
  rules: [
    {
      change: DataStoreChange.PLAN,
      effect: ChangeEffect.REPLACES,
      attributes: ['sku_name', 'high_availability_enabled', 'tags', 'lifecycle'],
      note: 'sku_name and high_availability_enabled force a new cache: stopped at plan, with the export and import steps (and Business\'s deletion protection turned off for that apply); Premium is refused',
    },
    {
      change: DataStoreChange.MEMORY,
      effect: ChangeEffect.REPLACES,
      attributes: ['sku_name'],
      note: 'a new SKU forces a new cache in azurerm 4.55.0, although Azure itself can scale: stopped at plan, with the export and import steps',
    },
    {
      change: DataStoreChange.REGION,
      effect: ChangeEffect.REPLACES,
      attributes: ['location'],
      note: 'a new cache (and resource group, export storage and private endpoint) in the new region: stopped at plan; import an export there',
    },
    {
      change: DataStoreChange.ENGINE_UPGRADE,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: 'no prop selects the engine, and Terraform never upgrades it: azurerm 4.55.0 has no version attribute, so a plan shows no change. An upgrade is an action outside Terraform on the existing cache: the API\'s Databases_UpgradeDBRedisVersion ("upgrades the database Redis version to the latest available", Update-AzRedisEnterpriseCacheDatabaseDbRedisVersion)',
    },
    {
      change: DataStoreChange.ENGINE_DOWNGRADE,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: 'no prop selects the engine, azurerm 4.55.0 has no version attribute, and the API offers upgrades only',
    },
    {
      change: DataStoreChange.NAME,
      effect: ChangeEffect.REPLACES,
      attributes: ['name'],
      note: 'the cache name is its identity; keep `name` (or the construct path it is derived from) stable',
    },
    {
      change: DataStoreChange.ALLOW_LIST,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['public_network_access'],
      note: 'adding allowedCidrs with privateEndpointSubnetId turns public network access off in place and adds the private endpoint; changing the list changes only the network security group',
    },
    {
      change: DataStoreChange.LUA,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: 'nothing changes: Lua stays on, and luaScripting: false is refused',
    },
    {
      change: DataStoreChange.PERSISTENCE,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['default_database'],
      note: 'RDB to AOF (as a cache defined with hourly RDB takes this library\'s AOF every second) updates the database in place: Update '
        + 'PUTs the new persistence with the existing database; only clustering_policy, geo_replication_group_name and module re-create it',
    },
    {
      change: DataStoreChange.EVICTION,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['default_database'],
      note: 'eviction_policy is one of the database settings Update PUTs in place with the existing database',
    },
    {
      change: DataStoreChange.ROTATION,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: `the data store itself is untouched: ${AZURE_MANAGED_REDIS_ACCESS.rotation.detail}`,
    },
  ],
  propRules: [
    {
      prop: 'skuFamily',
      effect: ChangeEffect.REPLACES,
      attributes: ['sku_name'],
      note: 'another family (Balanced, Memory Optimized, Compute Optimized) is another sku_name, which forces a new cache in azurerm '
        + '4.55.0: stopped at plan, with the export and import steps',
    },
    {
      prop: 'resourceGroupName',
      effect: ChangeEffect.REPLACES,
      attributes: ['resource_group_name'],
      note: 'the resource group is part of the cache\'s identity: a new cache in the other group (with its network security group and '
        + 'export storage): stopped at plan, with the export and import steps',
    },
  ],
};
