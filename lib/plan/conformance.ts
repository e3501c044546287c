import { Cloud } from './cloud';
import { ChoreoRedisError } from './errors';
import { ServicePlan } from './service-plan';

/** A promise the product page makes for every data store. */
export enum ProductPromise {
  /** The plan's node count: primary plus standbys. */
  NODES = 'nodes',
  /** A standby takes over when the primary fails (Business and Premium). */
  AUTOMATIC_FAILOVER = 'automatic-failover',
  /** A backup to restore from after losing the node. */
  DISASTER_RECOVERY_BACKUP = 'disaster-recovery-backup',
  /** Backups kept for the plan's history (none, 1, 3 or 13 days). */
  BACKUP_HISTORY = 'backup-history',
  /**
   * At most about 5 minutes of acknowledged writes lost when a node fails (the product's write log is copied every 5
   * minutes); a standby, which receives every write by replication, narrows it further.
   */
  RECOVERY_POINT = 'recovery-point',
  /** Data and backups encrypted at rest. */
  ENCRYPTION_AT_REST = 'encryption-at-rest',
  /** Clients connect over TLS only. */
  TLS = 'tls',
  /** Clients authenticate with a password carried in the service URI. */
  AUTHENTICATION = 'authentication',
  /** Open to every source by default, restrictable to IP addresses and CIDR blocks. */
  NETWORK_ACCESS = 'network-access',
  /** The service URI names the primary and survives failover. */
  STABLE_ENDPOINT = 'stable-endpoint',
  /** At least max(10000, 4 x memory in MB) simultaneous connections. */
  CONNECTION_LIMIT = 'connection-limit',
  /** The 16 restricted commands are refused. */
  RESTRICTED_COMMANDS = 'restricted-commands',
  /** Lua scripting is on by default and can be switched off. */
  LUA_SCRIPTING = 'lua-scripting',
  /** The data store runs in a US or EU region. */
  REGION = 'region',
  /** Business and Premium place their standbys in availability zones other than the primary's, where the region has zones. */
  ZONE_REDUNDANCY = 'zone-redundancy',
  /** One eviction policy (`maxmemory-policy`) on every backend, written explicitly so that no service default decides. */
  EVICTION_POLICY = 'eviction-policy',
  /** The engine answers the Redis OSS 7.2 command set; what it adds or lacks is stated. */
  ENGINE_COMPATIBILITY = 'engine-compatibility',
  /** The cloud's published monthly uptime SLA for the configuration written reaches the product's 99.99%. */
  AVAILABILITY_SLA = 'availability-sla',
}

/** How a backend keeps a promise. */
export enum Realization {
  /** The managed service keeps it with its own settings. */
  NATIVE = 'native',
  /** The construct defines extra resources that keep it. */
  EMULATED = 'emulated',
  /** The nearest equivalent the service offers, which falls short of the promise. */
  SUBSTITUTED = 'substituted',
  /** The service cannot keep it at all. */
  UNAVAILABLE = 'unavailable',
}

/** One promise, as one backend keeps it for one data store. */
export interface PromiseConformance {
  /** The promise. */
  readonly promise: ProductPromise;
  /** How the backend keeps it. */
  readonly realization: Realization;
  /** How it is kept, or, for a gap, what the cloud offers instead. */
  readonly detail: string;
  /**
   * What the user can do about a gap.
   *
   * @default - no fix is needed: the promise is kept
   */
  readonly fix?: string;
}

/** How one promise is kept, in a record keyed by the promise. */
export interface Kept {
  readonly realization: Realization;
  readonly detail: string;
  readonly fix?: string;
}

/** How a backend keeps every promise for one data store. Keyed by promise, so that a missing one does not compile. */
export type ConformanceRecord = { readonly [P in ProductPromise]: Kept };

/** The record as a list, in the order the promises are declared. */
export function conformanceList(record: ConformanceRecord): PromiseConformance[] {
  return Object.values(ProductPromise).map((promise) => ({ promise, ...record[promise] }));
}

/** A short human title for each promise, used in messages and docs/conformance.md. */
export const PROMISE_TITLES: Readonly<Record<ProductPromise, string>> = {
  [ProductPromise.NODES]: 'nodes (primary + standbys)',
  [ProductPromise.AUTOMATIC_FAILOVER]: 'automatic failover',
  [ProductPromise.DISASTER_RECOVERY_BACKUP]: 'disaster-recovery backup',
  [ProductPromise.BACKUP_HISTORY]: 'backup history',
  [ProductPromise.RECOVERY_POINT]: 'recovery point: at most ~5 min of writes lost',
  [ProductPromise.ENCRYPTION_AT_REST]: 'encryption at rest',
  [ProductPromise.TLS]: 'TLS only',
  [ProductPromise.AUTHENTICATION]: 'password in the service URI',
  [ProductPromise.NETWORK_ACCESS]: 'open by default, restrictable to IPs/CIDRs',
  [ProductPromise.STABLE_ENDPOINT]: 'service URI survives failover',
  [ProductPromise.CONNECTION_LIMIT]: 'max(10000, 4 x MB) connections',
  [ProductPromise.RESTRICTED_COMMANDS]: 'restricted commands refused',
  [ProductPromise.LUA_SCRIPTING]: 'Lua on by default, switchable off',
  [ProductPromise.REGION]: 'US and EU regions only',
  [ProductPromise.ZONE_REDUNDANCY]: 'standbys in other availability zones',
  [ProductPromise.EVICTION_POLICY]: 'one eviction policy, set explicitly',
  [ProductPromise.ENGINE_COMPATIBILITY]: 'Redis OSS 7.2 compatible engine',
  [ProductPromise.AVAILABILITY_SLA]: '99.99% monthly uptime SLA',
};

