import { Fn } from 'cdktf';
import { planMemorystoreAlerts } from './alert-plan';
import {
  MAX_READ_REPLICAS, MEMORYSTORE_REDIS_BLOCKED_COMMANDS, MEMORYSTORE_REDIS_MAX_CLIENTS, MEMORYSTORE_REDIS_SIZES, MEMORYSTORE_REDIS_TLS_PORT,
  MEMORYSTORE_TOPOLOGIES, READ_REPLICAS_MIN_GIB,
} from './catalog';
import { MemorystoreProps, MemorystoreConnectMode, MemorystoreRedisVersion, MemorystoreSnapshotPeriod } from './props';
import { checkReservedRangeForReadReplicas } from './validation';
import {
  ChoreoRedisError, ConformanceRecord, DataStoreRequest, IsUnresolved, Kept, NameRule, RESTRICTED_COMMANDS, Realization, availabilityKept,
  connectionLimitKept, deriveName, engineKept, engineProfile, evictionKept, failoverKept, maxConnectionsFor, memoryMb, recoveryPointKept,
  regionKept, smallestFit, standbyCount, validateName, zonesKept, refuseWithoutEffect,
  ResolvedMaintenanceWindow,
} from '../../plan';
import type { BackendNames, Planned } from '../definition';
import {
  DEFAULT_BACKUP_HOUR, GoogleDnsRecord, dnsRecordFor, luaKept, maintenanceWindowOf, networkKept, normalizeLabels,
  stableEndpointKept,
} from '../google/google';
import { GoogleAlertSettings } from '../google/monitoring';
import { joined, nameHash } from '../google/names';

/**
 * Memorystore for Redis's rule for instance names (`google_redis_instance.name`): google v6.50.0 refuses anything
 * else at plan, upper case included (`ForceNew`, `verify.ValidateRegexp(^[a-z][a-z0-9-]{0,39}[a-z0-9]$)`,
 * `redis/resource_redis_instance.go:109-113`). The names derived from it (bucket, job, DNS record) are lower case too.
 */
export const REDIS_INSTANCE_NAME_RULE: NameRule = {
  maxLength: 41,
  pattern: /^[a-z][a-z0-9-]{0,39}[a-z0-9]$/,
  description: 'lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit, at least 2 characters',
  title: 'Memorystore for Redis instance names',
  characters: /[a-z0-9-]/,
};

const SNAPSHOT_PERIOD_WORDS: Readonly<Record<string, string>> = {
  [MemorystoreSnapshotPeriod.ONE_HOUR]: 'hour',
  [MemorystoreSnapshotPeriod.SIX_HOURS]: '6 hours',
  [MemorystoreSnapshotPeriod.TWELVE_HOURS]: '12 hours',
  [MemorystoreSnapshotPeriod.TWENTY_FOUR_HOURS]: '24 hours',
};

const HOUR_SECONDS = 3600;
/** The writes a failure of every node can lose under each period, in seconds. */
const SNAPSHOT_PERIOD_SECONDS: Readonly<Record<string, number>> = {
  [MemorystoreSnapshotPeriod.ONE_HOUR]: HOUR_SECONDS,
  [MemorystoreSnapshotPeriod.SIX_HOURS]: 6 * HOUR_SECONDS,
  [MemorystoreSnapshotPeriod.TWELVE_HOURS]: 12 * HOUR_SECONDS,
  [MemorystoreSnapshotPeriod.TWENTY_FOUR_HOURS]: 24 * HOUR_SECONDS,
};

