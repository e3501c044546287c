import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { Fn } from 'cdktf';
import * as fc from 'fast-check';
import { BackendArbitrary, regionOf } from './kit';
import {
  IRedisBackend, MemorystoreConnectMode, MemorystoreMaintenanceDay, MemorystoreRedisVersion, MemorystoreSnapshotPeriod, MemorystoreValkeyVersion,
  RedisBackend,
} from '../../lib';
import { REGIONS } from '../../lib/plan';

const GCP_REGIONS = Object.keys(REGIONS.gcp);

/**
 * Valid props, and one time in four one prop replaced by a bad value (one at a time, so that most inputs still
 * reach synthesis and the error, when there is one, is about that prop).
 */
function withOneBad<T extends object>(valid: fc.Arbitrary<T>, bad: { [K in keyof T]?: fc.Arbitrary<unknown> }): fc.Arbitrary<T> {
  const overrides = Object.entries(bad).map(([key, value]) => (value as fc.Arbitrary<unknown>).map((v) => ({ [key]: v })));
  const maybeBad = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.oneof(...overrides) });
  return fc.tuple(valid, maybeBad).map(([props, override]) => ({ ...props, ...override }) as T);
}

/** A backend factory that counterexamples print as the props it was given. */
const printable = (factory: string, props: object, make: () => IRedisBackend) =>
  Object.assign(make, { [fc.toStringMethod]: () => `RedisBackend.${factory}(${fc.stringify(props)})` });

/** A value Terraform resolves at apply: the construct must pass it through unchecked. */
const token = (value: string) => Fn.lower(value);
/** A valid value, or the same value as a token now and then. */
const maybeToken = (values: fc.Arbitrary<string>) => fc.oneof({ weight: 5, arbitrary: values }, { weight: 1, arbitrary: values.map(token) });

/** A region: mostly a US or EU one, sometimes another or nonsense, now and then a token. */
const gcpRegion = fc.oneof({ weight: 10, arbitrary: regionOf(GCP_REGIONS) }, { weight: 1, arbitrary: fc.constant('europe-west1').map(token) });

const project = maybeToken(fc.constantFrom('example-project', 'acme-prod-123', 'example.com:shop-eu'));
const badProject = fc.constantFrom('', 'My Project', '123456789012', 'proj', 'ends-with-', 'a'.repeat(31));
const hour = fc.option(fc.integer({ min: 0, max: 23 }), { nil: undefined });
const badHour = fc.constantFrom(24, -1, 1.5, Number.NaN);
const maintenanceDay = fc.option(fc.constantFrom(...Object.values(MemorystoreMaintenanceDay)), { nil: undefined });
const badDay = fc.constantFrom('SUN', 'sunday', '');
/** Whether to use a Cloud KMS key: one made in the generated region, or a token. */
const kmsKey = fc.constantFrom<'none' | 'key' | 'token'>('none', 'none', 'key', 'token');
const keyIn = (region: string, choice: 'none' | 'key' | 'token' | string) => (choice === 'none' ? undefined
  : choice === 'token' ? token('projects/example-project/locations/europe-west1/keyRings/r/cryptoKeys/k')
    : choice === 'key' ? `projects/example-project/locations/${region}/keyRings/r/cryptoKeys/k` : choice);
const badKmsKey = fc.constantFrom('redis-key', '', 'projects/example-project/locations/us-east1/keyRings/r/cryptoKeys/k',
  'projects/example-project/locations/global/keyRings/r/cryptoKeys/k');
const privateDnsZone = fc.constantFrom(undefined, { managedZone: 'internal', dnsName: 'internal.example.com.' });
const badDnsZone = fc.constantFrom({ managedZone: 'internal', dnsName: 'internal.example.com' }, { managedZone: 'Internal Zone', dnsName: 'internal.example.com.' },
  { managedZone: 'internal', dnsName: 'UPPER.example.com.' });

/** Zones of the region by letter; the primary and standby zones differ. */
const zones = fc.constantFrom<[string | undefined, string | undefined]>([undefined, undefined], ['a', undefined], ['b', 'c'], ['c', 'a'], [undefined, 'b']);
const zoneOf = (region: string, letter: string | undefined) =>
  (letter === undefined ? undefined : /^[a-z]$/.test(letter) ? `${region}-${letter}` : letter);

/** How the instance joins the network, with a reserved range that fits the mode. */
const networkModes = fc.constantFrom<[MemorystoreConnectMode | undefined, string | undefined]>(
  [undefined, undefined], [MemorystoreConnectMode.DIRECT_PEERING, undefined], [undefined, '10.0.0.0/28'], [MemorystoreConnectMode.DIRECT_PEERING, '10.0.0.16/29'],
  [MemorystoreConnectMode.PRIVATE_SERVICE_ACCESS, undefined], [MemorystoreConnectMode.PRIVATE_SERVICE_ACCESS, 'google-managed-services-default'],
);

