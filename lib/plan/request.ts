import { AccessRequest, ChoreoRedisAccess, resolveAccess } from './access';
import { CidrBlock, IpFamily, normalizeCidrs } from './addresses';
import { AlertRequest, ChoreoRedisAlerts, resolveAlerts } from './alerts';
import { ProductPromise } from './conformance';
import { ChoreoRedisError } from './errors';
import { EvictionPolicy, resolveEvictionPolicy } from './parity';
import { Failures } from './prop-rules';
import { ALL_PLANS, PLAN_PROMISES, PlanPromises, ServicePlan } from './service-plan';

/** Tells whether a value is a not-yet-resolved cdktf token; the plan layer never imports cdktf itself. */
export type IsUnresolved = (value: unknown) => boolean;

/** The cloud-agnostic part of what a user asks for, as given. */
export interface DataStoreInput {
  readonly plan: ServicePlan;
  readonly memoryGib?: number;
  readonly allowedCidrs?: string[];
  readonly luaScripting?: boolean;
  readonly strict?: boolean;
  readonly deletionProtection?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
  readonly alerts?: ChoreoRedisAlerts;
  readonly access?: ChoreoRedisAccess;
  readonly evictionPolicy?: EvictionPolicy;
}

/** What a user asks for, validated and with every default filled in. */
export interface DataStoreRequest {
  readonly plan: ServicePlan;
  readonly promises: PlanPromises;
  /** Minimum memory per node, in GiB. */
  readonly memoryGib: number;
  /** The allow-list in canonical form, or `undefined` for the default: open to every source. */
  readonly allowedCidrs?: readonly CidrBlock[];
  readonly luaScripting: boolean;
  readonly strict: boolean;
  readonly deletionProtection: boolean;
  /** Promises whose setting the user gave explicitly. */
  readonly explicit: readonly ProductPromise[];
  /** Tags (labels) for every resource that takes them; each backend adapts them to its cloud's rules. */
  readonly tags: Readonly<Record<string, string>>;
  /** The alerts asked for, checked; `undefined` when alerts are off. */
  readonly alerts?: AlertRequest;
  /** The access asked for, checked; `undefined` when none was. */
  readonly access?: AccessRequest;
  /** The eviction policy every backend writes: the user's, or the product's default. */
  readonly evictionPolicy: EvictionPolicy;
}

const MAX_MEMORY_GIB = 1024;

/**
 * Validates the cloud-agnostic props and fills in the plan's defaults.
 * Unresolved tokens pass through: a token entry in `allowedCidrs` is kept as an IPv4 block, unchecked, and a token
 * that stands for the whole list as one block holding the list.
 */
export function resolveRequest(input: DataStoreInput, isUnresolved: IsUnresolved, more: ReadonlyArray<() => void> = []): DataStoreRequest {
  // Every check runs, so that one error names every fault of the props (each with the prop, the value, what is
  // allowed and the fix), not only the first.
  const failures = new Failures();
  const promises = failures.attempt(() => promisesOf(input.plan));
  const memoryGib = input.memoryGib ?? promises?.defaultMemoryGib;
  failures.attempt(() => checkMemory(memoryGib, isUnresolved));
  const cidrs = input.allowedCidrs;
  const allowedCidrs = cidrs === undefined ? undefined : failures.attempt(() => resolveAllowList(cidrs, isUnresolved));
  const alerts = failures.attempt(() => resolveAlerts(input.alerts, isUnresolved));
  const access = failures.attempt(() => resolveAccess(input.access, isUnresolved));
  const evictionPolicy = failures.attempt(() => resolveEvictionPolicy(input.evictionPolicy));
  more.forEach((check) => failures.attempt(check));
  failures.throwAny();
  if (promises === undefined || memoryGib === undefined || evictionPolicy === undefined) {
    throw new Error('unreachable: resolveRequest has a value for every prop that passed its check');
  }
  const explicit: ProductPromise[] = [];
  if (input.allowedCidrs !== undefined) explicit.push(ProductPromise.NETWORK_ACCESS);
  if (input.luaScripting !== undefined) explicit.push(ProductPromise.LUA_SCRIPTING);
  if (input.evictionPolicy !== undefined) explicit.push(ProductPromise.EVICTION_POLICY);
  return {
    plan: input.plan,
    promises,
    memoryGib,
    allowedCidrs,
    luaScripting: input.luaScripting ?? true,
    strict: input.strict ?? false,
    deletionProtection: input.deletionProtection ?? promises.automaticFailover,
    explicit,
    tags: { 'managed-by': 'cdktf-choreo-redis', 'choreo-plan': input.plan, ...input.tags },
    alerts,
    access,
    evictionPolicy,
  };
}

/** The plan's promises, for a service plan. */
function promisesOf(plan: ServicePlan): PlanPromises {
  if (!ALL_PLANS.includes(plan)) {
    throw new ChoreoRedisError('UnknownPlan',
      `plan "${String(plan)}" is not a service plan; use one of ServicePlan.${ALL_PLANS.map((p) => p.toUpperCase()).join(', ServicePlan.')}.`);
  }
  return PLAN_PROMISES[plan];
}

/** Checks the memory per node; `undefined` when the plan is unknown and memoryGib not given (the plan's error says it). */
function checkMemory(memoryGib: number | undefined, isUnresolved: IsUnresolved): void {
  if (memoryGib === undefined || isUnresolved(memoryGib)) return;
  if (!(Number.isFinite(memoryGib) && memoryGib > 0 && memoryGib <= MAX_MEMORY_GIB)) {
    throw new ChoreoRedisError('InvalidMemory',
      `memoryGib ${memoryGib} is not a memory size; give the minimum memory per node in GiB, a number above 0 and at most ${MAX_MEMORY_GIB} (for example 0.5, 4 or 26).`);
  }
}

function resolveAllowList(entries: string[], isUnresolved: IsUnresolved): CidrBlock[] {
  if (isUnresolved(entries)) {
    // A list known only to Terraform: each backend writes its entries with Terraform expressions and checks them at plan.
    const text = String(entries[0] ?? entries);
    return [{ cidr: text, family: IpFamily.IPV4, prefixLength: -1, firstAddress: text, lastAddress: text, resolved: false, list: entries }];
  }
  // A list token spread into an array literal ([...literals, ...list]) stays one entry of the list-token form.
  const lists = entries.filter((entry) => LIST_TOKEN.test(entry));
  const blocks = normalizeCidrs(entries.filter((entry) => !LIST_TOKEN.test(entry)), 'allowedCidrs', isUnresolved, lists.length > 0);
  return [...blocks, ...lists.map((text) => ({
    cidr: text, family: IpFamily.IPV4, prefixLength: -1, firstAddress: text, lastAddress: text, resolved: false, list: [text],
  }))];
}

/** How cdktf writes a token that stands for a list, when it appears as one entry of an array. */
const LIST_TOKEN = /^#\{TfToken\[TOKEN\.\d+\]\}$/;
