/**
 * Service limits that would fail an apply are checked at synth on every backend, or handled: allow-list sizes
 * (security group and network security group rules, firewall sources, IP filters) and tags. Values the library
 * used to cut or drop to fit a cloud's tag rules are errors now: nothing is changed without a word.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformVariable, Testing } from 'cdktf';
import { codeOf, planWith, testStack } from './util';
import { ChoreoRedis, Cloud, ServicePlan } from '../lib';
import { AIVEN_DEFINITIONS } from '../lib/backends/aiven/definition';
import { AZURE_MANAGED_REDIS } from '../lib/backends/azure-managed-redis/definition';
import { DIGITALOCEAN_VALKEY } from '../lib/backends/digitalocean-valkey/definition';
import { ELASTICACHE } from '../lib/backends/elasticache/definition';
import { MEMORYSTORE } from '../lib/backends/memorystore/definition';
import { MEMORYSTORE_VALKEY } from '../lib/backends/memorystore-valkey/definition';
import { RedisBackend } from '../lib/backends/redis-backend';

/** `count` distinct IPv4 host addresses, or IPv6 ones. */
const ipv4Hosts = (count: number) => Array.from({ length: count }, (_, i) => `198.51.${100 + Math.floor(i / 256)}.${i % 256}`);
const ipv6Hosts = (count: number) => Array.from({ length: count }, (_, i) => `2001:db8::${i.toString(16)}`);

