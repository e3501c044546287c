/**
 * Realistic values for the computed attributes whose shape the stacks depend on, where a plain value of the right
 * type would not do: keyed by `<type>.<attribute path>`.
 */
import { Value } from './cty';

/**
 * Aiven's Valkey plans, as `aiven_service_plan_list` reports them: the families' node counts (Hobbyist and
 * Startup one node, Business two, Premium three: aiven-docs `high-availability.md`), sizes by the GB of memory per
 * node, and the US and EU cloud names of each cloud. Hobbyist is left off AWS and Azure (aiven/devportal PR
 * #1878). The lane checks each stack's plan precondition against this list; it is the lane's own data, not the
 * library's catalog.
 */
const AIVEN_CLOUDS: Readonly<Record<string, readonly string[]>> = {
  aws: ['aws-eu-west-1', 'aws-eu-central-1', 'aws-eu-north-1', 'aws-us-east-1', 'aws-us-east-2', 'aws-us-west-2'],
  azure: ['azure-westeurope', 'azure-northeurope', 'azure-germany-westcentral', 'azure-eastus', 'azure-eastus2', 'azure-westus2'],
  google: ['google-europe-west1', 'google-europe-west3', 'google-europe-north1', 'google-us-central1', 'google-us-east1', 'google-us-west1'],
  do: ['do-ams', 'do-fra', 'do-lon', 'do-nyc', 'do-sfo', 'do-tor'],
};

function aivenPlan(name: string, nodes: number, memoryGb: number, clouds: readonly string[]): Value {
  const region = { disk_space_cap_mb: 0, disk_space_gb_price_usd: '0', disk_space_mb: 0, disk_space_step_mb: 0, node_cpu_count: 1, node_memory_mb: memoryGb * 1024, object_storage_gb_price_usd: '0', price_usd: '0' };
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
const SIZES = [4, 8, 16, 28, 56, 112, 225];

export const FIXTURES: Readonly<Record<string, Value>> = {
  'aiven_service_plan_list.service_plans': [
    aivenPlan('hobbyist', 1, 1, [...AIVEN_CLOUDS.google!, ...AIVEN_CLOUDS.do!]),
    ...SIZES.flatMap((size) => [
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
