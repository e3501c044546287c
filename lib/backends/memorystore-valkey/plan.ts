import { Fn, Token } from 'cdktf';
import { planValkeyAlerts } from './alert-plan';
import { VALKEY_MAX_BACKUP_RETENTION_DAYS, VALKEY_PORT, VALKEY_SERVICE_CLASS, ValkeyNodeType } from './catalog';
import { ValkeyAutomatedBackup, planChangeOf } from './plan-change';
import { MemorystoreValkeyProps, MemorystoreValkeyVersion } from './props';
import { NETWORK } from './validation';
import {
  ConformanceRecord, DataStoreRequest, EvictionPolicy, IsUnresolved, Kept, NameRule, Realization, availabilityKept, connectionLimitKept,
  deriveName, engineKept, engineProfile, evictionKept, failoverKept, maxConnectionsFor, memoryMb, recoveryPointKept, regionKept,
  stableHash, validateName, refuseWithoutEffect, ResolvedMaintenanceWindow,
} from '../../plan';
import type { BackendNames, Planned } from '../definition';
import {
  GoogleDnsRecord, dnsRecordFor, luaKept, maintenanceWindowOf, networkKept,
  normalizeLabels, stableEndpointKept,
} from '../google/google';
import { GoogleAlertSettings } from '../google/monitoring';
import { GoogleClaim, nameHash } from '../google/names';

/**
 * Memorystore for Valkey's rule for instance IDs (`google_memorystore_instance.instance_id`). google v6.50.0 does not
 * validate it, but documents the API's rule: "4-63 characters ... begin with a letter or digit ... only lowercase
 * letters, digits, and hyphens ... not end with a hyphen ... unique within a location"
 * (memorystore/resource_memorystore_instance.go:62-75), so upper case fails at apply: the library refuses it at synth.
 */
export const VALKEY_INSTANCE_ID_RULE: NameRule = {
  maxLength: 63,
  pattern: /^[a-z0-9][a-z0-9-]{2,61}[a-z0-9]$/,
  description: 'lowercase letters, digits and hyphens, starting with a letter or digit and not ending with a hyphen, at least 4 characters',
  title: 'Memorystore for Valkey instance IDs',
  characters: /[a-z0-9-]/,
};

/** The service connection policy that Private Service Connect needs once per network and region. */
export interface ValkeyConnectionPolicy {
  /** Unique per project and region: a hash of network and region, computed by Terraform for tokens. */
  readonly name: string;
  readonly subnetworks: string[];
  /** Google Cloud allows one policy per network, region and service class: no other data store of the app may define it. */
  readonly claim: GoogleClaim;
}

/** One grant of the connection role, under its construct ID. */
export interface ValkeyClientGrant {
  readonly id: string;
  readonly member: string;
}

/**
 * `persistence_config`: AOF with fsync every second. Memorystore for Valkey allows AOF or RDB, not both, and RDB's
 * shortest period is an hour; its automated backups, which keep the history, are independent of persistence.
 */
export const VALKEY_PERSISTENCE = { mode: 'AOF', appendFsync: 'EVERY_SEC' } as const;

/** The renderer's share of a Memorystore for Valkey plan. */
export interface MemorystoreValkeySettings {
  readonly project: string;
  readonly region: string;
  readonly network: string;
  /** The project of the network, where the endpoints are created. */
  readonly networkProject: string;
  /** Present when `pscSubnetworks` asks for a policy. */
  readonly connectionPolicy?: ValkeyConnectionPolicy;
  readonly nodeType: string;
  readonly replicaCount: number;
  /** MULTI_ZONE when the plan fails over, SINGLE_ZONE otherwise. */
  readonly zoneDistribution: string;
  readonly maxClients: number;
  /** `engine_configs` `maxmemory-policy`. */
  readonly evictionPolicy: EvictionPolicy;
  readonly automatedBackup?: ValkeyAutomatedBackup;
  /** `persistence_config`: the mode and the AOF fsync setting. */
  readonly persistence: { readonly mode: string; readonly appendFsync: string };
  readonly maintenance: ResolvedMaintenanceWindow;
  readonly kmsKey?: string;
  /** The backup the instance is created from, if any (`managed_backup_source`, read only at creation). */
  readonly restoreFromBackup?: string;
  /**
   * Memorystore's own deletion protection; when on, Terraform is told to refuse a destroy too (`prevent_destroy`),
   * rather than delete the instance's grants and DNS record and then fail at the instance.
   */
  readonly deletionProtection: boolean;
  readonly labels: Record<string, string>;
  /** One grant per distinct client member. */
  readonly clientGrants: readonly ValkeyClientGrant[];
  /** The A record, when a private DNS zone was given. */
  readonly dnsRecord?: GoogleDnsRecord;
  /** Cloud Monitoring alert policies, when alerts are on. */
  readonly alerts?: GoogleAlertSettings;
}

