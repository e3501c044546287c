import { MEMORYSTORE_VALKEY_ACCESS } from './access';
import { MEMORYSTORE_VALKEY_ADOPTION_CONSEQUENCES } from './adopt';
import { VALKEY_ALERTS } from './alert-plan';
import { MEMORYSTORE_VALKEY_CHANGES } from './changes';
import { MemorystoreValkeySettings, planMemorystoreValkey } from './plan';
import { MemorystoreValkeyProps, MemorystoreValkeyVersion, MemorystoreValkeyAdoption, MemorystoreValkeyPlanChange } from './props';
import { MEMORYSTORE_VALKEY_PROP_RULES } from './validation';
import { Cloud, MAINTENANCE_WINDOW_TYPE, ProductPromise, checkRules, required, shapeOf } from '../../plan';
import { BackendDefinition, plannedExpectations } from '../definition';
import { googleAdoptionRule, googleInstanceAdoption, googleInstanceIdFormat } from '../google/adopt';
import { PRIVATE_DNS_ZONE_TYPE } from '../google/google';
import { GCP_REGIONS } from '../google/regions';


/** The instance's import ID (see `googleInstanceIdFormat`). */
const VALKEY_INSTANCE_ID = googleInstanceIdFormat('google_memorystore_instance');
/** Memorystore for Valkey: its identity, validation and planning, without any provider binding. */
export const MEMORYSTORE_VALKEY: BackendDefinition<MemorystoreValkeyProps, MemorystoreValkeySettings> = {
  id: 'memorystore-valkey',
  factory: 'memorystoreValkey',
  cloud: Cloud.GCP,
  service: 'Memorystore for Valkey',
  changes: MEMORYSTORE_VALKEY_CHANGES,
  regions: GCP_REGIONS,
  regionProp: 'region',
  packages: { '@cdktf/provider-google': '16.12.1' },
  enforcesWhenAsked: ['lua-on'],
  keeps: [
    ProductPromise.NODES, ProductPromise.AUTOMATIC_FAILOVER, ProductPromise.DISASTER_RECOVERY_BACKUP, ProductPromise.BACKUP_HISTORY,
    ProductPromise.ENCRYPTION_AT_REST, ProductPromise.TLS, ProductPromise.REGION, ProductPromise.RECOVERY_POINT,
    ProductPromise.ZONE_REDUNDANCY, ProductPromise.EVICTION_POLICY, ProductPromise.ENGINE_COMPATIBILITY,
  ],
  // google v6.50.0 memorystore/resource_memorystore_instance.go:262-267 (deletion_protection_enabled, default true) and
  // :1498-1550 (delete: one DELETE call, which the API refuses while protection is on; "deletion protection option is
  // disabled by default, except when you use Terraform", Memorystore for Valkey, "Prevent instance deletion");
  // "If you delete an instance, then Memorystore for Valkey doesn't delete the corresponding backup collection
  // automatically" (Memorystore for Valkey, "About backups", docs.cloud.google.com/memorystore/docs/valkey/backups);
  // "You can create only one service connection policy for each combination of network, region, and service class"
  // (VPC, "About service connection policies").
  lifecycle: {
    destroyDeletes: [
      'the instance with its data (its deletion protection follows the data store\'s: off for Hobbyist and Startup; '
        + 'on for Business and Premium, where `prevent_destroy` makes Terraform refuse the destroy)',
      'the client members\' grants of roles/memorystore.dbConnectionUser',
      'the A record, when a private DNS zone is given',
      'the service connection policy, when the data store defines it (pscSubnetworks): data stores on the same network '
        + 'and region that use it cannot create endpoints until the network has a policy again',
    ],
    destroyLeaves: [
      'for plans with backup history, the instance\'s backup collection: Memorystore keeps each automated backup until '
        + 'its retention ends (the plan\'s history days), billed; it is not a Terraform resource, so it does not stand in the way of a re-created data store',
    ],
    uniqueNames: [
      {
        name: 'instance ID (the name)',
        scope: 'project and region',
        how: 'the given name, or one derived from the construct path with a hash of it; two Memorystore for Valkey data '
          + 'stores of one app with the same name in one project and region are refused at synth, whatever their stacks',
      },
      {
        name: 'connection policy `memorystore-psc-<hash>`',
        scope: 'per network, region and service class; its name per project and region',
        how: 'a hash of network and region, computed by Terraform when either is a token; two data stores of one app '
          + 'with pscSubnetworks on the same network and region are refused at synth',
      },
      {
        name: 'A record `<name>.<dnsName>`',
        scope: 'managed zone',
        how: 'derived from the name; two data stores of one app (either Memorystore backend) that would define the same '
          + 'record are refused at synth',
      },
    ],
    removal: 'With deletion protection (Business and Premium, or serviceDeletionProtection), the instance\'s deletion_protection_enabled '
      + 'makes Memorystore refuse the delete: the apply fails and the data stays. Without it, Terraform deletes the instance; for plans '
      + 'with backup history its automated backups stay until their retention ends, and restoreFromBackup creates a new data store from one',
    tokenCidrs: 'none to normalise: Memorystore has no client allow-list, so allowedCidrs is a gap (VPC access only); '
      + 'a token network reaches the policy name through Terraform\'s own hash, and the endpoints\' project is read '
      + 'from it by Terraform',
  },
  alerts: VALKEY_ALERTS,
  access: MEMORYSTORE_VALKEY_ACCESS,
  propTypes: {
    project: required('string', { fix: 'the Google Cloud project ID, such as "my-project-123"' }),
    region: required('string', { code: 'MissingRegion', fix: 'the Google Cloud region, such as "europe-west1"' }),
    network: required('string', { code: 'MissingNetwork', fix: 'the VPC network for the Private Service Connect endpoints, "projects/<project>/global/networks/<network>"' }),
    pscSubnetworks: 'string-list',
    clientMembers: 'string-list',
    engineVersion: { isInstance: (v) => v instanceof MemorystoreValkeyVersion, name: 'MemorystoreValkeyVersion', example: 'MemorystoreValkeyVersion.VALKEY_8_0' },
    kmsKey: 'string',
    restoreFromBackup: 'string',
    serviceDeletionProtection: 'boolean',
    backupHour: 'number',
    maintenanceWindow: MAINTENANCE_WINDOW_TYPE,
    privateDnsZone: PRIVATE_DNS_ZONE_TYPE,
    planChange: shapeOf<MemorystoreValkeyPlanChange>({ from: required('string'), step: required('number') }, 'MemorystoreValkeyPlanChange'),
    adopt: shapeOf<MemorystoreValkeyAdoption>({ instanceId: required('string') }, 'MemorystoreValkeyAdoption'),
  },
  regionOf: (props) => props.region,
  // Instance IDs are unique per project and location ("projects/{project}/locations/{location}/instances/{instance_id}").
  nameScopeOf: (props) => `project ${props.project}, ${props.region}`,
  validate: (props, isUnresolved) => checkRules([...MEMORYSTORE_VALKEY_PROP_RULES, googleAdoptionRule(VALKEY_INSTANCE_ID)], props, isUnresolved),
  adoptionOf: (props) => googleInstanceAdoption(props, VALKEY_INSTANCE_ID),
  adoptionConsequences: MEMORYSTORE_VALKEY_ADOPTION_CONSEQUENCES,
  plan: planMemorystoreValkey,
  // The restricted-commands row names no list of what Memorystore for Valkey blocks, so none is checked.
  verifierExpectations: plannedExpectations(planMemorystoreValkey,
    { project: 'verify', region: 'europe-west1', network: 'projects/verify/global/networks/default' }, []),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first render, so other clouds' bindings never load
  loadRenderer: () => (require('./render') as typeof import('./render')).renderMemorystoreValkey,
};
