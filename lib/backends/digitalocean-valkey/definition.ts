import { DIGITALOCEAN_VALKEY_ACCESS } from './access';
import { DIGITALOCEAN_VALKEY_ADOPTION_CONSEQUENCES, DIGITALOCEAN_VALKEY_ADOPTION_RULE, digitalOceanValkeyAdoption } from './adopt';
import { DIGITALOCEAN_ALERTS } from './alert-plan';
import { DIGITALOCEAN_VALKEY_CHANGES } from './changes';
import { DigitalOceanValkeySettings, planDigitalOceanValkey, rewrittenDigitalOceanTags } from './plan';
import { DigitalOceanValkeyProps, DigitalOceanValkeyVersion, DigitalOceanValkeyAdoption } from './props';
import { DIGITALOCEAN_REGIONS } from './regions';
import { DIGITALOCEAN_VALKEY_PROP_RULES } from './validation';
import { Cloud, ProductPromise, checkRules, required, shapeOf } from '../../plan';
import { BackendDefinition, plannedExpectations } from '../definition';

/** Managed Valkey: its identity, validation and planning, without any provider binding. */
export const DIGITALOCEAN_VALKEY: BackendDefinition<DigitalOceanValkeyProps, DigitalOceanValkeySettings> = {
  id: 'digitalocean-valkey',
  factory: 'digitalOceanValkey',
  cloud: Cloud.DIGITALOCEAN,
  service: 'Managed Valkey',
  changes: DIGITALOCEAN_VALKEY_CHANGES,
  regions: DIGITALOCEAN_REGIONS,
  regionProp: 'region',
  packages: { '@cdktf/provider-digitalocean': '13.14.1' },
  // Left out: nodes (Premium's three), backup history (none kept), Lua (off unless DigitalOcean support switches
  // it on), and failover, since Premium, whose failover another backend might miss, is refused here.
  enforcesWhenAsked: ['allow-list', 'lua-off'],
  keeps: [
    ProductPromise.DISASTER_RECOVERY_BACKUP, ProductPromise.ENCRYPTION_AT_REST, ProductPromise.TLS, ProductPromise.AUTHENTICATION,
    ProductPromise.NETWORK_ACCESS, ProductPromise.STABLE_ENDPOINT, ProductPromise.CONNECTION_LIMIT, ProductPromise.RESTRICTED_COMMANDS,
    ProductPromise.REGION, ProductPromise.ENGINE_COMPATIBILITY,
  ],
  // terraform-provider-digitalocean v2.71.0, digitalocean/database/: resource_database_firewall.go:124-140 (delete
  // sends an empty rule set), resource_database_valkey_config.go:262-272 (delete only forgets the resource),
  // resource_database_cluster.go:595-606 (delete). "Backups are also not supported for Redis or Valkey clusters"
  // (DigitalOcean API, POST /v2/databases).
  lifecycle: {
    destroyDeletes: [
      'the database firewall, whose rules are emptied first, so the cluster accepts every source until it is deleted',
      'the Valkey configuration, from Terraform state only (DigitalOcean unsets nothing, and the settings go with the cluster)',
      'the database cluster with its data, of which Managed Valkey keeps no backup',
    ],
    destroyLeaves: [],
    uniqueNames: [{
      name: 'database cluster name',
      scope: 'the DigitalOcean account',
      how: 'the given name, or one derived from the construct path with a hash of it; two Managed Valkey data stores of one app with the same name are refused at synth, whatever their stacks and regions',
    }],
    removal: 'Terraform deletes the cluster with its data: digitalocean_database_cluster in provider 2.71 has no deletion protection, '
      + 'and Managed Valkey keeps no backups. Copy the keys out first (DUMP and RESTORE) if you need them',
    tokenCidrs: 'each token entry becomes its canonical CIDR block with `/32` stripped, the bare address DigitalOcean returns for a host; a precondition on the firewall fails the plan when an entry turns out to be IPv6',
  },
  alerts: DIGITALOCEAN_ALERTS,
  access: DIGITALOCEAN_VALKEY_ACCESS,
  rewrittenTags: rewrittenDigitalOceanTags,
  propTypes: {
    region: required('string', { code: 'MissingRegion', fix: 'the DigitalOcean region, such as "fra1"' }),
    project: 'string',
    network: 'string',
    engineVersion: { isInstance: (v) => v instanceof DigitalOceanValkeyVersion, name: 'DigitalOceanValkeyVersion', example: 'DigitalOceanValkeyVersion.V8' },
    adopt: shapeOf<DigitalOceanValkeyAdoption>({ clusterId: required('string') }, 'DigitalOceanValkeyAdoption'),
  },
  regionOf: (props) => props.region,
  // Database cluster names are unique across the whole DigitalOcean account, not per region ("a unique,
  // human-readable name", DigitalOcean API, database cluster `name`).
  nameScopeOf: () => 'the account',
  validate: (props, isUnresolved, skipped) =>
    checkRules([...DIGITALOCEAN_VALKEY_PROP_RULES, DIGITALOCEAN_VALKEY_ADOPTION_RULE], props, isUnresolved, skipped),
  adoptionOf: digitalOceanValkeyAdoption,
  adoptionConsequences: DIGITALOCEAN_VALKEY_ADOPTION_CONSEQUENCES,
  plan: planDigitalOceanValkey,
  verifierExpectations: plannedExpectations(planDigitalOceanValkey, { region: 'fra1' }),
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first render, so other clouds' bindings never load
  loadRenderer: () => (require('./render') as typeof import('./render')).renderDigitalOceanValkey,
};
