import { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';
import * as fc from 'fast-check';
import { BackendArbitrary, alertsOf, rarely, regionOf } from '../../../../test/properties/kit';
import { AlertTarget, DigitalOceanValkeyVersion, RedisBackend } from '../../../index';
import { DIGITALOCEAN_REGIONS } from '../regions';

const uuid = fc.uuid();

/** Managed Valkey props for the property tests: mostly valid, each prop now and then breaking a rule. */
export const DIGITALOCEAN_VALKEY_ARBITRARY: BackendArbitrary = {
  service: 'DigitalOcean Managed Valkey',
  configure(stack) {
    new DigitaloceanProvider(stack, 'digitalocean', {});
  },
  backend: fc.record({
    region: regionOf(Object.keys(DIGITALOCEAN_REGIONS.regions)),
    project: rarely(fc.oneof(fc.constant(undefined), uuid), fc.string({ maxLength: 10 })),
    network: rarely(fc.oneof(fc.constant(undefined), uuid), fc.constantFrom('vpc-11111111', '')),
    engineVersion: rarely(fc.constantFrom(undefined, DigitalOceanValkeyVersion.V8), fc.constantFrom('7', 'eight', '8.0', '9').map((v) => DigitalOceanValkeyVersion.of(v))),
  }).map((p) => () => RedisBackend.digitalOceanValkey(p)),
  alerts: alertsOf(fc.array(fc.oneof(
    fc.constantFrom<string[][]>(['ops@example.com'], ['ops@example.com', 'dba@example.com']).map((emails) => AlertTarget.digitalOceanEmails(emails)),
    fc.constant(AlertTarget.digitalOceanSlack('#redis', 'https://hooks.slack.com/services/T0/B0/X')),
  ), { minLength: 1, maxLength: 2 })),
  props: ['region', 'project', 'network', 'engineVersion'],
};
