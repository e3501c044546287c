import { Fn, Token } from 'cdktf';
import { ElastiCacheAlertSettings, planElastiCacheAlerts } from './alert-plan';
import {
  ELASTICACHE_BLOCKED_COMMANDS, ELASTICACHE_MAX_CLIENTS, ELASTICACHE_MAX_SNAPSHOT_RETENTION, ELASTICACHE_NODE_TYPES, ELASTICACHE_PORT,
} from './catalog';
import { ElastiCacheBackendProps, ElastiCacheEngineVersion } from './props';
import {
  CidrBlock, ChoreoRedisError, ConformanceRecord, DataStoreRequest, EVERY_SOURCE, IpFamily, IsUnresolved, NameRule, RESTRICTED_COMMANDS,
  Realization, connectionLimitKept, deniedCommands, deriveName, failoverKept, maxConnectionsFor, memoryMb, publicSourcesWarning, recoveryPointKept,
  regionKept, renderAclRule, smallestFit, validateName,
} from '../../plan';
import { constructIdFor } from '../../private/ids';
import { canonicalCidrExpression, forFamilyExpression } from '../cidr-tokens';
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

const DEFAULT_SNAPSHOT_WINDOW = '03:00-04:00';
const DEFAULT_MAINTENANCE_WINDOW = 'sun:05:00-sun:06:00';
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
/** Automatic snapshots are daily: the most writes a single-node data store can lose. */
const SNAPSHOT_INTERVAL_SECONDS = MINUTES_PER_DAY * 60;

