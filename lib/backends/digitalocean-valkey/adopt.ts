import { DigitalOceanValkeyProps } from './props';
import { DataStoreRequest } from '../../plan';
import { Adoption, AdoptionConsequence, ImportIdFormat, adoptionRules, parseImportId, whileOmitted, withAllowList } from '../adoption';

/**
 * The import ID of `digitalocean_database_cluster`, and of the cluster's `digitalocean_database_valkey_config` and
 * `digitalocean_database_firewall`, which import by their cluster's ID too: terraform-provider-digitalocean v2.71.0
 * (docs/resources/database_cluster.md, database_valkey_config.md, database_firewall.md). The ID is the cluster's UUID.
 */
const CLUSTER_ID: ImportIdFormat = {
  pattern: /^(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
  format: '{cluster UUID}, such as "245bcfd0-7f31-4ce6-a2bc-475a116cca97"',
  source: 'digitalocean_database_cluster import, DigitalOcean provider 2.71.0',
};

/** The cluster ID is a UUID. */
export const DIGITALOCEAN_VALKEY_ADOPTION_RULE = adoptionRules<DigitalOceanValkeyProps>((props, isUnresolved) => {
  parseImportId(props.adopt?.clusterId, CLUSTER_ID, 'adopt.clusterId', isUnresolved);
});

/**
 * The cluster (the construct's `Resource`), its Valkey configuration (`Config`, which every cluster has), and with
 * an allow-list its firewall (`Firewall`), all by the cluster's ID. The ID does not carry the cluster's name, so
 * `name` must be given.
 */
export function digitalOceanValkeyAdoption(props: DigitalOceanValkeyProps, request: DataStoreRequest): Adoption | undefined {
  if (props.adopt === undefined) return undefined;
  const { clusterId } = props.adopt;
  const firewall = request.allowedCidrs !== undefined;
  return {
    source: 'adopt.clusterId',
    imports: [
      { constructId: 'Resource', importId: clusterId },
      { constructId: 'Config', importId: clusterId },
      ...(firewall ? [{ constructId: 'Firewall', importId: clusterId }] : []),
    ],
  };
}

/**
 * What the first apply after adopting a cluster changes (terraform-provider-digitalocean v2.71.0
 * resource_database_cluster.go: region, size, node_count and version update in place; database_firewall.go: the
 * firewall's rules are the cluster's whole list of trusted sources).
 */
export const DIGITALOCEAN_VALKEY_ADOPTION_CONSEQUENCES: readonly AdoptionConsequence<DigitalOceanValkeyProps>[] = [
  {
    code: 'AdoptedRegionMigrated',
    changes: 'region becomes the region prop: DigitalOcean migrates a cluster in another region, with its data, to this one',
    fix: 'set region to the cluster\'s region',
  },
  {
    code: 'AdoptedEngineChanged',
    when: whileOmitted('engineVersion'),
    changes: 'version becomes the default, 8: an older cluster is upgraded in place at once (a newer one keeps its version)',
    fix: 'set engineVersion to the cluster\'s version',
  },
  {
    code: 'AdoptedSizeChanged',
    changes: 'size, node_count and eviction_policy become the plan\'s, and the Valkey configuration\'s persistence the plan\'s: '
      + 'the cluster is resized online',
    fix: 'choose the plan and memory matching the cluster\'s size and node count, and set evictionPolicy to its policy',
  },
  {
    code: 'AdoptedFirewallKept',
    when: withAllowList(false),
    changes: 'the cluster keeps whatever trusted sources it has: the construct defines no firewall to replace them, and a cluster '
      + 'with trusted sources is not open to every source as the plan promises',
    fix: 'list the sources in allowedCidrs to manage them, or remove them from the cluster',
  },
  {
    code: 'AdoptedFirewallReplaced',
    when: withAllowList(true),
    changes: 'the firewall\'s trusted sources become allowedCidrs alone: sources given as droplets, apps, tags or Kubernetes '
      + 'clusters, and addresses not listed, are removed',
    fix: 'list every client\'s address in allowedCidrs',
  },
];
