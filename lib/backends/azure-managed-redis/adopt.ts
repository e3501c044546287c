import { DEFAULT_DATABASE } from './catalog';
import { AzureManagedRedisProps } from './props';
import { Adoption, AdoptionConsequence, ImportIdFormat, adoptionRules, parseImportId, sameAsProp, withAllowList } from '../adoption';

/**
 * The import ID of `azurerm_managed_redis`, terraform-provider-azurerm v4.55.0 (website/docs/r/managed_redis.html.markdown;
 * the importer parses it with `redisenterprise.ParseRedisEnterpriseID`, whose segment names are case-sensitive). The
 * name follows the resource's rule (3-60 letters, digits and hyphens); the resource group, Azure's (1-90 characters).
 */
const MANAGED_REDIS_ID: ImportIdFormat = {
  pattern: /^\/subscriptions\/(?<subscription>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\/resourceGroups\/(?<resourceGroup>[-\w.()]{1,90})\/providers\/Microsoft\.Cache\/redisEnterprise\/(?<name>[A-Za-z0-9-]{3,60})$/,
  format: '/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers/Microsoft.Cache/redisEnterprise/{name}',
  source: 'azurerm_managed_redis import, azurerm provider 4.55.0',
};

/** The resource group and name an adopted cache's ID carries. */
export function adoptedCacheOf(props: AzureManagedRedisProps): { resourceGroup: string; name: string } | undefined {
  if (props.adopt === undefined) return undefined;
  const { resourceGroup, name } = parseImportId(props.adopt.managedRedisId, MANAGED_REDIS_ID, 'adopt.managedRedisId', () => false);
  return { resourceGroup, name };
}

/** The ID is well formed, and names the resource group `resourceGroupName` names, if it is given. */
export const AZURE_MANAGED_REDIS_ADOPTION_RULE = adoptionRules<AzureManagedRedisProps>((props, isUnresolved) => {
  const { resourceGroup } = parseImportId(props.adopt?.managedRedisId, MANAGED_REDIS_ID, 'adopt.managedRedisId', isUnresolved);
  sameAsProp('resourceGroupName', props.resourceGroupName, resourceGroup, 'adopt.managedRedisId', isUnresolved);
}, ['resourceGroupName']);

/**
 * The cache, the construct's `Resource`. Its resource group is used as an existing one, never defined or imported:
 * it may hold more than the data store, and a destroy would delete it with everything in it.
 */
export function managedRedisAdoption(props: AzureManagedRedisProps): Adoption | undefined {
  const cache = adoptedCacheOf(props);
  if (props.adopt === undefined || cache === undefined) return undefined;
  return {
    name: cache.name,
    source: 'adopt.managedRedisId',
    imports: [{ constructId: 'Resource', importId: props.adopt.managedRedisId }],
  };
}

/**
 * What the first apply after adopting a cache changes (terraform-provider-azurerm v4.55.0 managed_redis_resource.go:
 * sku_name and high_availability_enabled force a new cache; a new clustering_policy makes Update re-create the database).
 */
export const AZURE_MANAGED_REDIS_ADOPTION_CONSEQUENCES: readonly AdoptionConsequence<AzureManagedRedisProps>[] = [
  {
    code: 'AdoptedSkuChanged',
    changes: 'sku_name and high_availability_enabled become the plan\'s (skuFamily, the plan\'s memory, high availability beyond '
      + 'Hobbyist), both forcing a new cache: a cache of another SKU cannot be adopted (the plan stops on prevent_destroy)',
    fix: 'choose the plan, memory and skuFamily whose SKU the cache has',
  },
  {
    code: 'AdoptedDatabaseRecreated',
    changes: `the default database's clustering_policy becomes "${DEFAULT_DATABASE.clusteringPolicy}": a database with another `
      + 'policy (Azure\'s default is OSSCluster) is re-created, losing its data, while Terraform shows an update in place',
    fix: `adopt only a cache whose database uses ${DEFAULT_DATABASE.clusteringPolicy}; move another one's data by an export imported into a new data store`,
  },
  {
    code: 'AdoptedTlsRequired',
    changes: `client_protocol becomes "${DEFAULT_DATABASE.clientProtocol}" and access keys authentication is turned on: clients `
      + 'connecting without TLS are refused',
    fix: 'move every client to TLS before adopting',
  },
  {
    code: 'AdoptedPersistenceChanged',
    changes: 'the database\'s persistence and eviction policy become the plan\'s (append-only file every second, or hourly RDB)',
    fix: 'set evictionPolicy on the data store to the database\'s policy; persistence follows the plan',
  },
  {
    code: 'AdoptedPublicAccessEnabled',
    when: withAllowList(false),
    changes: 'public_network_access becomes "Enabled": a cache reached only through private endpoints becomes reachable from the internet (with its access key)',
    fix: 'set allowedCidrs and privateEndpointSubnetId to keep it private',
  },
  {
    code: 'AdoptedNetworkReplaced',
    when: withAllowList(true),
    changes: 'public_network_access becomes "Disabled", cutting off clients of the public endpoint, and a new private endpoint '
      + 'and network security group are added; the security group is associated with privateEndpointSubnetId in place of any '
      + 'it has',
    fix: 'give privateEndpointSubnetId a subnet without a network security group, and move clients to the private endpoint',
  },
];
