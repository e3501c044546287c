import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import * as fc from 'fast-check';
import { BackendArbitrary, GeneratedInput, alertsOf, rarely } from '../../../../test/properties/kit';
import { AlertTarget, MemorystoreConnectMode, MemorystoreRedisVersion, MemorystoreSnapshotPeriod, RedisBackend, ServicePlan } from '../../../index';
import {
  badDnsZone, badHour, badKmsKey, badMaintenanceWindow, badProject, gcpRegion, hour, keyIn, kmsKey, maintenanceWindow, maybeToken, printable,
  privateDnsZone, project,
  withOneBad,
} from '../../google/harness/arbitrary-kit';

/** Zones of the region by letter; the primary and standby zones differ. */
const zones = fc.constantFrom<[string | undefined, string | undefined]>([undefined, undefined], ['a', undefined], ['b', 'c'], ['c', 'a'], [undefined, 'b']);
const zoneOf = (region: string, letter: string | undefined) =>
  (letter === undefined ? undefined : /^[a-z]$/.test(letter) ? `${region}-${letter}` : letter);

/** How the instance joins the network, with a reserved range that fits the mode. */
const networkModes = fc.constantFrom<[MemorystoreConnectMode | undefined, string | undefined]>(
  [undefined, undefined], [MemorystoreConnectMode.DIRECT_PEERING, undefined], [undefined, '10.0.0.0/28'], [MemorystoreConnectMode.DIRECT_PEERING, '10.0.0.16/29'],
  [MemorystoreConnectMode.PRIVATE_SERVICE_ACCESS, undefined], [MemorystoreConnectMode.PRIVATE_SERVICE_ACCESS, 'google-managed-services-default'],
);

/** Memorystore for Redis props for the property tests: valid, or with one prop broken. */
export const MEMORYSTORE_ARBITRARY: BackendArbitrary = {
  service: 'Memorystore for Redis',
  configure(stack) {
    new GoogleProvider(stack, 'google', {});
  },
  backend: withOneBad(fc.record({
    project,
    region: gcpRegion,
    network: maybeToken(fc.constantFrom('projects/example-project/global/networks/default', 'default')),
    connection: networkModes,
    zones,
    engineVersion: fc.constantFrom(undefined,
      MemorystoreRedisVersion.REDIS_7_2, MemorystoreRedisVersion.REDIS_7_0, MemorystoreRedisVersion.REDIS_6_X),
    kmsKey,
    snapshotPeriod: fc.option(fc.constantFrom(...Object.values(MemorystoreSnapshotPeriod)), { nil: undefined }),
    backupHour: hour,
    maintenanceWindow,
    privateDnsZone,
    // Mostly, as a user would, no standby's zone or backup hour on a plan without a standby or backup history, whose
    // data store refuses them (PropHasNoEffect); now and then regardless.
    fitToPlan: rarely(fc.constant(true), fc.constant(false)),
  }), {
    project: badProject,
    network: fc.constantFrom('', 'my network', 'projects/example-project/networks/default'),
    connection: fc.constantFrom([undefined, '10.0.0.0/24'], [undefined, '10.0.0.8/28'], [undefined, 'range-1'], [MemorystoreConnectMode.PRIVATE_SERVICE_ACCESS, '10.0.0.0/29'],
      ['PRIVATE_SERVICE_CONNECT', undefined], ['', undefined]),
    zones: fc.constantFrom(['b', 'b'], ['1', undefined], [undefined, 'us-east1-b'], ['', undefined], ['B', 'c']),
    engineVersion: fc.constantFrom('REDIS_5_0', '7.2', 'REDIS_7', 'VALKEY_8_0', '').map((v) => MemorystoreRedisVersion.of(v)),
    snapshotPeriod: fc.constantFrom('TWO_HOURS', '1h'),
    kmsKey: badKmsKey,
    backupHour: badHour,
    maintenanceWindow: badMaintenanceWindow,
    privateDnsZone: badDnsZone,
  }).map(({ connection: [connectMode, reservedIpRange], zones: [zone, alternativeZone], fitToPlan, ...rest }) => (input: GeneratedInput) => {
    const withoutStandby = fitToPlan && (input.plan === ServicePlan.HOBBYIST || input.plan === ServicePlan.STARTUP);
    const props = {
      ...rest,
      connectMode,
      reservedIpRange,
      zone: zoneOf(rest.region, zone),
      alternativeZone: withoutStandby ? undefined : zoneOf(rest.region, alternativeZone),
      backupHour: fitToPlan && input.plan === ServicePlan.HOBBYIST ? undefined : rest.backupHour,
      kmsKey: keyIn(rest.region, rest.kmsKey),
    };
    return printable('memorystore', props, () => RedisBackend.memorystore(props))();
  }),
  alerts: alertsOf(fc.constantFrom<string[][]>(['projects/p/notificationChannels/1'], ['projects/p/notificationChannels/1', 'projects/p/notificationChannels/2'])
    .map((names) => [AlertTarget.cloudMonitoringChannels(names)])),
  props: ['project', 'region', 'network', 'connectMode', 'reservedIpRange', 'zone', 'alternativeZone', 'engineVersion', 'kmsKey',
    'snapshotPeriod', 'backupHour', 'maintenanceWindow', 'privateDnsZone'],
};