/** The backup chain's settings (backup-chain.ts), for plans that keep history. */
export interface MemorystoreBackupSettings {
  readonly project: string;
  readonly region: string;
  /** Days a replaced export is kept. */
  readonly historyDays: number;
  /** Global: a Terraform expression when the project or region is a token (see `nameHash`). */
  readonly bucketName: string;
  /**
   * Whether destroy deletes the bucket with its exports: true for data stores without deletion protection, so
   * that `terraform destroy` completes; with it, `prevent_destroy` makes Terraform refuse instead.
   */
  readonly forceDestroy: boolean;
  /** The Cloud KMS key that encrypts the exports, when one is given. */
  readonly kmsKey?: string;
  readonly labels: Record<string, string>;
  /** The export's object: one name, so that bucket versioning keeps the history. */
  readonly objectName: string;
  readonly serviceAccountId: string;
  /**
   * The custom role's ID for one incarnation of the backup chain, given a value that is new with each (the ID of a
   * `terraform_data` defined with the chain): a deleted role's ID stays reserved for 37 days.
   */
  readonly roleId: (incarnation: string) => string;
  readonly jobName: string;
  /** Cron schedule, in UTC. */
  readonly schedule: string;
  /** The export call's JSON body, base64-encoded as Cloud Scheduler takes it. */
  readonly exportBody: string;
}

/** The renderer's share of a Memorystore for Redis plan. */
export interface MemorystoreSettings {
  readonly project: string;
  readonly region: string;
  readonly authorizedNetwork: string;
  readonly connectMode: string;
  readonly reservedIpRange?: string;
  /** The primary's zone. */
  readonly zone?: string;
  /** The standby's zone; unset for BASIC, which has no standby. */
  readonly alternativeZone?: string;
  readonly kmsKey?: string;
  readonly tier: string;
  /** Unset for BASIC, where the API refuses the field. */
  readonly readReplicasMode?: string;
  /** Unset for BASIC. */
  readonly replicaCount?: number;
  readonly memorySizeGb: number;
  readonly snapshotPeriod: string;
  /** `redis_configs`: the eviction policy. */
  readonly redisConfigs: Readonly<Record<string, string>>;
  readonly maintenance: ResolvedMaintenanceWindow;
  readonly labels: Record<string, string>;
  /** The backup chain, for plans with backup history. */
  readonly backup?: MemorystoreBackupSettings;
  /** The A record, when a private DNS zone was given. */
  readonly dnsRecord?: GoogleDnsRecord;
  /** Cloud Monitoring alert policies, when alerts are on. */
  readonly alerts?: GoogleAlertSettings;
}

function topologyFor(standbys: number, memoryGib: number, explicitGib: number) {
  const topology = MEMORYSTORE_TOPOLOGIES.find((t) => t.standbys === standbys);
  if (topology === undefined) {
    throw new ChoreoRedisError('UnsupportedTopology',
      `Memorystore for Redis runs at most ${MAX_READ_REPLICAS} standbys (read replicas); the plan needs ${standbys}.`);
  }
  if (topology.readReplicasMode === 'READ_REPLICAS_ENABLED' && memoryGib < READ_REPLICAS_MIN_GIB) {
    throw new ChoreoRedisError('TooSmallForReadReplicas',
      `memoryGib ${explicitGib} gives a ${memoryGib} GB instance, but the plan's ${standbys} standbys are Memorystore read replicas, which need at least ${READ_REPLICAS_MIN_GIB} GB. Choose memoryGib ${READ_REPLICAS_MIN_GIB} or more, or omit it for the plan's default.`);
  }
  return topology;
}

/**
 * The backup chain's settings: names unique where Google Cloud needs them, and the export call.
 *
 * Names, checked against google v6.50.0 and the APIs (all lower case, the only form each accepts):
 * - bucket `<name>-backups-<hash>`: global across Cloud Storage. The provider does not validate `name`
 *   (`storage/resource_storage_bucket.go:85-90`, `ForceNew`); the API takes 3-63 lower-case letters, digits,
 *   `-`, `_` and `.`, never containing "google" nor starting with "goog" (Cloud Storage bucket naming). The hash
 *   covers project, region and name, computed by Terraform when the project or region is a token (`nameHash`).
 * - service account `redis-export-<hash>`: per project; `ValidateRFC1035Name(6, 30)`, `[a-z]([-a-z0-9]*[a-z0-9])`
 *   (`resourcemanager/resource_google_service_account.go:69-75`).
 * - custom role `choreoRedisExport_<hash>_<incarnation>`: per project; `verify.ValidateIAMCustomRoleID`
 *   (`[a-zA-Z0-9_.]{3,64}`, `resourcemanager/resource_google_project_iam_custom_role.go:48-54`). Deleting a role
 *   only marks it deleted: Google keeps it 7 days (the provider undeletes it on create, `:114-126`), then reserves
 *   its ID until 37 days after the deletion, refusing a new role with it ("You can't create a role_id (...) which
 *   has been marked for deletion", terraform-google-modules/terraform-google-bastion-host#14,
 *   cloudspannerecosystem/autoscaler#115). So the ID ends in a hash of the instance's creation time, new for each
 *   instance: a data store destroyed and defined again gets a role of its own.
 * - Cloud Scheduler job `<name>-backup`: per project and region, like the instance name; not validated by the
 *   provider (`cloudscheduler/resource_cloud_scheduler_job.go:146-151`), letters, digits, `-` and `_` (API).
 */
