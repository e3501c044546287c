import { Fn, Op, Token } from 'cdktf';
import { DigitalOceanAlertSettings, planDigitalOceanAlerts } from './alert-plan';
import {
  DIGITALOCEAN_EVICTION_POLICIES, DIGITALOCEAN_FIREWALL_MAX_SOURCES, DIGITALOCEAN_TAG_MAX_LENGTH, DIGITALOCEAN_VALKEY_MAX_NODES,
  DIGITALOCEAN_VALKEY_MIN_STANDBY_MEMORY_GIB,
  DIGITALOCEAN_VALKEY_PORT, DIGITALOCEAN_VALKEY_SIZES,
} from './catalog';
import { DigitalOceanValkeyProps, DigitalOceanValkeyVersion } from './props';
import {
  CidrBlock, ChoreoRedisError, ConformanceRecord, DataStoreRequest, IpFamily, IsUnresolved, Kept, NameRule, Realization, SizeOption,
  availabilityKept, deriveName, engineKept, engineProfile, evictionKept, failoverKept, maxConnectionsFor, memoryMb, recoveryPointKept,
  regionKept, smallestFit, validateName, zonesKept, sourcesText,
} from '../../plan';
import { bareHostExpression, bareHostListExpression, canonicalListExpression, familyCountExpression } from '../cidr-tokens';
import type { BackendNames, Planned, TagRewrite } from '../definition';

/**
 * The rule for a cluster name. The provider checks only that it is not empty (`name`: `ForceNew`,
 * `validation.NoZeroValues`) and reads back the API's name verbatim (`d.Set("name", database.Name)`), with no
 * `StateFunc` or case-folding `DiffSuppressFunc` (terraform-provider-digitalocean v2.71.0,
 * `digitalocean/database/resource_database_cluster.go:40-45, 539`). The name becomes the first label of the
 * cluster's host name, so it is held to a DNS label in the form the service keeps: lower case, starting with a
 * letter. It is unique in the account ("a unique, human-readable name", DigitalOcean API, database cluster `name`).
 */
export const CLUSTER_NAME_RULE: NameRule = {
  maxLength: 63,
  pattern: /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/,
  description: 'at least 3 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen',
  title: 'DigitalOcean database cluster names',
  characters: /[a-z0-9-]/,
};

/** The renderer's share of a Managed Valkey plan. */
export interface DigitalOceanValkeySettings {
  readonly region: string;
  /** The project the cluster belongs to, or `undefined` for the account's default project. */
  readonly projectId?: string;
  /** The VPC network the cluster joins, or `undefined` for the region's default network. */
  readonly privateNetworkUuid?: string;
  readonly sizeSlug: string;
  /** The cluster's tags, in DigitalOcean's form. */
  readonly tags: string[];
  /**
   * Firewall rule values, one per trusted source, or `undefined` for no firewall (open to every source). Token
   * entries are Terraform expressions that give the form the API returns.
   */
  readonly trustedSources?: string[];
  /**
   * With an allow-list given as one list token: every trusted source in one Terraform list, one `rule` block each
   * (a dynamic block), instead of `trustedSources`.
   */
  readonly trustedSourceList?: string[];
  /** Checks Terraform makes before it writes the firewall, one per token entry; `undefined` without token entries. */
  readonly firewallPreconditions?: FirewallPrecondition[];
  /** `eviction_policy`, in the API's spelling; undefined only for a policy DigitalOcean does not offer, which the plan refuses. */
  readonly evictionPolicy?: string;
  /** The Valkey configuration's persistence: RDB, with frequent snapshots. */
  readonly persistence: { readonly mode: string; readonly frequentSnapshots: boolean };
  /** Alert policies and their e-mail and Slack targets, when alerts are on. */
  readonly alerts?: DigitalOceanAlertSettings;
}

/** A condition Terraform checks before it writes a resource, failing with `errorMessage` when it is false. */
export interface FirewallPrecondition {
  /** A Terraform expression of type bool. */
  readonly condition: string;
  readonly errorMessage: string;
}

