/**
 * Runs the real Terraform core over synthesized stacks, offline: each stack goes through `init`, `validate`,
 * `plan`, `apply` to a local state, and a second `plan` that must show no changes, against the stand-in providers
 * (provider-server.ts), which Terraform reaches on 127.0.0.1 through `TF_REATTACH_PROVIDERS`.
 */
import { spawn, spawnSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { startProviders } from './provider-server';
import { ProviderSchema } from './schema/model';
import { schemaFor } from './schema/providers';

/** A Terraform JSON configuration (a synthesized `cdk.tf.json`). */
export type Config = Record<string, unknown> & {
  terraform?: { backend?: Record<string, unknown>; required_providers?: Record<string, { source?: string }> };
  resource?: Record<string, unknown>;
  data?: Record<string, unknown>;
};

export interface Stack {
  readonly name: string;
  readonly config: Config;
}

/** The oldest Terraform the lane is known to work with (the plugin protocol 6 calls it serves, write-only attributes). */
const MINIMUM_TERRAFORM = [1, 11];

export class LaneError extends Error {}

/** Terraform's version, or a `LaneError` that says how to get a Terraform binary. */
export function terraformVersion(binary = process.env.TERRAFORM ?? 'terraform'): string {
  const result = spawnSync(binary, ['version', '-json'], { encoding: 'utf8', env: terraformEnvironment('') });
  const how = 'Install Terraform 1.11 or later (a single binary: https://developer.hashicorp.com/terraform/install, '
    + 'or `apt-get install terraform` from HashiCorp\'s apt repository) and put it on the PATH, or set TERRAFORM to its path.';
  if (result.error !== undefined || result.status !== 0) {
    throw new LaneError(`a Terraform binary is needed, and "${binary}" ${result.error === undefined ? `failed: ${result.stderr}` : 'was not found'}. ${how}`);
  }
  const version = (JSON.parse(result.stdout) as { terraform_version: string }).terraform_version;
  const [major, minor] = version.split('.').map(Number);
  if (major! < MINIMUM_TERRAFORM[0]! || (major === MINIMUM_TERRAFORM[0] && minor! < MINIMUM_TERRAFORM[1]!)) {
    throw new LaneError(`Terraform ${MINIMUM_TERRAFORM.join('.')} or later is needed; "${binary}" is ${version}. ${how}`);
  }
  return version;
}

/**
 * The environment Terraform runs in: no CLI configuration (so no provider installation settings and no network
 * mirror), no version check, no prompts, and the stand-in providers to attach to.
 */
function terraformEnvironment(reattach: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    // Terraform's garbage collector runs less often: less CPU for a little more memory.
    GOGC: '400',
    ...process.env,
    TF_CLI_CONFIG_FILE: '/dev/null',
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    TF_REATTACH_PROVIDERS: reattach,
  };
  for (const name of ['TF_LOG', 'TF_DATA_DIR', 'TF_PLUGIN_CACHE_DIR', 'TF_WORKSPACE']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('TF_CLI_ARGS') || name.startsWith('TF_VAR_')) delete env[name];
  return env;
}

/** A provider's full address from a `required_providers` source: `aws` is `registry.terraform.io/hashicorp/aws`. */
function providerAddress(source: string): string {
  const parts = source.split('/');
  if (parts.length === 3) return source;
  return `registry.terraform.io/${parts.length === 1 ? `hashicorp/${source}` : source}`;
}

/** Each provider the stacks use (by full address) with its type, and every resource and data source type. */
function providersOf(configs: readonly Config[]): { providers: Map<string, string>; resources: string[]; dataSources: string[] } {
  const providers = new Map<string, string>();
  const resources = new Set<string>();
  const dataSources = new Set<string>();
  for (const config of configs) {
    // terraform_data and terraform_remote_state belong to Terraform's built-in provider.
    const local = new Map(Object.entries(config.terraform?.required_providers ?? {}).map(([name, p]) => [name, providerAddress(p.source ?? name)]));
    Object.keys(config.resource ?? {}).forEach((t) => resources.add(t));
    Object.keys(config.data ?? {}).forEach((t) => dataSources.add(t));
    for (const type of [...Object.keys(config.resource ?? {}), ...Object.keys(config.data ?? {})]) {
      const name = type.split('_')[0]!;
      if (name === 'terraform') continue;
      const address = local.get(name) ?? providerAddress(name);
      providers.set(address, address.split('/').pop()!);
    }
  }
  return { providers, resources: [...resources], dataSources: [...dataSources] };
}

