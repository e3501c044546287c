import { Token } from 'cdktf';
import { BackendPlan, IRedisBackend } from '../backends/backend';
import {
  ConformanceFinding, DataStoreInput, DataStoreRequest, judgeConformance, resolveRequest, throwOnErrors, validateRegion,
} from '../plan';

/** A data store's request, the backend's plan for it, and the policy's findings: everything short of rendering. */
export interface Assessment {
  readonly request: DataStoreRequest;
  readonly plan: BackendPlan;
  readonly findings: readonly ConformanceFinding[];
}

/**
 * Resolves the props, asks the backend for its plan and applies the conformance policy.
 *
 * @throws ChoreoRedisError for bad input and for any finding the policy makes an error
 */
export function assessDataStore(backend: IRedisBackend, input: DataStoreInput & { readonly name?: string }, path: string): Assessment {
  if (!Token.isUnresolved(backend.region)) {
    validateRegion(backend.cloud, backend.region, 'backend region');
  }
  const request = resolveRequest(input, Token.isUnresolved);
  const plan = backend._plan(request, { path, name: input.name });
  const findings = judgeConformance(plan.conformance, {
    plan: request.plan, cloud: backend.cloud, service: backend.service, strict: request.strict, explicit: request.explicit,
  });
  throwOnErrors(findings);
  return { request, plan, findings };
}