function backupSettings(props: MemorystoreProps, request: DataStoreRequest, name: string, historyDays: number,
  labels: Record<string, string>, isUnresolved: IsUnresolved): MemorystoreBackupSettings {
  const hash = nameHash([props.project, props.region, name], isUnresolved);
  // Bucket names are global and may not contain "google" or start with "goog".
  const head = /goog/.test(name) ? 'redis' : name;
  const bucketName = joined([`${head}-backups-`, hash], isUnresolved);
  const objectName = `${name}.rdb`;
  // JSON, then base64 as Cloud Scheduler takes the body; by Terraform when the bucket's name is an expression
  // (`jsonencode` writes the same compact text as `JSON.stringify` for this one-key-per-level object).
  const exportRequest = { outputConfig: { gcsDestination: { uri: joined(['gs://', bucketName, `/${objectName}`], isUnresolved) } } };
  return {
    project: props.project,
    region: props.region,
    historyDays,
    bucketName,
    forceDestroy: !request.deletionProtection,
    kmsKey: props.kmsKey,
    labels,
    objectName,
    exportBody: isUnresolved(bucketName)
      ? Fn.base64encode(Fn.jsonencode(exportRequest))
      : Buffer.from(JSON.stringify(exportRequest)).toString('base64'),
    serviceAccountId: `redis-export-${hash}`,
    roleId: (incarnation) => `choreoRedisExport_${hash}_${Fn.substr(Fn.sha256(incarnation), 0, 8)}`,
    jobName: `${name}-backup`,
    schedule: `0 ${props.backupHour ?? DEFAULT_BACKUP_HOUR} * * *`,
  };
}

/** `<major>.<minor>` of a version as the API names it (`REDIS_7_2`, `REDIS_6_X`), or the name itself for a form it cannot read. */
function majorMinorOf(version: string): string {
  const match = /^REDIS_(\d+)_(\w+)$/.exec(version);
  return match === null ? version : `${match[1]}.${match[2]}`;
}

/**
 * The availability SLA (Memorystore SLA, cloud.google.com/memorystore/sla): 99.9% for the Standard Tier; the Basic Tier
 * is not a covered service.
 */
function availability(tier: string): Kept {
  const source = 'Memorystore SLA';
  return tier === 'BASIC'
    ? availabilityKept({ configuration: 'the Basic Tier (one node)', source },
      'choose ServicePlan.BUSINESS (Standard Tier, 99.9%), or RedisBackend.memorystoreValkey() with Business (multi-zone with replicas, 99.99%)')
    : availabilityKept({ percent: 99.9, configuration: 'the Standard Tier', source },
      'choose RedisBackend.memorystoreValkey(), whose multi-zone instances with replicas are covered at 99.99%');
}

