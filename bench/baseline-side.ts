/**
 * What the benchmark measures for the hand-written baselines: the same resources, defined directly with
 * cdktf and the provider bindings. Loaded only by a baseline child process (bench/child.ts).
 */
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Baseline, addConnectionOutputs, loadBaselines } from './baselines/baseline';
import { Fleet, Phases, assignVariants, configureOnce, timed } from './scenario';

const BASELINES = loadBaselines();

function select(clouds: readonly string[]): Baseline[] {
  return clouds.map((cloud) => {
    const baseline = BASELINES.find((b) => b.cloud === cloud);
    if (baseline === undefined) throw new Error(`no baseline for matrix cloud "${cloud}" in bench/baselines`);
    return baseline;
  });
}

/** Nothing beyond the imports: a baseline has no factory. */
export function loadBackends(clouds: readonly string[]): void {
  select(clouds);
}

/** The matrix app written by hand: one stack per cloud and variant. */
export function matrixApp(clouds: readonly string[], outdir: string): Phases {
  const app = new App({ outdir });
  const constructMs = timed(() => select(clouds).forEach((baseline) => baseline.variants.forEach((variant) => {
    const stack = new TerraformStack(app, `${baseline.cloud}-${variant}`);
    baseline.configure(stack);
    const scope = new Construct(stack, 'Redis');
    addConnectionOutputs(scope, baseline.define(scope, variant, `${baseline.cloud}-${variant}-redis`));
  })));
  return { constructMs, synthMs: timed(() => app.synth()) };
}

/** One stack with `size` data stores written by hand, spread as the library's fleet is. */
export function fleet({ clouds, size, outdir }: Fleet): Phases {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'fleet');
  const baselines = select(clouds);
  const constructMs = timed(() => {
    configureOnce(stack, baselines.map((baseline) => baseline.configure));
    assignVariants(size, baselines.map((baseline) => baseline.variants)).forEach(([cloud, variant], i) => {
      const scope = new Construct(stack, `Redis${i}`);
      addConnectionOutputs(scope, baselines[cloud].define(scope, variant, `${baselines[cloud].cloud}-redis-${i}`));
    });
  });
  return { constructMs, synthMs: timed(() => app.synth()) };
}
