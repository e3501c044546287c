import { Fn, Op, Token } from 'cdktf';
import { AivenAlertSettings, planAivenAlerts } from './alert-plan';
import {
  AIVEN_APPLICATION_USER, AIVEN_BLOCKED_COMMANDS, AIVEN_IP_FILTER_MAX_ENTRIES, AIVEN_TAG_MAX_LENGTH, AivenPlanFamily, familiesFor, familyOf,
  preferredFamily,
} from './catalog';
import { AivenProps } from './props';
import { aivenRegionsOf } from './regions';
import { DEFAULT_VERSION } from './validation';
import {
  ChoreoRedisError, Cloud, ConformanceRecord, DataStoreRequest, EVERY_SOURCE, EvictionPolicy, IsUnresolved, Kept, NameRule, PlanWarning,
  RESTRICTED_COMMANDS, Realization, SizeOption, availabilityKept, deniedCommands, deriveName, engineKept, engineProfile, evictionKept,
  failoverKept, maxConnectionsFor, memoryMb, recoveryPointKept, regionKept, smallestFit, validateName, zonesKept, sourcesText,
  MaintenanceWindow, clockTime, resolveMaintenanceWindow,
} from '../../plan';
import { canonicalCidrExpression, canonicalListExpression } from '../cidr-tokens';
import type { BackendNames, Planned } from '../definition';

/**
 * Aiven's rule for service names. The provider does not check `service_name` (terraform-provider-aiven v4.61.0,
 * `internal/schemautil/service.go`: `ForceNew`, no `ValidateFunc`); Aiven's own rule is "only lowercase letters
 * a-z, numbers 0-9, and `-`", beginning with a lowercase letter, "between 1 and 64 characters" (aiven-docs
 * `docs/products/apps/manifest-files/compose-files.md`, for the services an Aiven app creates).
 */
export const AIVEN_SERVICE_NAME_RULE: NameRule = {
  maxLength: 64,
  pattern: /^[a-z][a-z0-9-]*$/,
  description: 'lower-case letters, digits and hyphens, starting with a letter',
  title: 'Aiven service names',
  characters: /[a-z0-9-]/,
};


/**
 * Aiven assigns every service its own port (`service_port`, known after apply); the binding carries it as a
 * token, and the plan has no number to give.
 */
export const AIVEN_ASSIGNED_PORT = 0;

/** An application user's access, as the four lists of `aiven_valkey_user`. */
export interface AivenAcl {
  readonly categories: string[];
  readonly commands: string[];
  readonly keys: string[];
  readonly channels: string[];
}

/** One service tag. */
export interface AivenTag {
  readonly key: string;
  readonly value: string;
}

/** What the plan-time check of the plan list looks for: the plan, in the cloud, with the plan's nodes. */
export interface AivenPlanCheck {
  readonly plan: string;
  readonly cloudName: string;
  readonly nodeCount: number;
  readonly errorMessage: string;
}

/** The renderer's share of an Aiven plan. */
export interface AivenSettings {
  readonly project: string;
  readonly cloudName: string;
  /** Aiven's plan, such as `business-4`. */
  readonly plan: string;
  readonly terminationProtection: boolean;
  /** `ip_filter_string`: the allow-list, or 0.0.0.0/0 and ::/0, written explicitly. */
  readonly ipFilter: string[];
  /** With a list known only to Terraform in the allow-list: its size, checked at plan. */
  readonly ipFilterChecks: ReadonlyArray<{ readonly condition: string; readonly errorMessage: string }>;
  readonly maintenanceWindowDow?: string;
  readonly maintenanceWindowTime?: string;
  /** The service the new service is forked from, if any (`service_to_fork_from`, read only at creation). */
  readonly forkFrom?: string;
  readonly tags: AivenTag[];
  /** The application user, whose credentials the data store hands out. */
  readonly username: string;
  readonly acl: AivenAcl;
  readonly planCheck: AivenPlanCheck;
  /** `valkey_persistence` and `frequent_snapshots`. */
  readonly persistence: { readonly mode: string; readonly frequentSnapshots: boolean };
  /** `valkey_maxmemory_policy`. */
  readonly evictionPolicy: EvictionPolicy;
  /** The service contacts (`tech_emails`), when alerts are on. */
  readonly alerts?: AivenAlertSettings;
}

