/**
 * The contract of a hand-written baseline: the same provider resources the library defines for one data
 * store, written directly with cdktf and deep provider imports. A backend joins the benchmark and the
 * equivalence test (test/bench-baseline.test.ts) with a `harness/baseline.ts` in its folder that exports `baseline`.
 *
 * This module and the baselines never import the library (only the backend registry, a list of folder names),
 * so that what the benchmark measures for a baseline is cdktf and the provider bindings alone.
 */
import { Fn, Op, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import type { MatrixVariant } from '../../examples/matrix/matrix-cloud';
import { harnessModules } from '../../lib/backends/registry';

export type { MatrixVariant };

/** What a client needs, as the baseline's resources expose it. */
export interface Connection {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** A sensitive token; undefined where clients authenticate with their own identity. */
  readonly password?: string;
  /** The CA certificate clients need, where the service has one. */
  readonly caCertificate?: string;
  /** The host name inside the private network, where the service has one. */
  readonly privateHost?: string;
  /** What `choreo-redis verify` checks, as the `<prefix>_verify` output states it. */
  readonly verify: {
    readonly backend: string;
    readonly plan: string;
    readonly luaScripting: boolean;
    /** `maxmemory-policy`, as Redis names it. */
    readonly evictionPolicy: string;
    readonly maxConnections: number;
    readonly nodeCount: number;
  };
}

/** One backend's hand-written baseline. */
export interface Baseline {
  /** The `MatrixCloud.cloud` (examples/matrix) whose data stores this baseline writes by hand. */
  readonly cloud: string;
  /** The matrix variants the library defines on this cloud, in `MATRIX_VARIANTS` order. */
  readonly variants: readonly MatrixVariant[];
  /** Adds the providers, exactly as the matrix cloud's `configure` does. */
  configure(stack: TerraformStack): void;
  /**
   * Defines one data store's resources directly under `scope`, with the construct IDs and attributes the
   * library uses for `variant`, the data store named `name` on its cloud.
   */
  define(scope: Construct, variant: MatrixVariant, name: string): Connection;
}

/**
 * Every registered backend's `harness/baseline`, in registry order: one baseline or, for a backend with several matrix
 * clouds, one per cloud.
 */
export function loadBaselines(): Baseline[] {
  return harnessModules<{ baseline: Baseline | readonly Baseline[] }>('baseline').flatMap((module) => ([] as Baseline[]).concat(module.baseline));
}

/** The `verify` of a matrix variant: `restricted` is Business with Lua off. */
export function verifyOf(backend: string, variant: MatrixVariant, maxConnections: number, nodeCount: number): Connection['verify'] {
  return {
    backend,
    plan: variant === 'restricted' ? 'business' : variant,
    luaScripting: variant !== 'restricted',
    evictionPolicy: evictionPolicyOf(variant),
    maxConnections,
    nodeCount,
  };
}

/** The eviction policy of a matrix variant, as Redis names it: `restricted` chooses allkeys-lru, the others keep the product's noeviction. */
export function evictionPolicyOf(variant: MatrixVariant): string {
  return variant === 'restricted' ? 'allkeys-lru' : 'noeviction';
}

/** The outputs `ChoreoRedis.addOutputs()` defines, written by hand. */
export function addConnectionOutputs(scope: Construct, connection: Connection): TerraformOutput[] {
  const prefix = scope.node.path.split('/').slice(1).join('_');
  const { password } = connection;
  const uriTo = (host: string) => (password === undefined ? Fn.format('rediss://%s:%s', [host, connection.port])
    : Fn.format('rediss://%s:%s@%s:%s', [connection.user, Fn.urlencode(password), host, connection.port]));
  const { verify } = connection;
  const outputs: Array<[string, unknown, boolean]> = [
    ['host', connection.host, false],
    ['port', connection.port, false],
    ['user', connection.user, false],
    ...(password === undefined ? [] : [['password', password, true]] as Array<[string, unknown, boolean]>),
    ['uri', uriTo(connection.host), true],
  ];
  if (connection.caCertificate !== undefined) outputs.push(['ca_certificate', connection.caCertificate, false]);
  if (connection.privateHost !== undefined) {
    outputs.push(['private_host', connection.privateHost, false], ['private_uri', uriTo(connection.privateHost), true]);
  }
  outputs.push(['verify', {
    backend: verify.backend,
    plan: verify.plan,
    lua_scripting: verify.luaScripting,
    eviction_policy: verify.evictionPolicy,
    max_connections: verify.maxConnections,
    node_count: verify.nodeCount,
  }, false]);
  const ready = password === undefined ? undefined : [{
    condition: Op.gte(Fn.lengthOf(password), 1),
    error_message: 'The data store\'s password is empty: the service has not generated it yet. Run terraform apply again.',
  }];
  return outputs.map(([key, value, sensitive]) => {
    const description = key === 'verify' ? `What choreo-redis verify checks for ${scope.node.path}` : `Redis ${key.replace('_', ' ')} of ${scope.node.path}`;
    const output = new TerraformOutput(scope, `${key}-output`, { value, sensitive, description });
    if (sensitive && ready !== undefined) output.addOverride('precondition', ready);
    output.overrideLogicalId(`${prefix}_${key}`);
    return output;
  });
}