/**
 * One grant per distinct member, keyed by the member so that reordering changes nothing; members that read
 * alike in a construct ID (a.b and a-b) get their hash in it, and a token member its position.
 */
function clientGrantsOf(members: readonly string[], isUnresolved: IsUnresolved): ValkeyClientGrant[] {
  const ids = new Set<string>();
  return [...new Set(members)].map((member, index) => {
    const readable = isUnresolved(member) ? `ClientAccess${index}` : `ClientAccess-${member.replace(/[^A-Za-z0-9]+/g, '_')}`;
    const id = ids.has(readable) ? `${readable}-${stableHash(member)}` : readable;
    ids.add(id);
    return { id, member };
  });
}

/**
 * The project of the network, where the endpoints and the policy go: read from the network's full name, by
 * Terraform when the network is a token (a network's `id` is that full name), never the data store's project.
 */
function networkProjectOf(network: string, isUnresolved: IsUnresolved): string {
  return isUnresolved(network)
    ? Token.asString(Fn.element(Fn.regex('projects/([^/]+)/global/networks/', network), 0))
    : NETWORK.exec(network)![1];
}

/**
 * The service connection policy: "You can create only one service connection policy for each combination of
 * network, region, and service class" (Google Cloud, "About service connection policies"), and its name is unique
 * per project and region (`projects/{project}/locations/{region}/serviceConnectionPolicies/{name}`, google v6.50.0
 * networkconnectivity/resource_network_connectivity_service_connection_policy.go:61-82, all `ForceNew`). Its name
 * hashes network and region (by Terraform for tokens, so two token networks in one project get two names), and
 * a second data store of the app on the same network and region is refused at synth rather than at apply, where
 * the second create fails: one policy per app, owned by one data store, whose destroy deletes it.
 */
function connectionPolicyOf(props: MemorystoreValkeyProps, subnetworks: string[], isUnresolved: IsUnresolved): ValkeyConnectionPolicy {
  return {
    name: `memorystore-psc-${nameHash([props.network, props.region], isUnresolved)}`,
    subnetworks,
    claim: {
      key: `psc/${props.network}/${props.region}/${VALKEY_SERVICE_CLASS}`,
      what: `the service connection policy for ${VALKEY_SERVICE_CLASS} on ${props.network} in ${props.region}, which Google Cloud allows once per network and region`,
      fix: 'give pscSubnetworks to one of these data stores only; the others, without pscSubnetworks, use the policy it defines (which its destroy deletes)',
    },
  };
}

/** `<major>.<minor>` of a version as the API names it (`VALKEY_8_0`), or the name itself for a form it cannot read. */
function majorMinorOf(version: string): string {
  const match = /^VALKEY_(\d+)_(\d+)$/.exec(version);
  return match === null ? version : `${match[1]}.${match[2]}`;
}

/**
 * The availability SLA (Memorystore SLA, cloud.google.com/memorystore/sla; Memorystore for Valkey "Operational
 * guidelines"): 99.99% for a multi-zone instance with replicas; an instance without replicas, and any instance of the
 * shared-core-nano node type, is not covered.
 */
