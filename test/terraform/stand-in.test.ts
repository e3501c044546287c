/**
 * The stand-in provider's parts without Terraform: the schemas derived from the bindings, the reading of a
 * provider documentation page, the cty wire values, and the plan of a create, an update and a replacement.
 * (`npm run terraform:check -- --self-test` runs the whole lane against the real Terraform core.)
 */
import { decodeValue, encodeValue, UNKNOWN, Value } from './cty';
import { schemaOfPage } from './schema/aiven-docs';
import { BlockSchema, blockType } from './schema/model';
import { schemaFor } from './schema/providers';
import { StandInProvider } from './stand-in';

const aws = schemaFor('aws', { resources: ['aws_elasticache_replication_group', 'aws_elasticahce_typo'], dataSources: [] });
const group = aws.resources.aws_elasticache_replication_group!;
const attribute = (block: BlockSchema, name: string) => block.attributes.find((a) => a.name === name);

describe('schemas derived from the bindings', () => {
  test('carry each attribute\'s type and flags, and the overlay\'s sensitive flags', () => {
    expect(attribute(group, 'description')).toMatchObject({ type: 'string', required: true, optional: false, computed: false });
    expect(attribute(group, 'arn')).toMatchObject({ type: 'string', required: false, optional: false, computed: true });
    expect(attribute(group, 'member_clusters')).toMatchObject({ type: ['set', 'string'], computed: true });
    expect(attribute(group, 'num_cache_clusters')).toMatchObject({ type: 'number', optional: true, computed: true });
    expect(attribute(group, 'auth_token')).toMatchObject({ sensitive: true });
  });

  test('tell set blocks, single blocks and lists of at most one item apart, with the overlay\'s item limits', () => {
    expect(group.blocks.find((b) => b.name === 'log_delivery_configuration')).toMatchObject({ nesting: 'set', maxItems: 2 });
    expect(group.blocks.find((b) => b.name === 'timeouts')).toMatchObject({ nesting: 'single', maxItems: 0 });
    const redis = schemaFor('azurerm', { resources: ['azurerm_managed_redis'], dataSources: [] }).resources.azurerm_managed_redis!;
    expect(redis.blocks.find((b) => b.name === 'default_database')).toMatchObject({ nesting: 'list', maxItems: 1 });
  });

  test('leave out a type the provider does not have, so that Terraform reports it', () => {
    expect(Object.keys(aws.resources)).toEqual(['aws_elasticache_replication_group']);
  });
});

test('a provider documentation page gives required, optional (possibly computed), read-only, sensitive and nested fields', () => {
  const page = [
    '## Schema', '', '### Required', '', '- `name` (String) The name. Changing this property forces recreation of the resource.', '',
    '### Optional', '', '- `secret` (String, Sensitive) A secret.', '- `settings` (Block List, Max: 1) Settings (see [below for nested schema](#nestedblock--settings))', '',
    '### Read-Only', '', '- `id` (String) The ID.', '- `hosts` (List of String) Hosts.', '',
    '<a id="nestedblock--settings"></a>', '### Nested Schema for `settings`', '', 'Optional:', '', '- `port` (Number) The port.', '',
  ].join('\n');
  expect(schemaOfPage(page)).toEqual({
    attributes: [
      { name: 'name', type: 'string', required: true, optional: false, computed: false, sensitive: false },
      { name: 'secret', type: 'string', required: false, optional: true, computed: true, sensitive: true },
      { name: 'id', type: 'string', required: false, optional: false, computed: true, sensitive: false },
      { name: 'hosts', type: ['list', 'string'], required: false, optional: false, computed: true, sensitive: false },
    ],
    blocks: [{
      name: 'settings',
      nesting: 'list',
      minItems: 0,
      maxItems: 1,
      block: { attributes: [{ name: 'port', type: 'number', required: false, optional: true, computed: true, sensitive: false }], blocks: [] },
    }],
  });
});