const ELASTICACHE_PROPS = { region: 'eu-west-1', network: 'vpc-11111111', subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc'] };
const input = (extra: object = {}) => ({ plan: ServicePlan.BUSINESS, ...extra });

describe('ElastiCache: 60 inbound rules of each family per security group, five groups', () => {
  const groupsOf = (allowedCidrs: string[]) => {
    const settings = planWith(ELASTICACHE, ELASTICACHE_PROPS, input({ allowedCidrs })).settings;
    const groups = [...new Set(settings.ingress.map((r) => r.group))];
    return { count: settings.securityGroupCount, sizes: groups.map((g) => settings.ingress.filter((r) => r.group === g).length) };
  };

  test.each([
    ['60 IPv4 sources fit one group', ipv4Hosts(60), 1, [60]],
    ['61 go to a second group', ipv4Hosts(61), 2, [60, 1]],
    ['300 fill five', ipv4Hosts(300), 5, [60, 60, 60, 60, 60]],
    ['IPv4 and IPv6 rules are counted apart: 60 of each in one group', [...ipv4Hosts(60), ...ipv6Hosts(60)], 1, [120]],
  ])('%s', (_, cidrs, count, sizes) => {
    expect(groupsOf(cidrs)).toEqual({ count, sizes });
  });

  test('301 sources of one family are refused with the limits and the fix', () => {
    const plan = () => planWith(ELASTICACHE, ELASTICACHE_PROPS, input({ allowedCidrs: ipv4Hosts(301) }));
    expect(codeOf(plan)).toBe('TooManySources');
    expect(plan).toThrow('allowedCidrs has 301 IPv4 and 0 IPv6 entries (a token counts as both); ElastiCache takes them as security group rules, 60 per family in each of at most 5 groups');
  });

  test('the groups are defined and all join the replication group; the first keeps its name', () => {
    const stack = testStack((s) => {
      new AwsProvider(s, 'aws', { region: 'eu-west-1' });
      new RandomProvider(s, 'random');
    });
    const token = new TerraformVariable(stack, 'office', { type: 'string' }).stringValue;
    const backend = RedisBackend.elastiCache(ELASTICACHE_PROPS);
    new ChoreoRedis(stack, 'Cache', { plan: ServicePlan.BUSINESS, name: 'orders', backend, allowedCidrs: [...ipv4Hosts(120), token] });
    const synth = JSON.parse(Testing.synth(stack));
    const groups = Object.entries(synth.resource.aws_security_group as Record<string, { name: string }>)
      .sort(([, a], [, b]) => a.name.localeCompare(b.name));
    expect(groups.map(([, g]) => g.name)).toEqual(['orders', 'orders.2', 'orders.3']);
    expect(groups[0][0]).toMatch(/^Cache_SecurityGroup_/);
    const ids = groups.map(([id]) => `\${aws_security_group.${id}.id}`);
    expect(Object.values(synth.resource.aws_elasticache_replication_group)[0]).toMatchObject({ security_group_ids: ids });
    const rules = Object.values(synth.resource.aws_vpc_security_group_ingress_rule) as Array<{ security_group_id: string }>;
    const perGroup = ids.map((id) => rules.filter((r) => r.security_group_id === id).length);
    expect(perGroup.every((n) => n <= 60) && perGroup.reduce((a, b) => a + b) === 121).toBe(true);
  });
});

describe('Azure Managed Redis: 4,000 sources in the private endpoint\'s network security group', () => {
  const props = { region: 'westeurope', privateEndpointSubnetId: '/subscriptions/0/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/redis' };

  test('4,000 fit; 4,001 are refused', () => {
    expect(planWith(AZURE_MANAGED_REDIS, props, input({ allowedCidrs: ipv4Hosts(4000) })).settings.privateEndpoint?.sources).toHaveLength(4000);
    const plan = () => planWith(AZURE_MANAGED_REDIS, props, input({ allowedCidrs: ipv4Hosts(4001) }));
    expect(codeOf(plan)).toBe('TooManySources');
    expect(plan).toThrow('allowedCidrs has 4001 distinct entries; the network security group that enforces them holds at most 4000 source addresses and ranges');
  });
});

describe('allow-list sizes already checked', () => {
  test('DigitalOcean: 100 trusted sources', () => {
    expect(codeOf(() => planWith(DIGITALOCEAN_VALKEY, { region: 'fra1' }, input({ allowedCidrs: ipv4Hosts(101) })))).toBe('TooManySources');
    expect(codeOf(() => planWith(DIGITALOCEAN_VALKEY, { region: 'fra1' }, input({ allowedCidrs: ipv4Hosts(100) })))).toBeUndefined();
  });

  test('Aiven: 8,000 IP filter entries', () => {
    const aiven = AIVEN_DEFINITIONS[Cloud.AWS];
    const props = { project: 'p', cloud: Cloud.AWS, region: 'eu-west-1' };
    expect(codeOf(() => planWith(aiven, props, input({ allowedCidrs: ipv4Hosts(8001) })))).toBe('TooManySources');
  });
});

describe('tags', () => {
  const many = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`t${i}`, 'v']));
  const gcp = { project: 'example-project', region: 'europe-west1', network: 'default' };
  const valkey = { project: 'example-project', region: 'europe-west1', network: 'projects/example-project/global/networks/default' };

  test.each([
    ['ElastiCache: 49 tags and the library\'s 2 are 51, over AWS\'s 50', () => planWith(ELASTICACHE, ELASTICACHE_PROPS, input({ tags: many(49) })), 'TooManyTags',
      'tags has 51 entries with the library\'s own managed-by and choreo-plan; AWS takes at most 50 per resource. Remove 1.'],
    ['ElastiCache: a key AWS keeps for itself', () => planWith(ELASTICACHE, ELASTICACHE_PROPS, input({ tags: { 'aws:team': 'a' } })), 'InvalidTag',
      'tags key "aws:team" starts with "aws:", which AWS keeps for itself'],
    ['ElastiCache: a key of 129 characters', () => planWith(ELASTICACHE, ELASTICACHE_PROPS, input({ tags: { ['k'.repeat(129)]: 'a' } })), 'InvalidTag', 'AWS takes keys of 1 to 128'],
    ['ElastiCache: a value of 257 characters', () => planWith(ELASTICACHE, ELASTICACHE_PROPS, input({ tags: { team: 'v'.repeat(257) } })), 'InvalidTag',
      'tags["team"] has 257 characters; AWS takes values of at most 256'],
    ['Azure: 51 tags', () => planWith(AZURE_MANAGED_REDIS, { region: 'westeurope' }, input({ tags: many(49) })), 'TooManyTags', 'Azure'],
    ['Azure: a key with a slash', () => planWith(AZURE_MANAGED_REDIS, { region: 'westeurope' }, input({ tags: { 'team/a': 'x' } })), 'InvalidTag',
      'tags key "team/a" holds "/", which Azure'],
    ['Azure: a key of 129 characters, with the export storage account', () => planWith(AZURE_MANAGED_REDIS, { region: 'westeurope' }, input({ tags: { ['k'.repeat(129)]: 'x' } })),
      'InvalidTag', 'Azure (on the export storage account) takes keys of 1 to 128'],
    ['Memorystore: a label value of 64 characters', () => planWith(MEMORYSTORE, gcp, input({ tags: { team: 'v'.repeat(64) } })), 'InvalidTag', 'labels take at most 63'],
    ['Memorystore for Valkey: 63 tags and the library\'s 2', () => planWith(MEMORYSTORE_VALKEY, valkey, input({ tags: many(63) })), 'TooManyLabels', 'at most 64'],
    ['DigitalOcean: a tag of 256 characters', () => planWith(DIGITALOCEAN_VALKEY, { region: 'fra1' }, input({ tags: { team: 'v'.repeat(251) } })), 'InvalidTag',
      'DigitalOcean takes at most 255'],
    ['Aiven: two keys that become one', () => planWith(AIVEN_DEFINITIONS[Cloud.AWS], { project: 'p', cloud: Cloud.AWS, region: 'eu-west-1' }, input({ tags: { 'a.b': '1', 'a_b': '2', 'a-b': '3' } })),
      'TagCollision', 'both become the Aiven tag key'],
  ])('%s', (_, plan, code, message) => {
    expect(codeOf(plan)).toBe(code);
    expect(plan).toThrow(message);
  });

  test('the limits themselves pass: 48 tags on AWS and Azure, keys of 128 and values of 256', () => {
    expect(() => planWith(ELASTICACHE, ELASTICACHE_PROPS, input({ tags: { ...many(47), ['k'.repeat(128)]: 'v'.repeat(256) } }))).not.toThrow();
    expect(() => planWith(AZURE_MANAGED_REDIS, { region: 'westeurope' }, input({ tags: { ...many(47), ['k'.repeat(128)]: 'v'.repeat(256) } }))).not.toThrow();
  });
});