/**
 * Tags in DigitalOcean's form: each `key: value` pair becomes one tag `key:value` (or `key` for an empty value),
 * in lower case, with every run of characters outside letters, digits, colons, dashes and underscores turned
 * into a dash; a tag longer than 255 characters, or with no letter or digit, is an error rather than cut or dropped;
 * duplicates (equal tags) merged, sorted. Pairs holding a token pass through as
 * `key:value`, unchanged.
 *
 * Lower case because DigitalOcean tags are case-insensitive: the provider keeps them in a set hashed ignoring
 * case (`Set: util.HashStringIgnoreCase`) and checks them with `ValidateTag`, `^[a-zA-Z0-9:\-_]{1,255}$`
 * (terraform-provider-digitalocean v2.71.0, `digitalocean/tag/tags.go:14-42`), so tags differing only in case
 * are one element to Terraform, and lower case is the one form of each.
 */
export function rewrittenDigitalOceanTags(tags: Readonly<Record<string, string>>, isUnresolved: IsUnresolved): TagRewrite[] {
  return Object.entries(tags).flatMap(([key, value]) => {
    if (isUnresolved(key) || isUnresolved(value)) return [];
    const text = value === '' ? key : `${key}:${value}`;
    const tag = digitalOceanTag(text);
    return tag === text ? [] : [{ given: value === '' ? key : `${key}: ${value}`, written: tag }];
  });
}

/** One `key:value` text in DigitalOcean's tag form. */
function digitalOceanTag(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9:_-]+/g, '-');
}

export function digitalOceanTags(tags: Readonly<Record<string, string>>, isUnresolved: IsUnresolved): string[] {
  const result = new Set<string>();
  for (const [key, value] of Object.entries(tags)) {
    const text = value === '' ? key : `${key}:${value}`;
    if (isUnresolved(key) || isUnresolved(value)) {
      result.add(text);
      continue;
    }
    const tag = digitalOceanTag(text);
    if (tag.length > DIGITALOCEAN_TAG_MAX_LENGTH) {
      throw new ChoreoRedisError('InvalidTag',
        `tags["${key.slice(0, 40)}"] becomes the DigitalOcean tag "${tag.slice(0, 40)}..." of ${tag.length} characters; DigitalOcean takes at most ${DIGITALOCEAN_TAG_MAX_LENGTH}. Shorten the key or value: the library does not cut it.`);
    }
    if (tag.replace(/[-:]/g, '') === '') {
      throw new ChoreoRedisError('InvalidTag',
        `tags["${key}"] = "${value}" becomes the DigitalOcean tag "${tag}", which holds no letter or digit; DigitalOcean tags are letters, digits, ":", "-" and "_". Give the tag letters or digits, or remove it.`);
    }
    result.add(tag);
  }
  return [...result].sort();
}

/**
 * The firewall rule value for one allowed block, in the form the API returns: the provider reads each rule's
 * `value` back verbatim into a set (`flattenDatabaseFirewallRules`, terraform-provider-digitalocean v2.71.0,
 * `digitalocean/database/resource_database_firewall.go:172-190`), and the API returns a single host as the bare
 * address, so `x.x.x.x/32` would never match it (digitalocean/terraform-provider-digitalocean#809). A single
 * host is therefore written as the bare address and a range as its canonical CIDR block. A token entry gets the
 * same form from Terraform functions at plan time.
 */
function trustedSource(block: CidrBlock): string {
  if (block.resolved === false) return bareHostExpression(block.cidr);
  if (block.family === IpFamily.IPV6) {
    throw new ChoreoRedisError('UnsupportedAddressFamily',
      `allowedCidrs entry "${block.cidr}" is IPv6; DigitalOcean database firewalls take IPv4 trusted sources only. Remove it and list the clients' IPv4 addresses or ranges, or omit allowedCidrs to accept every source.`);
  }
  return block.prefixLength === 32 ? block.firstAddress : block.cidr;
}

/**
 * The check that a token entry is IPv4, as a literal entry is at synth: DigitalOcean database firewalls take
 * IPv4 trusted sources only, so an IPv6 value fails the plan with a clear message instead of the API's error.
 */
