/** Managed Valkey's share of the shared tests (test/harness.ts). */
import { DIGITALOCEAN_VALKEY_ARBITRARY } from './arbitrary';
import { matrix } from './matrix';
import { DIGITALOCEAN_PROVIDER_RULES } from './rules';
import { DIGITALOCEAN_VALKEY_SCENARIOS } from './scenarios';
import type { BackendHarness } from '../../../../test/harness';
import { AlertTarget, DigitalOceanValkeyVersion, ServicePlan } from '../../../index';

export const harness: BackendHarness = {
  id: 'digitalocean-valkey',
  matrix,
  changes: DIGITALOCEAN_VALKEY_SCENARIOS,
  arbitrary: DIGITALOCEAN_VALKEY_ARBITRARY,
  rules: DIGITALOCEAN_PROVIDER_RULES,
  examples: [{
    backend: {
      region: 'fra1',
      project: '4f9b4a9c-6c1e-4a6b-9d8e-0c1d2e3f4a5b',
      network: '0c1d2e3f-4a5b-4f9b-8a9c-6c1e4a6b9d8e',
      engineVersion: DigitalOceanValkeyVersion.V8,
    },
    dataStore: {
      plan: ServicePlan.BUSINESS,
      name: 'orders',
      allowedCidrs: ['203.0.113.0/24'],
      tags: { team: 'orders' },
      alerts: { targets: [AlertTarget.digitalOceanEmails(['ops@example.com'])] },
    },
  }, {
    backend: { region: 'fra1', adopt: { clusterId: '245bcfd0-7f31-4ce6-a2bc-475a116cca97' } },
    dataStore: { plan: ServicePlan.BUSINESS, name: 'orders-cache' },
  }],
};
