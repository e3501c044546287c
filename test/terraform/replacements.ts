/**
 * Which attribute changes make each provider replace a resource rather than update it: `ForceNew` in SDKv2
 * schemas, `RequiresReplace` plan modifiers in the plugin framework, and the CustomizeDiff functions that force a
 * new resource only for some changes. The stand-in provider plans a replacement exactly where these say, so the
 * plan-change walk reads Terraform's own planned actions rather than the change tables it checks. Kept apart from
 * the change tables on purpose: a fact wrong in both would go unnoticed.
 *
 * Paths are top-level attribute or block names, or dotted paths into nested blocks. A type not listed here is
 * always updated in place by the stand-in; the lane cannot see its replacements.
 */
import { Value } from './cty';

export interface ReplacementFacts {
  /** Where the facts were read. */
  readonly source: string;
  /** Attributes whose every change forces a new resource. */
  readonly always: readonly string[];
  /** Attributes that force a new resource only for some changes, with the test that tells them apart. */
  readonly when?: Readonly<Record<string, (before: Value, after: Value) => boolean>>;
}

/** `a.b` older than `c.d` (a version in any of the forms the providers use: `7.1`, `REDIS_7_2`, `VALKEY_8_0`). */
function isDowngrade(before: Value, after: Value): boolean {
  const parse = (v: Value) => (typeof v === 'string' ? /(\d+)[._](\d+)/.exec(v)?.slice(1).map(Number) : undefined);
  const [a, b] = [parse(before), parse(after)];
  if (a === undefined || b === undefined) return false;
  return b[0]! < a[0]! || (b[0] === a[0] && b[1]! < a[1]!);
}

/**
 * The resource-level `region` argument of AWS provider 6 moves a resource by replacing it
 * (`internal/provider/sdkv2/region.go` and the framework equivalent: `ForceNew` / `RequiresReplace`).
 */
const AWS_REGION = 'region';

