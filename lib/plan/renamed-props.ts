/**
 * Every public name that changed, in one table: the README's Changelog is generated from it, and the prop checks
 * read it so that a prop written under its old name fails with the new one rather than being dropped.
 */

/** A public name that changed. */
export interface Rename {
  /**
   * For a prop: the props interface it belongs to, such as `ElastiCacheBackendProps`. The prop checks refuse the
   * old name with the new one. Other API changes (methods, attributes, exports) have none and are listed only.
   *
   * @default - not a prop
   */
  readonly interfaceName?: string;
  /** The old name: for a prop, the prop's name; otherwise the README's wording (Markdown). */
  readonly before: string;
  /** The new name: for a prop, the prop's name; otherwise the README's wording (Markdown). */
  readonly now: string;
  /** What else changed with it, or why. */
  readonly note?: string;
}

/** Renamed or removed public names, newest release first (README "Changelog"). */
export const RENAMED_PROPS: readonly Rename[] = [
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

/** The Changelog's table of renamed or removed names, as the README shows it. */
export function renderRenames(): string {
  const rows = RENAMED_PROPS.map((r) => (r.interfaceName === undefined
    ? `| ${r.before} | ${r.now} |`
    : `| \`${r.interfaceName}.${r.before}\` | \`${r.now}\`${r.note === undefined ? '' : `, ${r.note}`} |`));
  return ['| before | now |', '|---|---|', ...rows].join('\n');
}
