import { Fn, Op, Token } from 'cdktf';
import { ElastiCacheAlertSettings, planElastiCacheAlerts } from './alert-plan';
import {
  ELASTICACHE_BLOCKED_COMMANDS, ELASTICACHE_MAX_CLIENTS, ELASTICACHE_MAX_SNAPSHOT_RETENTION, ELASTICACHE_NODE_TYPES, ELASTICACHE_PORT,
  MAX_SECURITY_GROUPS, SECURITY_GROUP_MAX_INBOUND_RULES, AWS_MAX_TAGS, AWS_TAG_KEY_MAX_LENGTH, AWS_TAG_VALUE_MAX_LENGTH,
} from './catalog';
import { ElastiCacheProps, ElastiCacheEngineVersion } from './props';
import { checkElastiCacheNetwork, elastiCacheMaintenanceWindow, elastiCacheSnapshotWindow } from './validation';
import {
  CidrBlock, ConformanceRecord, DataStoreRequest, EVERY_SOURCE, EvictionPolicy, IpFamily, IsUnresolved, NameRule, RESTRICTED_COMMANDS,
  Realization, availabilityKept, connectionLimitKept, deniedCommands, deriveName, engineKept, engineProfile, evictionKept, failoverKept,
  maxConnectionsFor, memoryMb, publicSourcesWarning, recoveryPointKept, regionKept, renderAclRule, RotationSlots, rotationSlots, smallestFit,
  validateName, zonesKept, ChoreoRedisError, TagLimits, checkTagLimits, sourcesText,
  RENAMES_REMOVED_IN, Failures,
} from '../../plan';
import { constructIdFor } from '../../private/ids';
import { EACH_VALUE, canonicalCidrExpression, canonicalListExpression, familyCountExpression, forFamilyExpression } from '../cidr-tokens';
import type { BackendNames, Planned } from '../definition';

/**
 * ElastiCache's rule for a data store's name, which is its replication group ID and names its security
 * group too. The AWS provider 6.25 checks replication group IDs with `validateReplicationGroupID`
 * (internal/service/elasticache/replication_group.go: 1-40 characters, a letter first, letters, digits and
 * hyphens, no `--`, no hyphen at the end) and security group names with `StringDoesNotMatch(^sg-)`
 * (internal/service/ec2/vpc_security_group.go), so a name starting with `sg-` is refused here rather than at
 * `terraform plan`. Upper-case letters are accepted; the name is used in lower case, the form ElastiCache
 * stores its IDs in.
 */
export const ELASTICACHE_NAME_RULE: NameRule = {
  maxLength: 40,
  pattern: /^(?![sS][gG]-)(?!.*--)[a-zA-Z][a-zA-Z0-9-]*(?<!-)$/,
  description: 'letters (used in lower case), digits and hyphens, starting with a letter but not with "sg-" (which EC2 refuses in a security group\'s name), with no two hyphens in a row and no hyphen at the end',
  title: 'ElastiCache names (the replication group ID, which also names the security group)',
  characters: /[a-zA-Z0-9-]/,
};

/** AWS tag limits (tagging best practices, "Tag naming limits and requirements"): every resource the backend defines takes them. */
const AWS_TAG_LIMITS: TagLimits = {
  service: 'AWS',
  maxTags: AWS_MAX_TAGS,
  maxKeyLength: AWS_TAG_KEY_MAX_LENGTH,
  maxValueLength: AWS_TAG_VALUE_MAX_LENGTH,
  reservedKeyPrefixes: ['aws:'],
};

/** Automatic snapshots are daily: the most writes a single-node data store can lose. */
const SNAPSHOT_INTERVAL_SECONDS = 24 * 60 * 60;

/** One security group ingress rule: its construct ID, its security group, its source in one of the two families, and its description. */
export interface ElastiCacheIngress {
  readonly id: string;
  /** Which of the data store's security groups holds it, from 0. */
  readonly group: number;
  /**
   * For an allow-list given as one list token: the canonical entries, one rule each (`for_each`), whose sources are
   * `each.value`; the rules have a security group of their own, and `limits` checks its size at plan.
   */
  readonly forEach?: string[];
  /** Conditions the rules' sources must meet, checked by Terraform at plan. */
  readonly limits?: ReadonlyArray<{ readonly condition: string; readonly errorMessage: string }>;
  readonly cidrIpv4?: string;
  readonly cidrIpv6?: string;
  readonly description: string;
}

