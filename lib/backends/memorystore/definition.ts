import { MEMORYSTORE_ACCESS } from './access';
import { MEMORYSTORE_ADOPTION_CONSEQUENCES } from './adopt';
import { MEMORYSTORE_ALERTS } from './alert-plan';
import { MEMORYSTORE_REDIS_BLOCKED_COMMANDS } from './catalog';
import { MEMORYSTORE_CHANGES } from './changes';
import { MemorystoreSettings, planMemorystore } from './plan';
import { MemorystoreProps, MemorystoreRedisVersion, MemorystoreAdoption } from './props';
import { MEMORYSTORE_PROP_RULES } from './validation';
import { Cloud, MAINTENANCE_WINDOW_TYPE, ProductPromise, checkRules, required, shapeOf } from '../../plan';
import { BackendDefinition, plannedExpectations } from '../definition';
import { googleAdoptionRule, googleInstanceAdoption, googleInstanceIdFormat } from '../google/adopt';
import { PRIVATE_DNS_ZONE_TYPE, rewrittenLabels } from '../google/google';
import { GCP_REGIONS } from '../google/regions';


/** The instance's import ID (see `googleInstanceIdFormat`). */
const REDIS_INSTANCE_ID = googleInstanceIdFormat('google_redis_instance');
/** Memorystore for Redis: its identity, validation and planning, without any provider binding. */
export const MEMORYSTORE: BackendDefinition<MemorystoreProps, MemorystoreSettings> = {
  id: 'memorystore',
  factory: 'memorystore',
  cloud: Cloud.GCP,
  service: 'Memorystore for Redis',
  changes: MEMORYSTORE_CHANGES,
  regions: GCP_REGIONS,
  regionProp: 'region',
  packages: { '@cdktf/provider-google': '16.12.1' },
  enforcesWhenAsked: ['lua-on'],
  keeps: [
    ProductPromise.NODES, ProductPromise.AUTOMATIC_FAILOVER, ProductPromise.DISASTER_RECOVERY_BACKUP, ProductPromise.BACKUP_HISTORY,
    ProductPromise.ENCRYPTION_AT_REST, ProductPromise.TLS, ProductPromise.AUTHENTICATION, ProductPromise.REGION,
    ProductPromise.ZONE_REDUNDANCY, ProductPromise.EVICTION_POLICY,
  ],
  // google v6.50.0: google_redis_instance has no deletion protection of its own (resource_redis_instance.go);
  // storage/resource_storage_bucket.go:1234-1237 (force_destroy); IAM custom roles: "You have 7 days to undelete
  // the custom role" (IAM API, projects.roles.delete), the ID reserved until 37 days after deletion
  // (terraform-google-modules/terraform-google-bastion-host#14); soft-deleted buckets: Cloud Storage "Use
  // soft-deleted buckets" (kept for the bucket's soft delete retention, 7 days by default; a new bucket may take the
  // name at once).
  lifecycle: {
    destroyDeletes: [
      'the instance with its data and RDB snapshots',
      'for plans with backup history, the backup bucket with every export and older version (`force_destroy` is set '
        + 'for data stores without deletion protection; with it, `prevent_destroy` on the bucket makes Terraform refuse the destroy)',
      'the bucket grant, the export service account, its custom role and grant, and the Cloud Scheduler job',
      'the A record, when a private DNS zone is given',
    ],
    destroyLeaves: [
      'the deleted bucket, which Cloud Storage keeps soft-deleted, exports included, for its soft delete retention '
        + '(7 days by default); a re-created data store takes the same name at once',
      'the deleted custom role, which Google keeps 7 days and whose ID it reserves for 37: the role of a re-created '
        + 'data store, or of backup history added back after a plan change removed it, has an ID of its own, ending in a hash of the '
        + 'ID of a terraform_data created with the backup chain',
    ],
    uniqueNames: [
      {
        name: 'instance name (the name)',
        scope: 'project and region',
        how: 'the given name, or one derived from the construct path with a hash of it; two Memorystore for Redis data '
          + 'stores of one app with the same name in one project and region are refused at synth, whatever their stacks',
      },
      { name: 'Cloud Scheduler job `<name>-backup`', scope: 'project and region', how: 'derived from the instance name' },
      {
        name: 'backup bucket `<name>-backups-<hash>`',
        scope: 'all of Cloud Storage',
        how: 'a hash of project, region and name, computed by Terraform when the project or region is a token',
      },
      { name: 'service account `redis-export-<hash>`', scope: 'project', how: 'the same hash of project, region and name' },
      {
        name: 'custom role `choreoRedisExport_<hash>_<hash>`',
        scope: 'project',
        how: 'the same hash, and a hash of the ID of a terraform_data created with the backup chain, new each time the chain is defined '
          + '(destroy and re-create, a plan change that removes backup history and one that adds it back, a rename)',
      },
      {
        name: 'A record `<name>.<dnsName>`',
        scope: 'managed zone',
        how: 'derived from the name; two data stores of one app (either Memorystore backend) that would define the same '
          + 'record are refused at synth',
      },
    ],
    removal: 'Terraform deletes the instance with its data: google_redis_instance in google 6.50 has no deletion protection. With '
      + 'deletion protection and backup history, the backup bucket has no force_destroy, so Cloud Storage refuses to delete it while it '
      + 'holds exports: the apply fails there, after the instance is gone, and the daily exports stay to import into a new instance. '
      + 'Without deletion protection the bucket and its exports go too',
    tokenCidrs: 'none to normalise: Memorystore has no client allow-list, so allowedCidrs is a gap (VPC access only); '
      + 'a token project or region reaches the global bucket name through Terraform\'s own hash',
  },
  alerts: MEMORYSTORE_ALERTS,
  access: MEMORYSTORE_ACCESS,
  rewrittenTags: rewrittenLabels,
  propTypes: {
    project: required('string', { fix: 'the Google Cloud project ID, such as "my-project-123"' }),
    region: required('string', { code: 'MissingRegion', fix: 'the Google Cloud region, such as "europe-west1"' }),
    network: required('string', { code: 'MissingNetwork', fix: 'the VPC network clients connect from, "projects/<project>/global/networks/<network>"' }),
    connectMode: 'string',
    reservedIpRange: 'string',
    zone: 'string',
    alternativeZone: 'string',
    engineVersion: { isInstance: (v) => v instanceof MemorystoreRedisVersion, name: 'MemorystoreRedisVersion', example: 'MemorystoreRedisVersion.REDIS_7_2' },
    kmsKey: 'string',
    snapshotPeriod: 'string',
    backupHour: 'number',
    maintenanceWindow: MAINTENANCE_WINDOW_TYPE,
    privateDnsZone: PRIVATE_DNS_ZONE_TYPE,
    adopt: shapeOf<MemorystoreAdoption>({ instanceId: required('string') }, 'MemorystoreAdoption'),
  },
  regionOf: (props) => props.region,
  // Instance names are unique per project and location ("projects/{project}/locations/{region}/instances/{name}").
  nameScopeOf: (props) => `project ${props.project}, ${props.region}`,
  validate: (props, isUnresolved, skipped) =>
    checkRules([...MEMORYSTORE_PROP_RULES, googleAdoptionRule(REDIS_INSTANCE_ID)], props, isUnresolved, skipped),
  adoptionOf: (props) => googleInstanceAdoption(props, REDIS_INSTANCE_ID),
  adoptionConsequences: MEMORYSTORE_ADOPTION_CONSEQUENCES,
  plan: planMemorystore,
  verifierExpectations: plannedExpectations(planMemorystore, { project: 'verify', region: 'europe-west1', network: 'default' },
    MEMORYSTORE_REDIS_BLOCKED_COMMANDS),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first render, so other clouds' bindings never load
  loadRenderer: () => (require('./render') as typeof import('./render')).renderMemorystore,
};
