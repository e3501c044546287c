import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { MATRIX_VARIANTS, MatrixCloud, MatrixVariant, RESTRICTED_CIDRS, RESTRICTED_EVICTION_POLICY } from './matrix-cloud';
import { ChoreoRedis, ChoreoRedisProps, ServicePlan } from '../../lib';
import { harnessModules } from '../../lib/backends/registry';

export * from './matrix-cloud';

/**
 * Every registered backend's `harness/matrix` entries, in `rank` order: each backend joins the matrix app with its own
 * `matrix`, one cloud or, for a backend that runs on several clouds, a list of them.
 */
function loadMatrixClouds(): MatrixCloud[] {
  return harnessModules<{ matrix: MatrixCloud | readonly MatrixCloud[] }>('matrix')
    .flatMap((module) => ([] as MatrixCloud[]).concat(module.matrix))
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
 * Adds one stack per cloud, named `<cloud>-access`: a Business data store with the access features of its cloud on
 * (the secret store, rotation and identity auth where the backend offers them), and its outputs.
 */
export function addAccessStacks(scope: Construct, clouds: readonly MatrixCloud[] = MATRIX_CLOUDS): TerraformStack[] {
  return clouds.map((entry) => {
    const stack = new TerraformStack(scope, `${entry.cloud}-access`);
    entry.configure(stack);
    const { access, grantee } = entry.access(stack);
    const redis = new ChoreoRedis(stack, 'Redis', { ...matrixProps(entry, 'business', false), access });
    if (grantee !== undefined) redis.grantConnect(grantee);
    redis.addOutputs();
    return stack;
  });
}

/**
 * Adds one stack per cloud, named `<cloud>-adopt`, whose Business data store adopts an existing one by example IDs:
 * the Terraform has an import block for each resource the backend adopts.
 */
export function addAdoptionStacks(scope: Construct, clouds: readonly MatrixCloud[] = MATRIX_CLOUDS): TerraformStack[] {
  return clouds.map((entry) => {
    const stack = new TerraformStack(scope, `${entry.cloud}-adopt`);
    entry.configure(stack);
    const { backend, name } = entry.adopt();
    new ChoreoRedis(stack, 'Redis', { plan: ServicePlan.BUSINESS, backend, ...(name === undefined ? {} : { name }) }).addOutputs();
    return stack;
  });
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
