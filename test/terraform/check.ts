/**
 * `npm run terraform:check -- <cdktf.out directory>`: the real Terraform core over every synthesized stack, offline
 * (lane.ts), and the plan-change walk over the backends' change scenarios (walk.ts), side by side. Exits non-zero on
 * any Terraform error, printing Terraform's own message. Options: `--jobs N` (Terraform runs at a time in each of
 * the two; default 3), `--no-walk`, `--self-test` (the planted faults of faults.ts must each fail with Terraform's
 * message), `--keep` (leave the work folder).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { Config, LaneError, runStacks, Stack, StepResult, terraformVersion } from './lane';
import { PairResult } from './walk';
import { ChangeEffect } from '../../lib/plan';

/** Every stack under a cdktf output directory (`stacks/<name>/cdk.tf.json`), or the one stack a directory holds. */
export function discoverStacks(dir: string): Stack[] {
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Config;
  if (existsSync(join(dir, 'cdk.tf.json'))) return [{ name: 'stack', config: read(join(dir, 'cdk.tf.json')) }];
  const stacksDir = join(dir, 'stacks');
  if (!existsSync(stacksDir)) throw new LaneError(`${dir} holds no synthesized stacks (no stacks/<name>/cdk.tf.json): run \`npm run synth\` first`);
  const stacks = readdirSync(stacksDir).sort()
    .filter((name) => existsSync(join(stacksDir, name, 'cdk.tf.json')))
    .map((name) => ({ name, config: read(join(stacksDir, name, 'cdk.tf.json')) }));
  if (stacks.length === 0) throw new LaneError(`${stacksDir} holds no cdk.tf.json`);
  return stacks;
}

function report(result: StepResult): void {
  const note = result.note === undefined ? '' : ` (${result.note})`;
  if (result.ok) {
    console.log(`ok    ${result.stack}  ${result.seconds.toFixed(1)} s${note}`);
  } else {
    console.log(`FAIL  ${result.stack}: ${result.failure!.step}${note}\n${result.failure!.output.trim().replace(/^/gm, '      ')}`);
  }
}

async function checkStacks(stacks: readonly Stack[], dir: string, version: string, work: string, jobs: number): Promise<number> {
  const started = Date.now();
  const results = await runStacks(stacks, work, { jobs });
  console.log(`Terraform ${version} over ${stacks.length} stacks of ${dir}: init, validate, apply (which plans first), re-plan`);
  results.forEach(report);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} of ${results.length} stacks pass (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return failed;
}

/** The planted faults of faults.ts; resolves with the number of faults the lane missed (or a failing clean stack). */
async function runSelfTest(dir: string, jobs: number): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { selfTest } = require('./faults') as typeof import('./faults');
  const results = await selfTest(dir, jobs);
  console.log('Self-test: faults planted in the quick start\'s stack must each fail the lane with Terraform\'s own message');
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name}${r.detail === '' ? '' : `: ${r.detail}`}`);
  const missed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - missed} of ${results.length} self-test cases as expected`);
  return missed;
}

