import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AWS_MATRIX } from './aws';
import { AZURE_MATRIX } from './azure';
import { DIGITALOCEAN_MATRIX } from './digitalocean';
import { GCP_MATRIX, GCP_VALKEY_MATRIX } from './gcp';
import { MATRIX_VARIANTS, MatrixCloud, MatrixVariant, RESTRICTED_CIDRS } from './matrix-cloud';
import { ChoreoRedis, ChoreoRedisProps, ServicePlan } from '../../lib';

export * from './matrix-cloud';

/** Every cloud of the matrix app. Each cloud's backend adds its entry here. */
export const MATRIX_CLOUDS: readonly MatrixCloud[] = [AWS_MATRIX, AZURE_MATRIX, GCP_MATRIX, GCP_VALKEY_MATRIX, DIGITALOCEAN_MATRIX];

/** The `ChoreoRedis` props of one matrix stack. */
export function matrixProps(entry: MatrixCloud, variant: MatrixVariant): ChoreoRedisProps {
  const plan = variant === 'restricted' ? ServicePlan.BUSINESS : variant as ServicePlan;
  const restricted = variant === 'restricted' ? { allowedCidrs: RESTRICTED_CIDRS, luaScripting: false } : {};
  return { plan, backend: entry.backend(plan), ...restricted };
}

/** Adds one stack per cloud and variant, named `<cloud>-<variant>`, leaving out those refused by design. */
export function addMatrixStacks(scope: Construct, clouds: readonly MatrixCloud[] = MATRIX_CLOUDS): TerraformStack[] {
  return clouds.flatMap((entry) => MATRIX_VARIANTS.filter((variant) => entry.leftOut[variant] === undefined).map((variant) => {
    const stack = new TerraformStack(scope, `${entry.cloud}-${variant}`);
    entry.configure(stack);
    new ChoreoRedis(stack, 'Redis', matrixProps(entry, variant)).addOutputs();
    return stack;
  }));
}
