import { ElastiCacheProps, ElastiCacheEngineVersion } from './props';
import { AWS_KMS_KEY, AWS_KMS_KEY_FORMS, ChoreoRedisError, IsUnresolved, MaintenanceWindow, PropRule, WEEKDAYS, Weekday, clockTime, resolveMaintenanceWindow } from '../../plan';

/** The snapshot and maintenance windows a data store gets when the props name none. */
export const DEFAULT_SNAPSHOT_WINDOW = '03:00-04:00';
export const DEFAULT_MAINTENANCE_WINDOW = 'sun:05:00-sun:06:00';
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MINUTES_PER_DAY = 24 * 60;
/** A snapshot's name: the cluster ID style (CreateSnapshot, DeleteReplicationGroup FinalSnapshotIdentifier). */
const SNAPSHOT_NAME = /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]*(?<!-)$/;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
/** A VPC ID: `vpc-` and 8 or 17 hex digits. */
const VPC_ID = /^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/;
/** A subnet ID: `subnet-` and 8 or 17 hex digits. */
const SUBNET_ID = /^subnet-([0-9a-f]{8}|[0-9a-f]{17})$/;

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

/** ElastiCache's three-letter names of the days, by `Weekday`. */
const DAY_NAMES: Readonly<Record<Weekday, string>> = {
  [Weekday.MONDAY]: 'mon',
  [Weekday.TUESDAY]: 'tue',
  [Weekday.WEDNESDAY]: 'wed',
  [Weekday.THURSDAY]: 'thu',
  [Weekday.FRIDAY]: 'fri',
  [Weekday.SATURDAY]: 'sat',
  [Weekday.SUNDAY]: 'sun',
};

/**
 * The maintenance window as ElastiCache writes it, `ddd:hh24:mi-ddd:hh24:mi` in lower case: the typed window an hour
 * long (the shortest ElastiCache takes, and Memorystore's length), the old string form as given.
 *
 * @throws ChoreoRedisError `InvalidMaintenanceWindow` for a typed window that is not one
 */
export function elastiCacheMaintenanceWindow(window: MaintenanceWindow | string | undefined, isUnresolved: IsUnresolved): string {
  if (window === undefined) return DEFAULT_MAINTENANCE_WINDOW;
  if (typeof window === 'string') return window;
  const resolved = resolveMaintenanceWindow(window, 'RedisBackend.elastiCache({ maintenanceWindow })', isUnresolved);
  if (resolved === undefined) return DEFAULT_MAINTENANCE_WINDOW;
  if ([resolved.day, resolved.hour, resolved.minute].some((v) => isUnresolved(v))) {
    throw new ChoreoRedisError('InvalidMaintenanceWindow',
      'RedisBackend.elastiCache({ maintenanceWindow }) has a Terraform token for its day, hour or minute; the construct writes the window and checks it against the snapshot window at synth. Give them as literals.');
  }
  const day = WEEKDAYS.indexOf(resolved.day);
  const endHour = (resolved.hour + 1) % 24;
  const endDay = endHour === 0 ? WEEKDAYS[(day + 1) % 7] : resolved.day;
  return `${DAY_NAMES[resolved.day]}:${clockTime(resolved.hour, resolved.minute)}-${DAY_NAMES[endDay]}:${clockTime(endHour, resolved.minute)}`;
}

/**
 * The snapshot window as ElastiCache writes it, `hh24:mi-hh24:mi`: an hour from `backupHour`, or the old
 * `snapshotWindow` as given.
 *
 * @throws ChoreoRedisError `InvalidHour` for a backup hour that is not one
 */
export function elastiCacheSnapshotWindow(props: Pick<ElastiCacheProps, 'backupHour' | 'snapshotWindow'>, isUnresolved: IsUnresolved): string {
  if (props.snapshotWindow !== undefined) return props.snapshotWindow;
  const hour = props.backupHour;
  if (hour === undefined) return DEFAULT_SNAPSHOT_WINDOW;
  if (isUnresolved(hour)) {
    throw new ChoreoRedisError('InvalidHour',
      'RedisBackend.elastiCache({ backupHour }) is a Terraform token; the construct writes the snapshot window and checks it against the maintenance window at synth. Give a number literal.');
  }
  if (!(Number.isInteger(hour) && hour >= 0 && hour <= 23)) {
    throw new ChoreoRedisError('InvalidHour', `backupHour ${hour} is not an hour of the day; give a whole number from 0 to 23 (UTC), such as 3.`);
  }
  return `${clockTime(hour, 0)}-${clockTime((hour + 1) % 24, 0)}`;
}

