/**
 * Memorystore for Valkey written by hand: the resources `RedisBackend.memorystoreValkey` defines for the
 * `gcp-valkey` matrix cloud.
 */
import { MemorystoreInstance } from '@cdktf/provider-google/lib/memorystore-instance';
import { Fn, Token } from 'cdktf';
import { Baseline, MatrixVariant, evictionPolicyOf, verifyOf } from '../../../../bench/baselines/baseline';
import { ServicePlan } from '../../../plan';
import { resolveRequest } from '../../../plan/request';
import { NETWORK, PROJECT, REGION, configureGoogle } from '../../google/harness/example';
import { guardReplacement } from '../../replacement-guard';
import { recordStagedChange, stagedStateOf } from '../../staged-change';
import { MEMORYSTORE_VALKEY_CHANGES } from '../changes';
import { planChangeOf } from '../plan-change';
import { memorystoreValkeyRunningInstance } from '../running-instance';

type Variant = { readonly nodeType: string; readonly maxClients: number; readonly replicas: number; readonly retention?: string };

const VARIANTS: Partial<Record<MatrixVariant, Variant>> = {
  hobbyist: { nodeType: 'SHARED_CORE_NANO', maxClients: 5000, replicas: 0 },
  startup: { nodeType: 'STANDARD_SMALL', maxClients: 26624, replicas: 0, retention: '86400s' },
  business: { nodeType: 'STANDARD_SMALL', maxClients: 26624, replicas: 1, retention: '259200s' },
  premium: { nodeType: 'HIGHMEM_MEDIUM', maxClients: 53248, replicas: 2, retention: '1123200s' },
};

export const baseline: Baseline = {
  cloud: 'gcp-valkey',
  variants: ['hobbyist', 'startup', 'business', 'premium'],
  configure: configureGoogle,
  define(scope, variant, name) {
    const v = VARIANTS[variant]!;
    const instance = new MemorystoreInstance(scope, 'Resource', {
      project: PROJECT,
      location: REGION,
      instanceId: name,
      mode: 'CLUSTER_DISABLED',
      shardCount: 1,
      nodeType: v.nodeType,
      replicaCount: v.replicas,
      zoneDistributionConfig: { mode: v.replicas > 0 ? 'MULTI_ZONE' : 'SINGLE_ZONE' },
      engineVersion: 'VALKEY_8_0',
      engineConfigs: { 'maxclients': String(v.maxClients), 'maxmemory-policy': evictionPolicyOf(variant) },
      transitEncryptionMode: 'SERVER_AUTHENTICATION',
      authorizationMode: 'IAM_AUTH',
      deletionProtectionEnabled: v.replicas > 0,
      desiredAutoCreatedEndpoints: [{ network: NETWORK, projectId: PROJECT }],
      persistenceConfig: { mode: 'AOF', aofConfig: { appendFsync: 'EVERY_SEC' } },
      automatedBackupConfig: v.retention === undefined ? undefined : { fixedFrequencySchedule: { startTime: { hours: 3 } }, retention: v.retention },
      maintenancePolicy: { weeklyMaintenanceWindow: [{ day: 'SUNDAY', startTime: { hours: 5, minutes: 0 } }] },
      labels: { 'managed-by': 'cdktf-choreo-redis', 'choreo-plan': variant },
      lifecycle: v.replicas > 0 ? { preventDestroy: true } : undefined,
    });
    // The stops of moves the API takes one field at a time, for this plan.
    const request = resolveRequest({ plan: variant as ServicePlan }, () => false);
    const { staged } = planChangeOf({ project: PROJECT, region: REGION, network: NETWORK }, request, () => false);
    recordStagedChange(scope, instance, MEMORYSTORE_VALKEY_CHANGES, stagedStateOf(MEMORYSTORE_VALKEY_CHANGES, 'Memorystore for Valkey', variant as ServicePlan, staged)!);
    guardReplacement(scope, instance, MEMORYSTORE_VALKEY_CHANGES, {
      service: 'Memorystore for Valkey', running: memorystoreValkeyRunningInstance(instance, name, REGION, PROJECT),
    });
    const connections = 'endpoints[0].connections[*].psc_auto_connection[0]';
    const host = Fn.lookup(Fn.zipmap(
      Token.asList(instance.interpolationForAttribute(`${connections}.connection_type`)),
      Token.asList(instance.interpolationForAttribute(`${connections}.ip_address`)),
    ), 'CONNECTION_TYPE_PRIMARY');
    const promised: Partial<Record<MatrixVariant, number>> = { hobbyist: 10000, startup: 26624, business: 26624, premium: 53248 };
    return {
      host: Token.asString(host),
      port: 6379,
      user: 'default',
      caCertificate: Fn.element(instance.managedServerCa.get(0).caCerts.get(0).certificates, 0),
      verify: verifyOf('memorystore-valkey', variant, promised[variant]!, 1 + v.replicas),
    };
  },
};
