/**
 * Old prop names keep working for one release: each old name of the Changelog table is accepted, maps to its new prop
 * (the backend reads the same props as with the new name), and warns at synth naming both and the release that
 * removes it; both names at once are refused; from that release on the old name is refused with the new one.
 */
import { loadHarnesses } from './harness';
import { asIfFromJavaScript, codeOf, testStack, warningsOf } from './util';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import { DefinedBackend } from '../lib/backends/defined-backend';
import { propsInterfaceOf } from '../lib/backends/redis-backend';
import { ChoreoRedis, ChoreoRedisProps, MemorystoreRedisVersion, RedisBackend } from '../lib/index';
import { RENAMED_PROPS, RENAMES_REMOVED_IN, applyRenames, renamesAccepted, renderRenames } from '../lib/plan';

const HARNESSES = loadHarnesses();
const definitionOf = (interfaceName: string) => BACKEND_DEFINITIONS.find((d) => propsInterfaceOf(d) === interfaceName)!;
const make = (factory: string, props: object): DefinedBackend<unknown, unknown> =>
  (Reflect.get(RedisBackend, factory) as (p: object) => DefinedBackend<unknown, unknown>)(props);

/** An old value for each renamed prop, and the new props it stands for, on top of the backend's first example. */
const OLD_VALUES: Readonly<Record<string, [unknown, Readonly<Record<string, unknown>>]>> = {
  'AzureManagedRedisBackendProps.location': ['westeurope', { region: 'westeurope' }],
  'AzureManagedRedisBackendProps.privateDnsZoneId': [
    '/subscriptions/0/resourceGroups/g/providers/Microsoft.Network/privateDnsZones/privatelink.redis.azure.net',
    { privateDnsZone: '/subscriptions/0/resourceGroups/g/providers/Microsoft.Network/privateDnsZones/privatelink.redis.azure.net' },
  ],
  'AzureManagedRedisBackendProps.exportHourUtc': [2, { backupHour: 2 }],
  'ElastiCacheBackendProps.snapshotWindow': ['02:00-03:30', { backupHour: 2 }],
  'ElastiCacheBackendProps.vpcId': ['vpc-0123', { network: 'vpc-0123' }],
  'ElastiCacheBackendProps.kmsKeyArn': ['arn:aws:kms:eu-west-1:111122223333:key/k', { kmsKey: 'arn:aws:kms:eu-west-1:111122223333:key/k' }],
  'MemorystoreBackendProps.authorizedNetwork': ['projects/example-project/global/networks/default', { network: 'projects/example-project/global/networks/default' }],
  'MemorystoreBackendProps.redisVersion': [MemorystoreRedisVersion.REDIS_7_0, { engineVersion: MemorystoreRedisVersion.REDIS_7_0 }],
  'MemorystoreBackendProps.maintenanceDay': ['MONDAY', { maintenanceWindow: { day: 'MONDAY', hour: 5 } }],
  'MemorystoreBackendProps.maintenanceHour': [4, { maintenanceWindow: { day: 'SUNDAY', hour: 4 } }],
  'MemorystoreValkeyBackendProps.maintenanceDay': ['FRIDAY', { maintenanceWindow: { day: 'FRIDAY', hour: 5 } }],
  'MemorystoreValkeyBackendProps.maintenanceHour': [23, { maintenanceWindow: { day: 'SUNDAY', hour: 23 } }],
  'DigitalOceanValkeyBackendProps.projectId': ['7c6e1b6a-2f0d-4d4e-9a3e-1f2b3c4d5e6f', { project: '7c6e1b6a-2f0d-4d4e-9a3e-1f2b3c4d5e6f' }],
  'DigitalOceanValkeyBackendProps.privateNetworkUuid': ['0d8e1b6a-2f0d-4d4e-9a3e-1f2b3c4d5e6f', { network: '0d8e1b6a-2f0d-4d4e-9a3e-1f2b3c4d5e6f' }],
  'AivenBackendProps.maintenanceWindowDow': [undefined, {}],
  'AivenBackendProps.maintenanceWindowTime': [undefined, {}],
};

const PROP_RENAMES = RENAMED_PROPS.filter((r) => r.interfaceName !== undefined);

test('every renamed prop of a backend has an old value to try', () => {
  expect(PROP_RENAMES.map((r) => `${r.interfaceName}.${r.before}`).sort()).toEqual(Object.keys(OLD_VALUES).sort());
});

/** The backend's first example without the new prop: the base an old name is added to. */
function baseOf(interfaceName: string, now: string):
{ factory: string; base: Record<string, unknown>; dataStore: (backend: object) => ChoreoRedisProps } {
  const definition = definitionOf(interfaceName);
  const example = HARNESSES.find((h) => h.id === definition.id)!.examples[0];
  const { [now]: _, ...base } = example.backend as Record<string, unknown>;
  return { factory: definition.factory, base, dataStore: (backend) => asIfFromJavaScript<ChoreoRedisProps>({ ...example.dataStore, backend }) };
}