/** How Memorystore for Redis keeps each promise for one request. */
function conformance(request: DataStoreRequest, plan: {
  tier: string;
  replicaCount: number;
  readReplicas: boolean;
  memoryGib: number;
  backup?: MemorystoreBackupSettings;
  dnsRecord?: GoogleDnsRecord;
  snapshotPeriod: string;
  version: string;
}): ConformanceRecord {
  const { promises } = request;
  const notBlocked = RESTRICTED_COMMANDS.filter((c) => !MEMORYSTORE_REDIS_BLOCKED_COMMANDS.includes(c));
  return {
    'nodes': {
      realization: Realization.NATIVE,
      detail: `tier ${plan.tier} with ${plan.replicaCount} replica(s)${plan.readReplicas ? ' (read replicas)' : ''}`,
    },
    'automatic-failover': failoverKept(promises, 'STANDARD_HA promotes a replica in another zone when the primary fails'),
    'disaster-recovery-backup': {
      realization: Realization.NATIVE,
      detail: `RDB persistence, a snapshot every ${SNAPSHOT_PERIOD_WORDS[plan.snapshotPeriod] ?? plan.snapshotPeriod}, restores the instance after a failure`,
    },
    // Memorystore for Redis has RDB persistence only (persistence_mode DISABLED or RDB in google 6.50), an hour apart at
    // the shortest; the library's default period is that hour.
    'recovery-point': recoveryPointKept(promises, {
      how: `RDB persistence with rdb_snapshot_period = "${plan.snapshotPeriod}" (Memorystore for Redis has no append-only file)`,
      windowSeconds: SNAPSHOT_PERIOD_SECONDS[plan.snapshotPeriod] ?? 24 * HOUR_SECONDS,
      fix: plan.snapshotPeriod === MemorystoreSnapshotPeriod.ONE_HOUR
        ? 'choose ServicePlan.BUSINESS, whose replica receives every write by replication'
        : 'set snapshotPeriod to MemorystoreSnapshotPeriod.ONE_HOUR (the shortest), or choose ServicePlan.BUSINESS, whose replica receives every write by replication',
    }, 'STANDARD_HA replicates every write to the replica(s) in other zones'),
    'backup-history': plan.backup === undefined
      ? { realization: Realization.NATIVE, detail: 'the plan keeps no history beyond the RDB snapshot' }
      : {
        realization: Realization.EMULATED,
        detail: `a Cloud Scheduler job exports an RDB file daily (cron "${plan.backup.schedule}", UTC) to a versioned bucket that deletes replaced exports after ${plan.backup.historyDays} day(s)`,
      },
    'encryption-at-rest': {
      realization: Realization.NATIVE,
      detail: 'Memorystore and Cloud Storage encrypt data and exports at rest (Google-managed or the given KMS key)',
    },
    'tls': {
      realization: Realization.NATIVE,
      detail: `transit_encryption_mode = "SERVER_AUTHENTICATION" (port ${MEMORYSTORE_REDIS_TLS_PORT}); clients trust the instance's server CA`,
    },
    'authentication': { realization: Realization.NATIVE, detail: 'AUTH on, with the password Memorystore generates (auth_string)' },
    'network-access': networkKept(request, 'clients connect from the authorized VPC network and networks connected to it'),
    'stable-endpoint': stableEndpointKept(plan.dnsRecord, 'instance\'s'),
    'connection-limit': connectionLimitKept(MEMORYSTORE_REDIS_MAX_CLIENTS, maxConnectionsFor(memoryMb(plan.memoryGib)),
      'Memorystore for Redis fixes maxclients at', 'choose a smaller memoryGib'),
    'restricted-commands': {
      realization: Realization.SUBSTITUTED,
      detail: `Memorystore refuses ${MEMORYSTORE_REDIS_BLOCKED_COMMANDS.join(', ')} natively, but not ${notBlocked.join(', ')}, and has no ACL to refuse them`,
    },
    'lua-scripting': luaKept(request.luaScripting, 'Memorystore for Redis'),
    'region': regionKept(),
    'zone-redundancy': zonesKept(promises, 'STANDARD_HA keeps the replica(s) in zones other than the primary\'s (alternative_location_id, or a zone Memorystore picks)'),
    'eviction-policy': evictionKept(request.evictionPolicy, 'redis_configs', 'volatile-lru, Memorystore for Redis\'s default'),
    'engine-compatibility': engineKept(engineProfile('redis', plan.version, majorMinorOf(plan.version)), 'choose MemorystoreRedisVersion.REDIS_7_2'),
    'availability-sla': availability(plan.tier),
  };
}

