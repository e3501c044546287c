import type { CurrentProps } from '../../plan/renamed-props';

/**
 * An Azure Managed Redis performance tier: how many vCPUs come with each size of memory.
 *
 * Flash Optimized is not offered: it keeps part of the data on NVMe disks, not in memory.
 */
export enum AzureManagedRedisSkuFamily {
  /** Memory and vCPUs in a 4:1 ratio, for general workloads (`Balanced_B*`). */
  BALANCED = 'Balanced',
  /** Memory and vCPUs in an 8:1 ratio, cheaper per GB, lower throughput (`MemoryOptimized_M*`). */
  MEMORY_OPTIMIZED = 'MemoryOptimized',
  /** Memory and vCPUs in a 2:1 ratio, for the highest throughput (`ComputeOptimized_X*`). */
  COMPUTE_OPTIMIZED = 'ComputeOptimized',
}

/**
 * An existing Azure Managed Redis cache to bring under the construct, by the ID Terraform imports it by.
 */
export interface AzureManagedRedisAdoption {
  /**
   * The cache's resource ID, `/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers/Microsoft.Cache/redisEnterprise/{name}`.
   * Its name becomes the data store's name, and its resource group the one the construct uses (never defined nor deleted).
   */
  readonly managedRedisId: string;
}

/**
 * Where and how an Azure Managed Redis data store runs.
 */
export interface AzureManagedRedisBackendProps {
  /**
   * The Azure region, one of the US or EU regions (for example `eastus2` or `westeurope`). Required: the type leaves
   * it optional only while its old name `location` is accepted.
   *
   * It is set on every resource the construct defines.
   *
   * @default - none: give region (or, until release 0.2.0, location)
   */
  readonly region?: string;

  /**
   * The old name of `region`, accepted with a warning until release 0.2.0.
   *
   * @deprecated use `region`
   */
  readonly location?: string;

  /**
   * An existing resource group to put the data store's resources in.
   *
   * @default - the construct defines a resource group named after the data store (`<name>-rg`) in `region`
   */
  readonly resourceGroupName?: string;

  /**
   * The performance tier the SKU is chosen from; the smallest SKU of this tier with at least the data
   * store's `memoryGib` is used.
   *
   * @default AzureManagedRedisSkuFamily.BALANCED
   */
  readonly skuFamily?: AzureManagedRedisSkuFamily;

  /**
   * The hour (UTC, 0 to 23) at which the daily export for the plan's backup history runs. Only plans with
   * backup history (Startup, Business) define the export job.
   *
   * @default 3
   */
  readonly backupHour?: number;

  /**
   * The old name of `backupHour`, accepted with a warning until release 0.2.0.
   *
   * @deprecated use `backupHour`
   */
  readonly exportHourUtc?: number;

  /**
   * A subnet, dedicated to this data store, for a private endpoint that enforces `allowedCidrs`.
   *
   * Azure Managed Redis has no IP firewall. With this subnet and `allowedCidrs`, the construct turns public
   * network access off, defines a private endpoint in the subnet, and associates with the subnet a network
   * security group that admits only `allowedCidrs` on port 10000. Clients then reach the cache from the
   * virtual network and the networks routed into it, never from the internet. The subnet must have private
   * endpoint network policies enabled, and must not have another network security group. IPv4 only. Two data
   * stores of one app on the same subnet are refused at synth.
   *
   * @default - no private endpoint: public network access, and `allowedCidrs` is refused
   */
  readonly privateEndpointSubnetId?: string;

  /**
   * An existing `privatelink.redis.azure.net` private DNS zone, by its resource ID, for the private endpoint's record, for
   * networks that already link one (a virtual network links at most one zone of a name). Data stores whose
   * private endpoints share a resource group or a virtual network need it: a resource group holds one zone of the
   * name, and the construct refuses two data stores of one app that would each define it there.
   *
   * @default - with `privateEndpointSubnetId`, the construct defines the zone and links it to the subnet's virtual network
   */
  readonly privateDnsZone?: string;

  /**
   * The old name of `privateDnsZone`, accepted with a warning until release 0.2.0.
   *
   * @deprecated use `privateDnsZone`
   */
  readonly privateDnsZoneId?: string;

  /**
   * Adopts an existing cache instead of creating one: a Terraform import block brings it under the construct, and the
   * first plan changes it in place to meet the plan; the export job and private endpoint are created anew. While
   * `adopt` is set the cache has `prevent_destroy`, so a plan that would replace it (another SKU, or high availability
   * switched, than the cache has) stops instead; remove `adopt` after the first apply. Needs Terraform 1.5 or later.
   * See docs/adoption.md.
   *
   * @default - a new cache is created
   */
  readonly adopt?: AzureManagedRedisAdoption;
}

/** The props as the backend reads them, old names mapped to new ones. */
export type AzureManagedRedisProps = CurrentProps<AzureManagedRedisBackendProps, 'location' | 'privateDnsZoneId' | 'exportHourUtc', 'region'>;