test('values cross the wire as cty msgpack, unknowns included, each object with all of its attributes', () => {
  const type = blockType(group);
  const decoded = decodeValue(encodeValue({ description: 'd', arn: UNKNOWN, tags: { a: 'b' } }, type)) as Record<string, Value>;
  expect(decoded.arn).toBe(UNKNOWN);
  expect(decoded.description).toBe('d');
  expect(decoded.tags).toEqual({ a: 'b' });
  expect(Object.keys(decoded).sort()).toEqual(Object.keys((type as readonly [string, object])[1]).sort());
});

describe('the stand-in plans', () => {
  const provider = new StandInProvider(aws);
  const config = { replication_group_id: 'orders', description: 'd', engine: 'valkey', engine_version: '8.0', num_cache_clusters: 2 };
  const created = provider.plan('aws_elasticache_replication_group', null, config).planned as Record<string, Value>;
  const state = provider.apply('aws_elasticache_replication_group', created) as Record<string, Value>;

  test('a create with the computed attributes the configuration leaves null unknown, and fills them on apply', () => {
    expect(created.arn).toBe(UNKNOWN);
    expect(created.num_cache_clusters).toBe(2);
    expect(created.auth_token ?? null).toBeNull();
    expect(typeof state.arn).toBe('string');
    expect(state.port ?? null).toBeNull();
    // ElastiCache's names for a group's member clusters, which the replacement guard reads the running version through.
    expect(state.member_clusters).toEqual(['orders-001', 'orders-002']);
  });

  test('data sources of a data store read the object applied under the name they ask for, as the cloud would', () => {
    const running = new StandInProvider(schemaFor('aws', { resources: ['aws_elasticache_replication_group'], dataSources: ['aws_elasticache_cluster'] }));
    expect(() => running.read('aws_elasticache_cluster', { cluster_id: 'orders-001' })).toThrow('not found');
    const applied = running.apply('aws_elasticache_replication_group', created) as Record<string, Value>;
    expect(running.read('aws_elasticache_cluster', { cluster_id: 'orders-002' })).toMatchObject({ engine: 'valkey', engine_version: '8.0' });
    // Updated in place: the read follows; a second object under the same name (which no cloud allows) makes the version unknown.
    const upgraded = running.apply('aws_elasticache_replication_group', { ...applied, engine_version: '8.1' }, applied) as Record<string, Value>;
    expect(running.read('aws_elasticache_cluster', { cluster_id: 'orders-001' })).toMatchObject({ engine_version: '8.1' });
    running.apply('aws_elasticache_replication_group', { ...upgraded, id: 'another', engine_version: '8.0' });
    expect(running.read('aws_elasticache_cluster', { cluster_id: 'orders-001' })).toMatchObject({ engine: 'valkey', engine_version: expect.stringMatching(/^engine-version-/) });
  });

  test('an imported resource (its ID alone) by the configuration, replacing nothing', () => {
    const imported = provider.imported('aws_elasticache_replication_group', 'orders') as Record<string, Value>;
    expect(imported.id).toBe('orders');
    expect(imported.replication_group_id).toBeNull();
    const { planned, requiresReplace } = provider.plan('aws_elasticache_replication_group', imported, { ...imported, ...config }, true);
    expect(requiresReplace).toEqual([]);
    expect((planned as Record<string, Value>).replication_group_id).toBe('orders');
  });

  test.each<[string, string[], Record<string, Value>]>([
    ['a new replication group ID', ['replication_group_id'], { replication_group_id: 'orders-eu' }],
    ['an engine downgrade', ['engine_version'], { engine_version: '7.2' }],
    ['an engine upgrade', [], { engine_version: '8.1' }],
    ['Valkey to Redis OSS', ['engine'], { engine: 'redis' }],
    ['a new node count', [], { num_cache_clusters: 3 }],
    ['a replication group ID known only after apply', ['replication_group_id'], { replication_group_id: UNKNOWN }],
  ])('%s: replacement forced by %j', (_, replaced, change) => {
    expect(provider.plan('aws_elasticache_replication_group', state, { ...state, ...change }).requiresReplace).toEqual(replaced);
  });
});
