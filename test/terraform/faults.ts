/**
 * The lane's self-test (`npm run terraform:check -- --self-test`): faults planted in the quick start's stack, each
 * of a kind the library's own tests cannot see, must each fail the lane with Terraform's own message; the stack
 * without a fault must pass, or the faults prove nothing; and the plan-change walk must catch a wrong change table.
 */
import { join } from 'path';
import { Testing } from 'cdktf';
import { Config, runStacks, Stack, StepResult } from './lane';
import { walk } from './walk';
import { QuickStartStack } from '../../examples/quickstart';
import { ChangeEffect, DataStoreChange } from '../../lib/plan';
import { CHANGE_SCENARIOS } from '../changes/scenarios';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** A fault planted in a copy of the stack, and the message Terraform must fail with. */
export interface PlantedFault {
  readonly name: string;
  readonly message: string;
  plant(config: Config, names: Names): void;
}

/** The logical names of the stack's resources the faults touch. */
interface Names {
  /** `aws_elasticache_replication_group.<name>` */
  readonly group: string;
  /** `aws_elasticache_subnet_group.<name>` */
  readonly subnets: string;
  /** `random_password.<name>` */
  readonly password: string;
  /** `random_id.<name>` */
  readonly suffix: string;
}

function resources(config: Config): Resources {
  return config.resource as Resources;
}

function only(config: Config, type: string): string {
  const [name] = Object.keys(resources(config)[type] ?? {});
  if (name === undefined) throw new Error(`the quick start stack has no ${type}`);
  return name;
}

export const FAULTS: readonly PlantedFault[] = [
  {
    name: 'a reference to an attribute that does not exist',
    message: 'Unsupported attribute',
    plant: (c, n) => { (c.output as Record<string, { value: string }>).Cache_host!.value = `\${aws_elasticache_replication_group.${n.group}.primary_endpoint}`; },
  },
  {
    name: 'a call to a function that does not exist',
    message: 'Call to unknown function',
    plant: (c, n) => { resources(c).aws_elasticache_replication_group![n.group]!.description = `\${uppercase(aws_elasticache_subnet_group.${n.subnets}.name)}`; },
  },
  {
    name: 'a value of the wrong type',
    message: 'Incorrect attribute value type',
    plant: (c, n) => { resources(c).aws_elasticache_replication_group![n.group]!.num_cache_clusters = ['2']; },
  },
  {
    name: 'a non-sensitive output of a sensitive value',
    message: 'Output refers to sensitive values',
    plant: (c, n) => { (c.output as Record<string, unknown>).leaked = { value: `\${random_password.${n.password}.result}` }; },
  },
  {
    name: 'a failing precondition',
    message: 'Resource precondition failed',
    plant: (c, n) => {
      const group = resources(c).aws_elasticache_replication_group![n.group]!;
      const condition = `\${length(aws_elasticache_subnet_group.${n.subnets}.name) > 255}`;
      group.lifecycle = { ...(group.lifecycle as object), precondition: [{ condition, error_message: 'Planted: the subnet group name is short.' }] };
    },
  },
  {
    name: 'a cycle',
    message: 'Cycle:',
    plant: (c, n) => { resources(c).aws_elasticache_subnet_group![n.subnets]!.description = `\${aws_elasticache_replication_group.${n.group}.arn}`; },
  },
  {
    name: 'a required argument left out',
    message: 'Missing required argument',
    plant: (c, n) => { delete resources(c).aws_elasticache_replication_group![n.group]!.description; },
  },
  {
    name: 'an argument the resource type does not have',
    message: 'Extraneous JSON object property',
    plant: (c, n) => { resources(c).aws_elasticache_replication_group![n.group]!.node_count = 2; },
  },
  {
    name: 'an index into a set',
    message: 'Invalid index',
    plant: (c, n) => { (c.output as Record<string, { value: string }>).Cache_host!.value = `\${aws_elasticache_replication_group.${n.group}.member_clusters[0]}`; },
  },
  {
    name: 'a value that changes on every run, so the re-plan is never clean',
    message: '1 to change',
    plant: (c, n) => { resources(c).aws_elasticache_replication_group![n.group]!.description = '${timestamp()}'; },
  },
  {
    name: 'an import block whose target is not in the configuration',
    message: 'Configuration for import target does not exist',
    plant: (c) => { c.import = [{ id: 'orders-cache', to: 'aws_elasticache_replication_group.Missing' }]; },
  },
  {
    name: 'count over a value known only after apply',
    message: 'Invalid count argument',
    plant: (c, n) => { resources(c).random_id!.planted = { byte_length: 4, count: `\${length(random_id.${n.suffix}.hex)}` }; },
  },
];

