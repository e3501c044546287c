/**
 * Every public name that changed, in one table: CHANGELOG.md's table is generated from it, and the prop checks
 * read it so that a prop written under its old name keeps working, with a warning naming the new one, until the
 * release that removes it; from that release on it fails with the new name rather than being dropped.
 */
import type { PlanWarning } from './conformance';
import { ChoreoRedisError } from './errors';
import { throwFailures } from './prop-rules';

/**
 * The release that removes every old prop name this table lists as accepted: the names renamed since the last release
 * keep working through the next one, and go in the one after.
 */
export const RENAMES_REMOVED_IN = '0.2.0';

/** A public name that changed. */
export interface Rename {
  /**
   * For a prop: the props interface it belongs to, such as `ElastiCacheBackendProps`. The prop checks accept the
   * old name (mapped to the new one, with a warning) until `RENAMES_REMOVED_IN`, and refuse it with the new name from then on.
   * Other API changes (methods, attributes, exports, error codes) have none and are listed only.
   *
   * @default - not a prop
   */
  readonly interfaceName?: string;
  /** The old name: for a prop, the prop's name; otherwise the changelog's wording (Markdown). */
  readonly before: string;
  /** The new name: for a prop, the prop's name; otherwise the changelog's wording (Markdown). */
  readonly now: string;
  /** What else changed with it, or why. */
  readonly note?: string;
  /**
   * For a prop whose value becomes part of an object prop: the members of `now` the old value gives, such as
   * `(day) => ({ day })` for a maintenance day that becomes `maintenanceWindow.day`. Throws `ChoreoRedisError` for an
   * old value it cannot carry over.
   *
   * @default - the old value becomes the new prop's value as it is
   */
  readonly into?: (value: unknown) => Readonly<Record<string, unknown>>;
  /**
   * Whether the old prop stays and the backend reads it as before until `RENAMES_REMOVED_IN`, when its values are more than
   * the new prop can hold (a snapshot window of any length, where `backupHour` starts a window of an hour): only the
   * warning, and the refusal of both names at once.
   *
   * @default false - the old value moves to the new prop
   */
  readonly kept?: boolean;
  /**
   * With `into`: the members the old prop stood for when it was left out, so that a new object built from only some
   * of the old props gets the old defaults for the others, such as `{ hour: 5 }` for a maintenance hour.
   *
   * @default - none
   */
  readonly omitted?: Readonly<Record<string, unknown>>;
}