/** The random suffix of the final snapshot's name: a `random_id` renewed whenever the replication group is replaced. */
export interface ElastiCacheSnapshotSuffix {
  readonly byteLength: number;
  /** The replication group's inputs whose change replaces it, as strings. */
  readonly keepers: Readonly<Record<string, string>>;
}

/**
 * The data store's own parameter group, which sets `maxmemory-policy` (the default groups' is volatile-lru, ElastiCache
 * guide "Redis OSS-specific parameters"). Its name ends in the family, so a major upgrade defines the new family's group
 * under a new name before the old one is deleted (`create_before_destroy`): `family` forces a new group (AWS provider 6.25
 * internal/service/elasticache/parameter_group.go), and ElastiCache refuses to delete a group in use.
 */
export interface ElastiCacheParameterGroup {
  /** `<name>-<family>`, such as `orders-valkey8`. */
  readonly name: string;
  /** The engine's family, such as `valkey8` or `redis7`. */
  readonly family: string;
  readonly evictionPolicy: EvictionPolicy;
}

/** The renderer's share of an ElastiCache plan. Every name is the plan's `name`, in lower case. */
export interface ElastiCacheSettings {
  readonly region: string;
  readonly vpcId: string;
  readonly subnetIds: string[];
  /** The subnet group's name: the data store's name, or the adopted data store's subnet group. */
  readonly subnetGroupName: string;
  readonly kmsKey?: string;
  /** The snapshot the replication group is created from, if any (`snapshot_name`, read only at creation). */
  readonly restoreFromSnapshot?: string;
  readonly nodeType: string;
  readonly automaticFailover: boolean;
  readonly snapshotRetentionLimit: number;
  /** The data store's parameter group: its engine family's defaults with the eviction policy. */
  readonly parameterGroup: ElastiCacheParameterGroup;
  readonly applyImmediately: boolean;
  /** The final snapshot's name up to its random suffix: `<name>-final-`. */
  readonly finalSnapshotPrefix: string;
  readonly finalSnapshotSuffix: ElastiCacheSnapshotSuffix;
  readonly snapshotWindow: string;
  readonly maintenanceWindow: string;
  readonly availabilityZones?: string[];
  readonly accessString: string;
  readonly userId: string;
  readonly userGroupId: string;
  /** The IAM-authenticated user's ID, equal to its name, when identity authentication is on. */
  readonly identityUserId?: string;
  /** Which of the two passwords is current and the generation of each, when rotation is on. */
  readonly rotation?: RotationSlots;
  readonly ingress: readonly ElastiCacheIngress[];
  /** How many security groups hold the ingress rules: one, and one more per 60 sources of a family. */
  readonly securityGroupCount: number;
  /** CloudWatch alarms and the notification topic, when alerts are on. */
  readonly alerts?: ElastiCacheAlertSettings;
}

/** A name derived from the construct path (lower case, like every derived name), kept clear of the `sg-` prefix. */
function derivedName(path: string): string {
  const name = deriveName(path, ELASTICACHE_NAME_RULE);
  return name.startsWith('sg-') ? `sg${name.slice(3)}` : name;
}

/** `text` in lower case, by Terraform when it is a token. */
function lowerCase(text: string, isUnresolved: IsUnresolved): string {
  return isUnresolved(text) ? Fn.lower(text) : text.toLowerCase();
}

/**
 * The parameter group family of the engine, cluster mode disabled. The replication group names a group of its
 * family, so that a major move sends the new family's group in the same request: the AWS provider 6.25 sends
 * `parameter_group_name` only when it changes (`resourceReplicationGroupUpdate`), and ElastiCache refuses a major
 * upgrade that keeps the old family's group ("Expected a parameter group of family valkey8",
 * hashicorp/terraform-provider-aws#26484). Families, from the ElastiCache guide's "Engine specific parameters": Valkey
 * 7.2 is `valkey7` (its parameters are Redis OSS 7's), Valkey 8.x `valkey8`, Redis OSS 7.x `redis7`; Valkey 9.x as
 * `valkey9` is unverified (AWS "Valkey 9.0 parameter changes").
 */