/**
 * RDB with frequent snapshots: "RDB dumps each 10 minutes if any key is changed" (terraform-provider-aiven v4.61.0
 * `docs/resources/valkey.md`, `valkey_persistence` and `frequent_snapshots`, Aiven's default true, written out so a
 * changed default cannot lengthen the recovery point). Aiven for Valkey has no append-only file (off or rdb only).
 */
const AIVEN_PERSISTENCE = { mode: 'rdb', frequentSnapshots: true } as const;
const SNAPSHOT_INTERVAL_SECONDS = 10 * 60;

/**
 * The Redis ACL rule Aiven gives a user for its four lists: keys, channels, then categories and commands, in
 * that order, so that a command rule refines the categories. That is the order Aiven documents: categories
 * `+@all` with commands `+set -get` let the user run SET but not GET (aiven-docs
 * `docs/products/valkey/howto/configure-acl-permissions.md`).
 */
export function aivenAclRule(acl: AivenAcl): string {
  return ['on', ...acl.keys.map((k) => `~${k}`), ...acl.channels.map((c) => `&${c}`), ...acl.categories, ...acl.commands].join(' ');
}

/**
 * Tags in Aiven's form: a key of letters, digits, `_` and `-` that starts with a letter, and a value, each at
 * most 64 characters (aiven-docs `docs/platform/howto/tag-resources.md`). Other characters in a key become
 * `-` and leading characters that are not letters are dropped. A key left empty, a key or value too long, and two
 * keys that become the same are errors: nothing is cut or dropped. Pairs holding a token pass through unchanged.
 * Sorted by key.
 */
export function aivenTags(tags: Readonly<Record<string, string>>, isUnresolved: IsUnresolved): AivenTag[] {
  const byKey = new Map<string, string>();
  /** The key as written, by the key it becomes. */
  const from = new Map<string, string>();
  for (const [key, value] of Object.entries(tags)) {
    if (isUnresolved(key) || isUnresolved(value)) {
      byKey.set(key, value);
      continue;
    }
    const clean = key.replace(/[^A-Za-z0-9_-]/g, '-').replace(/^[^A-Za-z]+/, '');
    if (clean === '') {
      throw new ChoreoRedisError('InvalidTag',
        `tags key "${key}" holds no letter; Aiven tag keys start with a letter and hold letters, digits, "_" and "-". Rename it.`);
    }
    if (clean.length > AIVEN_TAG_MAX_LENGTH || [...value].length > AIVEN_TAG_MAX_LENGTH) {
      throw new ChoreoRedisError('InvalidTag',
        `tags["${key.slice(0, 40)}"] has a key or value longer than ${AIVEN_TAG_MAX_LENGTH} characters, the most Aiven takes. Shorten it: the library does not cut it.`);
    }
    const first = from.get(clean);
    if (first !== undefined) {
      throw new ChoreoRedisError('TagCollision',
        `tags "${first}" and "${key}" both become the Aiven tag key "${clean}" (a letter first, then letters, digits, "_" and "-"); rename one of them.`);
    }
    from.set(clean, key);
    byKey.set(clean, value);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => ({ key, value }));
}

function ipFilter(request: DataStoreRequest): string[] {
  const blocks = request.allowedCidrs ?? EVERY_SOURCE;
  if (blocks.length > AIVEN_IP_FILTER_MAX_ENTRIES) {
    throw new ChoreoRedisError('TooManySources',
      `allowedCidrs has ${blocks.length} distinct entries; Aiven's ip_filter_string holds at most ${AIVEN_IP_FILTER_MAX_ENTRIES}. Merge neighbouring addresses into CIDR ranges, or omit allowedCidrs to accept every source.`);
  }
  const entries = blocks.filter((block) => block.list === undefined)
    .map((block) => (block.resolved === false ? canonicalCidrExpression(block.cidr) : block.cidr));
  const lists = blocks.filter((block) => block.list !== undefined).map((block) => canonicalListExpression(block.list!));
  // A list known only to Terraform joins the literal entries in one expression.
  return lists.length === 0 ? entries : Token.asList(Fn.distinct(Token.asList(Fn.concat([entries, ...lists]))));
}

/** The application user's ACL: everything but ROLE (and Lua when it is off); the other 15 are Aiven's to refuse. */
function applicationAcl(luaScripting: boolean): AivenAcl {
  const denied = deniedCommands(luaScripting).filter((c) => !AIVEN_BLOCKED_COMMANDS.includes(c));
  return { categories: ['+@all'], commands: denied.map((c) => `-${c}`), keys: ['*'], channels: ['*'] };
}