function availability(replicaCount: number, zoneDistribution: string, nodeType: string): Kept {
  const source = 'Memorystore SLA and Memorystore for Valkey operational guidelines';
  const fix = 'choose ServicePlan.BUSINESS (multi-zone with a replica, 99.99%)';
  if (replicaCount === 0) return availabilityKept({ configuration: 'an instance without replicas', source }, fix);
  if (nodeType === 'SHARED_CORE_NANO') return availabilityKept({ configuration: 'the shared-core-nano node type', source }, 'choose a memoryGib above 1.4 (STANDARD_SMALL or larger)');
  return zoneDistribution === 'MULTI_ZONE'
    ? availabilityKept({ percent: 99.99, configuration: 'a multi-zone instance with replicas', source })
    : availabilityKept({ percent: 99.9, configuration: 'a single-zone instance with replicas', source });
}

/** How Memorystore for Valkey keeps each promise for one request. */
function conformance(request: DataStoreRequest, plan: {
  nodeType: ValkeyNodeType;
  replicaCount: number;
  zoneDistribution: string;
  maxClients: number;
  historyDays: number;
  dnsRecord?: GoogleDnsRecord;
  version: string;
}): ConformanceRecord {
  const { promises } = request;
  return {
    'nodes': {
      realization: Realization.NATIVE,
      detail: `one shard of ${plan.nodeType.id} with ${plan.replicaCount} replica(s), ${plan.zoneDistribution.toLowerCase().replace('_', '-')}`,
    },
    'automatic-failover': failoverKept(promises, 'Memorystore promotes a replica in another zone when the primary fails'),
    'disaster-recovery-backup': {
      realization: Realization.NATIVE,
      detail: 'AOF persistence, synced to durable storage every second, restores the instance after a failure',
    },
    'backup-history': plan.historyDays === 0
      ? { realization: Realization.NATIVE, detail: 'the plan keeps no history beyond the AOF persistence' }
      : { realization: Realization.NATIVE, detail: `daily automated backups kept ${plan.historyDays} day(s)` },
    'recovery-point': recoveryPointKept(promises, {
      how: `persistence_config mode = "${VALKEY_PERSISTENCE.mode}" with append_fsync = "${VALKEY_PERSISTENCE.appendFsync}", chosen over RDB (an hour at the shortest), as Memorystore allows one mode and the automated backups do not depend on it`,
      windowSeconds: 1,
    }, 'the replicas in other zones receive every write by replication'),
    'encryption-at-rest': {
      realization: Realization.NATIVE,
      detail: 'Memorystore encrypts data and backups at rest (Google-managed or the given KMS key)',
    },
    'tls': {
      realization: Realization.NATIVE,
      detail: 'transit_encryption_mode = "SERVER_AUTHENTICATION"; clients trust the instance\'s managed server CA',
    },
    'authentication': {
      realization: Realization.SUBSTITUTED,
      detail: 'google provider 6.50 offers only IAM authentication for Memorystore for Valkey, with no static password: a client sends an OAuth access token of its own identity, which holds roles/memorystore.dbConnectionUser, as its password; the URI carries no credential',
      fix: 'grant the connection role to each client\'s identity (clientMembers) and have the client fetch its own access token',
    },
    'network-access': networkKept(request, 'clients connect through the Private Service Connect endpoints on the given network'),
    'stable-endpoint': stableEndpointKept(plan.dnsRecord, 'primary endpoint\'s'),
    'connection-limit': connectionLimitKept(plan.maxClients, maxConnectionsFor(memoryMb(plan.nodeType.memoryGib)),
      `engine_configs sets maxclients, capped at ${plan.nodeType.maxClientsCap} for ${plan.nodeType.id}, to`,
      'choose a memoryGib whose node type allows the formula (STANDARD_SMALL or HIGHMEM_MEDIUM)'),
    'restricted-commands': {
      realization: Realization.SUBSTITUTED,
      detail: 'only the administrative commands Memorystore for Valkey blocks itself are refused; its ACL policies need google provider 7.46 or later',
    },
    'lua-scripting': luaKept(request.luaScripting, 'Memorystore for Valkey'),
    'region': regionKept(),
    'zone-redundancy': plan.zoneDistribution === 'MULTI_ZONE'
      ? { realization: Realization.NATIVE, detail: 'zone_distribution_config mode = "MULTI_ZONE": the replicas run in zones other than the primary\'s' }
      : { realization: Realization.NATIVE, detail: 'single node, zone_distribution_config mode = "SINGLE_ZONE": the plan has no standby to place in another zone' },
    'eviction-policy': evictionKept(request.evictionPolicy, 'engine_configs', 'volatile-lru, Memorystore for Valkey\'s default'),
    'engine-compatibility': engineKept(engineProfile('valkey', plan.version, majorMinorOf(plan.version)), 'choose MemorystoreValkeyVersion.VALKEY_8_0'),
    'availability-sla': availability(plan.replicaCount, plan.zoneDistribution, plan.nodeType.id),
  };
}

