import { CloudSchedulerJob } from '@cdktf/provider-google/lib/cloud-scheduler-job';
import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { RedisInstance } from '@cdktf/provider-google/lib/redis-instance';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { Fn, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { MEMORYSTORE } from './definition';
import { DefinedBackend } from '../defined-backend';
import { MemorystoreBackupSettings, MemorystoreSettings } from './plan';
import { MemorystoreBackendProps } from './props';
import { EXPORT_PERMISSIONS, REDIS_API } from './tiers';
import { BackendPlan, IRedisBackend, RedisBinding } from '../backend';

/** The DNS record's provider module, loaded only for data stores given a private DNS zone. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, as above
const dnsRecordSetBinding = () => require('@cdktf/provider-google/lib/dns-record-set') as typeof import('@cdktf/provider-google/lib/dns-record-set');

/** The OAuth scope of the backup job's calls to the Memorystore API. */
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

class MemorystoreBackend extends DefinedBackend<MemorystoreBackendProps> {
  constructor(props: MemorystoreBackendProps) {
    super(MEMORYSTORE, props);
  }

  public _render(scope: Construct, plan: BackendPlan): RedisBinding {
    const settings = plan.settings as unknown as MemorystoreSettings;
    const { project, region } = this.props;
    const standby = settings.tier === 'STANDARD_HA';

    const instance = new RedisInstance(scope, 'Resource', {
      project,
      region,
      name: plan.name,
      displayName: `Choreo-managed Redis, ${plan.request.plan} plan`,
      tier: settings.tier,
      memorySizeGb: settings.memorySizeGb,
      redisVersion: plan.engineVersion,
      replicaCount: settings.replicaCount,
      readReplicasMode: settings.readReplicasMode,
      locationId: this.props.zone,
      alternativeLocationId: standby ? this.props.alternativeZone : undefined,
      authEnabled: true,
      transitEncryptionMode: 'SERVER_AUTHENTICATION',
      authorizedNetwork: this.props.authorizedNetwork,
      connectMode: settings.connectMode,
      reservedIpRange: this.props.reservedIpRange,
      customerManagedKey: this.props.kmsKey,
      persistenceConfig: { persistenceMode: 'RDB', rdbSnapshotPeriod: settings.snapshotPeriod },
      maintenancePolicy: {
        weeklyMaintenanceWindow: [{ day: settings.maintenanceDay, startTime: { hours: settings.maintenanceHour, minutes: 0 } }],
      },
      labels: settings.labels,
    });

    const stateful: TerraformResource[] = [instance];
    if (settings.backup !== undefined) {
      stateful.push(this.renderBackups(scope, instance, settings.backup, settings.labels));
    }

    const host = settings.dnsRecordName === undefined
      ? instance.host
      : new (dnsRecordSetBinding().DnsRecordSet)(scope, 'DnsRecord', {
        project,
        managedZone: this.props.privateDnsZone!.managedZone,
        name: settings.dnsRecordName,
        type: 'A',
        ttl: 60,
        rrdatas: [instance.host],
      }).name;

    return {
      resource: instance,
      statefulResources: stateful,
      host: settings.dnsRecordName === undefined ? host : Fn.trimsuffix(host, '.'),
      port: plan.port,
      user: 'default',
      password: instance.authString,
      caCertificate: instance.serverCaCerts.get(0).cert,
    };
  }

  /**
   * Backup history: a daily export of the instance to one object in a versioned bucket, whose lifecycle
   * deletes replaced versions after the plan's history. Returns the bucket.
   */
  private renderBackups(scope: Construct, instance: RedisInstance, backup: MemorystoreBackupSettings,
    labels: Record<string, string>): StorageBucket {
    const { project, region } = this.props;
    const bucket = new StorageBucket(scope, 'BackupBucket', {
      project,
      name: backup.bucketName,
      location: region,
      storageClass: 'STANDARD',
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      versioning: { enabled: true },
      lifecycleRule: [{
        condition: { daysSinceNoncurrentTime: backup.historyDays, withState: 'ARCHIVED' },
        action: { type: 'Delete' },
      }],
      encryption: this.props.kmsKey === undefined ? undefined : { defaultKmsKeyName: this.props.kmsKey },
      labels,
    });
    // Memorystore writes exports as the instance's own service identity.
    new StorageBucketIamMember(scope, 'BackupWriter', {
      bucket: bucket.name,
      role: 'roles/storage.objectAdmin',
      member: instance.persistenceIamIdentity,
    });

    // Each attribute read creates a new token (with a captured stack trace): read the name once.
    const instanceName = instance.name;
    const account = new ServiceAccount(scope, 'BackupServiceAccount', {
      project,
      accountId: backup.serviceAccountId,
      displayName: `Exports Redis ${instanceName} for backup history`,
    });
    const role = new ProjectIamCustomRole(scope, 'BackupRole', {
      project,
      roleId: backup.roleId,
      title: `Export Redis ${backup.jobName}`,
      description: 'Lets the backup job export a Memorystore for Redis instance, and nothing else',
      permissions: [...EXPORT_PERMISSIONS],
    });
    const grant = new ProjectIamMember(scope, 'BackupRoleMember', {
      project,
      role: role.name,
      member: account.member,
    });

    const instancePath = `projects/${project}/locations/${region}/instances/${instanceName}`;
    new CloudSchedulerJob(scope, 'BackupJob', {
      project,
      region,
      name: backup.jobName,
      description: `Exports ${instanceName} daily; bucket versioning keeps ${backup.historyDays} day(s) of history`,
      schedule: backup.schedule,
      timeZone: 'Etc/UTC',
      attemptDeadline: '320s',
      retryConfig: { retryCount: 3, minBackoffDuration: '300s' },
      httpTarget: {
        httpMethod: 'POST',
        uri: `${REDIS_API}/${instancePath}:export`,
        headers: { 'Content-Type': 'application/json' },
        body: backup.exportBody,
        oauthToken: { serviceAccountEmail: account.email, scope: CLOUD_PLATFORM_SCOPE },
      },
      dependsOn: [grant, bucket],
    });
    return bucket;
  }
}

/** @internal */
export function memorystoreBackend(props: MemorystoreBackendProps): IRedisBackend {
  return new MemorystoreBackend(props);
}