/** Renamed or removed public names, newest release first (CHANGELOG.md). */
export const RENAMED_PROPS: readonly Rename[] = [
  {
    interfaceName: 'AzureManagedRedisBackendProps',
    before: 'location',
    now: 'region',
    note: 'the one name for the region on every backend',
  },
  {
    interfaceName: 'AzureManagedRedisBackendProps',
    before: 'privateDnsZoneId',
    now: 'privateDnsZone',
    note: 'the one name for a private DNS zone on every backend (Azure takes the zone\'s resource ID); its error code `InvalidPrivateDnsZoneId` is now `InvalidDnsZone`',
  },
  {
    interfaceName: 'ElastiCacheBackendProps',
    before: 'snapshotWindow',
    now: 'backupHour',
    note: 'the one name for the hour of the daily backup on every backend; the snapshot window runs from it for an hour. The window string is written as given until then',
    kept: true,
  },
  {
    interfaceName: 'ElastiCacheBackendProps',
    before: 'vpcId',
    now: 'network',
    note: 'the one name for the private network the data store joins on every backend (the VPC\'s ID)',
  },
  {
    interfaceName: 'MemorystoreBackendProps',
    before: 'authorizedNetwork',
    now: 'network',
    note: 'the one name for the private network the data store joins on every backend',
  },
  {
    interfaceName: 'DigitalOceanValkeyBackendProps',
    before: 'privateNetworkUuid',
    now: 'network',
    note: 'the one name for the private network the data store joins on every backend (the VPC network\'s UUID)',
  },
  {
    interfaceName: 'DigitalOceanValkeyBackendProps',
    before: 'projectId',
    now: 'project',
    note: 'the one name for the project on every backend (DigitalOcean takes the project\'s UUID)',
  },
  ...(['MemorystoreBackendProps', 'MemorystoreValkeyBackendProps'] as const).flatMap((interfaceName): Rename[] => [
    {
      interfaceName,
      before: 'maintenanceDay',
      now: 'maintenanceWindow',
      note: 'with maintenanceHour, the one typed maintenance window on every backend: `maintenanceWindow: { day: Weekday.SUNDAY, hour: 5 }`',
      into: (day) => ({ day }),
      omitted: { day: 'SUNDAY' },
    },
    {
      interfaceName,
      before: 'maintenanceHour',
      now: 'maintenanceWindow',
      note: 'with maintenanceDay, the one typed maintenance window on every backend: `maintenanceWindow: { day: Weekday.SUNDAY, hour: 5 }`',
      into: (hour) => ({ hour }),
      omitted: { hour: 5 },
    },
  ]),
  {
    interfaceName: 'AivenBackendProps',
    before: 'maintenanceWindowDow',
    now: 'maintenanceWindow',
    note: 'with maintenanceWindowTime, the one typed maintenance window on every backend: `maintenanceWindow: { day: Weekday.SUNDAY, hour: 3 }`',
    into: (dow) => ({ day: typeof dow === 'string' ? dow.toUpperCase() : dow }),
  },
  {
    interfaceName: 'AivenBackendProps',
    before: 'maintenanceWindowTime',
    now: 'maintenanceWindow',
    note: 'with maintenanceWindowDow, the one typed maintenance window on every backend: `maintenanceWindow: { day: Weekday.SUNDAY, hour: 3 }`',
    into: (time) => {
      const match = typeof time === 'string' ? /^(\d\d):(\d\d):00$/.exec(time) : null;
      if (match === null) {
        throw new ChoreoRedisError('InvalidMaintenanceWindow',
          `RedisBackend.aiven({ maintenanceWindowTime }) "${String(time)}" is not a time "HH:mm:00" in UTC; write maintenanceWindow: { day, hour, minute } instead, such as { day: Weekday.SUNDAY, hour: 3 }.`);
      }
      return { hour: Number(match[1]), minute: Number(match[2]) };
    },
  },
  {
    before: '`ElastiCacheBackendProps.maintenanceWindow` as a string, `"ddd:hh24:mi-ddd:hh24:mi"`',
    now: '`maintenanceWindow: { day: Weekday.SUNDAY, hour: 5 }`, the one typed maintenance window on every backend; an hour long, as on the other backends. The string is accepted, with a warning, until ' + RENAMES_REMOVED_IN,
  },
  {
    before: '`MemorystoreMaintenanceDay`',
    now: '`Weekday`, the day type of `MaintenanceWindow`',
  },
  {
    before: 'error code `UnsupportedCidrFamily` (Azure Managed Redis, IPv6 sources on a private endpoint)',
    now: '`UnsupportedAddressFamily`, the one code for an allow-list family a backend cannot enforce',
  },
  {
    before: 'error code `MissingNetwork` for a network given in the wrong form (Memorystore, Memorystore for Valkey), and `InvalidUuid` (DigitalOcean)',
    now: '`InvalidNetwork` for a network (or subnetwork) in the wrong form and `InvalidProject` for a project in the wrong form, on every backend; `MissingNetwork` stays for a network left out',
  },
  {
    before: 'error code `InvalidAvailabilityZone` (ElastiCache)',
    now: '`InvalidZone`, the one code for a zone outside the region',
  },
  {
    before: 'error codes `InvalidMaintenanceDay`, `IncompleteWindow` and `InvalidWindow` for a maintenance window',
    now: '`InvalidMaintenanceWindow`, the one code for a maintenance window a backend cannot take (`InvalidWindow` stays for ElastiCache\'s snapshot window)',
  },
  {
    interfaceName: 'ElastiCacheBackendProps',
    before: 'kmsKeyArn',
    now: 'kmsKey',
    note: 'the one name for a customer-managed key on every backend',
  },
  {
    interfaceName: 'MemorystoreBackendProps',
    before: 'redisVersion',
    now: 'engineVersion',
    note: 'the one name for the engine version on every backend',
  },
  {
    interfaceName: 'AzureManagedRedisBackendProps',
    before: 'exportHourUtc',
    now: 'backupHour',
    note: 'in UTC, the one name for the hour of the daily backup or export; its error code `InvalidExportHour` is now `InvalidHour`',
  },
  {
    before: '`DigitalOceanValkeyPrivateEndpoint.host(redis)` and `.uri(redis)`',
    now: '`redis.privateHost` and the sensitive `redis.privateUri`, defined where the backend has a private host',
  },
  {
    before: '`ChoreoRedis.serviceMaxConnections` of 0 for "not published" (Azure)',
    now: '`undefined`',
  },
  {
    before: 'the exported internal types `BackendPlan`, `BackendDefinition`, `RedisBinding`, `BackendNames` and `loadBackend`',
    now: 'not exported',
  },
];

/** The renamed props of one props interface. */
export function renamedPropsOf(interfaceName: string | undefined): Rename[] {
  return interfaceName === undefined ? [] : RENAMED_PROPS.filter((r) => r.interfaceName === interfaceName);
}