interface Chosen {
  readonly cloud: Cloud;
  readonly cloudName: string;
  readonly size: SizeOption;
  readonly family: AivenPlanFamily;
  /** The family the product plan is named after, which `family` stands in for when they differ. */
  readonly preferred: AivenPlanFamily;
  /** Whether Aiven offers the preferred family on the cloud. */
  readonly preferredOffered: boolean;
  readonly acl: AivenAcl;
  readonly sources: number;
}

/** Why the data store runs on a family other than the one its plan is named after (Hobbyist on startup), if it does. */
function standInNote(request: DataStoreRequest, chosen: Chosen): string {
  const { family, preferred } = chosen;
  if (family === preferred) return '';
  const largest = preferred.sizes[preferred.sizes.length - 1];
  return chosen.preferredOffered
    ? ` (memoryGib ${request.memoryGib} is more than ${largest.id}'s ${largest.memoryGib} GB)`
    : ` (Aiven offers no ${preferred.name} plan on ${chosen.cloud}, only on ${preferred.clouds?.join(' and ')}; its smallest ${family.name} plan stands in)`;
}

/**
 * Standbys in other zones: Aiven spreads a service's nodes across the cloud region's availability zones by default (aiven-docs
 * "Configure preferred availability zones": "By default, Aiven distributes ... service nodes across the available zones in a
 * cloud region"). DigitalOcean regions are single datacenters, with no zones to spread over.
 */
function zoneRedundancy(request: DataStoreRequest, chosen: Chosen): Kept {
  if (chosen.cloud === Cloud.DIGITALOCEAN && chosen.family.nodeCount > 1) {
    return {
      realization: Realization.SUBSTITUTED,
      detail: `${chosen.cloudName} is one DigitalOcean datacenter with no availability zones: the standby node(s) run on other hosts in the same datacenter`,
      fix: 'run the service on Cloud.AWS, Cloud.AZURE or Cloud.GCP, where Aiven spreads the nodes across zones',
    };
  }
  return zonesKept(request.promises, `Aiven spreads the ${chosen.family.nodeCount} nodes across ${chosen.cloudName}'s availability zones`);
}

/**
 * The availability SLA (aiven.io/sla): Aiven commits to 99.99% for every service and compensates outages of startup, business
 * and premium services; a hobbyist service has no compensation, so no SLA to claim.
 */
function availability(chosen: Chosen): Kept {
  return chosen.family.name === 'hobbyist'
    ? availabilityKept({ configuration: 'hobbyist services (Aiven compensates outages of startup, business and premium plans only)', source: 'Aiven SLA' },
      'choose a memoryGib above 1, which runs on a startup plan covered at 99.99%')
    : availabilityKept({ percent: 99.99, configuration: `${chosen.family.name} services`, source: 'Aiven SLA' });
}