function ipv4Precondition(entry: string): FirewallPrecondition {
  return {
    condition: Token.asString(Op.not(Fn.strcontains(entry, ':'))),
    errorMessage: `The allowedCidrs entry "${entry}" is IPv6; DigitalOcean database firewalls take IPv4 trusted sources only. Give the clients' IPv4 address or range, or omit allowedCidrs to accept every source.`,
  };
}

/**
 * With a list token among the blocks: every trusted source as one Terraform list (the list's entries canonical, single
 * hosts bare), and the checks of its size and family at plan.
 */
function trustedSourceList(blocks: readonly CidrBlock[] | undefined): { list: string[]; checks: FirewallPrecondition[] } | undefined {
  const lists = (blocks ?? []).filter((block) => block.list !== undefined).map((block) => canonicalListExpression(block.list!));
  if (lists.length === 0) return undefined;
  const literal = (blocks ?? []).filter((block) => block.list === undefined).map(trustedSource);
  const list = Token.asList(Fn.distinct(Token.asList(Fn.concat([literal, ...lists.map(bareHostListExpression)]))));
  return {
    list,
    checks: [
      ...lists.map((canonical) => ({
        condition: Token.asString(Op.eq(familyCountExpression(canonical, 'ipv6'), 0)),
        errorMessage: 'The allowedCidrs list holds IPv6 entries; DigitalOcean database firewalls take IPv4 trusted sources only. Give the clients\' IPv4 addresses or ranges.',
      })),
      {
        condition: Token.asString(Op.lte(Fn.lengthOf(list), DIGITALOCEAN_FIREWALL_MAX_SOURCES)),
        errorMessage: `The allowedCidrs list holds more than ${DIGITALOCEAN_FIREWALL_MAX_SOURCES} entries with the others; a DigitalOcean database firewall holds at most ${DIGITALOCEAN_FIREWALL_MAX_SOURCES} trusted sources. Merge neighbouring addresses into CIDR ranges.`,
      },
    ],
  };
}

function trustedSources(blocks: readonly CidrBlock[] | undefined): string[] | undefined {
  if (blocks === undefined) return undefined;
  if (blocks.length > DIGITALOCEAN_FIREWALL_MAX_SOURCES) {
    throw new ChoreoRedisError('TooManySources',
      `allowedCidrs has ${blocks.length} distinct entries; a DigitalOcean database firewall holds at most ${DIGITALOCEAN_FIREWALL_MAX_SOURCES} trusted sources. Merge neighbouring addresses into CIDR ranges, or omit allowedCidrs to accept every source.`);
  }
  return blocks.filter((block) => block.list === undefined).map(trustedSource);
}

function firewallPreconditions(blocks: readonly CidrBlock[] | undefined): FirewallPrecondition[] | undefined {
  const tokens = (blocks ?? []).filter((block) => block.resolved === false && block.list === undefined);
  return tokens.length === 0 ? undefined : tokens.map((block) => ipv4Precondition(block.cidr));
}

function chooseSize(request: DataStoreRequest, nodeCount: number): SizeOption {
  const size = smallestFit(DIGITALOCEAN_VALKEY_SIZES, request.memoryGib, 'DigitalOcean Managed Valkey sizes');
  if (nodeCount > 1 && size.memoryGib < DIGITALOCEAN_VALKEY_MIN_STANDBY_MEMORY_GIB) {
    throw new ChoreoRedisError('StandbyNeedsMemory',
      `memoryGib ${request.memoryGib} selects ${size.id} (${size.memoryGib} GiB), but the ${request.plan} plan's standby node needs a size with at least ${DIGITALOCEAN_VALKEY_MIN_STANDBY_MEMORY_GIB} GiB on DigitalOcean Managed Valkey. Set memoryGib to ${DIGITALOCEAN_VALKEY_MIN_STANDBY_MEMORY_GIB} or more, or omit it for the plan's default (${request.promises.defaultMemoryGib} GiB).`);
  }
  return size;
}

/**
 * `persistence = "rdb"` with `frequent_snapshots`: "RDB dumps each 10 minutes if any key is changed" (digitalocean
 * v2.71.0 `resource_database_valkey_config.go`); the provider offers only off or rdb, with no append-only file.
 */
const PERSISTENCE = { mode: 'rdb', frequentSnapshots: true } as const;
const SNAPSHOT_INTERVAL_SECONDS = 10 * 60;

