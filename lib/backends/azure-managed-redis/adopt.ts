import { AzureManagedRedisBackendProps } from './props';
import { Adoption, ImportIdFormat, adoptionRules, parseImportId, sameAsProp } from '../adoption';

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
export function adoptedCacheOf(props: AzureManagedRedisBackendProps): { resourceGroup: string; name: string } | undefined {
  if (props.adopt === undefined) return undefined;
  const { resourceGroup, name } = parseImportId(props.adopt.managedRedisId, MANAGED_REDIS_ID, 'adopt.managedRedisId', () => false);
  return { resourceGroup, name };
}

/** The ID is well formed, and names the resource group `resourceGroupName` names, if it is given. */
export const AZURE_MANAGED_REDIS_ADOPTION_RULE = adoptionRules<AzureManagedRedisBackendProps>((props, isUnresolved) => {
  const { resourceGroup } = parseImportId(props.adopt?.managedRedisId, MANAGED_REDIS_ID, 'adopt.managedRedisId', isUnresolved);
  sameAsProp('resourceGroupName', props.resourceGroupName, resourceGroup, 'adopt.managedRedisId', isUnresolved);
});

/**
 * The cache, the construct's `Resource`. Its resource group is used as an existing one, never defined or imported:
 * it may hold more than the data store, and a destroy would delete it with everything in it.
 */
export function managedRedisAdoption(props: AzureManagedRedisBackendProps): Adoption | undefined {
  const cache = adoptedCacheOf(props);
  if (props.adopt === undefined || cache === undefined) return undefined;
  return {
    name: cache.name,
    source: 'adopt.managedRedisId',
    imports: [{ constructId: 'Resource', importId: props.adopt.managedRedisId }],
  };
}