function validateWindows(snapshotWindow: string, window: MaintenanceWindow | string, isUnresolved: IsUnresolved): void {
  const maintenanceWindow = elastiCacheMaintenanceWindow(window, isUnresolved);
  if (isUnresolved(snapshotWindow) || isUnresolved(maintenanceWindow)) return;
  const snapshot = parseSnapshotWindow(snapshotWindow, 'snapshotWindow');
  const maintenance = parseMaintenanceWindow(maintenanceWindow, 'maintenanceWindow');
  requireAtLeastAnHour(snapshot, snapshotWindow, 'snapshotWindow');
  requireAtLeastAnHour(maintenance, maintenanceWindow, 'maintenanceWindow');
  const clash = DAYS.some((_, day) => overlaps(maintenance,
    [snapshot[0] + day * MINUTES_PER_DAY, snapshot[1] + day * MINUTES_PER_DAY], MINUTES_PER_WEEK));
  if (clash) {
    throw new ChoreoRedisError('OverlappingWindows',
      `maintenanceWindow "${maintenanceWindow}" overlaps the daily snapshotWindow "${snapshotWindow}"; ElastiCache rejects overlapping windows. Move one of them, for example backupHour 3 with maintenanceWindow { day: Weekday.SUNDAY, hour: 5 }.`);
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

/** ElastiCache's checks of its own props, in order, before any data store uses them. */
export const ELASTICACHE_PROP_RULES: readonly PropRule<ElastiCacheProps>[] = [
  {
    props: ['network'],
    check({ network }, isUnresolved) {
      if (!network || isUnresolved(network) || VPC_ID.test(network)) return;
      throw new ChoreoRedisError('InvalidNetwork',
        `network "${network}" is not a VPC ID; a VPC ID is "vpc-" followed by 8 or 17 lower-case hex digits, such as "vpc-0123456789abcdef0". Give the ID of the VPC ElastiCache runs in (aws ec2 describe-vpcs), or a token such as aws_vpc's id.`);
    },
  },
  {
    props: ['subnetIds'],
    check({ subnetIds }, isUnresolved) {
      if (subnetIds === undefined || isUnresolved(subnetIds)) return;
      const bad = subnetIds.map((id, i) => [id, i] as const).filter(([id]) => !isUnresolved(id) && !SUBNET_ID.test(id));
      if (bad.length === 0) return;
      throw new ChoreoRedisError('InvalidSubnet',
        `${bad.map(([id, i]) => `subnetIds[${i}] "${id}"`).join(', ')} ${bad.length === 1 ? 'is not a subnet ID' : 'are not subnet IDs'}; a subnet ID is "subnet-" followed by 8 or 17 lower-case hex digits, such as "subnet-0123456789abcdef0". Give the IDs of subnets of network (aws ec2 describe-subnets), or tokens such as aws_subnet's id.`);
    },
  },
  {
    props: ['kmsKey'],
    check({ kmsKey }, isUnresolved) {
      if (kmsKey === undefined || isUnresolved(kmsKey) || AWS_KMS_KEY.test(kmsKey)) return;
      throw new ChoreoRedisError('InvalidKmsKey',
        `kmsKey "${kmsKey}" does not name a KMS key; give ${AWS_KMS_KEY_FORMS}, or omit kmsKey for ElastiCache's AWS-owned key.`);
    },
  },
  {
    props: ['engineVersion'],
    check: (props, isUnresolved) => validateEngine(props.engineVersion ?? ElastiCacheEngineVersion.VALKEY_8_0, isUnresolved),
  },
  {
    props: ['backupHour', 'snapshotWindow', 'maintenanceWindow'],
    check: (props, isUnresolved) => validateWindows(
      elastiCacheSnapshotWindow(props, isUnresolved), props.maintenanceWindow ?? DEFAULT_MAINTENANCE_WINDOW, isUnresolved),
  },
  {
    props: ['restoreFromSnapshot'],
    check({ restoreFromSnapshot: snapshot }, isUnresolved) {
      if (snapshot === undefined || isUnresolved(snapshot) || SNAPSHOT_NAME.test(snapshot)) return;
      throw new ChoreoRedisError('InvalidRestoreSource',
        `restoreFromSnapshot "${snapshot}" is not an ElastiCache snapshot name; snapshot names begin with a letter and hold letters, digits and single hyphens, without one at the end (such as "orders-before-move"). Name a snapshot of the region, or omit restoreFromSnapshot.`);
    },
  },
];

/**
 * Checks the VPC, subnets and zones against the plan's node count, which only the plan knows: one subnet and one
 * zone per node.
 */
export function checkElastiCacheNetwork(props: ElastiCacheProps, nodeCount: number, isUnresolved: IsUnresolved): void {
  if (!props.network) {
    throw new ChoreoRedisError('MissingNetwork', 'network is missing; ElastiCache runs inside a VPC. Pass RedisBackend.elastiCache({ network: "vpc-..." }), the VPC ID.');
  }
  if (!isUnresolved(props.subnetIds)) {
    if (!props.subnetIds || props.subnetIds.length === 0) {
      throw new ChoreoRedisError('MissingSubnets',
        'subnetIds is missing or empty; ElastiCache needs subnets of the VPC for its subnet group. Pass RedisBackend.elastiCache({ subnetIds: ["subnet-...", ...] }).');
    }
    if (new Set(props.subnetIds).size < Math.min(nodeCount, 3) && nodeCount > 1) {
      throw new ChoreoRedisError('NotEnoughSubnets',
        `subnetIds has ${new Set(props.subnetIds).size} distinct subnet(s), but the plan's ${nodeCount} nodes go in ${nodeCount} availability zones; give one subnet per zone, at least ${nodeCount}.`);
    }
  }
  const zones = props.availabilityZones;
  if (zones === undefined || isUnresolved(zones)) return;
  zones.forEach((zone, i) => {
    if (!isUnresolved(zone) && !(zone.startsWith(props.region) && /^[a-z]$/.test(zone.slice(props.region.length)))) {
      throw new ChoreoRedisError('InvalidZone',
        `availabilityZones[${i}] "${zone}" is not a zone of ${props.region}; zones are the region followed by a letter, such as "${props.region}a".`);
    }
  });
  if (zones.length > nodeCount) {
    throw new ChoreoRedisError('PropHasNoEffect',
      `availabilityZones lists ${zones.length} zones, but the plan runs ${nodeCount} node(s), one per zone: zones past the ${nodeCount === 1 ? 'first' : `first ${nodeCount}`} would be ignored. List ${nodeCount}, primary first, or omit availabilityZones.`);
  }
  if (new Set(zones).size < nodeCount) {
    throw new ChoreoRedisError('NotEnoughAvailabilityZones',
      `availabilityZones lists ${new Set(zones).size} distinct zone(s), but the plan's ${nodeCount} node(s) need one each; list at least ${nodeCount}, primary first.`);
  }
}
