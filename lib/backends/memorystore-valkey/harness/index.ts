/** Memorystore for Valkey's share of the shared tests (test/harness.ts). */
import { MEMORYSTORE_VALKEY_ARBITRARY } from './arbitrary';
import { matrix } from './matrix';
import { MEMORYSTORE_VALKEY_MONITORING_RULES } from './monitoring';
import { MEMORYSTORE_VALKEY_SCENARIOS } from './scenarios';
import type { BackendHarness } from '../../../../test/harness';
import { AlertTarget, MemorystoreValkeyVersion, ServicePlan, Weekday } from '../../../index';
import { GOOGLE_PROVIDER_RULES } from '../../google/harness/rules';

export const harness: BackendHarness = {
  id: 'memorystore-valkey',
  matrix,
  changes: MEMORYSTORE_VALKEY_SCENARIOS,
  arbitrary: MEMORYSTORE_VALKEY_ARBITRARY,
  rules: { ...GOOGLE_PROVIDER_RULES, ...MEMORYSTORE_VALKEY_MONITORING_RULES },
  examples: [{
    backend: {
      project: 'example-project',
      region: 'europe-west1',
      network: 'projects/example-project/global/networks/default',
      pscSubnetworks: ['projects/example-project/regions/europe-west1/subnetworks/psc'],
      clientMembers: ['serviceAccount:app@example-project.iam.gserviceaccount.com'],
      engineVersion: MemorystoreValkeyVersion.VALKEY_8_0,
      kmsKey: 'projects/example-project/locations/europe-west1/keyRings/r/cryptoKeys/k',
      serviceDeletionProtection: false,
      backupHour: 2,
      maintenanceWindow: { day: Weekday.MONDAY, hour: 4, minute: 30 },
      privateDnsZone: { managedZone: 'internal', dnsName: 'internal.example.com.' },
      restoreFromBackup: 'projects/example-project/locations/europe-west1/backupCollections/orders/backups/before-move',
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
  }, {
    backend: {
      project: 'example-project',
      region: 'europe-west1',
      network: 'projects/example-project/global/networks/default',
      planChange: { from: ServicePlan.PREMIUM, step: 1 },
    },
    dataStore: { plan: ServicePlan.BUSINESS },
  }],
};
