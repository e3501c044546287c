/**
 * Realistic values for the computed attributes whose shape the stacks depend on, where a plain value of the right
 * type would not do: keyed by `<type>.<attribute path>`.
 */
import { Value } from './cty';

/**
 * Aiven's Valkey plans, as `aiven_service_plan_list` reports them: the families' node counts (Hobbyist and
 * Startup one node, Business two, Premium three: aiven-docs `high-availability.md`), sizes by the GB of memory per
 * node as production users run them (4, 8, 14, 28, 56, 112 and 200: nais/api `machines.go`; Premium's are assumed
 * the same), and one EU and one US cloud of each cloud (a stack in another region fails its precondition here:
 * add the region). Hobbyist is left off AWS and Azure (aiven/devportal PR #1878). The lane checks each stack's plan
 * precondition against this list. Only the region's memory is given: the list is in the state of every stack that
 * reads it, and a full price table makes the walk's state megabytes large.
 */
const AIVEN_CLOUDS: Readonly<Record<string, readonly string[]>> = {
  aws: ['aws-eu-west-1', 'aws-us-east-1'],
  azure: ['azure-westeurope', 'azure-eastus'],
  google: ['google-europe-west1', 'google-us-east1'],
  do: ['do-ams', 'do-nyc'],
};

function aivenPlan(name: string, nodes: number, memoryGb: number, clouds: readonly string[]): Value {
  const region = { node_memory_mb: memoryGb * 1024 };
  return {
    service_plan: name,
    service_type: 'valkey',
    node_count: nodes,
    is_cluster_plan: false,
    max_memory_percent: 80,
    primary_count: 1,
    shard_count: 1,
    regions: Object.fromEntries(clouds.map((cloud) => [cloud, region])),
  };
}

const ALL_CLOUDS = Object.values(AIVEN_CLOUDS).flat();
const SIZES = [4, 8, 14, 28, 56, 112, 200];

export const FIXTURES: Readonly<Record<string, Value>> = {
  'aiven_service_plan_list.service_plans': [
    aivenPlan('hobbyist', 1, 1, [...AIVEN_CLOUDS.google!, ...AIVEN_CLOUDS.do!]),
    ...SIZES.flatMap((size): Value[] => [
      aivenPlan(`startup-${size}`, 1, size, ALL_CLOUDS),
      aivenPlan(`business-${size}`, 2, size, ALL_CLOUDS),
      aivenPlan(`premium-${size}`, 3, size, ALL_CLOUDS),
    ]),
  ],
  // Memorystore for Valkey's server CA: an output hands its first certificate to clients.
  'google_memorystore_instance.managed_server_ca': [{ ca_certs: [{ certificates: ['-----BEGIN CERTIFICATE-----\nstand-in\n-----END CERTIFICATE-----\n'] }] }],
  // Memorystore for Valkey reports one endpoint with a connection per PSC connection type; an output picks the
  // primary's address by its type.
  'google_memorystore_instance.endpoints': [{
    connections: ['CONNECTION_TYPE_PRIMARY', 'CONNECTION_TYPE_READER'].map((connectionType, i) => ({
      psc_auto_connection: [{
        connection_type: connectionType,
        forwarding_rule: `forwarding-rule-${i + 1}`,
        ip_address: `10.0.0.${i + 2}`,
        network: 'projects/example/global/networks/default',
        port: 6379,
        project_id: 'example',
        psc_connection_id: `psc-${i + 1}`,
        service_attachment: `service-attachment-${i + 1}`,
      }],
    })),
  }],
};