/** Decides node type, replicas, backups, limits, grants and names for one Memorystore for Valkey data store. */
export function planMemorystoreValkey(props: MemorystoreValkeyProps, request: DataStoreRequest, names: BackendNames,
  isUnresolved: IsUnresolved): Planned<MemorystoreValkeySettings> {
  const { promises } = request;
  // The plan's fields; while planChange declares a step of a move, partway between the two plans.
  const { fields, staged, warnings } = planChangeOf(props, request, isUnresolved);
  const { nodeType, maxClients, replicaCount, zoneDistribution } = fields;
  const name = names.name === undefined
    ? deriveName(names.path, VALKEY_INSTANCE_ID_RULE)
    : isUnresolved(names.name) ? names.name : validateName(names.name, VALKEY_INSTANCE_ID_RULE, 'name');
  const idBase = isUnresolved(name) ? deriveName(names.path, VALKEY_INSTANCE_ID_RULE) : name;
  // The plan's own history, which conformance reports; the instance's schedule is the fields' (partway during a move).
  const historyDays = Math.min(promises.backupHistoryDays, VALKEY_MAX_BACKUP_RETENTION_DAYS);
  refuseWithoutEffect(props.backupHour !== undefined && historyDays === 0, 'RedisBackend.memorystoreValkey({ backupHour })',
    `the ${request.plan} plan keeps no backup history, so no automated backup runs`);
  const dnsRecord = dnsRecordFor(props.project, props.privateDnsZone, idBase);
  const settings: MemorystoreValkeySettings = {
    project: props.project,
    region: props.region,
    network: props.network,
    networkProject: networkProjectOf(props.network, isUnresolved),
    connectionPolicy: props.pscSubnetworks === undefined ? undefined : connectionPolicyOf(props, props.pscSubnetworks, isUnresolved),
    nodeType: nodeType.id,
    replicaCount,
    zoneDistribution,
    maxClients,
    evictionPolicy: request.evictionPolicy,
    automatedBackup: fields.automatedBackup,
    persistence: VALKEY_PERSISTENCE,
    maintenance: maintenanceWindowOf(props.maintenanceWindow, 'memorystoreValkey', isUnresolved),
    kmsKey: props.kmsKey,
    restoreFromBackup: props.restoreFromBackup,
    // google v6.50.0 defaults deletion_protection_enabled to true (resource_memorystore_instance.go:262-267), and the API
    // then refuses the delete: a destroy would fail halfway, so it follows the data store's deletion protection.
    deletionProtection: props.serviceDeletionProtection ?? request.deletionProtection,
    labels: fields.labels,
    clientGrants: clientGrantsOf(props.clientMembers ?? [], isUnresolved),
    dnsRecord,
    alerts: request.alerts === undefined ? undefined : planValkeyAlerts(request.alerts, request, props.project, name, nodeType.id, nodeType.memoryGib,
      maxClients, historyDays > 0, normalizeLabels(request.tags, isUnresolved)),
  };
  const version = (props.engineVersion ?? MemorystoreValkeyVersion.VALKEY_8_0).version;
  return {
    request,
    name,
    size: { id: nodeType.id, memoryGib: nodeType.memoryGib },
    nodeCount: promises.nodeCount,
    backupRetentionDays: historyDays,
    engine: 'valkey',
    engineVersion: version,
    port: VALKEY_PORT,
    serviceMaxConnections: maxClients,
    conformance: conformance(request, { nodeType, replicaCount, zoneDistribution, maxClients, historyDays, dnsRecord, version }),
    warnings,
    staged,
    settings,
  };
}
