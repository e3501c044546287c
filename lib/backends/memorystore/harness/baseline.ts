/**
 * Memorystore for Redis written by hand: the resources `RedisBackend.memorystore` defines for the `gcp` matrix
 * cloud, including the daily export job that keeps the backup history.
 */
import { createHash } from 'crypto';
import { CloudSchedulerJob } from '@cdktf/provider-google/lib/cloud-scheduler-job';
import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { RedisInstance } from '@cdktf/provider-google/lib/redis-instance';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { DataResource, Fn } from 'cdktf';
import { Baseline, MatrixVariant, evictionPolicyOf, verifyOf } from '../../../../bench/baselines/baseline';
import { ServicePlan } from '../../../plan';
import { NETWORK, PROJECT, REGION, configureGoogle } from '../../google/harness/example';
import { guardReplacement } from '../../replacement-guard';
import { recordStagedChange, stagedStateOf } from '../../staged-change';
import { MEMORYSTORE_CHANGES } from '../changes';

type Variant = { readonly memoryGb: number; readonly historyDays: number; readonly replicas?: number; readonly readReplicas?: boolean };

const VARIANTS: Partial<Record<MatrixVariant, Variant>> = {
  hobbyist: { memoryGb: 1, historyDays: 0 },
  startup: { memoryGb: 2, historyDays: 1 },
  business: { memoryGb: 4, historyDays: 3, replicas: 1, readReplicas: false },
  premium: { memoryGb: 8, historyDays: 13, replicas: 2, readReplicas: true },
};

export const baseline: Baseline = {
  cloud: 'gcp',
  variants: ['hobbyist', 'startup', 'business', 'premium'],
  configure: configureGoogle,
  define(scope, variant, name) {
    const v = VARIANTS[variant]!;
    const protect = v.replicas !== undefined ? { preventDestroy: true } : undefined;
    const labels = { 'managed-by': 'cdktf-choreo-redis', 'choreo-plan': variant };
    const instance = new RedisInstance(scope, 'Resource', {
      project: PROJECT,
      region: REGION,
      name,
      displayName: `Choreo-managed Redis, ${variant} plan`,
      tier: v.replicas === undefined ? 'BASIC' : 'STANDARD_HA',
      memorySizeGb: v.memoryGb,
      redisVersion: 'REDIS_7_2',
      replicaCount: v.replicas,
      readReplicasMode: v.readReplicas === undefined ? undefined : v.readReplicas ? 'READ_REPLICAS_ENABLED' : 'READ_REPLICAS_DISABLED',
      authEnabled: true,
      transitEncryptionMode: 'SERVER_AUTHENTICATION',
      authorizedNetwork: NETWORK,
      connectMode: 'DIRECT_PEERING',
      persistenceConfig: { persistenceMode: 'RDB', rdbSnapshotPeriod: 'ONE_HOUR' },
      redisConfigs: { 'maxmemory-policy': evictionPolicyOf(variant) },
      maintenancePolicy: { weeklyMaintenanceWindow: [{ day: 'SUNDAY', startTime: { hours: 5, minutes: 0 } }] },
      labels,
      lifecycle: protect,
    });
    recordStagedChange(scope, instance, MEMORYSTORE_CHANGES, stagedStateOf(MEMORYSTORE_CHANGES, 'Memorystore for Redis', variant as ServicePlan)!);
    guardReplacement(scope, instance, MEMORYSTORE_CHANGES, { service: 'Memorystore for Redis' });

    if (v.historyDays > 0) {
      const hash = createHash('sha256').update(`${PROJECT}/${REGION}/${name}`).digest('hex').slice(0, 8);
      const bucketName = `${name}-backups-${hash}`;
      const bucket = new StorageBucket(scope, 'BackupBucket', {
        project: PROJECT,
        name: bucketName,
        location: REGION,
        storageClass: 'STANDARD',
        uniformBucketLevelAccess: true,
        publicAccessPrevention: 'enforced',
        forceDestroy: protect === undefined,
        versioning: { enabled: true },
        lifecycleRule: [{ condition: { daysSinceNoncurrentTime: v.historyDays, withState: 'ARCHIVED' }, action: { type: 'Delete' } }],
        labels,
        lifecycle: protect,
      });
      new StorageBucketIamMember(scope, 'BackupWriter', {
        bucket: bucket.name, role: 'roles/storage.objectAdmin', member: instance.persistenceIamIdentity,
      });
      const account = new ServiceAccount(scope, 'BackupServiceAccount', {
        project: PROJECT, accountId: `redis-export-${hash}`, displayName: `Exports Redis ${instance.name} for backup history`,
      });
      const incarnation = new DataResource(scope, 'BackupRoleIncarnation', {});
      const role = new ProjectIamCustomRole(scope, 'BackupRole', {
        project: PROJECT,
        roleId: `choreoRedisExport_${hash}_${Fn.substr(Fn.sha256(incarnation.id), 0, 8)}`,
        title: `Export Redis ${name}-backup`,
        description: 'Lets the backup job export a Memorystore for Redis instance, and nothing else',
        permissions: ['redis.instances.export'],
      });
      const grant = new ProjectIamMember(scope, 'BackupRoleMember', { project: PROJECT, role: role.name, member: account.member });
      const exportRequest = { outputConfig: { gcsDestination: { uri: `gs://${bucketName}/${name}.rdb` } } };
      new CloudSchedulerJob(scope, 'BackupJob', {
        project: PROJECT,
        region: REGION,
        name: `${name}-backup`,
        description: `Exports ${instance.name} daily; bucket versioning keeps ${v.historyDays} day(s) of history`,
        schedule: '0 3 * * *',
        timeZone: 'Etc/UTC',
        attemptDeadline: '320s',
        retryConfig: { retryCount: 3, minBackoffDuration: '300s' },
        httpTarget: {
          httpMethod: 'POST',
          uri: `https://redis.googleapis.com/v1/projects/${PROJECT}/locations/${REGION}/instances/${instance.name}:export`,
          headers: { 'Content-Type': 'application/json' },
          body: Buffer.from(JSON.stringify(exportRequest)).toString('base64'),
          oauthToken: { serviceAccountEmail: account.email, scope: 'https://www.googleapis.com/auth/cloud-platform' },
        },
        dependsOn: [grant, bucket],
      });
    }
    const connections: Partial<Record<MatrixVariant, number>> = { hobbyist: 10000, startup: 10000, business: 16384, premium: 32768 };
    return {
      host: instance.host,
      port: 6378,
      user: 'default',
      password: instance.authString,
      caCertificate: instance.serverCaCerts.get(0).cert,
      verify: verifyOf('memorystore', variant, connections[variant]!, 1 + (v.replicas ?? 0)),
    };
  },
};