/** How Aiven for Valkey keeps each promise for one request. */
function conformance(request: DataStoreRequest, chosen: Chosen, version: string): ConformanceRecord {
  const { promises } = request;
  const { family, size, cloudName } = chosen;
  const days = family.backupHistoryDays;
  const lua = chosen.acl.commands.filter((c) => !RESTRICTED_COMMANDS.includes(c.slice(1)));
  return {
    'nodes': {
      realization: Realization.NATIVE,
      detail: `plan = "${size.id}": ${family.nodeCount} node(s)${standInNote(request, chosen)}; a precondition on the project's plan list checks at plan time that ${cloudName} offers it`,
    },
    'automatic-failover': failoverKept(promises, 'Aiven promotes a standby when the primary fails, and schedules a replacement node'),
    'disaster-recovery-backup': {
      realization: Realization.NATIVE,
      detail: days === 0
        ? 'valkey_persistence = "rdb": RDB dumps every 10 minutes when keys change, and a single backup for disaster recovery'
        : 'valkey_persistence = "rdb": RDB dumps every 10 minutes when keys change, and a backup every 12 hours to object storage in the service\'s region',
    },
    'recovery-point': recoveryPointKept(promises, {
      how: 'valkey_persistence = "rdb" with frequent_snapshots = true, an RDB dump every 10 minutes when keys change (Aiven for Valkey has no append-only file)',
      windowSeconds: SNAPSHOT_INTERVAL_SECONDS,
      fix: 'choose ServicePlan.BUSINESS, whose standby receives every write by replication',
    }, 'the standby node(s) receive every write by replication'),
    'backup-history': {
      realization: Realization.NATIVE,
      detail: days === 0
        ? 'the plan promises no history: Aiven keeps a single backup of hobbyist services'
        : `Aiven keeps ${days} day(s) of backups of ${family.name} services`,
    },
    'encryption-at-rest': {
      realization: Realization.NATIVE,
      detail: 'Aiven encrypts service volumes (LUKS, a key per instance and volume) and every backup file (AES-256)',
    },
    'tls': { realization: Realization.NATIVE, detail: 'valkey_ssl = true: TLS only, with a publicly trusted certificate (no CA to hand out)' },
    'authentication': {
      realization: Realization.NATIVE,
      detail: `Aiven generates the password of the application user "${AIVEN_APPLICATION_USER}" (aiven_valkey_user, a sensitive attribute)`,
    },
    'network-access': request.allowedCidrs === undefined
      ? {
        realization: Realization.NATIVE,
        detail: 'ip_filter_string = 0.0.0.0/0 and ::/0, written out because Aiven cannot remove a user-config option once set: every source may connect to the public endpoint',
      }
      : { realization: Realization.NATIVE, detail: `ip_filter_string with ${sourcesText(request.allowedCidrs ?? [], 'entry', 'entries')}: only those sources may connect` },
    'stable-endpoint': { realization: Realization.NATIVE, detail: 'the service host name stays the same on failover; only its address changes' },
    'connection-limit': {
      realization: Realization.NATIVE,
      detail: `Aiven sets maxclients from the node's memory, max(10000, 4 x MB): about ${maxConnectionsFor(memoryMb(size.memoryGib))} for ${size.id}`,
    },
    'restricted-commands': {
      realization: Realization.EMULATED,
      detail: `Aiven refuses ${AIVEN_BLOCKED_COMMANDS.join(', ')} natively; the application user's ACL denies role (the service's own "default" user, whose password this construct never hands out, may still run it)`,
    },
    'lua-scripting': request.luaScripting
      ? { realization: Realization.NATIVE, detail: 'Lua on: Aiven allows EVAL, EVALSHA and SCRIPT LOAD by default' }
      : {
        realization: Realization.EMULATED,
        detail: `the application user's ACL denies ${lua.map((c) => c.slice(1)).join(', ')}; Aiven has no service-wide switch, so the service's own "default" user keeps Lua`,
      },
    'region': regionKept(`cloud_name = "${cloudName}", one of Aiven's US and EU clouds on ${chosen.cloud}`),
    'zone-redundancy': zoneRedundancy(request, chosen),
    'eviction-policy': evictionKept(request.evictionPolicy, 'valkey_user_config.valkey_maxmemory_policy', 'noeviction, Aiven\'s default'),
    // Aiven for Valkey always enables its JSON and Search modules, which cannot be turned off (aiven-docs products/valkey).
    'engine-compatibility': engineKept(engineProfile('valkey', version, version, ['the JSON and Search modules (JSON.* and FT.* commands), always on']),
      'choose AivenValkeyVersion.VALKEY_8_1'),
    'availability-sla': availability(chosen),
  };
}

/** The warning that the plan's own family is not offered on the cloud, so that another family's plan stands in. */
function standInWarning(chosen: Chosen): PlanWarning[] {
  const { preferred, family, size, cloud } = chosen;
  if (chosen.preferredOffered) return [];
  return [{
    code: 'PlanFamilyNotOffered',
    message: `Aiven offers no ${preferred.name} plan on ${cloud}, so this data store runs on ${size.id}: ${family.nodeCount} node(s), every promise of its plan kept, at the ${family.name} plan's price. Fix: run it on ${preferred.clouds?.join(' or ')} for the ${preferred.name} plan, or choose the plan that says what it runs.`,
  }];
}

