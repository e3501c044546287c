/** Building blocks of the backends' arbitraries, in a module of their own so that each backend's file can use them. */
import { TerraformStack } from 'cdktf';
import * as fc from 'fast-check';
import { AlertTarget, ChoreoRedisAlerts, IRedisBackend } from '../../lib';
import type { PropType } from '../../lib/plan';

/** The generated top-level props a backend's props may follow, as a user writing both would. */
export interface GeneratedInput {
  readonly allowedCidrs?: readonly string[];
  /** The generated plan (sometimes not a plan at all). */
  readonly plan?: string;
}

/** How to generate one backend's props for property tests. */
export interface BackendArbitrary {
  readonly service: string;
  /** Builds the backend from generated values; called inside the test, so errors it throws count as answers. */
  readonly backend: fc.Arbitrary<(input: GeneratedInput) => IRedisBackend>;
  /** Prop names this backend's errors may name, besides the top-level ones. */
  readonly props: readonly string[];
  /**
   * The share of generated inputs that must synthesize, for a backend whose gaps refuse common top-level
   * inputs by design (strict mode, Lua off, a plan it cannot keep).
   * @default 1/20
   */
  readonly synthesizedShare?: number;
  /**
   * The `alerts` prop: off most of the time, otherwise the backend's own targets with generated thresholds, now and
   * then another cloud's target or a threshold out of range.
   * @default - alerts stay off
   */
  readonly alerts?: fc.Arbitrary<ChoreoRedisAlerts | undefined>;
  configure(stack: TerraformStack): void;
}

/** Mostly `usual`, sometimes `unusual`: each prop of a generated input breaks a rule now and then, not all at once. */
export const rarely = <T, U>(usual: fc.Arbitrary<T>, unusual: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 12, arbitrary: usual as fc.Arbitrary<T | U> }, { weight: 1, arbitrary: unusual as fc.Arbitrary<T | U> });

/** A region: mostly valid ones, sometimes another cloud's, Europe outside the EU, or nonsense. */
export const regionOf = (valid: readonly string[]) => fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...valid) },
  { weight: 1, arbitrary: fc.constantFrom('eu-west-2', 'ap-south-1', 'uksouth', 'asia-east1', 'sgp1', 'lon1', 'us-east-1', 'westeurope', 'nyc1', 'europe-west1') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** Alerts for `targets` of the backend's cloud: mostly off, otherwise generated thresholds, sometimes broken. */
export const alertsOf = (targets: fc.Arbitrary<AlertTarget[]>): fc.Arbitrary<ChoreoRedisAlerts | undefined> => fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.record({
      targets: rarely(targets, fc.constantFrom<AlertTarget[][]>([], [AlertTarget.digitalOceanEmails(['ops@example.com'])], [AlertTarget.azureActionGroup('/subscriptions/0/ag')])),
      memoryPercent: rarely(fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }), fc.constantFrom(0, 101, Number.NaN)),
      cpuPercent: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
      connections: rarely(fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }), fc.constantFrom(0, -5, 1.5)),
      evictions: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
      replicationLagSeconds: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
    }, { requiredKeys: ['targets'] }),
  },
);

/** A value of any type but `type`, such as a caller outside TypeScript might pass. */
export function wrongFor(type: PropType): fc.Arbitrary<unknown> {
  const all: Array<[string, fc.Arbitrary<unknown>]> = [
    ['string', fc.string({ minLength: 1, maxLength: 8 })],
    ['number', fc.integer()],
    ['boolean', fc.boolean()],
    ['string-list', fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 })],
    ['string-map', fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.string({ maxLength: 4 }), { minKeys: 1, maxKeys: 2 })],
  ];
  // An object with props of its own takes any object, and a list of anything any array: only types that cannot pass stay.
  const excludedBy = (t: PropType): string[] => (typeof t === 'string' ? [t]
    : 'shape' in t ? ['string-map']
      : 'listOf' in t ? ['string-list']
        : 'oneOf' in t ? t.oneOf.flatMap(excludedBy) : []);
  const excluded = excludedBy(type);
  return fc.oneof(...all.filter(([name]) => !excluded.includes(name)).map(([, arbitrary]) => arbitrary));
}