/** One security group ingress rule: its construct ID, its source in one of the two families, and its description. */
export interface ElastiCacheIngress {
  readonly id: string;
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

/** The renderer's share of an ElastiCache plan. Every name is the plan's `name`, in lower case. */
export interface ElastiCacheSettings {
  readonly region: string;
  readonly vpcId: string;
  readonly subnetIds: string[];
  readonly kmsKey?: string;
  readonly nodeType: string;
  readonly automaticFailover: boolean;
  readonly snapshotRetentionLimit: number;
  /** The default parameter group of the engine's family, such as `default.valkey8`. */
  readonly parameterGroupName: string;
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
  readonly ingress: readonly ElastiCacheIngress[];
  /** CloudWatch alarms and the notification topic, when alerts are on. */
  readonly alerts?: ElastiCacheAlertSettings;
}

function parseTime(text: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** A window as [start, end) in minutes, `end` past `period` when it wraps. */
function windowSpan(start: number, end: number, period: number): [number, number] {
  return [start, end > start ? end : end + period];
}

function parseSnapshotWindow(text: string, prop: string): [number, number] {
  const [from, to, extra] = text.split('-');
  const start = parseTime(from ?? '');
  const end = parseTime(to ?? '');
  if (start === undefined || end === undefined || extra !== undefined) {
    throw new ChoreoRedisError('InvalidWindow', `${prop} "${text}" is not a daily window; write "hh24:mi-hh24:mi" in UTC, such as "${DEFAULT_SNAPSHOT_WINDOW}".`);
  }
  return windowSpan(start, end, MINUTES_PER_DAY);
}

function parseMaintenanceWindow(text: string, prop: string): [number, number] {
  const parts = /^([a-z]{3}):(\d\d:\d\d)-([a-z]{3}):(\d\d:\d\d)$/.exec(text.toLowerCase());
  const startDay = DAYS.indexOf(parts?.[1] ?? '');
  const endDay = DAYS.indexOf(parts?.[3] ?? '');
  const start = parseTime(parts?.[2] ?? '');
  const end = parseTime(parts?.[4] ?? '');
  if (startDay < 0 || endDay < 0 || start === undefined || end === undefined) {
    throw new ChoreoRedisError('InvalidWindow',
      `${prop} "${text}" is not a weekly window; write "ddd:hh24:mi-ddd:hh24:mi" in UTC with days sun..sat, such as "${DEFAULT_MAINTENANCE_WINDOW}".`);
  }
  return windowSpan(startDay * MINUTES_PER_DAY + start, endDay * MINUTES_PER_DAY + end, MINUTES_PER_WEEK);
}

function requireAtLeastAnHour([start, end]: [number, number], text: string, prop: string): void {
  if (end - start < 60) {
    throw new ChoreoRedisError('InvalidWindow', `${prop} "${text}" lasts ${end - start} minutes; ElastiCache needs at least 60.`);
  }
}

function overlaps([aStart, aEnd]: [number, number], [bStart, bEnd]: [number, number], period: number): boolean {
  return [-period, 0, period].some((shift) => aStart < bEnd + shift && bStart + shift < aEnd);
}

function validateWindows(snapshotWindow: string, maintenanceWindow: string, isUnresolved: IsUnresolved): void {
  if (isUnresolved(snapshotWindow) || isUnresolved(maintenanceWindow)) return;
  const snapshot = parseSnapshotWindow(snapshotWindow, 'snapshotWindow');
  const maintenance = parseMaintenanceWindow(maintenanceWindow, 'maintenanceWindow');
  requireAtLeastAnHour(snapshot, snapshotWindow, 'snapshotWindow');
  requireAtLeastAnHour(maintenance, maintenanceWindow, 'maintenanceWindow');
  const clash = DAYS.some((_, day) => overlaps(maintenance,
    [snapshot[0] + day * MINUTES_PER_DAY, snapshot[1] + day * MINUTES_PER_DAY], MINUTES_PER_WEEK));
  if (clash) {
    throw new ChoreoRedisError('OverlappingWindows',
      `maintenanceWindow "${maintenanceWindow}" overlaps the daily snapshotWindow "${snapshotWindow}"; ElastiCache rejects overlapping windows. Move one of them, for example snapshotWindow "${DEFAULT_SNAPSHOT_WINDOW}" with maintenanceWindow "${DEFAULT_MAINTENANCE_WINDOW}".`);
  }
}

function validateEngine(engine: ElastiCacheEngineVersion, isUnresolved: IsUnresolved): void {
  if (isUnresolved(engine.version)) return;
  const match = /^(\d+)\.(\d+)$/.exec(engine.version);
  const major = Number(match?.[1]);
  const minor = Number(match?.[2]);
  const ok = engine.engine === 'valkey'
    ? match !== null && major >= 7 && major <= 9 && (major > 7 || minor >= 2)
    : engine.engine === 'redis' && match !== null && major >= 7;
  if (!ok) {
    throw new ChoreoRedisError('InvalidEngineVersion',
      `engineVersion ${engine.engine} "${engine.version}" is not supported; TLS-required mode and RBAC need Valkey 7.2 to 9.x or Redis OSS 7.0 or later, written "<major>.<minor>". Use ElastiCacheEngineVersion.VALKEY_8_0 or ElastiCacheEngineVersion.REDIS_7_1.`);
  }
}

function validateNetwork(props: ElastiCacheBackendProps, nodeCount: number, isUnresolved: IsUnresolved): string[] | undefined {
  if (!props.vpcId) {
    throw new ChoreoRedisError('MissingNetwork', 'vpcId is missing; ElastiCache runs inside a VPC. Pass RedisBackend.elastiCache({ vpcId: "vpc-..." }).');
  }
  if (!isUnresolved(props.subnetIds)) {
    if (!props.subnetIds || props.subnetIds.length === 0) {
      throw new ChoreoRedisError('MissingNetwork',
        'subnetIds is missing or empty; ElastiCache needs subnets of the VPC for its subnet group. Pass RedisBackend.elastiCache({ subnetIds: ["subnet-...", ...] }).');
    }
    if (new Set(props.subnetIds).size < Math.min(nodeCount, 3) && nodeCount > 1) {
      throw new ChoreoRedisError('NotEnoughSubnets',
        `subnetIds has ${new Set(props.subnetIds).size} distinct subnet(s), but the plan's ${nodeCount} nodes go in ${nodeCount} availability zones; give one subnet per zone, at least ${nodeCount}.`);
    }
  }
  const zones = props.availabilityZones;
  if (zones === undefined || isUnresolved(zones)) return zones;
  zones.forEach((zone, i) => {
    if (!isUnresolved(zone) && !(zone.startsWith(props.region) && /^[a-z]$/.test(zone.slice(props.region.length)))) {
      throw new ChoreoRedisError('InvalidAvailabilityZone',
        `availabilityZones[${i}] "${zone}" is not a zone of ${props.region}; zones are the region followed by a letter, such as "${props.region}a".`);
    }
  });
  if (new Set(zones).size < nodeCount) {
    throw new ChoreoRedisError('NotEnoughAvailabilityZones',
      `availabilityZones lists ${new Set(zones).size} distinct zone(s), but the plan's ${nodeCount} node(s) need one each; list at least ${nodeCount}, primary first.`);
  }
  return zones.slice(0, nodeCount);
}

/** Validates the backend's own props before any data store uses them. */
export function validateElastiCacheProps(props: ElastiCacheBackendProps, isUnresolved: IsUnresolved): void {
  validateEngine(props.engineVersion ?? ElastiCacheEngineVersion.VALKEY_8_0, isUnresolved);
  validateWindows(props.snapshotWindow ?? DEFAULT_SNAPSHOT_WINDOW, props.maintenanceWindow ?? DEFAULT_MAINTENANCE_WINDOW, isUnresolved);
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
 * The default parameter group of the engine's family, cluster mode disabled (the `.cluster.on` groups are for
 * cluster mode). Naming it makes a major move send the new family's group in the same request: the AWS
 * provider 6.25 sends `parameter_group_name` only when it changes (`resourceReplicationGroupUpdate`), and
 * ElastiCache refuses a major upgrade that keeps the old family's group ("Expected a parameter group of family
 * valkey8", hashicorp/terraform-provider-aws#26484). Families, from the ElastiCache guide's "Engine specific
 * parameters": Valkey 7.2 is `valkey7` (its parameters are Redis OSS 7's), Valkey 8.x `valkey8`, Redis OSS 7.x
 * `redis7`; Valkey 9.x as `valkey9` is unverified (AWS "Valkey 9.0 parameter changes"). On a replication group
 * that already uses its family's default group, naming it changes nothing: Read fills it from the cluster.
 */
function defaultParameterGroupName(engine: ElastiCacheEngineVersion, isUnresolved: IsUnresolved): string {
  const major = isUnresolved(engine.version) ? Token.asString(Fn.element(Fn.split('.', engine.version), 0)) : engine.version.split('.')[0];
  return `default.${engine.engine}${major}`;
}

/**
 * One ingress rule per source. The AWS provider takes only a network address in `cidr_ipv4` / `cidr_ipv6`
 * (validators `IPv4CIDRNetworkAddress` / `IPv6CIDRNetworkAddress`, internal/service/ec2/vpc_security_group_ingress_rule.go),
 * and skips the check for values unknown at plan, so a token entry is made canonical by Terraform: an address
 * gains `/32` or `/128`, host bits are cleared, and an IPv6 entry goes to `cidr_ipv6`. Literal entries are
 * canonical already (`normalizeCidrs`).
 */
function ingressRules(sources: readonly CidrBlock[]): ElastiCacheIngress[] {
  return sources.map((block, index) => {
    const id = constructIdFor('Ingress', block, index);
    if (block.resolved === false) {
      const canonical = canonicalCidrExpression(block.cidr);
      return {
        id,
        cidrIpv4: forFamilyExpression(block.cidr, canonical, 'ipv4'),
        cidrIpv6: forFamilyExpression(block.cidr, canonical, 'ipv6'),
        description: 'Redis clients from a configured source',
      };
    }
    const source = block.family === IpFamily.IPV6 ? { cidrIpv6: block.cidr } : { cidrIpv4: block.cidr };
    return { id, ...source, description: `Redis clients from ${block.cidr}` };
  });
}

/** How ElastiCache keeps each promise for one request. */
function conformance(request: DataStoreRequest, plan: {
  nodeType: string; memoryGib: number; retention: number; denied: string[];
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
      : { realization: Realization.EMULATED, detail: `security group ingress rules for ${cidrs.length} source(s) on port ${ELASTICACHE_PORT}` },
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
  };
}

/** Decides node type, topology, retention, ACL and names for one ElastiCache data store. */
export function planElastiCache(props: ElastiCacheBackendProps, request: DataStoreRequest, names: BackendNames,
  isUnresolved: IsUnresolved): Planned<ElastiCacheSettings> {
  const { promises } = request;
  const engine = props.engineVersion ?? ElastiCacheEngineVersion.VALKEY_8_0;
  const availabilityZones = validateNetwork(props, promises.nodeCount, isUnresolved);
  const size = smallestFit(ELASTICACHE_NODE_TYPES, request.memoryGib, 'ElastiCache node types');
  // ElastiCache stores its IDs in lower case; user and user group IDs must be sent that way, as the AWS provider
  // 6.25 reads them back without lowering them (user.go; hashicorp/terraform-provider-aws#37151).
  const name = names.name === undefined
    ? derivedName(names.path)
    : isUnresolved(names.name) ? Fn.lower(names.name) : validateName(names.name, ELASTICACHE_NAME_RULE, 'name').toLowerCase();
  const idBase = isUnresolved(name) ? derivedName(names.path) : name;
  const denied = deniedCommands(request.luaScripting).filter((c) => !ELASTICACHE_BLOCKED_COMMANDS.includes(c));
  const retention = Math.min(Math.max(1, promises.backupHistoryDays), ELASTICACHE_MAX_SNAPSHOT_RETENTION);
  const settings: ElastiCacheSettings = {
    region: props.region,
    vpcId: props.vpcId,
    subnetIds: props.subnetIds,
    kmsKey: props.kmsKey,
    nodeType: size.id,
    automaticFailover: promises.automaticFailover,
    snapshotRetentionLimit: retention,
    parameterGroupName: defaultParameterGroupName(engine, isUnresolved),
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
        subnet_group_name: name,
        engine: engine.engine,
        engine_version: engine.version,
      },
    },
    snapshotWindow: props.snapshotWindow ?? DEFAULT_SNAPSHOT_WINDOW,
    // The provider lowers maintenance_window in state (StateFunc strings.ToLower: "ElastiCache always changes
    // the maintenance to lowercase", replication_group.go); sent in that form.
    maintenanceWindow: lowerCase(props.maintenanceWindow ?? DEFAULT_MAINTENANCE_WINDOW, isUnresolved),
    availabilityZones,
    // The canonical form ElastiCache returns, which the provider compares verbatim (no DiffSuppressFunc on
    // access_string, user.go; an alias such as `allcommands` diffs forever, hashicorp/terraform-provider-aws#20334):
    // Redis 7's ACL LIST order, flags, `~` keys, `&` channels, then commands, lower case, single spaces, no
    // commands ElastiCache blocks natively.
    accessString: renderAclRule(denied),
    userId: `${idBase.slice(0, 31).replace(/-+$/, '')}-default`,
    userGroupId: idBase,
    ingress: ingressRules(request.allowedCidrs ?? EVERY_SOURCE),
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
    conformance: conformance(request, { nodeType: size.id, memoryGib: size.memoryGib, retention, denied }),
    warnings: [publicSourcesWarning(request.allowedCidrs, 'the VPC', 'route those clients into the VPC (VPN, Transit Gateway, peering) or run them inside it, and list the addresses they have there')]
      .filter((w) => w !== undefined),
    settings,
  };
}
