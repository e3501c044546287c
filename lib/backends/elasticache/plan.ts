import { Fn } from 'cdktf';
import {
  ELASTICACHE_BLOCKED_COMMANDS, ELASTICACHE_MAX_CLIENTS, ELASTICACHE_MAX_SNAPSHOT_RETENTION, ELASTICACHE_NODE_TYPES, ELASTICACHE_PORT,
} from './catalog';
import { ElastiCacheBackendProps, ElastiCacheEngineVersion } from './props';
import {
  ChoreoRedisError, ConformanceRecord, DataStoreRequest, IsUnresolved, NameRule, RESTRICTED_COMMANDS, Realization, connectionLimitKept,
  deniedCommands, deriveName, failoverKept, maxConnectionsFor, memoryMb, publicSourcesWarning, regionKept, renderAclRule, smallestFit, validateName,
} from '../../plan';
import type { BackendNames, Planned } from '../definition';

/** ElastiCache's rule for replication group IDs (`validateReplicationGroupID` in the AWS provider). */
export const REPLICATION_GROUP_ID_RULE: NameRule = {
  maxLength: 40,
  pattern: /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]*(?<!-)$/,
  description: 'letters, digits and hyphens, starting with a letter, with no two hyphens in a row and no hyphen at the end',
  title: 'ElastiCache replication group IDs',
  characters: /[a-zA-Z0-9-]/,
};

const DEFAULT_SNAPSHOT_WINDOW = '03:00-04:00';
const DEFAULT_MAINTENANCE_WINDOW = 'sun:05:00-sun:06:00';
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** The renderer's share of an ElastiCache plan. */
export interface ElastiCacheSettings {
  readonly region: string;
  readonly vpcId: string;
  readonly subnetIds: string[];
  readonly kmsKey?: string;
  /** The subnet group's name: ElastiCache stores it in lower case. */
  readonly subnetGroupName: string;
  readonly nodeType: string;
  readonly automaticFailover: boolean;
  readonly snapshotRetentionLimit: number;
  /** The snapshot ElastiCache takes when the replication group is deleted. */
  readonly finalSnapshotIdentifier: string;
  readonly snapshotWindow: string;
  readonly maintenanceWindow: string;
  readonly availabilityZones?: string[];
  readonly accessString: string;
  readonly userId: string;
  readonly userGroupId: string;
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

/** How ElastiCache keeps each promise for one request. */
function conformance(request: DataStoreRequest, plan: {
  nodeType: string; memoryGib: number; retention: number; denied: string[];
}): ConformanceRecord {
  const { promises } = request;
  const promised = maxConnectionsFor(memoryMb(plan.memoryGib));
  const cidrs = request.allowedCidrs;
  return {
    nodes: { realization: Realization.NATIVE, detail: `num_cache_clusters = ${promises.nodeCount}, ${plan.nodeType}` },
    'automatic-failover': failoverKept(promises, 'automatic failover and Multi-AZ on'),
    'disaster-recovery-backup': { realization: Realization.NATIVE, detail: 'daily automatic snapshot' },
    'backup-history': { realization: Realization.NATIVE, detail: `snapshot_retention_limit = ${plan.retention} day(s)` },
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
  const name = names.name === undefined
    ? deriveName(names.path, REPLICATION_GROUP_ID_RULE)
    : isUnresolved(names.name) ? names.name : validateName(names.name, REPLICATION_GROUP_ID_RULE, 'name');
  const idBase = isUnresolved(name) ? deriveName(names.path, REPLICATION_GROUP_ID_RULE) : name;
  const denied = deniedCommands(request.luaScripting).filter((c) => !ELASTICACHE_BLOCKED_COMMANDS.includes(c));
  const retention = Math.min(Math.max(1, promises.backupHistoryDays), ELASTICACHE_MAX_SNAPSHOT_RETENTION);
  const settings: ElastiCacheSettings = {
    region: props.region,
    vpcId: props.vpcId,
    subnetIds: props.subnetIds,
    kmsKey: props.kmsKey,
    subnetGroupName: isUnresolved(name) ? Fn.lower(name) : name.toLowerCase(),
    nodeType: size.id,
    automaticFailover: promises.automaticFailover,
    snapshotRetentionLimit: retention,
    finalSnapshotIdentifier: `${name}-final`,
    snapshotWindow: props.snapshotWindow ?? DEFAULT_SNAPSHOT_WINDOW,
    maintenanceWindow: props.maintenanceWindow ?? DEFAULT_MAINTENANCE_WINDOW,
    availabilityZones,
    accessString: renderAclRule(denied),
    userId: `${idBase.slice(0, 31).replace(/-+$/, '')}-default`,
    userGroupId: idBase,
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
