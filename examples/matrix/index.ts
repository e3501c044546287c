import { existsSync, readdirSync } from 'fs';
import { join } from 'path';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { MATRIX_VARIANTS, MatrixCloud, MatrixVariant, RESTRICTED_CIDRS, RESTRICTED_EVICTION_POLICY } from './matrix-cloud';
import { ChoreoRedis, ChoreoRedisProps, ServicePlan } from '../../lib';

export * from './matrix-cloud';

const BACKENDS = join(__dirname, '..', '..', 'lib', 'backends');

/**
 * Every backend folder's `harness/matrix` entries, in `rank` order: each backend joins the matrix app by adding
 * its own `matrix`, one cloud or, for a backend that runs on several clouds, a list of them.
 */
function loadMatrixClouds(): MatrixCloud[] {
  return readdirSync(BACKENDS)
    .filter((folder) => ['ts', 'js'].some((ext) => existsSync(join(BACKENDS, folder, 'harness', `matrix.${ext}`))))
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- matrix clouds register by adding a file
    .flatMap((folder) => ([] as MatrixCloud[]).concat((require(join(BACKENDS, folder, 'harness', 'matrix')) as { matrix: MatrixCloud | readonly MatrixCloud[] }).matrix))
    .sort((a, b) => a.rank - b.rank);
}

/** Every cloud of the matrix app. */
export const MATRIX_CLOUDS: readonly MatrixCloud[] = loadMatrixClouds();

/**
 * The `ChoreoRedis` props of one matrix stack: the business stack turns on the cloud's example alerts, unless
 * `withAlerts` is false (the bench baselines write the data store alone by hand).
 */
export function matrixProps(entry: MatrixCloud, variant: MatrixVariant, withAlerts = true): ChoreoRedisProps {
  const plan = variant === 'restricted' ? ServicePlan.BUSINESS : variant as ServicePlan;
  const restricted = variant === 'restricted' ? { allowedCidrs: RESTRICTED_CIDRS, luaScripting: false, evictionPolicy: RESTRICTED_EVICTION_POLICY } : {};
  const alerts = variant === 'business' && withAlerts ? entry.alerts?.() : undefined;
  return { plan, backend: entry.backend(plan), ...restricted, ...(alerts === undefined ? {} : { alerts }) };
}

/**
 * Adds one stack per cloud and variant, named `<cloud>-<variant>`, leaving out those refused by design; the business
 * stacks have the cloud's example alerts unless `withAlerts` is false.
 */
export function addMatrixStacks(scope: Construct, clouds: readonly MatrixCloud[] = MATRIX_CLOUDS, withAlerts = true): TerraformStack[] {
  return clouds.flatMap((entry) => MATRIX_VARIANTS.filter((variant) => entry.leftOut[variant] === undefined).map((variant) => {
    const stack = new TerraformStack(scope, `${entry.cloud}-${variant}`);
    entry.configure(stack);
    new ChoreoRedis(stack, 'Redis', matrixProps(entry, variant, withAlerts)).addOutputs();
    return stack;
  }));
}
