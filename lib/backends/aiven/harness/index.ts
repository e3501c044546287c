/** Aiven for Valkey's share of the shared tests (test/harness.ts): one matrix cloud per cloud it runs on. */
import { AIVEN_ARBITRARY } from './arbitrary';
import { matrix } from './matrix';
import { AIVEN_PROVIDER_RULES } from './rules';
import { AIVEN_SCENARIOS } from './scenarios';
import type { BackendHarness } from '../../../../test/harness';
import { AlertTarget, AivenValkeyVersion, Cloud, ServicePlan, Weekday } from '../../../index';

export const harness: BackendHarness = {
  id: 'aiven',
  matrix,
  changes: AIVEN_SCENARIOS,
  arbitrary: AIVEN_ARBITRARY,
  rules: AIVEN_PROVIDER_RULES,
  examples: [{
    backend: {
      project: 'choreo-data',
      cloud: Cloud.AWS,
      region: 'eu-west-1',
      engineVersion: AivenValkeyVersion.VALKEY_8_1,
      maintenanceWindow: { day: Weekday.SUNDAY, hour: 3, minute: 0 },
      forkFrom: 'orders-old',
    },
    dataStore: {
      plan: ServicePlan.BUSINESS,
      name: 'orders',
      allowedCidrs: ['203.0.113.0/24'],
      tags: { team: 'orders' },
      alerts: { targets: [AlertTarget.aivenTechEmails(['ops@example.com'])] },
    },
  }, {
    backend: { project: 'choreo-data', cloud: Cloud.GCP, cloudName: 'google-europe-west1' },
    dataStore: { plan: ServicePlan.STARTUP },
  }, {
    backend: { project: 'choreo-data', cloud: Cloud.AWS, region: 'eu-west-1', adopt: { serviceId: 'choreo-data/orders-cache' } },
    dataStore: { plan: ServicePlan.BUSINESS },
  }],
};
