/** Memorystore for Redis's share of the shared tests (test/harness.ts). */
import { MEMORYSTORE_ARBITRARY } from './arbitrary';
import { matrix } from './matrix';
import { MEMORYSTORE_MONITORING_RULES } from './monitoring';
import { MEMORYSTORE_SCENARIOS } from './scenarios';
import type { BackendHarness } from '../../../../test/harness';
import { AlertTarget, MemorystoreConnectMode, MemorystoreRedisVersion, MemorystoreSnapshotPeriod, ServicePlan, Weekday } from '../../../index';
import { GOOGLE_PROVIDER_RULES } from '../../google/harness/rules';

export const harness: BackendHarness = {
  id: 'memorystore',
  matrix,
  changes: MEMORYSTORE_SCENARIOS,
  arbitrary: MEMORYSTORE_ARBITRARY,
  rules: { ...GOOGLE_PROVIDER_RULES, ...MEMORYSTORE_MONITORING_RULES },
  examples: [{
    backend: {
      project: 'example-project',
      region: 'europe-west1',
      network: 'projects/example-project/global/networks/default',
      connectMode: MemorystoreConnectMode.PRIVATE_SERVICE_ACCESS,
      reservedIpRange: 'google-managed-services-default',
      zone: 'europe-west1-b',
      alternativeZone: 'europe-west1-c',
      engineVersion: MemorystoreRedisVersion.REDIS_7_2,
      kmsKey: 'projects/example-project/locations/europe-west1/keyRings/r/cryptoKeys/k',
      snapshotPeriod: MemorystoreSnapshotPeriod.ONE_HOUR,
      backupHour: 2,
      maintenanceWindow: { day: Weekday.MONDAY, hour: 4, minute: 30 },
      privateDnsZone: { managedZone: 'internal', dnsName: 'internal.example.com.' },
    },
    dataStore: {
      plan: ServicePlan.BUSINESS,
      name: 'orders',
      tags: { team: 'orders' },
      alerts: { targets: [AlertTarget.cloudMonitoringChannels(['projects/example-project/notificationChannels/1'])] },
    },
  }, {
    backend: {
      project: 'example-project',
      region: 'europe-west1',
      network: 'projects/example-project/global/networks/default',
      adopt: { instanceId: 'projects/example-project/locations/europe-west1/instances/orders-cache' },
    },
    dataStore: { plan: ServicePlan.BUSINESS },
  }],
};