describe.each(PROP_RENAMES.filter((r) => OLD_VALUES[`${r.interfaceName}.${r.before}`][0] !== undefined))('$interfaceName.$before', (rename) => {
  const [old, mapped] = OLD_VALUES[`${rename.interfaceName}.${rename.before}`];
  const { factory, base, dataStore } = baseOf(rename.interfaceName!, rename.now);

  test(`is accepted until ${RENAMES_REMOVED_IN} and read as ${rename.now}${rename.kept ? ' (kept as given)' : ''}`, () => {
    const viaOld = make(factory, { ...base, [rename.before]: old });
    if (rename.kept) {
      // Kept: the backend reads the old prop as before, its values being more than the new one holds.
      expect([Reflect.get(viaOld._props as object, rename.before), Reflect.get(viaOld._props as object, rename.now)]).toEqual([old, undefined]);
      return;
    }
    const viaNew = make(factory, { ...base, ...mapped });
    expect(viaOld._props).toEqual(viaNew._props);
  });

  test('warns at synth, naming the old prop, the new one and the release that removes the old one', () => {
    const redis = new ChoreoRedis(testStack(), 'Cache', dataStore(make(factory, { ...base, [rename.before]: old })));
    expect(warningsOf(redis).filter((w) => w.startsWith('[DeprecatedProp]'))).toEqual([
      `[DeprecatedProp] RedisBackend.${factory}({ ${rename.before} }) is deprecated: write ${rename.now} instead (${rename.note}). The old name is accepted until release ${RENAMES_REMOVED_IN}, which removes it.`,
    ]);
  });

  test('given with its new name too, is refused', () => {
    expect(codeOf(() => make(factory, { ...base, ...mapped, [rename.before]: old }))).toBe('RenamedPropConflict');
  });

  test(`from ${RENAMES_REMOVED_IN} on, is refused with the new name`, () => {
    expect(() => applyRenames<object>({ ...base, [rename.before]: old }, rename.interfaceName!, `RedisBackend.${factory}({ %s })`, RENAMES_REMOVED_IN)).toThrow(
      `[RenamedProp] RedisBackend.${factory}({ ${rename.before} }) is no longer a prop of ${rename.interfaceName}: it was renamed to ${rename.now}`);
  });
});

describe('old names that become part of one object', () => {
  test('Memorystore\'s maintenanceDay and maintenanceHour together make one maintenanceWindow, with one warning each', () => {
    const { base, dataStore } = baseOf('MemorystoreBackendProps', 'maintenanceWindow');
    const backend = make('memorystore', { ...base, maintenanceDay: 'TUESDAY', maintenanceHour: 2 });
    expect(Reflect.get(backend._props as object, 'maintenanceWindow')).toEqual({ day: 'TUESDAY', hour: 2 });
    const redis = new ChoreoRedis(testStack(), 'Cache', dataStore(backend));
    expect(warningsOf(redis).filter((w) => w.startsWith('[DeprecatedProp]'))).toHaveLength(2);
  });

  test('Aiven\'s maintenanceWindowDow and maintenanceWindowTime make the typed window; either alone is incomplete', () => {
    const { base } = baseOf('AivenBackendProps', 'maintenanceWindow');
    const backend = make('aiven', { ...base, maintenanceWindowDow: 'wednesday', maintenanceWindowTime: '23:30:00' });
    expect(Reflect.get(backend._props as object, 'maintenanceWindow')).toEqual({ day: 'WEDNESDAY', hour: 23, minute: 30 });
    expect(() => make('aiven', { ...base, maintenanceWindowDow: 'wednesday' })).toThrow(
      '[InvalidMaintenanceWindow] RedisBackend.aiven({ maintenanceWindow.hour }) is missing; it is required: give the hour the window starts, 0 to 23 (UTC).');
    expect(() => make('aiven', { ...base, maintenanceWindowDow: 'wednesday', maintenanceWindowTime: '23:30:15' })).toThrow(
      '[InvalidMaintenanceWindow] RedisBackend.aiven({ maintenanceWindowTime }) "23:30:15" is not a time "HH:mm:00" in UTC');
  });

  test('ElastiCache\'s maintenanceWindow as a string is written as given, with a warning naming the typed form', () => {
    const { base, dataStore } = baseOf('ElastiCacheBackendProps', 'maintenanceWindow');
    const redis = new ChoreoRedis(testStack(), 'Cache', dataStore(make('elastiCache', { ...base, maintenanceWindow: 'tue:01:00-tue:03:00' })));
    expect(warningsOf(redis).filter((w) => w.startsWith('[DeprecatedProp]'))).toEqual([expect.stringContaining(
      'RedisBackend.elastiCache({ maintenanceWindow }) "tue:01:00-tue:03:00" is a string, the old form: write the typed window')]);
  });
});

test('the old names are accepted by every release before the one that removes them', () => {
  expect([renamesAccepted('0.0.0'), renamesAccepted('0.1.9'), renamesAccepted(RENAMES_REMOVED_IN), renamesAccepted('1.0.0')]).toEqual([true, true, false, false]);
});

test('the Changelog lists every rename', () => {
  const changelog = renderRenames();
  PROP_RENAMES.forEach((r) => expect(changelog).toContain(`- \`${r.interfaceName}.${r.before}\`: now \`${r.now}\``));
});

test('props that are not an object are left for the prop checks', () => {
  expect(codeOf(() => RedisBackend.elastiCache(asIfFromJavaScript(undefined)))).toBe('InvalidType');
});