/** The configuration with its backend pointed at a local state in the stack's work folder. */
function withLocalState(config: Config): { config: Config; note?: string } {
  const backend = config.terraform?.backend ?? {};
  const kinds = Object.keys(backend);
  const note = kinds.length === 0 || (kinds.length === 1 && kinds[0] === 'local') ? undefined : `its ${kinds.join(', ')} backend is replaced by a local state`;
  return { config: { ...config, terraform: { ...config.terraform, backend: { local: { path: 'terraform.tfstate' } } } }, note };
}

export interface StepResult {
  readonly stack: string;
  readonly ok: boolean;
  /** The Terraform command that failed, and Terraform's own output. */
  readonly failure?: { readonly step: string; readonly output: string };
  readonly seconds: number;
  readonly note?: string;
}

/** Runs one Terraform command; resolves with its exit code and its output, stdout and stderr together. */
export function terraform(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.TERRAFORM ?? 'terraform', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * The commands each stack goes through: `apply` plans first and applies that plan (one Terraform run for both);
 * the re-plan must exit 0 (`-detailed-exitcode`: 2 means changes).
 */
export const STEPS: ReadonlyArray<readonly string[]> = [
  ['init', '-input=false', '-no-color'],
  ['validate', '-no-color'],
  ['apply', '-input=false', '-no-color', '-lock=false', '-auto-approve'],
  ['plan', '-input=false', '-no-color', '-lock=false', '-detailed-exitcode'],
];

/**
 * Starts stand-in providers serving every provider, resource and data source type the configurations use, runs
 * `fn` with the environment Terraform attaches to them in, and stops them.
 */
export async function withStandIns<T>(configs: readonly Config[], fn: (env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  const { providers, resources, dataSources } = providersOf(configs);
  const schemas = new Map<string, ProviderSchema>([...providers].map(([address, type]) => [address, schemaFor(type, { resources, dataSources })]));
  const running = await startProviders(schemas);
  try {
    return await fn(terraformEnvironment(running.reattach));
  } finally {
    await running.stop();
  }
}

/** Runs `task` over `items`, `jobs` at a time, and resolves with the results in the order of `items`. */
export async function inParallel<I, R>(items: readonly I[], jobs: number, task: (item: I) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  return results;
}

/** Runs `steps` in each stack's work folder under `workDir`, `jobs` stacks at a time. */
export async function runStacks(
  stacks: readonly Stack[],
  workDir: string,
  options: { jobs: number; steps?: ReadonlyArray<readonly string[]>; onResult?: (r: StepResult) => void },
): Promise<StepResult[]> {
  const steps = options.steps ?? STEPS;
  return withStandIns(stacks.map((s) => s.config), (env) => inParallel(stacks, options.jobs, async (stack) => {
    const started = Date.now();
    const dir = join(workDir, stack.name);
    mkdirSync(dir, { recursive: true });
    const { config, note } = withLocalState(stack.config);
    writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(config, undefined, 2));
    let failure: StepResult['failure'];
    for (const args of steps) {
      const { code, output } = await terraform(args, dir, env);
      if (code !== 0) {
        const step = `terraform ${args.filter((a) => !a.startsWith('-no-color') && !a.startsWith('-input')).join(' ')}`;
        failure = { step, output: code === 2 ? `the re-plan shows changes:\n${output}` : output };
        break;
      }
    }
    const result: StepResult = {
      stack: stack.name,
      ok: failure === undefined,
      seconds: (Date.now() - started) / 1000,
      ...(failure === undefined ? {} : { failure }),
      ...(note === undefined ? {} : { note }),
    };
    options.onResult?.(result);
    return result;
  }));
}