function parameterGroupFamily(engine: ElastiCacheEngineVersion, isUnresolved: IsUnresolved): string {
  const major = isUnresolved(engine.version) ? Token.asString(Fn.element(Fn.split('.', engine.version), 0)) : engine.version.split('.')[0];
  return `${engine.engine}${major}`;
}

/**
 * One ingress rule per source. The AWS provider takes only a network address in `cidr_ipv4` / `cidr_ipv6`
 * (validators `IPv4CIDRNetworkAddress` / `IPv6CIDRNetworkAddress`, internal/service/ec2/vpc_security_group_ingress_rule.go),
 * and skips the check for values unknown at plan, so a token entry is made canonical by Terraform: an address
 * gains `/32` or `/128`, host bits are cleared, and an IPv6 entry goes to `cidr_ipv6`. Literal entries are
 * canonical already (`normalizeCidrs`).
 *
 * A security group takes 60 inbound rules of each family; past that, rules go to further groups, at most five (the
 * groups a node's network interface takes by default). A token entry, whose family Terraform decides, counts in both.
 *
 * @throws ChoreoRedisError `TooManySources` beyond five groups' rules
 */
function ingressRules(sources: readonly CidrBlock[]): ElastiCacheIngress[] {
  const used: Array<{ ipv4: number; ipv6: number }> = [];
  const groupFor = (families: ReadonlyArray<'ipv4' | 'ipv6'>): number => {
    let group = used.findIndex((counts) => families.every((family) => counts[family] < SECURITY_GROUP_MAX_INBOUND_RULES));
    if (group < 0) group = used.push({ ipv4: 0, ipv6: 0 }) - 1;
    families.forEach((family) => used[group][family]++);
    return group;
  };
  const rules = sources.map((block, index): ElastiCacheIngress => {
    const id = constructIdFor('Ingress', block, index);
    if (block.list !== undefined) {
      const canonical = canonicalListExpression(block.list);
      const group = used.push({ ipv4: SECURITY_GROUP_MAX_INBOUND_RULES, ipv6: SECURITY_GROUP_MAX_INBOUND_RULES }) - 1;
      const within = (family: 'ipv4' | 'ipv6') => Token.asString(Op.lte(familyCountExpression(canonical, family), SECURITY_GROUP_MAX_INBOUND_RULES));
      return {
        id: 'IngressFromList',
        group,
        forEach: canonical,
        cidrIpv4: forFamilyExpression(EACH_VALUE, EACH_VALUE, 'ipv4'),
        cidrIpv6: forFamilyExpression(EACH_VALUE, EACH_VALUE, 'ipv6'),
        description: 'Redis clients from a configured list',
        limits: [{
          condition: Token.asString(Op.and(within('ipv4'), within('ipv6'))),
          errorMessage: `The allowedCidrs list holds more than ${SECURITY_GROUP_MAX_INBOUND_RULES} IPv4 or IPv6 entries; its security group takes ${SECURITY_GROUP_MAX_INBOUND_RULES} inbound rules of each family (Amazon VPC quotas). Merge neighbouring addresses into CIDR ranges.`,
        }],
      };
    }
    if (block.resolved === false) {
      const canonical = canonicalCidrExpression(block.cidr);
      return {
        id,
        group: groupFor(['ipv4', 'ipv6']),
        cidrIpv4: forFamilyExpression(block.cidr, canonical, 'ipv4'),
        cidrIpv6: forFamilyExpression(block.cidr, canonical, 'ipv6'),
        description: 'Redis clients from a configured source',
      };
    }
    const family = block.family === IpFamily.IPV6 ? 'ipv6' : 'ipv4';
    const group = groupFor([family]);
    const source = family === 'ipv6' ? { cidrIpv6: block.cidr } : { cidrIpv4: block.cidr };
    return { id, group, ...source, description: `Redis clients from ${block.cidr}` };
  });
  if (used.length > MAX_SECURITY_GROUPS) {
    const count = (family: IpFamily) => sources.filter((b) => b.resolved === false || b.family === family).length;
    throw new ChoreoRedisError('TooManySources',
      `allowedCidrs has ${count(IpFamily.IPV4)} IPv4 and ${count(IpFamily.IPV6)} IPv6 entries (a token counts as both); ElastiCache takes them as security group rules, `
      + `${SECURITY_GROUP_MAX_INBOUND_RULES} per family in each of at most ${MAX_SECURITY_GROUPS} groups (Amazon VPC quotas), so at most `
      + `${SECURITY_GROUP_MAX_INBOUND_RULES * MAX_SECURITY_GROUPS} per family. Merge neighbouring addresses into CIDR ranges, or omit allowedCidrs and limit access with the VPC's routing.`);
  }
  return rules;
}