export const REPLACEMENTS: Readonly<Record<string, ReplacementFacts>> = {
  aws_elasticache_replication_group: {
    source: 'terraform-provider-aws internal/service/elasticache/replication_group.go (ForceNew; customizeDiffEngineVersionForceNewOnDowngrade, customizeDiffEngineForceNewOnDowngrade)',
    always: [
      'replication_group_id', 'port', 'at_rest_encryption_enabled', 'kms_key_id', 'subnet_group_name', 'data_tiering_enabled',
      'network_type', 'snapshot_arns', 'snapshot_name', 'security_group_names', 'global_replication_group_id', AWS_REGION,
    ],
    when: {
      engine_version: isDowngrade,
      // Every engine change but Redis OSS to Valkey (engine_version.go).
      engine: (before, after) => typeof before === 'string' && typeof after === 'string' && before !== after
        && !(before === 'redis' && after === 'valkey'),
    },
  },
  aws_elasticache_user: { source: 'terraform-provider-aws internal/service/elasticache/user.go', always: ['user_id', 'user_name', AWS_REGION] },
  aws_elasticache_subnet_group: { source: 'terraform-provider-aws internal/service/elasticache/subnet_group.go', always: ['name', AWS_REGION] },
  aws_security_group: {
    source: 'terraform-provider-aws internal/service/ec2/vpc_security_group.go',
    always: ['name', 'name_prefix', 'description', 'vpc_id', AWS_REGION],
  },
  aws_vpc_security_group_ingress_rule: {
    source: 'terraform-provider-aws internal/service/ec2/vpc_security_group_ingress_rule.go (RequiresReplace)',
    always: ['security_group_id', AWS_REGION],
  },
  azurerm_managed_redis: {
    source: 'terraform-provider-azurerm v4.55.0 internal/services/managedredis/managed_redis_resource.go (ForceNew; commonschema.ResourceGroupName, commonschema.Location)',
    always: ['name', 'resource_group_name', 'location', 'sku_name', 'high_availability_enabled'],
  },
  azurerm_resource_group: { source: 'terraform-provider-azurerm v4.55.0 internal/services/resource/resource_group_resource.go', always: ['name', 'location'] },
  azurerm_storage_account: {
    source: 'terraform-provider-azurerm v4.55.0 internal/services/storage/storage_account_resource.go',
    always: [
      'name', 'resource_group_name', 'location', 'account_tier', 'is_hns_enabled', 'nfsv3_enabled', 'dns_endpoint_type',
      'queue_encryption_key_type', 'table_encryption_key_type', 'infrastructure_encryption_enabled', 'immutability_policy',
    ],
  },
  azurerm_storage_container: {
    source: 'terraform-provider-azurerm v4.55.0 internal/services/storage/storage_container_resource.go',
    always: ['name', 'storage_account_id', 'default_encryption_scope', 'encryption_scope_override_enabled'],
  },
  azurerm_storage_management_policy: { source: 'terraform-provider-azurerm v4.55.0 internal/services/storage/storage_management_policy_resource.go', always: ['storage_account_id'] },
  azurerm_role_assignment: {
    source: 'terraform-provider-azurerm v4.55.0 internal/services/authorization/role_assignment_resource.go',
    always: ['name', 'scope', 'role_definition_id', 'role_definition_name', 'principal_id', 'principal_type', 'description', 'condition', 'condition_version'],
  },
  azurerm_role_definition: { source: 'terraform-provider-azurerm v4.55.0 internal/services/authorization/role_definition_resource.go', always: ['role_definition_id', 'scope'] },
  azurerm_logic_app_workflow: {
    source: 'terraform-provider-azurerm v4.55.0 internal/services/logic/logic_app_workflow_resource.go',
    always: ['name', 'resource_group_name', 'location', 'workflow_schema', 'workflow_version'],
  },
  azurerm_logic_app_action_custom: { source: 'terraform-provider-azurerm v4.55.0 internal/services/logic/logic_app_action_custom_resource.go', always: ['name', 'logic_app_id'] },
  azurerm_logic_app_trigger_recurrence: { source: 'terraform-provider-azurerm v4.55.0 internal/services/logic/logic_app_trigger_recurrence_resource.go', always: ['name', 'logic_app_id'] },
  azurerm_monitor_metric_alert: { source: 'terraform-provider-azurerm v4.55.0 internal/services/monitor/monitor_metric_alert_resource.go', always: ['name', 'resource_group_name'] },
  azurerm_monitor_activity_log_alert: {
    source: 'terraform-provider-azurerm v4.55.0 internal/services/monitor/monitor_activity_log_alert_resource.go',
    always: ['name', 'resource_group_name', 'location'],
  },
  google_redis_instance: {
    source: 'terraform-provider-google v6.50.0 google/services/redis/resource_redis_instance.go (ForceNew; ForceNewIfChange redis_version isRedisVersionDecreasing)',
    always: [
      'name', 'alternative_location_id', 'authorized_network', 'connect_mode', 'customer_managed_key', 'location_id', 'region',
      'reserved_ip_range', 'tier', 'transit_encryption_mode', 'project',
    ],
    when: { redis_version: isDowngrade },
  },
  google_memorystore_instance: {
    source: 'terraform-provider-google v6.50.0 google/services/memorystore/resource_memorystore_instance.go',
    always: [
      'instance_id', 'location', 'allow_fewer_zones_deployment', 'authorization_mode', 'gcs_source', 'kms_key', 'managed_backup_source',
      'mode', 'transit_encryption_mode', 'zone_distribution_config', 'desired_psc_auto_connections', 'desired_auto_created_endpoints', 'project',
    ],
  },
  google_storage_bucket: {
    source: 'terraform-provider-google v6.50.0 google/services/storage/resource_storage_bucket.go',
    always: ['name', 'location', 'project', 'enable_object_retention', 'custom_placement_config', 'hierarchical_namespace'],
  },
  google_service_account: { source: 'terraform-provider-google v6.50.0 google/services/resourcemanager/resource_google_service_account.go', always: ['account_id', 'project'] },
  google_project_iam_custom_role: { source: 'terraform-provider-google v6.50.0 google/services/resourcemanager/resource_google_project_iam_custom_role.go', always: ['role_id', 'project'] },
  google_project_iam_member: { source: 'terraform-provider-google v6.50.0 google/tpgiamresource/resource_iam_member.go', always: ['project', 'role', 'member', 'condition'] },
  google_storage_bucket_iam_member: { source: 'terraform-provider-google v6.50.0 google/tpgiamresource/resource_iam_member.go', always: ['bucket', 'role', 'member', 'condition'] },
  google_cloud_scheduler_job: { source: 'terraform-provider-google v6.50.0 google/services/cloudscheduler/resource_cloud_scheduler_job.go', always: ['name', 'region', 'project'] },
  google_monitoring_alert_policy: { source: 'terraform-provider-google v6.50.0 google/services/monitoring/resource_monitoring_alert_policy.go', always: ['project'] },
  digitalocean_database_cluster: {
    source: 'terraform-provider-digitalocean v2.71.0 digitalocean/database/resource_database_cluster.go',
    always: ['name', 'engine', 'private_network_uuid', 'project_id'],
  },
  digitalocean_database_firewall: { source: 'terraform-provider-digitalocean v2.71.0 digitalocean/database/resource_database_firewall.go', always: ['cluster_id'] },
  digitalocean_database_valkey_config: { source: 'terraform-provider-digitalocean v2.71.0 digitalocean/database/resource_database_valkey_config.go', always: ['cluster_id'] },
  aiven_valkey: {
    source: 'terraform-provider-aiven v4.61.0 internal/schemautil/service.go and common.go (project, service_name)',
    always: ['project', 'service_name'],
  },
  aiven_valkey_user: { source: 'terraform-provider-aiven v4.61.0 docs/resources/valkey_user.md', always: ['project', 'service_name', 'username'] },
  random_id: { source: 'terraform-provider-random v3.7.2 internal/provider/resource_id.go (RequiresReplace)', always: ['byte_length', 'keepers', 'prefix'] },
  random_password: {
    source: 'terraform-provider-random v3.7.2 internal/provider/resource_password.go (RequiresReplace)',
    always: [
      'keepers', 'length', 'special', 'upper', 'lower', 'numeric', 'number', 'min_numeric', 'min_upper', 'min_lower', 'min_special',
      'override_special',
    ],
  },
};
