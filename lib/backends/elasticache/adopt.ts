import { ElastiCacheBackendProps } from './props';
import { Adoption, ImportIdFormat, adoptionRules, parseImportId } from '../adoption';

/**
 * Import IDs, terraform-provider-aws v6.25.0 (website/docs/r/elasticache_replication_group.html.markdown and
 * elasticache_subnet_group.html.markdown: both resources import by their own ID, passed through). The replication
 * group ID follows `validateReplicationGroupID` (replication_group.go: 1-40 characters, a letter first, letters,
 * digits and hyphens, no `--`, no hyphen at the end); subnet group names are letters, digits and hyphens, at most
 * 255, stored in lower case (subnet_group.go).
 */
const REPLICATION_GROUP_ID: ImportIdFormat = {
  pattern: /^(?<name>(?!.*--)[a-zA-Z][a-zA-Z0-9-]{0,39}(?<!-))$/,
  format: '{replication_group_id}, 1-40 letters, digits and hyphens starting with a letter, such as "orders-cache"',
  source: 'aws_elasticache_replication_group import, AWS provider 6.25.0',
};
const SUBNET_GROUP_NAME: ImportIdFormat = {
  pattern: /^(?<name>[a-zA-Z0-9-]{1,255})$/,
  format: '{name}, 1-255 letters, digits and hyphens, such as "orders-cache-subnets"',
  source: 'aws_elasticache_subnet_group import, AWS provider 6.25.0',
};

/** Both IDs are well formed. */
export const ELASTICACHE_ADOPTION_RULE = adoptionRules<ElastiCacheBackendProps>((props, isUnresolved) => {
  parseImportId(props.adopt?.replicationGroupId, REPLICATION_GROUP_ID, 'adopt.replicationGroupId', isUnresolved);
  parseImportId(props.adopt?.subnetGroupName, SUBNET_GROUP_NAME, 'adopt.subnetGroupName', isUnresolved);
});

/** The replication group (the construct's `Resource`) and its subnet group, by the IDs given. */
export function elastiCacheAdoption(props: ElastiCacheBackendProps): Adoption | undefined {
  if (props.adopt === undefined) return undefined;
  const { replicationGroupId, subnetGroupName } = props.adopt;
  return {
    name: replicationGroupId.toLowerCase(),
    source: 'adopt.replicationGroupId',
    ignoreCase: true,
    imports: [
      { constructId: 'Resource', importId: replicationGroupId.toLowerCase() },
      { constructId: 'SubnetGroup', importId: subnetGroupName.toLowerCase() },
    ],
  };
}
