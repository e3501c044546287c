/** Conformance rows that several backends share, worded once. */
import { CidrBlock, isPublicBlock } from './addresses';
import { Kept, PlanWarning, Realization } from './conformance';
import { PlanPromises } from './service-plan';

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
