/** Generators both Memorystore backends' property-test arbitraries use. */
import { Fn } from 'cdktf';
import * as fc from 'fast-check';
import { regionOf } from '../../../../test/properties/kit';
import { IRedisBackend, MaintenanceWindow, Weekday } from '../../../index';
import { GCP_REGIONS } from '../regions';

/**
 * Valid props, and one time in four one prop replaced by a bad value (one at a time, so that most inputs still
 * reach synthesis and the error, when there is one, is about that prop).
 */
export function withOneBad<T extends object>(valid: fc.Arbitrary<T>, bad: { [K in keyof T]?: fc.Arbitrary<unknown> }): fc.Arbitrary<T> {
  const overrides = Object.entries(bad).map(([key, value]) => (value as fc.Arbitrary<unknown>).map((v) => ({ [key]: v })));
  const maybeBad = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.oneof(...overrides) });
  return fc.tuple(valid, maybeBad).map(([props, override]) => ({ ...props, ...override }) as T);
}

/** A backend factory that counterexamples print as the props it was given. */
export const printable = (factory: string, props: object, make: () => IRedisBackend) =>
  Object.assign(make, { [fc.toStringMethod]: () => `RedisBackend.${factory}(${fc.stringify(props)})` });

/** A value Terraform resolves at apply: the construct must pass it through unchecked. */
export const token = (value: string) => Fn.lower(value);
/** A valid value, or the same value as a token now and then. */
export const maybeToken = (values: fc.Arbitrary<string>) => fc.oneof({ weight: 5, arbitrary: values }, { weight: 1, arbitrary: values.map(token) });

/** A region: mostly a US or EU one, sometimes another or nonsense, now and then a token. */
export const gcpRegion = fc.oneof({ weight: 10, arbitrary: regionOf(Object.keys(GCP_REGIONS.regions)) }, { weight: 1, arbitrary: fc.constant('europe-west1').map(token) });

export const project = maybeToken(fc.constantFrom('example-project', 'acme-prod-123', 'example.com:shop-eu'));
export const badProject = fc.constantFrom('', 'My Project', '123456789012', 'proj', 'ends-with-', 'a'.repeat(31));
export const hour = fc.option(fc.integer({ min: 0, max: 23 }), { nil: undefined });
export const badHour = fc.constantFrom(24, -1, 1.5, Number.NaN);
/** A weekly maintenance window, or none. */
export const maintenanceWindow = fc.option(fc.record({
  day: fc.constantFrom(...Object.values(Weekday)),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
}, { requiredKeys: ['day', 'hour'] }), { nil: undefined });
/** A maintenance window with a bad day, hour or minute. */
export const badMaintenanceWindow = fc.constantFrom<MaintenanceWindow>(
  { day: 'SUN' as Weekday, hour: 5 }, { day: 'sunday' as Weekday, hour: 5 }, { day: Weekday.SUNDAY, hour: 24 },
  { day: Weekday.MONDAY, hour: 1.5 }, { day: Weekday.MONDAY, hour: 3, minute: 60 });
/** Whether to use a Cloud KMS key: one made in the generated region, or a token. */
export const kmsKey = fc.constantFrom<'none' | 'key' | 'token'>('none', 'none', 'key', 'token');
export const keyIn = (region: string, choice: 'none' | 'key' | 'token' | string) => (choice === 'none' ? undefined
  : choice === 'token' ? token('projects/example-project/locations/europe-west1/keyRings/r/cryptoKeys/k')
    : choice === 'key' ? `projects/example-project/locations/${region}/keyRings/r/cryptoKeys/k` : choice);
export const badKmsKey = fc.constantFrom('redis-key', '', 'projects/example-project/locations/us-east1/keyRings/r/cryptoKeys/k',
  'projects/example-project/locations/global/keyRings/r/cryptoKeys/k');
export const privateDnsZone = fc.constantFrom(undefined, { managedZone: 'internal', dnsName: 'internal.example.com.' });
export const badDnsZone = fc.constantFrom({ managedZone: 'internal', dnsName: 'internal.example.com' }, { managedZone: 'Internal Zone', dnsName: 'internal.example.com.' },
  { managedZone: 'internal', dnsName: 'UPPER.example.com.' });
