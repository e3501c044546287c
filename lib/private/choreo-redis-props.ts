/**
 * The run-time declaration of `ChoreoRedisProps`, in a module of its own so that the backends' factories can name
 * its props when one is given to a backend by mistake.
 */
import { DefinedBackend } from '../backends/defined-backend';
import type { ChoreoRedisProps } from '../choreo-redis';
import { ACCESS_PROP_TYPES, AlertTarget, ChoreoRedisAlerts, PropTypes, required, shapeOf } from '../plan';

/** The run-time types of the props, for callers outside TypeScript. */
export const CHOREO_REDIS_PROP_TYPES: PropTypes<ChoreoRedisProps> = {
  plan: required('string', { fix: 'a ServicePlan, such as ServicePlan.BUSINESS' }),
  backend: required(
    { isInstance: (v) => v instanceof DefinedBackend, name: 'backend from a RedisBackend factory', example: 'RedisBackend.elastiCache({ ... })' },
    { fix: 'the backend that runs the data store, from a RedisBackend factory such as RedisBackend.elastiCache({ ... })' }),
  name: 'string',
  memoryGib: 'number',
  allowedCidrs: 'string-list',
  luaScripting: 'boolean',
  strict: 'boolean',
  deletionProtection: 'boolean',
  tags: 'string-map',
  acceptReplacement: 'string',
  movedFrom: 'string',
  alerts: shapeOf<ChoreoRedisAlerts>({
    targets: required(
      { listOf: { isInstance: (v) => v instanceof AlertTarget, name: 'AlertTarget', example: 'AlertTarget.snsTopic(topicArn)' } },
      { code: 'InvalidAlertTargets', fix: 'a list of at least one AlertTarget, such as [AlertTarget.snsTopic(topicArn)]; omit alerts to define none' }),
    memoryPercent: 'number',
    cpuPercent: 'number',
    connections: 'number',
    evictions: 'number',
    replicationLagSeconds: 'number',
  }, 'ChoreoRedisAlerts'),
  evictionPolicy: 'string',
  access: { shape: ACCESS_PROP_TYPES, interfaceName: 'ChoreoRedisAccess' },
};
