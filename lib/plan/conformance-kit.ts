/** Conformance rows that several backends share, worded once. */
import { CidrBlock, isPublicBlock } from './addresses';
import { Kept, PlanWarning, Realization } from './conformance';
import { PlanPromises, standbyCount } from './service-plan';

/** The region promise, kept by checking the region against the backend's US and EU list. */
export function regionKept(detail = 'region checked against the US and EU list and set on every resource'): Kept {
  return { realization: Realization.NATIVE, detail };
}

/** Automatic failover: `how` the service fails over for plans with standbys; nothing to keep for one node. */
export function failoverKept(promises: PlanPromises, how: string): Kept {
  return { realization: Realization.NATIVE, detail: promises.automaticFailover ? how : 'single node: the plan promises no failover' };
}

/**
 * The connection limit against a service's own limit: native when the service allows at least the promised
 * connections, a substitute otherwise.
 *
 * @param how what sets the service's limit, such as `maxclients is fixed at`
 */
export function connectionLimitKept(serviceMax: number, promised: number, how: string, fix: string): Kept {
  return serviceMax >= promised
    ? { realization: Realization.NATIVE, detail: `${how} ${serviceMax}, at least the promised ${promised}` }
    : { realization: Realization.SUBSTITUTED, detail: `${how} ${serviceMax}, below the promised ${promised}`, fix };
}

/**
 * The warning for allow-list entries of public address space on a service reached only from a private
 * network, or undefined when there are none.
 *
 * @param network what clients must be in, such as `the VPC`
 */
export function publicSourcesWarning(allowedCidrs: readonly CidrBlock[] | undefined, network: string, fix: string): PlanWarning | undefined {
  const publicBlocks = (allowedCidrs ?? []).filter(isPublicBlock).map((b) => b.cidr);
  if (publicBlocks.length === 0) return undefined;
  return {
    code: 'PublicSourceOnPrivateNetwork',
    message: `allowedCidrs lists public internet address space (${publicBlocks.join(', ')}), but the data store is reachable only from ${network}; those sources connect only if their traffic is routed into ${network}. Fix: ${fix}.`,
  };
}

/** A span of time in words: `1 second`, `10 minutes`, `24 hours`. */
export function durationWords(seconds: number): string {
  const [amount, unit] = seconds % 3600 === 0 ? [seconds / 3600, 'hour'] : seconds % 60 === 0 ? [seconds / 60, 'minute'] : [seconds, 'second'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** What a backend writes to disk between failures, for the recovery-point promise. */
export interface PersistenceWindow {
  /** The setting and what it does, such as `AOF persistence with fsync every second`. */
  readonly how: string;
  /** The most writes, in seconds, a failure of every node may lose under it. */
  readonly windowSeconds: number;
  /**
   * What the user can do when the window is longer than the plan's, on a plan without standbys.
   *
   * @default - no fix is named
   */
  readonly fix?: string;
}

/**
 * The recovery point: native when persistence alone keeps the plan's window, or when the plan has standbys, which
 * receive every write by replication, so that losing the primary loses only the replication lag; a substitute
 * giving `persistence.windowSeconds` otherwise. `replication` says how the standbys are fed.
 */
export function recoveryPointKept(promises: PlanPromises, persistence: PersistenceWindow, replication: string): Kept {
  const target = promises.recoveryPointSeconds;
  const window = durationWords(persistence.windowSeconds);
  if (persistence.windowSeconds <= target) {
    const standbys = standbyCount(promises) > 0 ? `; ${replication}, narrowing it further` : '';
    return { realization: Realization.NATIVE, detail: `${persistence.how}: a failure loses at most about ${window} of writes${standbys}` };
  }
  if (standbyCount(promises) > 0) {
    return {
      realization: Realization.NATIVE,
      detail: `${replication}: losing the primary loses only the replication lag (typically under a second); ${persistence.how} bounds the loss at ${window} of writes if every node fails at once`,
    };
  }
  return {
    realization: Realization.SUBSTITUTED,
    detail: `${persistence.how}: losing the single node loses up to ${window} of writes, not the plan's ${durationWords(target)}`,
    fix: persistence.fix,
  };
}
