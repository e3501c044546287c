import { CloudSchedulerJob } from '@cdktf/provider-google/lib/cloud-scheduler-job';
import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { RedisInstance } from '@cdktf/provider-google/lib/redis-instance';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { DataResource } from 'cdktf';
import { Construct } from 'constructs';
import { EXPORT_PERMISSIONS, REDIS_API } from './catalog';
import { MemorystoreBackupSettings } from './plan';

/** The OAuth scope of the backup job's calls to the Memorystore API. */
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/**
 * Backup history for a Memorystore for Redis instance, defined directly under `scope` (the data store's own
 * construct IDs): a versioned bucket whose lifecycle deletes replaced exports after the plan's history, the
 * instance's right to write into it, a service account allowed only to export, and a daily Cloud Scheduler
 * job that calls the export as that account. Returns the bucket, which holds data.
 */
export function defineBackupChain(scope: Construct, instance: RedisInstance, backup: MemorystoreBackupSettings): StorageBucket {
  const { project, region } = backup;
  const bucket = new StorageBucket(scope, 'BackupBucket', {
    project,
    name: backup.bucketName,
    // As given: the provider stores it upper-cased (`StateFunc: strings.ToUpper`) and compares the configured value
    // through the same function, and Read sets the API's upper-case location, so no plan shows a change
    // (google v6.50.0 storage/resource_storage_bucket.go:143-151 and :2222).
    location: region,
    // Without it, deleting a bucket that holds any object version fails ("Error trying to delete bucket ... without
    // `force_destroy` set to true", resource_storage_bucket.go:114-119 default false, :1234-1237), and it fails
    // after the instance, which nothing orders before it, is already gone. Set for data stores without deletion
    // protection, whose destroy then deletes the exports too; protected ones get `prevent_destroy` instead.
    forceDestroy: backup.forceDestroy,
    storageClass: 'STANDARD',
    uniformBucketLevelAccess: true,
    publicAccessPrevention: 'enforced',
    versioning: { enabled: true },
    lifecycleRule: [{
      condition: { daysSinceNoncurrentTime: backup.historyDays, withState: 'ARCHIVED' },
      action: { type: 'Delete' },
    }],
    encryption: backup.kmsKey === undefined ? undefined : { defaultKmsKeyName: backup.kmsKey },
    labels: backup.labels,
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
  // The role's own incarnation: created and deleted with the backup chain, its ID (a UUID Terraform draws at creation)
  // is new whenever the chain is defined again: after a destroy, and after a plan change that removes backup history
  // and one that adds it back, which keep the instance. A deleted role's ID stays reserved for 37 days.
  const incarnation = new DataResource(scope, 'BackupRoleIncarnation', {});
  const role = new ProjectIamCustomRole(scope, 'BackupRole', {
    project,
    roleId: backup.roleId(incarnation.id),
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
