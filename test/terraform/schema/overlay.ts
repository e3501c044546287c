/**
 * What the generated bindings never carry, kept by hand: which attributes are sensitive or write-only, and block
 * item limits above one. Each entry names the provider source it was read from; `fidelity.ts` measures the derived schemas
 * with this overlay against exact schema dumps of the pinned provider versions.
 */
import { BindingKind } from './bindings';
import { AttributeSchema, BlockSchema, NestedBlockSchema } from './model';

/**
 * Sensitive attributes, by type (`data.` for a data source), as dotted paths through nested blocks.
 * aws 6.25.0: `internal/service/elasticache/replication_group.go` (auth_token), `user.go` (passwords, and in
 * authentication_mode), `internal/service/ssm/parameter.go` (value, value_wo). azurerm 4.55.0:
 * `internal/services/managedredis/managed_redis_resource.go` (the default database's access keys),
 * `internal/services/storage/storage_account_resource.go` (access keys and connection strings). google 6.50.0:
 * `services/redis/resource_redis_instance.go` (auth_string), `services/resourcemanager/data_source_google_client_config.go`
 * (access_token). random 3.7.2: `internal/provider/resource_password.go` (result, bcrypt_hash). digitalocean
 * 2.71.0: `digitalocean/database/resource_database_cluster.go` (password, uri, private_uri, ui_password, ui_uri).
 * The secret stores' values: aws `internal/service/secretsmanager/secret_version.go`, azurerm
 * `internal/services/keyvault/key_vault_secret_resource.go`, google
 * `services/secretmanager/resource_secret_manager_secret_version.go`, kubernetes 2.38.0
 * `kubernetes/resource_kubernetes_secret_v1.go` (data, binary_data).
 */
const SENSITIVE: Readonly<Record<string, readonly string[]>> = {
  'aws_elasticache_replication_group': ['auth_token'],
  'aws_elasticache_user': ['passwords', 'authentication_mode.passwords'],
  'aws_ssm_parameter': ['value', 'value_wo'],
  'azurerm_managed_redis': ['default_database.primary_access_key', 'default_database.secondary_access_key'],
  'azurerm_storage_account': [
    'primary_access_key', 'secondary_access_key', 'primary_connection_string', 'secondary_connection_string',
    'primary_blob_connection_string', 'secondary_blob_connection_string',
  ],
  'google_redis_instance': ['auth_string'],
  'data.google_client_config': ['access_token'],
  'random_password': ['result', 'bcrypt_hash'],
  'digitalocean_database_cluster': ['password', 'uri', 'private_uri', 'ui_password', 'ui_uri'],
  'aws_secretsmanager_secret_version': ['secret_string', 'secret_binary', 'secret_string_wo'],
  'azurerm_key_vault_secret': ['value'],
  'google_secret_manager_secret_version': ['secret_data'],
  'kubernetes_secret_v1': ['data', 'binary_data'],
};

/**
 * Write-only attributes (Terraform 1.11): sent to the provider on apply, never stored in the state. Same sources,
 * and aws `internal/service/secretsmanager/secret_version.go`, azurerm
 * `internal/services/keyvault/key_vault_secret_resource.go`, google
 * `services/secretmanager/resource_secret_manager_secret_version.go`.
 */
const WRITE_ONLY: Readonly<Record<string, readonly string[]>> = {
  aws_ssm_parameter: ['value_wo'],
  aws_secretsmanager_secret_version: ['secret_string_wo'],
  azurerm_key_vault_secret: ['value_wo'],
  google_secret_manager_secret_version: ['secret_data_wo'],
};

/**
 * Block item limits above one (`MaxItems`), same sources: aws `replication_group.go` (log_delivery_configuration,
 * 2), azurerm `managed_redis_resource.go` (default_database.module, 4), `storage_account_resource.go` (cors_rule, 5),
 * google `services/storage/resource_storage_bucket.go` (lifecycle_rule, 100).
 */
const MAX_ITEMS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  aws_elasticache_replication_group: { log_delivery_configuration: 2 },
  azurerm_managed_redis: { 'default_database.module': 4 },
  azurerm_storage_account: { 'blob_properties.cors_rule': 5, 'queue_properties.cors_rule': 5, 'share_properties.cors_rule': 5 },
  google_storage_bucket: { lifecycle_rule: 100 },
};

function markSensitive(block: BlockSchema, path: readonly string[], mark: Partial<AttributeSchema> = { sensitive: true }): BlockSchema {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    const found = block.attributes.some((a) => a.name === head);
    if (!found) throw new Error(`overlay: no attribute ${head}`);
    return { ...block, attributes: block.attributes.map((a): AttributeSchema => (a.name === head ? { ...a, ...mark } : a)) };
  }
  const nested = block.attributes.find((a) => a.name === head)?.nested;
  if (nested !== undefined) {
    const inner = markSensitive({ attributes: nested.attributes, blocks: [] }, rest, mark);
    const attributes = block.attributes.map((a) => (a.name === head ? { ...a, nested: { ...nested, attributes: inner.attributes } } : a));
    return { ...block, attributes };
  }
  if (!block.blocks.some((b) => b.name === head)) throw new Error(`overlay: no block or nested attribute ${head}`);
  return { ...block, blocks: block.blocks.map((b) => (b.name === head ? { ...b, block: markSensitive(b.block, rest, mark) } : b)) };
}

function setMaxItems(block: BlockSchema, path: readonly string[], maxItems: number): BlockSchema {
  const [head, ...rest] = path;
  if (!block.blocks.some((b) => b.name === head)) throw new Error(`overlay: no block ${head}`);
  const set = (b: NestedBlockSchema): NestedBlockSchema =>
    (rest.length === 0 ? { ...b, maxItems } : { ...b, block: setMaxItems(b.block, rest, maxItems) });
  return { ...block, blocks: block.blocks.map((b) => (b.name === head ? set(b) : b)) };
}

/** The derived block of one type with the overlay's facts applied. */
export function applyOverlay(kind: BindingKind, type: string, block: BlockSchema): BlockSchema {
  const key = kind === 'data' ? `data.${type}` : type;
  if (kind === 'provider') return block;
  let result = block;
  for (const path of SENSITIVE[key] ?? []) result = markSensitive(result, path.split('.'));
  for (const path of WRITE_ONLY[key] ?? []) result = markSensitive(result, path.split('.'), { writeOnly: true });
  for (const [path, max] of Object.entries(MAX_ITEMS[key] ?? {})) result = setMaxItems(result, path.split('.'), max);
  return result;
}
