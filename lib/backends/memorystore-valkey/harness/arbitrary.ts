import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import * as fc from 'fast-check';
import { BackendArbitrary, alertsOf } from '../../../../test/properties/kit';
import { AlertTarget, MemorystoreValkeyVersion, RedisBackend } from '../../../index';
import {
  badDnsZone, badHour, badKmsKey, badMaintenanceWindow, badProject, gcpRegion, hour, keyIn, kmsKey, maintenanceWindow, maybeToken, printable,
  privateDnsZone, project,
  token, withOneBad,
} from '../../google/harness/arbitrary-kit';

/** Memorystore for Valkey props for the property tests: valid, or with one prop broken. */
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
    maintenanceWindow,
    privateDnsZone,
  }), {
    project: badProject,
    network: fc.constantFrom('default', '', 'projects/p/networks/default'),
    pscSubnetworks: fc.constantFrom([], ['psc'], ['projects/example-project/regions/us-east1/subnetworks/psc']),
    clientMembers: fc.constantFrom(['app@example-project.iam.gserviceaccount.com'], ['allUsers'], ['']),
    engineVersion: fc.constantFrom('REDIS_7_2', '8.0', 'VALKEY_8', '').map((v) => MemorystoreValkeyVersion.of(v)),
    kmsKey: badKmsKey,
    backupHour: badHour,
    maintenanceWindow: badMaintenanceWindow,
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
  alerts: alertsOf(fc.constantFrom<string[][]>(['projects/p/notificationChannels/1'], ['projects/p/notificationChannels/1', 'projects/p/notificationChannels/2'])
    .map((names) => [AlertTarget.cloudMonitoringChannels(names)])),
  props: ['project', 'region', 'network', 'pscSubnetworks', 'clientMembers', 'engineVersion', 'kmsKey', 'serviceDeletionProtection', 'backupHour',
    'maintenanceWindow', 'privateDnsZone'],
};