/** The quick start's stack, synthesized in this process. */
function quickStart(): Config {
  const app = Testing.app();
  return JSON.parse(Testing.synth(new QuickStartStack(app, 'quickstart'))) as Config;
}

export interface FaultResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/**
 * The walk must catch a change table that is wrong: DigitalOcean's table with its name rule claiming an update in
 * place, where the provider replaces the cluster.
 */
async function wrongTable(workDir: string, jobs: number): Promise<FaultResult> {
  const digitalOcean = CHANGE_SCENARIOS.find((s) => s.table.primaryType === 'digitalocean_database_cluster')!;
  const rules = digitalOcean.table.rules.map((r) => (r.change === DataStoreChange.NAME ? { ...r, effect: ChangeEffect.IN_PLACE } : r));
  const pairs = { [DataStoreChange.NAME]: digitalOcean.pairs[DataStoreChange.NAME] };
  const planted = { ...digitalOcean, table: { ...digitalOcean.table, rules }, pairs };
  const results = await walk(workDir, jobs, [planted]);
  const name = results.find((r) => r.label.startsWith(DataStoreChange.NAME))!;
  return {
    name: 'the walk catches a change table that calls a replacement an update in place',
    ok: !name.ok && name.outcome === 'replaced',
    detail: `${name.label}: the table says "${name.effect}", Terraform plans: ${name.outcome}`,
  };
}

/**
 * Runs the stack without a fault and with each fault (each fault must fail with its message, the clean stack
 * pass), and the walk with a wrong change table.
 */
export async function selfTest(workDir: string, jobs: number): Promise<FaultResult[]> {
  const table = wrongTable(join(workDir, 'walk'), jobs);
  const base = quickStart();
  const names: Names = {
    group: only(base, 'aws_elasticache_replication_group'),
    subnets: only(base, 'aws_elasticache_subnet_group'),
    password: only(base, 'random_password'),
    suffix: only(base, 'random_id'),
  };
  const stacks: Stack[] = [{ name: 'no-fault', config: base }, ...FAULTS.map((fault, i) => {
    const config = JSON.parse(JSON.stringify(base)) as Config;
    fault.plant(config, names);
    return { name: `fault-${i + 1}`, config };
  })];
  const results = new Map((await runStacks(stacks, join(workDir, 'stacks'), { jobs })).map((r): [string, StepResult] => [r.stack, r]));
  const clean = results.get('no-fault')!;
  return [
    { name: 'the stack without a fault passes', ok: clean.ok, detail: clean.failure?.output ?? '' },
    ...FAULTS.map((fault, i) => {
      const result = results.get(`fault-${i + 1}`)!;
      const output = result.failure?.output ?? '';
      const ok = !result.ok && output.includes(fault.message);
      const said = /Error: (.*)/.exec(output)?.[1] ?? (result.ok ? 'the lane passed' : output.trim().split('\n')[0] ?? '');
      return { name: `${fault.name} fails with "${fault.message}"`, ok, detail: `${result.failure?.step ?? 'passed'}: ${said}` };
    }),
    await table,
  ];
}