/** Decides tier, capacity, backups and names for one Memorystore for Redis data store. */
export function planMemorystore(props: MemorystoreProps, request: DataStoreRequest, names: BackendNames,
  isUnresolved: IsUnresolved): Planned<MemorystoreSettings> {
  const { promises } = request;
  const size = smallestFit(MEMORYSTORE_REDIS_SIZES, request.memoryGib, 'Memorystore for Redis capacities');
  const topology = topologyFor(standbyCount(promises), size.memoryGib, request.memoryGib);
  const name = names.name === undefined
    ? deriveName(names.path, REDIS_INSTANCE_NAME_RULE)
    : isUnresolved(names.name) ? names.name : validateName(names.name, REDIS_INSTANCE_NAME_RULE, 'name');
  const idBase = isUnresolved(name) ? deriveName(names.path, REDIS_INSTANCE_NAME_RULE) : name;
  // The shortest period Memorystore for Redis offers, for the plan's recovery point.
  const snapshotPeriod = props.snapshotPeriod ?? MemorystoreSnapshotPeriod.ONE_HOUR;
  const labels = normalizeLabels(request.tags, isUnresolved);
  refuseWithoutEffect(props.backupHour !== undefined && promises.backupHistoryDays === 0, 'RedisBackend.memorystore({ backupHour })',
    `the ${request.plan} plan keeps no backup history, so no daily export runs`);
  refuseWithoutEffect(props.alternativeZone !== undefined && topology.standbys === 0, 'RedisBackend.memorystore({ alternativeZone })',
    `the ${request.plan} plan runs no standby (BASIC tier), whose zone it would name`);
  const backup = promises.backupHistoryDays > 0
    ? backupSettings(props, request, idBase, promises.backupHistoryDays, labels, isUnresolved)
    : undefined;
  const dnsRecord = dnsRecordFor(props.project, props.privateDnsZone, idBase);
  const readReplicas = topology.readReplicasMode === 'READ_REPLICAS_ENABLED';
  checkReservedRangeForReadReplicas(props, readReplicas, topology.standbys, isUnresolved);
  const settings: MemorystoreSettings = {
    project: props.project,
    region: props.region,
    authorizedNetwork: props.network,
    connectMode: props.connectMode ?? MemorystoreConnectMode.DIRECT_PEERING,
    reservedIpRange: props.reservedIpRange,
    zone: props.zone,
    alternativeZone: topology.standbys > 0 ? props.alternativeZone : undefined,
    kmsKey: props.kmsKey,
    tier: topology.tier,
    readReplicasMode: topology.readReplicasMode,
    replicaCount: topology.standbys > 0 ? topology.standbys : undefined,
    memorySizeGb: size.memoryGib,
    snapshotPeriod,
    redisConfigs: { 'maxmemory-policy': request.evictionPolicy },
    maintenance: maintenanceWindowOf(props.maintenanceWindow, 'memorystore', isUnresolved),
    labels,
    backup,
    dnsRecord,
    alerts: request.alerts === undefined ? undefined : planMemorystoreAlerts(request.alerts, request, props.project, props.region, name,
      size.memoryGib, backup === undefined ? undefined : { jobName: backup.jobName, region: backup.region }, labels),
  };
  const version = (props.engineVersion ?? MemorystoreRedisVersion.REDIS_7_2).version;
  return {
    request,
    name,
    size: { id: `${topology.tier} ${size.memoryGib} GB`, memoryGib: size.memoryGib },
    nodeCount: promises.nodeCount,
    backupRetentionDays: promises.backupHistoryDays,
    engine: 'redis',
    engineVersion: version,
    port: MEMORYSTORE_REDIS_TLS_PORT,
    serviceMaxConnections: MEMORYSTORE_REDIS_MAX_CLIENTS,
    conformance: conformance(request, {
      tier: topology.tier, replicaCount: topology.standbys, readReplicas, memoryGib: size.memoryGib, backup, dnsRecord, snapshotPeriod, version,
    }),
    settings,
  };
}