/** The plan-change walk, reported per backend; resolves with the number of pairs that disagree with their table. */
async function runWalk(dir: string, jobs: number): Promise<number> {
  const started = Date.now();
  // The walk renders with the library and its bindings: load them only when it runs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { walk } = require('./walk') as typeof import('./walk');
  const results = await walk(dir, jobs);
  console.log('Plan-change walk: each backend\'s pairs of plans and other changes, Terraform\'s planned action on the data store against its change table');
  for (const backend of [...new Set(results.map((r) => r.backend))]) {
    const mine = results.filter((r) => r.backend === backend);
    const bad = mine.filter((r) => !r.ok);
    console.log(`${bad.length === 0 ? 'ok  ' : 'FAIL'}  ${backend}: ${mine.length - bad.length} of ${mine.length} changes as the table says`);
    for (const r of mine) {
      // The first sentence of the stopping condition's message.
      const stop = r.stopped === undefined ? '' : `, stopped at plan: ${/^[^\n]*?[.!](?=\s|$)/.exec(r.stopped)?.[0] ?? r.stopped.split('\n')[0]}`;
      const notStopped = r.effect === ChangeEffect.REPLACES && r.stopped === undefined ? ', not stopped at plan' : '';
      if (!r.ok) console.log(`      ${r.label}: the table says "${r.effect}", Terraform plans: ${r.outcome}${stop}${notStopped}${r.detail === '' ? '' : `; ${r.detail}`}`);
      else if (r.detail !== '' || stop !== '') console.log(`      note: ${r.label} (${r.outcome}${stop}) ${r.detail}`);
    }
  }
  const bad = results.filter((r: PairResult) => !r.ok).length;
  const stopped = results.filter((r) => r.stopped !== undefined).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${results.length - bad} of ${results.length} changes agree with their tables, ${stopped} stopped at plan (${seconds} s)`);
  return bad;
}

/** The lifecycle walk (lifecycle-walk.ts); resolves with the number of sequences that end otherwise than they must. */
async function runLifecycleWalk(dir: string, jobs: number): Promise<number> {
  const started = Date.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { lifecycleWalk } = require('./lifecycle-walk') as typeof import('./lifecycle-walk');
  const results = await lifecycleWalk(dir, jobs);
  console.log('Lifecycle walk: a rename with and without movedFrom, a downgrade after an in-place upgrade, and Memorystore for Valkey\'s one update per deploy');
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.backend}: ${r.label}: ${r.detail}`);
  const bad = results.filter((r) => !r.ok).length;
  console.log(`${results.length - bad} of ${results.length} lifecycle steps as they must be (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return bad;
}

interface Options { dir?: string; jobs: number; walk: boolean; selfTest: boolean; keep: boolean }

function parse(args: readonly string[]): Options {
  const options: Options = { jobs: 3, walk: true, selfTest: false, keep: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--jobs') options.jobs = Number(args[++i]);
    else if (arg === '--no-walk') options.walk = false;
    else if (arg === '--self-test') options.selfTest = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg.startsWith('-')) throw new LaneError(`unknown option ${arg}`);
    else options.dir = arg;
  }
  if (!Number.isInteger(options.jobs) || options.jobs < 1) throw new LaneError('--jobs takes a whole number of stacks, 1 or more');
  if (options.dir === undefined && !options.selfTest) {
    throw new LaneError('usage: npm run terraform:check -- <cdktf.out directory> [--jobs N] [--no-walk] [--self-test] [--keep]');
  }
  return options;
}

async function main(args: readonly string[]): Promise<number> {
  const options = parse(args);
  const version = terraformVersion();
  const work = mkdtempSync(join(tmpdir(), 'terraform-check-'));
  let failed = 0;
  const started = Date.now();
  try {
    // The stacks and the walk run side by side: each Terraform run waits on the stand-ins often enough that two
    // cores take more than one stream of runs.
    const stacks = options.dir === undefined ? undefined : discoverStacks(resolve(options.dir));
    const failures = await Promise.all([
      stacks === undefined ? 0 : checkStacks(stacks, options.dir!, version, join(work, 'stacks'), options.jobs),
      options.walk ? runWalk(join(work, 'walk'), options.jobs) : 0,
      options.walk ? runLifecycleWalk(join(work, 'lifecycle'), options.jobs) : 0,
      options.selfTest ? runSelfTest(join(work, 'self-test'), options.jobs) : 0,
    ]);
    failed = failures.reduce((a, b) => a + b, 0);
    console.log(`terraform:check: ${failed === 0 ? 'passed' : `${failed} failure(s)`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    if (options.keep || failed > 0) console.log(`work folder: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e: unknown) => {
    console.error(e instanceof LaneError ? `terraform:check: ${e.message}` : e);
    process.exitCode = 2;
  });
}
