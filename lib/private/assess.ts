import { Token } from 'cdktf';
import { IRedisBackend } from '../backends/backend';
import { BACKEND_DEFINITIONS } from '../backends/backend-definitions';
import { DataStoreDesign, ExplicitSetting } from '../backends/definition';
import { checkAcceptReplacement } from '../backends/replacement-guard';
import {
  AccessFinding, AlertFinding, ConformanceFinding, DataStoreInput, DataStoreRequest, IpFamily, ProductPromise, conformanceList, judgeAlerts,
  judgeConformance, judgeAccess, resolveRequest, throwOnErrors,
} from '../plan';

/**
 * A data store's request, the backend's design for it (what it defines to keep the service plan), and the policy's
 * findings: everything short of rendering.
 */
export interface Assessment {
  readonly request: DataStoreRequest;
  readonly design: DataStoreDesign;
  readonly findings: readonly ConformanceFinding[];
  /** Signals the backend cannot watch, when alerts are on. */
  readonly alertFindings: readonly AlertFinding[];
  /** Access features asked for that the backend cannot give. */
  readonly accessFindings: readonly AccessFinding[];
}

/** The settings the request asks for explicitly about `promise`, if they are ones a backend enforces or refuses. */
function explicitSettings(promise: ProductPromise, request: DataStoreRequest): ExplicitSetting[] | undefined {
  if (!request.explicit.includes(promise)) return undefined;
  if (promise === ProductPromise.NETWORK_ACCESS) {
    return (request.allowedCidrs ?? []).some((block) => block.family === IpFamily.IPV6) ? ['allow-list', 'allow-list-ipv6'] : ['allow-list'];
  }
  if (promise === ProductPromise.LUA_SCRIPTING) return [request.luaScripting ? 'lua-on' : 'lua-off'];
  return undefined;
}

/**
 * The other backends that keep `promise` on every plan, or that enforce the setting the request asks for explicitly
 * (an allow-list, with IPv6 entries or not, Lua on or off), as their factory calls.
 */
function alternativesFor(promise: ProductPromise, backendId: string, request: DataStoreRequest): string[] {
  const asked = explicitSettings(promise, request);
  const keeps = (d: typeof BACKEND_DEFINITIONS[number]) => (asked === undefined
    ? d.keeps.includes(promise) : asked.every((setting) => d.enforcesWhenAsked.includes(setting)));
  return BACKEND_DEFINITIONS.filter((d) => d.id !== backendId && keeps(d))
    .map((d) => `RedisBackend.${d.factory}()`);
}

/**
 * Runs the value checks of a data store's props (those `assessDataStore` runs first), without asking the backend for
 * a design: for reporting them with the props' type faults.
 *
 * @returns the request the props make
 * @throws ChoreoRedisError for bad input
 */
export function checkDataStoreValues(input: DataStoreInput & { readonly acceptReplacement?: string },
  checks: ReadonlyArray<() => void> = []): DataStoreRequest {
  return resolveRequest(input, Token.isUnresolved, [() => checkAcceptReplacement(input.acceptReplacement, Token.isUnresolved), ...checks]);
}

/**
 * Resolves the props (with `checks`, further checks whose failures join the same error), asks the backend for its
 * design and applies the conformance policy, and to alerts the same policy: a signal the backend cannot watch is a
 * warning, an error under `strict`.
 *
 * @throws ChoreoRedisError for bad input and for any finding the policy makes an error
 */
export function assessDataStore(backend: IRedisBackend, input: DataStoreInput & { readonly name?: string; readonly acceptReplacement?: string },
  path: string | (() => string), checks: ReadonlyArray<() => void> = []): Assessment {
  const request = checkDataStoreValues(input, checks);
  // A function gives the path once the checks have run (movedFrom's path is known only after its own check).
  const design = backend._design(request, { path: typeof path === 'string' ? path : path(), name: input.name });
  const findings = judgeConformance(conformanceList(design.conformance), {
    plan: request.plan,
    cloud: backend.cloud,
    service: backend.service,
    strict: request.strict,
    explicit: request.explicit,
    alternatives: (promise) => alternativesFor(promise, backend.backendId, request),
  });
  throwOnErrors(findings);
  const alertFindings = request.alerts === undefined ? [] : judgeAlerts(request.alerts, backend._alerting.alerts, {
    service: backend.service,
    cloud: backend.cloud,
    factory: backend._alerting.factory,
    plan: request.plan,
    nodeCount: design.nodeCount,
    strict: request.strict,
  });
  throwOnErrors(alertFindings, 'AlertNotAvailable');
  const accessFindings = judgeAccess(request.access, backend._access, { service: `${backend.service} (${backend.cloud})`, strict: request.strict });
  throwOnErrors(accessFindings, 'AccessNotAvailable');
  return { request, design, findings, alertFindings, accessFindings };
}
