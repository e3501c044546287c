import { ElastiCacheProps, ElastiCacheEngineVersion } from './props';
import { Adoption, AdoptionConsequence, ImportIdFormat, adoptionRules, parseImportId, refuseAdoption, whileOmitted } from '../adoption';

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

const DEFAULT_ENGINE = ElastiCacheEngineVersion.VALKEY_8_0;

/**
 * What the first apply after adopting a replication group changes (terraform-provider-aws v6.25.0: replication_group.go
 * for force-new attributes; the resource's documentation of `transit_encryption_mode`, which an existing group must
 * move through "preferred" before "required").
 */
export const ELASTICACHE_ADOPTION_CONSEQUENCES: readonly AdoptionConsequence<ElastiCacheProps>[] = [
  {
    code: 'AdoptedDefaultSubnetGroup',
    refused: true,
    when: { text: '`adopt.subnetGroupName` "default"', applies: (props) => props.adopt?.subnetGroupName.toLowerCase() === 'default' },
    changes: 'adopt.subnetGroupName "default" is the VPC\'s default subnet group, which AWS shares with every group and '
      + 'refuses to delete, so it cannot come under the construct (a destroy would try to delete it)',
    fix: 'move the replication group to a subnet group of its own first (a new replication group, restored from a snapshot, '
      + 'as subnet_group_name forces a new group), or leave it unadopted',
  },
  {
    code: 'AdoptedEngineChanged',
    when: whileOmitted('engineVersion'),
    changes: `the engine becomes the default, ${DEFAULT_ENGINE.engine === 'valkey' ? 'Valkey' : 'Redis OSS'} ${DEFAULT_ENGINE.version}: a Redis OSS group is upgraded to `
      + 'Valkey in place, and a group on a newer version is replaced (a downgrade forces a new group, so the plan stops on prevent_destroy)',
    fix: 'set engineVersion to the group\'s engine and version, such as ElastiCacheEngineVersion.REDIS_7_1',
  },
  {
    code: 'AdoptedCredentialsReplaced',
    changes: 'a new random_password, RBAC user and user group replace the group\'s user groups (or AUTH token): clients '
      + 'holding the current credentials are refused once the apply completes',
    fix: 'no prop keeps the current credentials; hand clients the new ones (the <prefix>_uri output, or access.secret) as the apply completes',
  },
  {
    code: 'AdoptedSecurityGroupsReplaced',
    changes: 'a new security group replaces the group\'s security groups, admitting only allowedCidrs (every IPv4 and IPv6 '
      + 'address without it) on the port: the current groups\' rules stop applying',
    fix: 'list the clients\' addresses in allowedCidrs',
  },
  {
    code: 'AdoptedTransitEncryptionRequired',
    changes: 'transit_encryption_mode becomes "required": clients without TLS are disconnected, and on a group without TLS the '
      + 'apply fails, as AWS turns TLS on for an existing group only through "preferred" first',
    fix: 'before adopting, set the group to in-transit encryption "preferred" (aws elasticache modify-replication-group '
      + '--transit-encryption-enabled --transit-encryption-mode preferred) and move every client to TLS',
  },
  {
    code: 'AdoptedAtRestEncryptionRequired',
    changes: 'at_rest_encryption_enabled is true and kms_key_id is kmsKey (or the AWS-managed key), both forcing a new group: a '
      + 'group without encryption at rest, or with another key, cannot be adopted (the plan stops on prevent_destroy)',
    fix: 'set kmsKey to the group\'s key; an unencrypted group\'s data moves by a snapshot restored into a new data store',
  },
  {
    code: 'AdoptedParameterGroupReplaced',
    changes: 'a new parameter group with the plan\'s maxmemory-policy replaces the group\'s: its other parameters stop applying',
    fix: 'set evictionPolicy on the data store if the group uses another policy; no prop carries other parameters',
  },
  {
    code: 'AdoptedSubnetGroupManaged',
    changes: 'the subnet group is imported: its subnets become subnetIds, and a destroy of the data store deletes it',
    fix: 'set subnetIds to the subnet group\'s current subnets',
  },
  {
    code: 'AdoptedWindowsChanged',
    when: {
      text: '`backupHour` (or its old form `snapshotWindow`) or `maintenanceWindow` omitted',
      applies: (given) => (given.backupHour === undefined && given.snapshotWindow === undefined) || given.maintenanceWindow === undefined,
    },
    changes: 'the snapshot and maintenance windows become the defaults (03:00-04:00 and sun:05:00-sun:06:00 UTC)',
    fix: 'set backupHour and maintenanceWindow to the group\'s',
  },
];

/** Both IDs are well formed, and the subnet group is one the construct can own. */
export const ELASTICACHE_ADOPTION_RULE = adoptionRules<ElastiCacheProps>((props, isUnresolved) => {
  parseImportId(props.adopt?.replicationGroupId, REPLICATION_GROUP_ID, 'adopt.replicationGroupId', isUnresolved);
  parseImportId(props.adopt?.subnetGroupName, SUBNET_GROUP_NAME, 'adopt.subnetGroupName', isUnresolved);
  refuseAdoption(ELASTICACHE_ADOPTION_CONSEQUENCES, props, 'RedisBackend.elastiCache({ adopt })');
});

/** The replication group (the construct's `Resource`) and its subnet group, by the IDs given. */
export function elastiCacheAdoption(props: ElastiCacheProps): Adoption | undefined {
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