/** The eviction policy: `eviction_policy` on the cluster, or unavailable for the LFU policies, which DigitalOcean does not offer. */
function evictionPolicy(request: DataStoreRequest, written: string | undefined): Kept {
  if (written === undefined) {
    const offered = Object.keys(DIGITALOCEAN_EVICTION_POLICIES).join(', ');
    return {
      realization: Realization.UNAVAILABLE,
      detail: `evictionPolicy "${request.evictionPolicy}" is not one Managed Valkey offers (${offered})`,
      fix: `choose one of ${offered}`,
    };
  }
  return evictionKept(request.evictionPolicy, `eviction_policy = "${written}" on the cluster`, 'noeviction, which the provider writes when the attribute is left out');
}

/** How Managed Valkey keeps each promise for one request. */
function conformance(request: DataStoreRequest, plan: {
  size: SizeOption; nodeCount: number; sources?: string[]; region: string; version: string; evictionPolicy?: string;
}): ConformanceRecord {
  const { promises } = request;
  const connections = maxConnectionsFor(memoryMb(plan.size.memoryGib));
  return {
    'nodes': plan.nodeCount === promises.nodeCount
      ? { realization: Realization.NATIVE, detail: `node_count = ${plan.nodeCount}, ${plan.size.id}` }
      : {
        realization: Realization.SUBSTITUTED,
        detail: `Managed Valkey runs at most a primary and one standby (${DIGITALOCEAN_VALKEY_MAX_NODES} nodes), not the ${promises.nodeCount} nodes the ${request.plan} plan promises`,
        fix: 'use ServicePlan.BUSINESS on DigitalOcean (a primary and one standby with automatic failover)',
      },
    'automatic-failover': failoverKept(promises, 'the standby node takes over automatically when the primary fails'),
    'disaster-recovery-backup': {
      realization: Realization.NATIVE,
      detail: 'persistence = "rdb" with frequent snapshots: the data set is dumped to disk every 10 minutes when keys change, and reloaded when a node restarts',
    },
    'recovery-point': recoveryPointKept(promises, {
      how: 'persistence = "rdb" with frequent_snapshots = true, an RDB dump every 10 minutes when keys change (Managed Valkey has no append-only file)',
      windowSeconds: SNAPSHOT_INTERVAL_SECONDS,
      fix: 'choose ServicePlan.BUSINESS, whose standby receives every write by replication',
    }, 'the standby node receives every write by replication'),
    'backup-history': promises.backupHistoryDays === 0
      ? { realization: Realization.NATIVE, detail: 'the plan promises no history beyond the disaster-recovery copy' }
      : {
        realization: Realization.UNAVAILABLE,
        detail: `Managed Valkey keeps no backups, so none of the plan's ${promises.backupHistoryDays} day(s) of history; only the latest RDB copy survives a node restart`,
        fix: 'export the data from the application on a schedule if you need older copies',
      },
    'encryption-at-rest': { realization: Realization.NATIVE, detail: 'DigitalOcean encrypts the cluster\'s disks at rest (LUKS); there are no backups to encrypt' },
    'tls': { realization: Realization.NATIVE, detail: 'valkey config ssl = true: connections over TLS only' },
    'authentication': { realization: Realization.NATIVE, detail: 'DigitalOcean generates the password of the user "default" (a sensitive attribute)' },
    'network-access': plan.sources === undefined
      ? { realization: Realization.NATIVE, detail: 'no database firewall: every source may connect to the public host' }
      : { realization: Realization.NATIVE, detail: `database firewall with ${sourcesText(request.allowedCidrs ?? [], 'ip_addr trusted source(s)', 'ip_addr trusted source(s)')}` },
    'stable-endpoint': { realization: Realization.NATIVE, detail: 'the cluster\'s host name follows the primary on failover' },
    'connection-limit': {
      realization: Realization.NATIVE,
      detail: `maxclients is max(10000, 4 x memory in MB) per node, ${connections} for ${plan.size.id}`,
    },
    'restricted-commands': { realization: Realization.NATIVE, detail: 'Managed Valkey refuses the 16 restricted commands' },
    'lua-scripting': request.luaScripting
      ? {
        realization: Realization.SUBSTITUTED,
        detail: 'Managed Valkey refuses the Lua and function commands unless DigitalOcean support switches them on for the cluster, which Terraform cannot do',
        fix: 'ask DigitalOcean support to enable Lua on the cluster after it is created, or set luaScripting: false to accept Lua off',
      }
      : { realization: Realization.NATIVE, detail: 'Managed Valkey refuses the Lua and function commands by default' },
    'region': regionKept('region checked against the US and EU slugs'),
    // DigitalOcean regions are single datacenters (nyc1, fra1, ...): there are no availability zones to spread nodes over.
    'zone-redundancy': plan.nodeCount > 1
      ? {
        realization: Realization.SUBSTITUTED,
        detail: `${plan.region} is one datacenter with no availability zones: the standby runs on another host in the same datacenter`,
        fix: 'choose RedisBackend.aiven() on AWS, Azure or Google Cloud, or another cloud\'s backend, for a standby in another zone',
      }
      : zonesKept(promises, ''),
    'eviction-policy': evictionPolicy(request, plan.evictionPolicy),
    'engine-compatibility': engineKept(engineProfile('valkey', plan.version, plan.version), 'choose DigitalOceanValkeyVersion.V8'),
    // DigitalOcean's product SLAs (docs.digitalocean.com/products/platform/product-slas) cover Droplets, Volumes, the DOKS
    // control plane and other products, not Managed Databases.
    'availability-sla': availabilityKept({ configuration: 'Managed Databases (DigitalOcean publishes SLAs for other products only)', source: 'DigitalOcean product SLAs' },
      'choose RedisBackend.aiven({ cloud: Cloud.DIGITALOCEAN }), whose services on DigitalOcean carry Aiven\'s 99.99%'),
  };
}