/** How ElastiCache keeps each promise for one request. */
function conformance(request: DataStoreRequest, plan: {
  nodeType: string;
  memoryGib: number;
  retention: number;
  denied: string[];
  engine: ElastiCacheEngineVersion;
  parameterGroup: ElastiCacheParameterGroup;
}): ConformanceRecord {
  const { promises } = request;
  const promised = maxConnectionsFor(memoryMb(plan.memoryGib));
  const cidrs = request.allowedCidrs;
  return {
    'nodes': { realization: Realization.NATIVE, detail: `num_cache_clusters = ${promises.nodeCount}, ${plan.nodeType}` },
    'automatic-failover': failoverKept(promises, 'automatic failover and Multi-AZ on'),
    'disaster-recovery-backup': { realization: Realization.NATIVE, detail: 'daily automatic snapshot' },
    'backup-history': { realization: Realization.NATIVE, detail: `snapshot_retention_limit = ${plan.retention} day(s)` },
    // ElastiCache offers append-only files only for Redis OSS before 7 and never with Multi-AZ, so nothing narrows the
    // daily snapshot but the standbys' replication.
    'recovery-point': recoveryPointKept(promises, {
      how: 'the daily snapshot in snapshot_window (ElastiCache has no append-only file for Valkey or Redis OSS 7)',
      windowSeconds: SNAPSHOT_INTERVAL_SECONDS,
      fix: 'choose ServicePlan.BUSINESS, whose standby receives every write by replication',
    }, 'asynchronous replication to the standby node(s) in other availability zones'),
    'encryption-at-rest': { realization: Realization.NATIVE, detail: 'at-rest encryption on for data and snapshots (KMS)' },
    'tls': { realization: Realization.NATIVE, detail: 'transit_encryption_mode = "required"' },
    'authentication': { realization: Realization.EMULATED, detail: 'RBAC user "default" with a random_password, in a user group' },
    'network-access': cidrs === undefined
      ? {
        realization: Realization.SUBSTITUTED,
        detail: 'ElastiCache has no public endpoint; the security group admits 0.0.0.0/0 and ::/0, which reaches every network routed into the VPC (peering, VPN, Transit Gateway), not the internet',
        fix: 'route clients into the VPC',
      }
      : { realization: Realization.EMULATED, detail: `security group ingress rules for ${sourcesText(cidrs, 'source(s)', 'source(s)')} on port ${ELASTICACHE_PORT}` },
    'stable-endpoint': { realization: Realization.NATIVE, detail: 'primary endpoint DNS name follows the primary on failover' },
    'connection-limit': connectionLimitKept(ELASTICACHE_MAX_CLIENTS, promised, 'maxclients is fixed per node at', 'choose a smaller memoryGib'),
    'restricted-commands': {
      realization: Realization.EMULATED,
      detail: `ElastiCache refuses ${ELASTICACHE_BLOCKED_COMMANDS.join(', ')} natively; the user's access string denies ${plan.denied.filter((c) => RESTRICTED_COMMANDS.includes(c)).join(', ')}`,
    },
    'lua-scripting': request.luaScripting
      ? { realization: Realization.NATIVE, detail: 'Lua allowed (the access string leaves scripting on)' }
      : { realization: Realization.EMULATED, detail: 'the access string denies the Lua and function commands' },
    'region': regionKept(),
    'zone-redundancy': zonesKept(promises, 'multi_az_enabled = true: ElastiCache keeps the replicas in availability zones other than the primary\'s, one subnet (and zone) per node, and fails over across zones'),
    'eviction-policy': evictionKept(plan.parameterGroup.evictionPolicy, `the data store's parameter group (family ${plan.parameterGroup.family})`, 'volatile-lru in the default parameter groups'),
    'engine-compatibility': engineKept(engineProfile(plan.engine.engine, plan.engine.version, plan.engine.version),
      'choose ElastiCacheEngineVersion.VALKEY_7_2 or later'),
    // AWS ElastiCache SLA (aws.amazon.com/elasticache/sla): 99.99% for a Multi-AZ configuration, 99.5% for a single node.
    'availability-sla': availabilityKept(promises.automaticFailover
      ? { percent: 99.99, configuration: 'a Multi-AZ configuration', source: 'Amazon ElastiCache SLA' }
      : { percent: 99.5, configuration: 'a Single-AZ configuration (one node)', source: 'Amazon ElastiCache SLA' },
    'choose ServicePlan.BUSINESS (Multi-AZ: 99.99%)'),
  };
}