/** A warning about a legal input that will not work as a reader might expect; not a gap in a promise. */
export interface PlanWarning {
  /** A stable identifier, such as `PublicSourceOnPrivateNetwork`. */
  readonly code: string;
  readonly message: string;
}

/** How serious a gap is under the conformance policy. */
export enum Severity {
  WARNING = 'warning',
  ERROR = 'error',
}

/** A gap between a promise and what a backend delivers, judged by the policy. */
export interface ConformanceFinding {
  readonly promise: ProductPromise;
  readonly severity: Severity;
  /** A stable code for this problem, such as `NetworkAccessNotKept`. */
  readonly code: string;
  /** The message for the person reading synth output. */
  readonly message: string;
}

/** The code of a finding about `promise`, such as `NetworkAccessNotKept` for `network-access`. */
export function findingCode(promise: ProductPromise): string {
  return `${promise.split('-').map((word) => word[0].toUpperCase() + word.slice(1)).join('')}NotKept`;
}

/** What the policy needs to know about the request, besides the backend's answer. */
export interface PolicyContext {
  readonly plan: ServicePlan;
  readonly cloud: Cloud;
  /** The managed service's name, such as `ElastiCache`. */
  readonly service: string;
  /** Whether warnings become errors. */
  readonly strict: boolean;
  /** Promises whose setting the user gave explicitly (an allow-list, a Lua switch). */
  readonly explicit: readonly ProductPromise[];
  /**
   * Other backends that keep a promise (as asked, for an explicit setting), named in the fix of a gap.
   *
   * @default - none are named
   */
  readonly alternatives?: (promise: ProductPromise) => readonly string[];
}

/** Promises of the plan's shape, which no backend may fall short of. */
const STRUCTURAL: readonly ProductPromise[] = [ProductPromise.NODES, ProductPromise.AUTOMATIC_FAILOVER];

/** True for the realizations that fall short of the promise. */
export function isGap(realization: Realization): boolean {
  return realization === Realization.SUBSTITUTED || realization === Realization.UNAVAILABLE;
}

/**
 * The conformance policy:
 * - a plan's node count or automatic failover that the backend cannot deliver is an error;
 * - a setting the user explicitly asked for that the backend cannot enforce is an error;
 * - any other gap is a warning, or an error under `strict`.
 */
export function judgeConformance(entries: readonly PromiseConformance[], context: PolicyContext): ConformanceFinding[] {
  return entries.filter((entry) => isGap(entry.realization)).map((entry) => {
    const mustHold = STRUCTURAL.includes(entry.promise) || context.explicit.includes(entry.promise);
    const severity = mustHold || context.strict ? Severity.ERROR : Severity.WARNING;
    const others = context.alternatives?.(entry.promise) ?? [];
    const keeps = context.explicit.includes(entry.promise) ? 'keeps this promise as you asked for it' : 'keeps this promise';
    const fixes = [entry.fix, others.length > 0 ? `choose a backend that ${keeps}: ${others.join(', ')}` : undefined]
      .filter((f) => f !== undefined);
    const fix = fixes.length > 0 ? ` Fix: ${fixes.join('; or ')}.` : '';
    const strictNote = !mustHold && context.strict ? ' (an error because strict is true)' : '';
    return {
      promise: entry.promise,
      severity,
      code: findingCode(entry.promise),
      message: `${context.service} (${context.cloud}) cannot keep the ${context.plan} plan's promise "${PROMISE_TITLES[entry.promise]}"${strictNote}: ${entry.detail}.${fix}`,
    };
  });
}

/**
 * Throws the error findings, if any, as one `ChoreoRedisError` with code `code` (`PromiseNotKept` by default), each problem on a
 * line of its own that starts with its own code, and each in the error's `problems` with that code.
 */
export function throwOnErrors(findings: ReadonlyArray<Pick<ConformanceFinding, 'severity' | 'code' | 'message'>>, code = 'PromiseNotKept'): void {
  const errors = findings.filter((f) => f.severity === Severity.ERROR);
  if (errors.length > 0) {
    throw new ChoreoRedisError(code, errors.map((e) => `[${e.code}] ${e.message}`).join('\n'), errors.map((e) => new ChoreoRedisError(e.code, e.message)));
  }
}