/** Decides size, node count, tags, trusted sources and name for one Managed Valkey data store. */
export function planDigitalOceanValkey(props: DigitalOceanValkeyProps, request: DataStoreRequest, names: BackendNames,
  isUnresolved: IsUnresolved): Planned<DigitalOceanValkeySettings> {
  const nodeCount = Math.min(request.promises.nodeCount, DIGITALOCEAN_VALKEY_MAX_NODES);
  const size = chooseSize(request, nodeCount);
  const sources = trustedSources(request.allowedCidrs);
  const fromList = trustedSourceList(request.allowedCidrs);
  const name = names.name === undefined
    ? deriveName(names.path, CLUSTER_NAME_RULE)
    : isUnresolved(names.name) ? names.name : validateName(names.name, CLUSTER_NAME_RULE, 'name');
  const settings: DigitalOceanValkeySettings = {
    region: props.region,
    projectId: props.project,
    privateNetworkUuid: props.network,
    sizeSlug: size.id,
    tags: digitalOceanTags(request.tags, isUnresolved),
    trustedSources: sources,
    trustedSourceList: fromList?.list,
    firewallPreconditions: fromList === undefined ? firewallPreconditions(request.allowedCidrs)
      : [...firewallPreconditions(request.allowedCidrs) ?? [], ...fromList.checks],
    evictionPolicy: DIGITALOCEAN_EVICTION_POLICIES[request.evictionPolicy],
    persistence: PERSISTENCE,
    alerts: request.alerts === undefined ? undefined
      : planDigitalOceanAlerts(request.alerts, request, name, size.memoryGib, maxConnectionsFor(memoryMb(size.memoryGib))),
  };
  const version = (props.engineVersion ?? DigitalOceanValkeyVersion.V8).version;
  return {
    request,
    name,
    size,
    nodeCount,
    backupRetentionDays: 0,
    engine: 'valkey',
    // The version slug, the major version, as the provider reads it back (`d.Set("version", database.VersionSlug)`,
    // resource_database_cluster.go:541).
    engineVersion: version,
    port: DIGITALOCEAN_VALKEY_PORT,
    serviceMaxConnections: maxConnectionsFor(memoryMb(size.memoryGib)),
    conformance: conformance(request, { size, nodeCount, sources, region: props.region, version, evictionPolicy: settings.evictionPolicy }),
    settings,
  };
}