/** Decides node type, topology, retention, ACL and names for one ElastiCache data store. */
export function planElastiCache(props: ElastiCacheProps, request: DataStoreRequest, names: BackendNames,
  isUnresolved: IsUnresolved): Planned<ElastiCacheSettings> {
  const { promises } = request;
  const engine = props.engineVersion ?? ElastiCacheEngineVersion.VALKEY_8_0;
  // The checks that need the plan, in one error with every fault named.
  const failures = new Failures();
  failures.attempt(() => checkElastiCacheNetwork(props, promises.nodeCount, isUnresolved));
  failures.attempt(() => checkTagLimits(request.tags, AWS_TAG_LIMITS, isUnresolved));
  const fit = failures.attempt(() => smallestFit(ELASTICACHE_NODE_TYPES, request.memoryGib, 'ElastiCache node types'));
  // ElastiCache stores its IDs in lower case; user and user group IDs must be sent that way, as the AWS provider
  // 6.25 reads them back without lowering them (user.go; hashicorp/terraform-provider-aws#37151).
  const checkedName = failures.attempt(() => (names.name === undefined
    ? derivedName(names.path)
    : isUnresolved(names.name) ? Fn.lower(names.name) : validateName(names.name, ELASTICACHE_NAME_RULE, 'name').toLowerCase()));
  failures.throwAny();
  if (fit === undefined || checkedName === undefined) throw new Error('unreachable: a failed check above has thrown');
  const [size, name] = [fit, checkedName];
  const zones = props.availabilityZones;
  const availabilityZones = zones === undefined || isUnresolved(zones) ? zones : zones.slice(0, promises.nodeCount);
  const idBase = isUnresolved(name) ? derivedName(names.path) : name;
  const denied = deniedCommands(request.luaScripting).filter((c) => !ELASTICACHE_BLOCKED_COMMANDS.includes(c));
  const retention = Math.min(Math.max(1, promises.backupHistoryDays), ELASTICACHE_MAX_SNAPSHOT_RETENTION);
  const ingress = ingressRules(request.allowedCidrs ?? EVERY_SOURCE);
  const family = parameterGroupFamily(engine, isUnresolved);
  // ElastiCache cannot move a replication group to another subnet group (subnet_group_name is force-new): an adopted
  // data store keeps its own.
  const subnetGroupName = props.adopt?.subnetGroupName.toLowerCase() ?? name;
  const parameterGroup: ElastiCacheParameterGroup = { name: `${name}-${family}`, family, evictionPolicy: request.evictionPolicy };
  const settings: ElastiCacheSettings = {
    region: props.region,
    vpcId: props.network,
    subnetIds: props.subnetIds,
    subnetGroupName,
    kmsKey: props.kmsKey,
    restoreFromSnapshot: props.restoreFromSnapshot,
    nodeType: size.id,
    automaticFailover: promises.automaticFailover,
    snapshotRetentionLimit: retention,
    parameterGroup,
    // The provider sends apply_immediately (false when unset) with every ModifyReplicationGroup, and
    // ElastiCache then defers node changes to the maintenance window (resourceReplicationGroupUpdate).
    applyImmediately: props.applyImmediately ?? true,
    // The final snapshot outlives the replication group, so its name must be new for each incarnation:
    // DeleteReplicationGroup fails with SnapshotAlreadyExistsFault on a name in use, and the provider retries
    // only InvalidReplicationGroupStateFault (resourceReplicationGroupDelete). The identifier is read only at
    // delete, from state, so renewing the suffix updates the replication group in place. The name keeps the
    // cluster ID style of snapshot names (a letter first, letters, digits and hyphens, no `--`, no hyphen at the
    // end) in at most 55 characters; ElastiCache documents no maximum for snapshot names (unverified).
    finalSnapshotPrefix: `${name}-final-`,
    finalSnapshotSuffix: {
      byteLength: 4,
      // The replication group's force-new inputs (replication_group.go: replication_group_id, port,
      // at_rest_encryption_enabled, kms_key_id, subnet_group_name; the resource-level region; engine and
      // engine_version, which replace it on a downgrade, so an upgrade renews the suffix too, harmlessly).
      // network_type and data_tiering_enabled are force-new as well, but the library leaves them unset.
      keepers: {
        replication_group_id: name,
        region: props.region,
        port: String(ELASTICACHE_PORT),
        at_rest_encryption_enabled: 'true',
        ...(props.kmsKey === undefined ? {} : { kms_key_id: props.kmsKey }),
        subnet_group_name: subnetGroupName,
        engine: engine.engine,
        engine_version: engine.version,
      },
    },
    snapshotWindow: elastiCacheSnapshotWindow(props, isUnresolved),
    // The provider lowers maintenance_window in state (StateFunc strings.ToLower: "ElastiCache always changes
    // the maintenance to lowercase", replication_group.go); sent in that form.
    maintenanceWindow: lowerCase(elastiCacheMaintenanceWindow(props.maintenanceWindow, isUnresolved), isUnresolved),
    availabilityZones,
    // The canonical form ElastiCache returns, which the provider compares verbatim (no DiffSuppressFunc on
    // access_string, user.go; an alias such as `allcommands` diffs forever, hashicorp/terraform-provider-aws#20334):
    // Redis 7's ACL LIST order, flags, `~` keys, `&` channels, then commands, lower case, single spaces, no
    // commands ElastiCache blocks natively.
    accessString: renderAclRule(denied),
    userId: `${idBase.slice(0, 31).replace(/-+$/, '')}-default`,
    userGroupId: idBase,
    // IAM authentication needs the user ID equal to the user name (user.go); every engine version the rules accept
    // (Valkey 7.2 or later, Redis OSS 7.0 or later) supports it.
    identityUserId: request.access?.identityAuth === true ? `${idBase.slice(0, 36).replace(/-+$/, '')}-iam` : undefined,
    rotation: request.access?.rotates === true ? rotationSlots(request.access.rotation) : undefined,
    ingress,
    securityGroupCount: Math.max(1, ...ingress.map((rule) => rule.group + 1)),
    alerts: request.alerts === undefined ? undefined : planElastiCacheAlerts(request.alerts, request, name, promises.nodeCount, size.memoryGib),
  };
  return {
    request,
    name,
    size,
    nodeCount: promises.nodeCount,
    backupRetentionDays: retention,
    engine: engine.engine,
    engineVersion: engine.version,
    port: ELASTICACHE_PORT,
    serviceMaxConnections: ELASTICACHE_MAX_CLIENTS,
    conformance: conformance(request, { nodeType: size.id, memoryGib: size.memoryGib, retention, denied, engine, parameterGroup }),
    warnings: [
      publicSourcesWarning(request.allowedCidrs, 'the VPC', 'route those clients into the VPC (VPN, Transit Gateway, peering) or run them inside it, and list the addresses they have there'),
      typeof props.maintenanceWindow === 'string' ? {
        code: 'DeprecatedProp',
        message: `RedisBackend.elastiCache({ maintenanceWindow }) "${props.maintenanceWindow}" is a string, the old form: write the typed window, such as maintenanceWindow: { day: Weekday.SUNDAY, hour: 5 }, the same on every backend. The string is accepted until release ${RENAMES_REMOVED_IN}, which removes it.`,
      } : undefined,
    ].filter((w) => w !== undefined),
    settings,
  };
}