/** Decides plan, cloud, allow-list, user and names for one Aiven for Valkey data store. */
export function planAiven(props: AivenProps, request: DataStoreRequest, names: BackendNames,
  isUnresolved: IsUnresolved): Planned<AivenSettings> {
  const regions = aivenRegionsOf(props);
  const cloud = regions.table.cloud;
  const cloudName = props.cloudName ?? regions.cloudNames[props.region!];
  const families = familiesFor(request.plan, cloud);
  const size = smallestFit(families.flatMap((f) => f.sizes), request.memoryGib, `Aiven for Valkey ${families.map((f) => f.name).join(' and ')} plans`);
  const family = familyOf(size.id)!;
  const preferred = preferredFamily(request.plan);
  const name = names.name === undefined
    ? deriveName(names.path, AIVEN_SERVICE_NAME_RULE)
    : isUnresolved(names.name) ? names.name : validateName(names.name, AIVEN_SERVICE_NAME_RULE, 'name');
  if (props.forkFrom !== undefined && !isUnresolved(props.forkFrom)) {
    validateName(props.forkFrom, AIVEN_SERVICE_NAME_RULE, 'forkFrom');
    if (!isUnresolved(name) && props.forkFrom === name) {
      throw new ChoreoRedisError('InvalidRestoreSource',
        `forkFrom "${props.forkFrom}" is this data store's own service name; a fork copies another service. Name the service whose data the new one starts with (the current one, before a change of name), or omit forkFrom.`);
    }
  }
  const version = props.engineVersion ?? DEFAULT_VERSION;
  const acl = applicationAcl(request.luaScripting);
  const filter = ipFilter(request);
  const chosen: Chosen = {
    cloud, cloudName, size, family, preferred, preferredOffered: families.includes(preferred), acl, sources: filter.length,
  };
  const settings: AivenSettings = {
    project: props.project,
    cloudName,
    plan: size.id,
    terminationProtection: request.deletionProtection,
    ipFilter: filter,
    ipFilterChecks: (request.allowedCidrs ?? []).some((block) => block.list !== undefined) ? [{
      condition: Token.asString(Op.lte(Fn.lengthOf(filter), AIVEN_IP_FILTER_MAX_ENTRIES)),
      errorMessage: `The allowedCidrs list holds more than ${AIVEN_IP_FILTER_MAX_ENTRIES} entries with the others; Aiven's ip_filter_string holds at most ${AIVEN_IP_FILTER_MAX_ENTRIES}. Merge neighbouring addresses into CIDR ranges.`,
    }] : [],
    ...aivenMaintenanceWindow(props.maintenanceWindow, isUnresolved),
    forkFrom: props.forkFrom,
    tags: aivenTags(request.tags, isUnresolved),
    username: AIVEN_APPLICATION_USER,
    acl,
    planCheck: {
      plan: size.id,
      cloudName,
      nodeCount: family.nodeCount,
      errorMessage: `The Aiven project offers no ${size.id} Valkey plan with ${family.nodeCount} node(s) in ${cloudName}. Choose another region or memoryGib, and list what the project offers with "avn service plans --service-type valkey --cloud ${cloudName}".`,
    },
    persistence: AIVEN_PERSISTENCE,
    evictionPolicy: request.evictionPolicy,
    alerts: request.alerts === undefined ? undefined : planAivenAlerts(request.alerts, isUnresolved),
  };
  return {
    request,
    name,
    size,
    nodeCount: family.nodeCount,
    backupRetentionDays: family.backupHistoryDays,
    engine: 'valkey',
    engineVersion: version.version,
    port: AIVEN_ASSIGNED_PORT,
    serviceMaxConnections: maxConnectionsFor(memoryMb(size.memoryGib)),
    conformance: conformance(request, chosen, version.version),
    warnings: standInWarning(chosen),
    settings,
  };
}

/**
 * The maintenance window as Aiven writes it: the day in lower case (`sunday`) and the start `HH:mm:ss` in UTC
 * (`ValidateMaintenanceWindowTime`, `internal/schemautil/schemautil.go`); neither when Aiven chooses the window.
 */
function aivenMaintenanceWindow(window: MaintenanceWindow | undefined, isUnresolved: IsUnresolved): Pick<AivenSettings, 'maintenanceWindowDow' | 'maintenanceWindowTime'> {
  const resolved = resolveMaintenanceWindow(window, 'RedisBackend.aiven({ maintenanceWindow })', isUnresolved);
  if (resolved === undefined) return {};
  return {
    maintenanceWindowDow: isUnresolved(resolved.day) ? resolved.day : resolved.day.toLowerCase(),
    maintenanceWindowTime: isUnresolved(resolved.hour) || isUnresolved(resolved.minute)
      ? Fn.format('%02d:%02d:00', [resolved.hour, resolved.minute]) : `${clockTime(resolved.hour, resolved.minute)}:00`,
  };
}
