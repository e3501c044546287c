/**
 * What the benchmark measures for the library: the matrix app and its clouds, through the public API.
 * Loaded only by a library child process (bench/child.ts).
 */
import { App, TerraformStack } from 'cdktf';
import { Fleet, Phases, assignVariants, configureOnce, timed } from './scenario';
import { MATRIX_CLOUDS, MATRIX_VARIANTS, MatrixCloud, addMatrixStacks, matrixProps } from '../examples/matrix';
import { ChoreoRedis, ChoreoRedisProps, ServicePlan } from '../lib';

function select(clouds: readonly string[]): MatrixCloud[] {
  return clouds.map((cloud) => {
    const entry = MATRIX_CLOUDS.find((e) => e.cloud === cloud);
    if (entry === undefined) throw new Error(`no matrix cloud "${cloud}" in examples/matrix`);
    return entry;
  });
}

/** One factory call per backend: what a user pays before defining anything. */
export function loadBackends(clouds: readonly string[]): void {
  select(clouds).forEach((entry) => entry.backend(ServicePlan.HOBBYIST));
}

/** The matrix app: one stack per cloud and variant. */
export function matrixApp(clouds: readonly string[], outdir: string): Phases {
  const app = new App({ outdir });
  // Without the business stacks' example alerts: the hand-written baselines define none.
  const constructMs = timed(() => addMatrixStacks(app, select(clouds), false));
  return { constructMs, synthMs: timed(() => app.synth()) };
}

/** One stack with `size` data stores, spread round-robin over the clouds and their variants. */
export function fleet({ clouds, size, outdir }: Fleet): Phases {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'fleet');
  const entries = select(clouds);
  const variants = entries.map((entry) => MATRIX_VARIANTS.filter((variant) => entry.leftOut[variant] === undefined));
  const constructMs = timed(() => {
    configureOnce(stack, entries.map((entry) => entry.configure));
    // One backend per cloud and variant, shared by its data stores, as an app with many data stores would.
    const props = new Map<string, ChoreoRedisProps>();
    assignVariants(size, variants).forEach(([cloud, variant], i) => {
      const key = `${cloud}/${variant}`;
      // Without the business stack's example alerts: the hand-written baselines define none.
      if (!props.has(key)) props.set(key, matrixProps(entries[cloud], variant, false));
      new ChoreoRedis(stack, `Redis${i}`, props.get(key)!).addOutputs();
    });
  });
  return { constructMs, synthMs: timed(() => app.synth()) };
}
