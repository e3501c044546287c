/**
 * Rules, defaults and conformance rows that Memorystore for Redis and Memorystore for Valkey share. Pure: no
 * cdktf or provider imports.
 */
import type { TagRewrite } from '../definition';
import { MemorystorePrivateDnsZone } from './props';
import { ChoreoRedisError, CidrBlock, DataStoreRequest, IpFamily, IsUnresolved, Kept, MaintenanceWindow, PropType, ResolvedMaintenanceWindow, Weekday, resolveMaintenanceWindow, Realization, required, shapeOf, sourcesText } from '../../plan';

/** Google Cloud's rule for project IDs (optionally domain-scoped, `example.com:my-project`). */
const PROJECT_ID = /^([a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/** The longest label key or value Google Cloud accepts. */
const LABEL_MAX_LENGTH = 63;
/** The most labels a Google Cloud resource takes. */
const MAX_LABELS = 64;

/** The hour (UTC) of the daily backup when the props name none. */
export const DEFAULT_BACKUP_HOUR = 3;
/** The weekly maintenance window when the props name none: Sunday at 05:00 UTC. */
const DEFAULT_MAINTENANCE_WINDOW: ResolvedMaintenanceWindow = { day: Weekday.SUNDAY, hour: 5, minute: 0 };

/** Seconds in a day, for retention durations. */
export const SECONDS_PER_DAY = 86_400;

/** Checks the project ID every Memorystore backend takes. */
export function validateProject(project: string, factory: string, isUnresolved: IsUnresolved): void {
  if (!isUnresolved(project) && !PROJECT_ID.test(project ?? '')) {
    throw new ChoreoRedisError('InvalidProject',
      `RedisBackend.${factory}({ project }) "${project}" is not a Google Cloud project ID: 6 to 30 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen. Pass the project ID, such as "my-project-123", not its name or number.`);
  }
}

/** A Cloud KMS key's resource name; the second group is its location. */
const KMS_KEY = /^projects\/([^/]+)\/locations\/([^/]+)\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;

/** Checks that `kmsKey` names a Cloud KMS key in `region`: Memorystore and Cloud Storage take keys of their own location only. */
export function validateKmsKey(kmsKey: string | undefined, region: string, isUnresolved: IsUnresolved): void {
  if (kmsKey === undefined || isUnresolved(kmsKey)) return;
  const match = KMS_KEY.exec(kmsKey);
  if (match === null) {
    throw new ChoreoRedisError('InvalidKmsKey',
      `kmsKey "${kmsKey}" is not a Cloud KMS key's resource name; give "projects/<project>/locations/<region>/keyRings/<ring>/cryptoKeys/<key>", or omit it for Google-managed keys.`);
  }
  if (!isUnresolved(region) && match[2] !== region) {
    throw new ChoreoRedisError('InvalidKmsKey',
      `kmsKey "${kmsKey}" is in ${match[2]}, but the data store runs in ${region}; Memorystore and Cloud Storage use keys of their own region only. Create the key in ${region}.`);
  }
}

/** Checks that `zone` is a zone of `region`, such as `us-central1-a`. */
export function validateZone(zone: string | undefined, region: string, prop: string, isUnresolved: IsUnresolved): void {
  if (zone === undefined || isUnresolved(zone) || isUnresolved(region)) return;
  if (!(zone.startsWith(`${region}-`) && /^[a-z]$/.test(zone.slice(region.length + 1)))) {
    throw new ChoreoRedisError('InvalidZone',
      `${prop} "${zone}" is not a zone of ${region}; zones are the region, a hyphen and a letter, such as "${region}-a".`);
  }
}

/** Checks an hour of the day in UTC (0-23). */
export function validateHour(hour: number | undefined, prop: string, isUnresolved: IsUnresolved): void {
  if (hour === undefined || isUnresolved(hour)) return;
  if (!(Number.isInteger(hour) && hour >= 0 && hour <= 23)) {
    throw new ChoreoRedisError('InvalidHour', `${prop} ${hour} is not an hour of the day; give a whole number from 0 to 23 (UTC).`);
  }
}

/**
 * The maintenance window the props ask for, checked, with the default filled in: Memorystore's weekly window
 * (`maintenance_policy.weekly_maintenance_window`) takes the day by the same names as `Weekday`.
 *
 * @throws ChoreoRedisError `InvalidMaintenanceWindow`
 */
export function maintenanceWindowOf(window: MaintenanceWindow | undefined, factory: string, isUnresolved: IsUnresolved): ResolvedMaintenanceWindow {
  return resolveMaintenanceWindow(window, `RedisBackend.${factory}({ maintenanceWindow })`, isUnresolved) ?? DEFAULT_MAINTENANCE_WINDOW;
}

/** The run-time type of the `privateDnsZone` prop: an object whose members are checked too (a member left out of the table does not compile). */
export const PRIVATE_DNS_ZONE_TYPE: PropType = shapeOf<MemorystorePrivateDnsZone>({
  managedZone: required('string', { code: 'InvalidDnsZone', fix: 'the Cloud DNS managed zone\'s resource name, such as "internal"' }),
  dnsName: required('string', { code: 'InvalidDnsZone', fix: 'the zone\'s DNS name with its trailing dot, such as "internal.example.com."' }),
}, 'MemorystorePrivateDnsZone');

/** Checks the private DNS zone prop. */
export function validatePrivateDnsZone(zone: MemorystorePrivateDnsZone | undefined, isUnresolved: IsUnresolved): void {
  if (zone === undefined) return;
  if (!isUnresolved(zone.dnsName) && !/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+$/.test(zone.dnsName ?? '')) {
    throw new ChoreoRedisError('InvalidDnsZone',
      `privateDnsZone.dnsName "${zone.dnsName}" is not a DNS zone name; give the zone's name in lowercase with its trailing dot, such as "internal.example.com.".`);
  }
  if (!isUnresolved(zone.managedZone) && !/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/.test(zone.managedZone ?? '')) {
    throw new ChoreoRedisError('InvalidDnsZone',
      `privateDnsZone.managedZone "${zone.managedZone}" is not a Cloud DNS managed zone name; give the zone resource's name (lowercase letters, digits and hyphens), such as "internal".`);
  }
}

/** An A record that names the data store in a private Cloud DNS zone. */
export interface GoogleDnsRecord {
  readonly project: string;
  /** The managed zone's name. */
  readonly managedZone: string;
  /** The record's name, with the trailing dot. */
  readonly name: string;
}

/** The data store's A record, when a private DNS zone is given. */
export function dnsRecordFor(project: string, zone: MemorystorePrivateDnsZone | undefined, name: string): GoogleDnsRecord | undefined {
  return zone === undefined ? undefined : { project, managedZone: zone.managedZone, name: `${name}.${zone.dnsName}` };
}

function normalizeLabelPart(text: string, isKey: boolean): string {
  const cleaned = text.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
  const started = isKey && !/^[a-z]/.test(cleaned) ? `k${cleaned}` : cleaned;
  if (started.length > LABEL_MAX_LENGTH) {
    throw new ChoreoRedisError('InvalidTag',
      `tags ${isKey ? 'key' : 'value'} "${text.slice(0, 40)}..." becomes a Google Cloud label ${isKey ? 'key' : 'value'} of ${started.length} characters; labels take at most ${LABEL_MAX_LENGTH}. Shorten it: the library does not cut it.`);
  }
  return started;
}

/** The tags that become labels other than given (lowercase, `_` for other characters, a `k` before a key's first digit). */
export function rewrittenLabels(tags: Readonly<Record<string, string>>, isUnresolved: IsUnresolved): TagRewrite[] {
  return Object.entries(tags).flatMap(([key, value]) => {
    const label = isUnresolved(key) ? key : normalizeLabelPart(key, true);
    const written = isUnresolved(value) ? value : normalizeLabelPart(value, false);
    return label === key && written === value ? [] : [{ given: `${key}: ${value}`, written: `${label}: ${written}` }];
  });
}

/**
 * Tags adapted to Google Cloud's label rules: keys start with a lowercase letter; keys and values hold only
 * lowercase letters, digits, `_` and `-`, at most 63 characters. Other characters become `_`, upper case
 * becomes lower case, and a key that does not start with a letter gets a `k` in front; a key or value longer than
 * 63 characters is an error rather than cut.
 *
 * The form the services store, so no plan shows a change after apply: google v6.50.0 reads `labels` back with
 * `tpgresource.SetLabels` (`tpgresource/labels.go:34-46`: the API's value for each configured key), after
 * `tpgresource.SetLabelsDiff` (`resource_redis_instance.go:97-101`, `resource_memorystore_instance.go:56-59`);
 * the bucket's `labelKeyValidator` refuses other keys at plan (`^[a-z0-9_-]{1,63}$`,
 * `storage/resource_storage_bucket.go:689-703`), and the APIs refuse other values (Google Cloud label rules).
 *
 * @throws ChoreoRedisError when two tags end up with the same key, one is too long, or there are more than 64
 */
export function normalizeLabels(tags: Readonly<Record<string, string>>, isUnresolved: IsUnresolved): Record<string, string> {
  const labels: Record<string, string> = {};
  const from: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) {
    const label = isUnresolved(key) ? key : normalizeLabelPart(key, true);
    if (from[label] !== undefined) {
      throw new ChoreoRedisError('LabelCollision',
        `tags "${from[label]}" and "${key}" both become the Google Cloud label "${label}" (lowercase letters, digits, "_" and "-" only); rename one of them.`);
    }
    from[label] = key;
    labels[label] = isUnresolved(value) ? value : normalizeLabelPart(value, false);
  }
  if (Object.keys(labels).length > MAX_LABELS) {
    throw new ChoreoRedisError('TooManyLabels',
      `tags has ${Object.keys(labels).length} entries with the built-in ones; Google Cloud takes at most ${MAX_LABELS} labels per resource. Remove some.`);
  }
  return labels;
}

/** The IPv6 entries of an allow-list named, which narrow the backends that can take it instead. */
function ipv6Text(blocks: readonly CidrBlock[]): string {
  const ipv6 = blocks.filter((block) => block.family === IpFamily.IPV6 && block.list === undefined).map((block) => `"${block.cidr}"`);
  return ipv6.length === 0 ? '' : `, IPv6 among them: ${ipv6.join(', ')}`;
}

/** Memorystore is reachable from a VPC network only: the open default and an allow-list are both gaps. */
export function networkKept(request: DataStoreRequest, reach: string): Kept {
  return request.allowedCidrs === undefined
    ? {
      realization: Realization.SUBSTITUTED,
      detail: `Memorystore has no public endpoint; ${reach}, not from the internet`,
      fix: 'run clients in that network (or one connected to it by VPN or Interconnect)',
    }
    : {
      realization: Realization.SUBSTITUTED,
      detail: `Memorystore has no allow-list for client addresses (asked for ${sourcesText(request.allowedCidrs, 'source(s)', 'source(s)')}${ipv6Text(request.allowedCidrs)}); ${reach}`,
      fix: 'omit allowedCidrs and limit who can reach the instance with VPC firewall rules on the clients\' side',
    };
}

/** The service URI names a DNS record when a private zone is given; otherwise it holds a stable IP. */
export function stableEndpointKept(record: GoogleDnsRecord | undefined, ipKind: string): Kept {
  return record === undefined
    ? {
      realization: Realization.SUBSTITUTED,
      detail: `the service URI holds the ${ipKind} IP address, which stays the same across failover, but no DNS name`,
      fix: 'pass privateDnsZone to define an A record in a private Cloud DNS zone, so that the URI names the data store',
    }
    : {
      realization: Realization.EMULATED,
      detail: `A record ${record.name} in the private Cloud DNS zone points at the ${ipKind} IP address, which stays the same across failover`,
    };
}

/** Memorystore runs Lua on every instance and has no switch or ACL to turn it off. */
export function luaKept(luaScripting: boolean, service: string): Kept {
  return luaScripting
    ? { realization: Realization.NATIVE, detail: `${service} allows EVAL, EVALSHA, FCALL, FUNCTION and SCRIPT` }
    : {
      realization: Realization.UNAVAILABLE,
      detail: `${service} always allows EVAL, EVALSHA, FCALL, FUNCTION and SCRIPT, and has no ACL in google provider 6.50 to refuse them`,
      fix: 'omit luaScripting (Lua stays on)',
    };
}