/** Compares two `major.minor.patch` versions. */
function versionAtLeast(version: string, floor: string): boolean {
  const [a, b] = [version, floor].map((v) => v.split('.').map((part) => Number.parseInt(part, 10) || 0));
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/**
 * Whether a library release still accepts the old prop names of this table: every release before `RENAMES_REMOVED_IN`.
 *
 * @param version the library's version, such as `0.1.0`
 */
export function renamesAccepted(version: string): boolean {
  return !versionAtLeast(version, RENAMES_REMOVED_IN);
}

/** The props with their old names replaced, and a warning for each old name. */
export interface RenamedProps<P> {
  readonly props: P;
  readonly warnings: readonly PlanWarning[];
}

/**
 * Maps each old prop name the props use to its new name, with a `DeprecatedProp` warning naming both and the release
 * that removes the old one. Old names given beside their new one fail with `RenamedPropConflict`; from that release
 * on, old names fail with `RenamedProp` and the new name.
 *
 * @param owner how props are named in messages, `%s` standing for the prop, such as `RedisBackend.elastiCache({ %s })`
 * @param version the library's version
 */
export function applyRenames<P>(props: unknown, interfaceName: string, owner: string, version: string): RenamedProps<P> {
  // Anything but an object is left for the prop checks to refuse, which run next.
  if (typeof props !== 'object' || props === null || Array.isArray(props)) return { props: props as P, warnings: [] };
  const given = props as Record<string, unknown>;
  const renames = renamedPropsOf(interfaceName).filter((r) => given[r.before] !== undefined);
  if (renames.length === 0) return { props: props as P, warnings: [] };
  const name = (prop: string) => owner.replace('%s', prop);
  if (!renamesAccepted(version)) {
    throwFailures(renames.map((r) => new ChoreoRedisError('RenamedProp',
      `${name(r.before)} is no longer a prop of ${interfaceName}: it was renamed to ${r.now}${r.note === undefined ? '' : ` (${r.note})`}; write ${r.now} instead.`)));
  }
  const failures: ChoreoRedisError[] = [];
  const mapped: Record<string, unknown> = { ...given };
  const built = new Map<string, Record<string, unknown>>();
  for (const rename of renames) {
    if (!rename.kept) delete mapped[rename.before];
    if (given[rename.now] !== undefined) {
      failures.push(new ChoreoRedisError('RenamedPropConflict',
        `${name(rename.before)} and ${name(rename.now)} are both given; ${rename.before} is the old name of ${rename.now}. Remove ${rename.before} and keep ${rename.now}.`));
      continue;
    }
    if (rename.kept) continue;
    if (rename.into === undefined) {
      mapped[rename.now] = given[rename.before];
      continue;
    }
    try {
      built.set(rename.now, { ...built.get(rename.now), ...rename.into(given[rename.before]) });
    } catch (e) {
      if (!(e instanceof ChoreoRedisError)) throw e;
      failures.push(e);
    }
  }
  throwFailures(failures);
  for (const [now, members] of built) {
    const omitted = renamedPropsOf(interfaceName).filter((r) => r.now === now && given[r.before] === undefined)
      .reduce((defaults, r) => ({ ...defaults, ...r.omitted }), {});
    mapped[now] = { ...omitted, ...members };
  }
  const warnings = renames.map((r) => ({
    code: 'DeprecatedProp',
    message: `${name(r.before)} is deprecated: write ${r.now} instead${r.note === undefined ? '' : ` (${r.note})`}. The old name is accepted until release ${RENAMES_REMOVED_IN}, which removes it.`,
  }));
  return { props: mapped as P, warnings };
}

/** The changelog's table of renamed or removed names, as CHANGELOG.md shows it. */
export function renderRenames(): string {
  // A list rather than a table: the notes are sentences, and the docs generator wraps list items for a narrow screen.
  return RENAMED_PROPS.map((r) => (r.interfaceName === undefined
    ? `- ${r.before}: now ${r.now}.`
    : `- \`${r.interfaceName}.${r.before}\`: now \`${r.now}\`${r.note === undefined ? '' : `, ${r.note}`}.`)).join('\n');
}

/**
 * A props interface as its backend reads it, once `applyRenames` has mapped the old names: without the deprecated
 * props `Old`, and with the props `Needed` required (a prop whose old name is still accepted is optional in the
 * public interface, so that either name compiles; the prop checks require one of them).
 */
export type CurrentProps<P, Old extends keyof P, Needed extends keyof P = never> =
  Omit<P, Old | Needed> & { readonly [K in Needed]-?: NonNullable<P[K]> };