export const MEMORYSTORE_ARBITRARY: BackendArbitrary = {
  service: 'Memorystore for Redis',
  configure(stack) {
    new GoogleProvider(stack, 'google', {});
  },
  backend: withOneBad(fc.record({
    project,
    region: gcpRegion,
    authorizedNetwork: maybeToken(fc.constantFrom('projects/example-project/global/networks/default', 'default')),
    network: networkModes,
    zones,
    redisVersion: fc.constantFrom(undefined, MemorystoreRedisVersion.REDIS_7_2, MemorystoreRedisVersion.REDIS_7_0, MemorystoreRedisVersion.REDIS_6_X),
    kmsKey,
    snapshotPeriod: fc.option(fc.constantFrom(...Object.values(MemorystoreSnapshotPeriod)), { nil: undefined }),
    backupHour: hour,
    maintenanceDay,
    maintenanceHour: hour,
    privateDnsZone,
  }), {
    project: badProject,
    authorizedNetwork: fc.constantFrom('', 'my network', 'projects/example-project/networks/default'),
    network: fc.constantFrom([undefined, '10.0.0.0/24'], [undefined, '10.0.0.8/28'], [undefined, 'range-1'], [MemorystoreConnectMode.PRIVATE_SERVICE_ACCESS, '10.0.0.0/29'],
      ['PRIVATE_SERVICE_CONNECT', undefined], ['', undefined]),
    zones: fc.constantFrom(['b', 'b'], ['1', undefined], [undefined, 'us-east1-b'], ['', undefined], ['B', 'c']),
    redisVersion: fc.constantFrom('REDIS_5_0', '7.2', 'REDIS_7', 'VALKEY_8_0', '').map((v) => MemorystoreRedisVersion.of(v)),
    snapshotPeriod: fc.constantFrom('TWO_HOURS', '1h'),
    kmsKey: badKmsKey,
    backupHour: badHour,
    maintenanceDay: badDay,
    maintenanceHour: badHour,
    privateDnsZone: badDnsZone,
  }).map(({ network: [connectMode, reservedIpRange], zones: [zone, alternativeZone], ...rest }) => {
    const props = {
      ...rest,
      connectMode,
      reservedIpRange,
      zone: zoneOf(rest.region, zone),
      alternativeZone: zoneOf(rest.region, alternativeZone),
      kmsKey: keyIn(rest.region, rest.kmsKey),
    };
    return printable('memorystore', props, () => RedisBackend.memorystore(props));
  }),
  props: ['project', 'region', 'authorizedNetwork', 'connectMode', 'reservedIpRange', 'zone', 'alternativeZone', 'redisVersion', 'kmsKey',
    'snapshotPeriod', 'backupHour', 'maintenanceDay', 'maintenanceHour', 'privateDnsZone'],
};

export const MEMORYSTORE_VALKEY_ARBITRARY: BackendArbitrary = {
  service: 'Memorystore for Valkey',
  configure(stack) {
    new GoogleProvider(stack, 'google', {});
  },
  backend: withOneBad(fc.record({
    project,
    region: gcpRegion,
    network: maybeToken(fc.constantFrom('example-project', 'shared-vpc-host').map((p) => `projects/${p}/global/networks/default`)),
    pscSubnetworks: fc.option(fc.array(fc.constantFrom('subnetwork', 'subnetwork', 'token'), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    clientMembers: fc.option(fc.array(maybeToken(fc.constantFrom('serviceAccount:app@example-project.iam.gserviceaccount.com', 'user:ops.team@example.com', 'user:ops-team@example.com')),
      { maxLength: 2 }), { nil: undefined }),
    engineVersion: fc.constantFrom(undefined, MemorystoreValkeyVersion.VALKEY_8_0, MemorystoreValkeyVersion.VALKEY_7_2),
    kmsKey,
    serviceDeletionProtection: fc.option(fc.boolean(), { nil: undefined }),
    backupHour: hour,
    maintenanceDay,
    maintenanceHour: hour,
    privateDnsZone,
  }), {
    project: badProject,
    network: fc.constantFrom('default', '', 'projects/p/networks/default'),
    pscSubnetworks: fc.constantFrom([], ['psc'], ['projects/example-project/regions/us-east1/subnetworks/psc']),
    clientMembers: fc.constantFrom(['app@example-project.iam.gserviceaccount.com'], ['allUsers'], ['']),
    engineVersion: fc.constantFrom('REDIS_7_2', '8.0', 'VALKEY_8', '').map((v) => MemorystoreValkeyVersion.of(v)),
    kmsKey: badKmsKey,
    backupHour: badHour,
    maintenanceDay: badDay,
    maintenanceHour: badHour,
    privateDnsZone: badDnsZone,
  }).map((p) => {
    const props = {
      ...p,
      kmsKey: keyIn(p.region, p.kmsKey),
      pscSubnetworks: p.pscSubnetworks?.map((s, i) => (s === 'subnetwork' ? `projects/example-project/regions/${p.region}/subnetworks/psc-${i}`
        : s === 'token' ? token(`projects/example-project/regions/europe-west1/subnetworks/psc-${i}`) : s)),
      clientMembers: p.clientMembers === undefined ? undefined : [...p.clientMembers],
    };
    return printable('memorystoreValkey', props, () => RedisBackend.memorystoreValkey(props));
  }),
  props: ['project', 'region', 'network', 'pscSubnetworks', 'clientMembers', 'engineVersion', 'kmsKey', 'serviceDeletionProtection', 'backupHour',
    'maintenanceDay', 'maintenanceHour', 'privateDnsZone'],
};
