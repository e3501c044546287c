import { AZURE_MANAGED_REDIS_ACCESS } from './access';
import { AZURE_MANAGED_REDIS_ADOPTION_CONSEQUENCES, AZURE_MANAGED_REDIS_ADOPTION_RULE, managedRedisAdoption } from './adopt';
import { AZURE_ALERTS } from './alert-plan';
import { MANAGED_REDIS_REFUSED_COMMANDS } from './catalog';
import { AZURE_MANAGED_REDIS_CHANGES } from './changes';
import { ManagedRedisSettings, planManagedRedis } from './plan';
import { AzureManagedRedisProps, AzureManagedRedisAdoption } from './props';
import { AZURE_REGIONS } from './regions';
import { AZURE_MANAGED_REDIS_PROP_RULES } from './validation';
import { Cloud, ProductPromise, checkRules, required, shapeOf } from '../../plan';
import { BackendDefinition, plannedExpectations } from '../definition';

/** Azure Managed Redis: its identity, validation and planning, without any provider binding. */
export const AZURE_MANAGED_REDIS: BackendDefinition<AzureManagedRedisProps, ManagedRedisSettings> = {
  id: 'azure-managed-redis',
  factory: 'azureManagedRedis',
  cloud: Cloud.AZURE,
  service: 'Azure Managed Redis',
  changes: AZURE_MANAGED_REDIS_CHANGES,
  regions: AZURE_REGIONS,
  regionProp: 'region',
  packages: { '@cdktf/provider-azurerm': '14.23.1' },
  // Not kept on every plan or input: nodes (Premium), network access (allowedCidrs without a private endpoint),
  // the connection limit and restricted commands (always substituted), Lua (cannot be switched off).
  enforcesWhenAsked: ['allow-list', 'lua-on'],
  keeps: [
    ProductPromise.AUTOMATIC_FAILOVER, ProductPromise.DISASTER_RECOVERY_BACKUP, ProductPromise.BACKUP_HISTORY, ProductPromise.ENCRYPTION_AT_REST,
    ProductPromise.TLS, ProductPromise.AUTHENTICATION, ProductPromise.STABLE_ENDPOINT, ProductPromise.REGION,
    ProductPromise.RECOVERY_POINT, ProductPromise.EVICTION_POLICY, ProductPromise.ENGINE_COMPATIBILITY,
  ],
  lifecycle: {
    destroyDeletes: [
      'the cache and its database, with the AOF persistence (database first, then cluster)',
      'the resource group, when the construct defines it: the provider refuses to delete a group holding resources Terraform did not create (features.resource_group.prevent_deletion_if_contains_resources, default true), and the construct leaves none there (the private endpoint\'s network interface goes with the endpoint)',
      'the export storage account with every export and export version: the backup history is lost (the provider deletes the account without checking its contents)',
      'the export Logic App, its custom role and both role assignments',
      'the private endpoint, its network security group, rules and subnet association, and the private DNS zone and link the construct defined',
    ],
    destroyLeaves: [
      'a resource group given as resourceGroupName: the construct only looks it up',
    ],
    uniqueNames: [
      {
        name: 'cache name',
        scope: 'the region, across Azure (the host name <name>.<region>.redis.azure.net is public DNS)',
        how: 'a derived name carries a hash of the construct path; two data stores with one name are refused at synth; the same app deployed twice into one region needs a name per deployment',
      },
      { name: 'resource group <name>-rg', scope: 'subscription', how: 'follows the cache name' },
      {
        name: 'export storage account',
        scope: 'global',
        how: '"choreo" and 18 hex digits of sha1(join("/", [<resource group ID>, <name>])), computed by Terraform: the ID holds the subscription and the group',
      },
      {
        name: 'export role definition',
        scope: 'Microsoft Entra tenant',
        how: 'choreo-redis-export-<name>- and 8 hex digits of sha1(<resource group ID>), computed by Terraform',
      },
      {
        name: 'private DNS zone privatelink.redis.azure.net',
        scope: 'resource group; and one zone of the name per virtual network',
        how: 'two data stores of one app defining it in the same resource group or for the same virtual network are refused at synth; privateDnsZone shares one zone',
      },
      {
        name: 'network security group of the private endpoint subnet',
        scope: 'subnet',
        how: 'two data stores of one app on the same privateEndpointSubnetId are refused at synth',
      },
    ],
    removal: 'Terraform deletes the cache with its database, the export storage account with every export, and the resource group it '
      + 'defined: azurerm_managed_redis in azurerm 4.55 has no deletion protection, and a management lock defined in the same stack '
      + 'would not help, as it depends on the cache and is deleted first. Export the data before you remove it; a CanNotDelete lock on '
      + 'the resource group, set outside this stack, stops Azure from deleting it',
    tokenCidrs: 'with a private endpoint, each token entry becomes cidrsubnet(entry, 0, 0) in source_address_prefixes, /32 added to a bare address (Azure refuses host bits), and a precondition on the allow rule refuses an entry that resolves to IPv6 (the endpoint is IPv4 only); without one, allowedCidrs is refused',
  },
  alerts: AZURE_ALERTS,
  access: AZURE_MANAGED_REDIS_ACCESS,
  propTypes: {
    region: required('string', { code: 'MissingRegion', fix: 'the Azure region, such as "westeurope"' }),
    resourceGroupName: 'string',
    skuFamily: 'string',
    backupHour: 'number',
    privateEndpointSubnetId: 'string',
    privateDnsZone: 'string',
    adopt: shapeOf<AzureManagedRedisAdoption>({ managedRedisId: required('string') }, 'AzureManagedRedisAdoption'),
  },
  regionOf: (props) => props.region,
  validate: (props, isUnresolved, skipped) =>
    checkRules([...AZURE_MANAGED_REDIS_PROP_RULES, AZURE_MANAGED_REDIS_ADOPTION_RULE], props, isUnresolved, skipped),
  adoptionOf: managedRedisAdoption,
  adoptionConsequences: AZURE_MANAGED_REDIS_ADOPTION_CONSEQUENCES,
  plan: planManagedRedis,
  // ACL and CONFIG, refused only in part, may answer the verifier's probes: only the commands refused in full are checked.
  verifierExpectations: plannedExpectations(planManagedRedis, { region: 'westeurope' }, MANAGED_REDIS_REFUSED_COMMANDS),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first render, so other clouds' bindings never load
  loadRenderer: () => (require('./render') as typeof import('./render')).renderManagedRedis,
};
