/**
 * The benchmark's hand-written baselines (bench/baselines) define what the library defines: for every
 * matrix variant of every registered baseline, the synthesized Terraform is the same, attribute for
 * attribute, once logical IDs are renamed canonically.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { testStack } from './util';
import { addConnectionOutputs, Baseline, loadBaselines } from '../bench/baselines/baseline';
import { assignVariants, configureOnce } from '../bench/scenario';
import { MATRIX_CLOUDS, MATRIX_VARIANTS, MatrixCloud, MatrixVariant, matrixProps } from '../examples/matrix';
import { ChoreoRedis } from '../lib';

type Json = Record<string, any>;

/**
 * The synthesized stack with every resource's and data source's logical ID, and every reference to it,
 * replaced by `#<n>`: `n` orders the blocks of a type by their attributes with references masked.
 */
function normalise(json: Json): Json {
  const sections: ReadonlyArray<[string, string]> = [['resource', ''], ['data', 'data.']];
  const blocks = new Map<string, Json>(); // `<prefix><type>.<id>` -> attributes
  const byType = new Map<string, string[]>(); // `<prefix><type>` -> logical IDs
  for (const [section, prefix] of sections) {
    for (const [type, byId] of Object.entries<Json>(json[section] ?? {})) {
      byType.set(`${prefix}${type}`, Object.keys(byId));
      for (const [id, body] of Object.entries(byId)) blocks.set(`${prefix}${type}.${id}`, body);
    }
  }
  const types = [...new Set([...blocks.keys()].map((key) => key.replace(/^data\./, '').split('.')[0]))];
  const reference = new RegExp(`(?<![\\w-])((?:data\\.)?(?:${types.join('|') || '$^'}))\\.([\\w-]+)`, 'g');
  const rename = (source: string, names: Map<string, string>) => source.replace(reference,
    (match, type: string, id: string) => (blocks.has(`${type}.${id}`) ? `${type}.${names.get(`${type}.${id}`) ?? '?'}` : match));
  const names = new Map<string, string>();
  for (const [type, ids] of byType) {
    ids.map((id) => ({ id, masked: rename(JSON.stringify(blocks.get(`${type}.${id}`)), new Map()) }))
      .sort((a, b) => (a.masked < b.masked ? -1 : a.masked > b.masked ? 1 : 0))
      .forEach(({ id }, n) => names.set(`${type}.${id}`, `#${n}`));
  }
  const renamed: Json = JSON.parse(rename(JSON.stringify(json), names));
  for (const [section, prefix] of sections) {
    if (json[section] === undefined) continue;
    renamed[section] = Object.fromEntries(Object.entries<Json>(json[section]).map(([type, byId]) => [type,
      Object.fromEntries(Object.keys(byId).map((id) => [names.get(`${prefix}${type}.${id}`)!, renamed[section][type][id]]))]));
  }
  return renamed;
}

function librarySynth(entry: MatrixCloud, variant: MatrixVariant): { json: Json; name: string } {
  const stack = testStack((s) => entry.configure(s), `${entry.cloud}-${variant}`);
  // The baselines write the data store by hand, without the business stack's example alerts.
  const redis = new ChoreoRedis(stack, 'Redis', matrixProps(entry, variant, false));
  redis.addOutputs();
  return { json: JSON.parse(Testing.synth(stack, true)), name: redis.name };
}

function baselineSynth(baseline: Baseline, variant: MatrixVariant, name: string): Json {
  const stack = testStack((s) => baseline.configure(s), `${baseline.cloud}-${variant}`);
  const scope = new Construct(stack, 'Redis');
  addConnectionOutputs(scope, baseline.define(scope, variant, name));
  return JSON.parse(Testing.synth(stack, true));
}

const baselines = loadBaselines();

test('normalising renames logical IDs and the references to them, and nothing else', () => {
  const stack = (a: string, b: string, d: string, size = 1, target = a) => ({
    data: { aws_vpc: { [d]: { id: 'vpc-11111111' } } },
    resource: {
      aws_subnet: { [a]: { vpc_id: `\${data.aws_vpc.${d}.id}`, size }, [b]: { vpc_id: 'vpc-22222222', size } },
      aws_instance: { X_1: { subnet_id: `\${aws_subnet.${target}.id}`, name: 'aws_subnet.kept' } },
    },
    output: { subnet: { value: `\${aws_subnet.${b}.id}` } },
  });
  expect(normalise(stack('A_1', 'B_2', 'V_3'))).toEqual(normalise(stack('P_9', 'Q_8', 'W_7')));
  expect(normalise(stack('A_1', 'B_2', 'V_3'))).not.toEqual(normalise(stack('A_1', 'B_2', 'V_3', 1, 'B_2')));
  expect(normalise(stack('A_1', 'B_2', 'V_3'))).not.toEqual(normalise(stack('A_1', 'B_2', 'V_3', 2)));
  expect(normalise(stack('A_1', 'B_2', 'V_3')).resource.aws_instance['#0'].name).toBe('aws_subnet.kept');
});

test('every matrix cloud has a baseline in bench/baselines', () => {
  expect(baselines.length).toBeGreaterThan(0);
  expect(MATRIX_CLOUDS.map((entry) => entry.cloud).sort()).toEqual(baselines.map((b) => b.cloud).sort());
});

describe.each(baselines.map((baseline) => ({ baseline, cloud: baseline.cloud })))('baseline $cloud', ({ baseline }) => {
  const entry = MATRIX_CLOUDS.find((e) => e.cloud === baseline.cloud);

  test('covers the variants the library defines on its cloud', () => {
    expect(entry).toBeDefined();
    expect(baseline.variants).toEqual(MATRIX_VARIANTS.filter((variant) => entry!.leftOut[variant] === undefined));
  });

  test.each([...baseline.variants])('%s: synthesizes the same resources and outputs as the library', (variant) => {
    const library = librarySynth(entry!, variant);
    const hand = baselineSynth(baseline, variant, library.name);
    expect(Object.keys(hand.resource).sort()).toEqual(Object.keys(library.json.resource).sort());
    expect(normalise(hand)).toEqual(normalise(library.json));
  });
});

test('fails to match when a baseline attribute differs', () => {
  const [baseline] = baselines;
  const entry = MATRIX_CLOUDS.find((e) => e.cloud === baseline.cloud)!;
  const [first, second] = baseline.variants;
  const library = librarySynth(entry, first);
  expect(normalise(baselineSynth(baseline, second, library.name))).not.toEqual(normalise(library.json));
});

describe('the fleet of the benchmark', () => {
  test('adds a provider that two clouds configure only once', () => {
    const stack = testStack();
    const withRandom = (region: string) => (s: typeof stack) => {
      new AwsProvider(s, `aws-${region}`, { region, alias: region });
      new RandomProvider(s, 'random');
    };
    const shared = withRandom('eu-west-1');
    configureOnce(stack, [shared, shared, withRandom('us-east-1')]);
    const json = JSON.parse(Testing.synth(stack));
    expect(json.provider.random).toHaveLength(1);
    expect(json.provider.aws.map((p: Json) => p.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
    expect(() => new RandomProvider(stack, 'random')).toThrow(/already a Construct/);
  });

  test('spreads data stores over the clouds in turn, each cycling through its own variants', () => {
    expect(assignVariants(5, [['hobbyist', 'startup'], ['premium']])).toEqual([
      [0, 'hobbyist'], [1, 'premium'], [0, 'startup'], [1, 'premium'], [0, 'hobbyist'],
    ]);
  });
});