describe('props that would have no effect are refused, not ignored', () => {
  const valkey = { project: 'example-project', region: 'europe-west1', network: 'projects/example-project/global/networks/default' };
  test.each([
    ['Azure: backupHour on Hobbyist, which has no export job', () => planWith(AZURE_MANAGED_REDIS, { region: 'westeurope', backupHour: 2 }, { plan: ServicePlan.HOBBYIST }),
      'RedisBackend.azureManagedRedis({ backupHour }) is given, but has no effect: the hobbyist plan keeps no backup history, so no export job runs'],
    ['Memorystore for Valkey: backupHour on Hobbyist', () => planWith(MEMORYSTORE_VALKEY, { ...valkey, backupHour: 2 }, { plan: ServicePlan.HOBBYIST }),
      'RedisBackend.memorystoreValkey({ backupHour }) is given, but has no effect'],
    ['ElastiCache: more availability zones than nodes', () => planWith(ELASTICACHE, { ...ELASTICACHE_PROPS, availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] },
      { plan: ServicePlan.STARTUP }), 'availabilityZones lists 3 zones, but the plan runs 1 node(s), one per zone: zones past the first would be ignored'],
  ])('%s', (_, plan, message) => {
    expect(codeOf(plan)).toBe('PropHasNoEffect');
    expect(plan).toThrow(message);
  });
});
