import { readFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { codeOf, testStack, warningsOf } from './util';
import { MATRIX_CLOUDS, addAdoptionStacks } from '../examples/matrix';
import { ChoreoRedis, Cloud, ElastiCacheEngineVersion, RedisBackend, ServicePlan } from '../lib';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import { typeOf } from '../lib/plan';
import { serviceTitle, unwrapMarkdown } from '../scripts/plan-matrix';

/**
 * What each `<cloud>-adopt` stack must import, written out here independently of the backends: each Terraform type
 * adopted, the ID it is imported by, and the attribute that holds the data store's name with the value it must keep.
 */
const EXPECTED: Readonly<Record<string, { imports: Record<string, string>; name: [string, string, string] }>> = {
  'aws': {
    imports: { aws_elasticache_replication_group: 'orders-cache', aws_elasticache_subnet_group: 'orders-cache-subnets' },
    name: ['aws_elasticache_replication_group', 'replication_group_id', 'orders-cache'],
  },
  'azure': {
    imports: { azurerm_managed_redis: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/orders/providers/Microsoft.Cache/redisEnterprise/orders-cache' },
    name: ['azurerm_managed_redis', 'name', 'orders-cache'],
  },
  'gcp': {
    imports: { google_redis_instance: 'projects/example-project/locations/europe-west1/instances/orders-cache' },
    name: ['google_redis_instance', 'name', 'orders-cache'],
  },
  'gcp-valkey': {
    imports: { google_memorystore_instance: 'projects/example-project/locations/europe-west1/instances/orders-cache' },
    name: ['google_memorystore_instance', 'instance_id', 'orders-cache'],
  },
  'digitalocean': {
    imports: { digitalocean_database_cluster: '245bcfd0-7f31-4ce6-a2bc-475a116cca97', digitalocean_database_valkey_config: '245bcfd0-7f31-4ce6-a2bc-475a116cca97' },
    name: ['digitalocean_database_cluster', 'name', 'orders-cache'],
  },
  ...Object.fromEntries(Object.values(Cloud).map((cloud) => [`aiven-${cloud}`, {
    imports: { aiven_valkey: `choreo-data/orders-cache-${cloud}` },
    name: ['aiven_valkey', 'service_name', `orders-cache-${cloud}`],
  }])),
};

const PRIMARY_TYPES = Object.fromEntries(Object.entries(EXPECTED).map(([cloud, e]) => [cloud, e.name[0]]));

const adoptionStacks = addAdoptionStacks(Testing.app());
const stacks = adoptionStacks.map((stack) => [stack.node.id.replace(/-adopt$/, ''), JSON.parse(Testing.synth(stack))] as const);

/** The consequences each `<cloud>-adopt` stack (Business, no allow-list, default versions and windows) must announce. */
const AIVEN_CONSEQUENCES = ['AdoptedPlanMigrated', 'AdoptedEngineChanged', 'AdoptedIpFilterOpened', 'AdoptedTlsRequired'];
const EXPECTED_CONSEQUENCES: Readonly<Record<string, string[]>> = {
  'aws': ['AdoptedEngineChanged', 'AdoptedCredentialsReplaced', 'AdoptedSecurityGroupsReplaced', 'AdoptedTransitEncryptionRequired',
    'AdoptedAtRestEncryptionRequired', 'AdoptedParameterGroupReplaced', 'AdoptedSubnetGroupManaged', 'AdoptedWindowsChanged'],
  'azure': ['AdoptedSkuChanged', 'AdoptedDatabaseRecreated', 'AdoptedTlsRequired', 'AdoptedPersistenceChanged', 'AdoptedPublicAccessEnabled'],
  'gcp': ['AdoptedEngineChanged', 'AdoptedAuthEnabled', 'AdoptedTransitEncryptionRequired', 'AdoptedPlacementFixed', 'AdoptedSchedulesChanged'],
  'gcp-valkey': ['AdoptedEngineChanged', 'AdoptedAuthorizationRequired', 'AdoptedPlacementFixed', 'AdoptedFieldsInOneUpdate', 'AdoptedSchedulesChanged'],
  'digitalocean': ['AdoptedRegionMigrated', 'AdoptedEngineChanged', 'AdoptedSizeChanged', 'AdoptedFirewallKept'],
  ...Object.fromEntries(Object.values(Cloud).map((cloud) => [`aiven-${cloud}`, AIVEN_CONSEQUENCES])),
};

describe('the <cloud>-adopt matrix stacks', () => {
  test('one per matrix cloud', () => {
    expect(stacks.map(([cloud]) => cloud)).toEqual(MATRIX_CLOUDS.map((entry) => entry.cloud));
    expect(Object.keys(EXPECTED).sort()).toEqual(MATRIX_CLOUDS.map((entry) => entry.cloud).sort());
  });

  test.each(stacks)('%s imports exactly the adopted resources, by their IDs, into resources the stack defines', (cloud, json) => {
    const imports = json.import as Array<{ to: string; id: string }>;
    const byType = Object.fromEntries(imports.map((i) => [i.to.split('.')[0], i.id]));
    expect(byType).toEqual(EXPECTED[cloud].imports);
    for (const { to } of imports) {
      const [type, logicalId] = to.split('.');
      expect(json.resource[type]?.[logicalId]).toBeDefined();
    }
  });

  test.each(stacks)('%s keeps the adopted data store\'s name and stops a plan that would replace it', (cloud, json) => {
    const [type, attribute, name] = EXPECTED[cloud].name;
    const [primary] = Object.values(json.resource[type]) as Array<Record<string, any>>;
    expect(primary[attribute]).toBe(name);
    expect(primary.lifecycle.prevent_destroy).toBe(true);
    expect(PRIMARY_TYPES[cloud]).toBe(type);
  });

  test('ElastiCache keeps the adopted subnet group\'s name, which the replication group cannot leave', () => {
    const [, json] = stacks.find(([cloud]) => cloud === 'aws')!;
    const [group] = Object.values(json.resource.aws_elasticache_replication_group) as Array<Record<string, any>>;
    const [subnets] = Object.values(json.resource.aws_elasticache_subnet_group) as Array<Record<string, any>>;
    expect(subnets.name).toBe('orders-cache-subnets');
    expect(group.subnet_group_name).toMatch(/^\$\{aws_elasticache_subnet_group\.\w+\.name\}$/);
  });

  test('Azure uses the adopted cache\'s resource group and defines none', () => {
    const [, json] = stacks.find(([cloud]) => cloud === 'azure')!;
    const [cache] = Object.values(json.resource.azurerm_managed_redis) as Array<Record<string, any>>;
    expect(cache.resource_group_name).toBe('orders');
    expect(json.resource.azurerm_resource_group).toBeUndefined();
  });
});

const AZURE_SUBNET = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/redis';
const ELASTICACHE = { region: 'eu-west-1', network: 'vpc-0', subnetIds: ['subnet-a', 'subnet-b'] };
const AZURE_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/orders/providers/Microsoft.Cache/redisEnterprise/orders-cache';
const GOOGLE = { project: 'example-project', region: 'europe-west1' };

describe('adopt IDs checked at synth', () => {
  test.each([
    ['an ElastiCache ID with "--"', () => RedisBackend.elastiCache({ ...ELASTICACHE, adopt: { replicationGroupId: 'orders--cache', subnetGroupName: 'subnets' } }), 'InvalidImportId'],
    ['an ElastiCache ARN for an ID', () => RedisBackend.elastiCache({ ...ELASTICACHE, adopt: { replicationGroupId: 'arn:aws:elasticache:eu-west-1:111122223333:replicationgroup:orders', subnetGroupName: 'subnets' } }), 'InvalidImportId'],
    ['an ElastiCache subnet group name with a space', () => RedisBackend.elastiCache({ ...ELASTICACHE, adopt: { replicationGroupId: 'orders', subnetGroupName: 'my subnets' } }), 'InvalidImportId'],
    ['an Azure ID of another resource type', () => RedisBackend.azureManagedRedis({ region: 'westeurope', adopt: { managedRedisId: AZURE_ID.replace('redisEnterprise', 'redis') } }), 'InvalidImportId'],
    ['an Azure ID of another resource group than resourceGroupName', () => RedisBackend.azureManagedRedis({ region: 'westeurope', resourceGroupName: 'other', adopt: { managedRedisId: AZURE_ID } }), 'AdoptedIdMismatch'],
    ['a Memorystore short-form ID', () => RedisBackend.memorystore({ ...GOOGLE, network: 'default', adopt: { instanceId: 'europe-west1/orders' } }), 'InvalidImportId'],
    ['a Memorystore ID of another project', () => RedisBackend.memorystore({ ...GOOGLE, network: 'default', adopt: { instanceId: 'projects/other-project/locations/europe-west1/instances/orders' } }), 'AdoptedIdMismatch'],
    ['a Memorystore for Valkey ID of another region', () => RedisBackend.memorystoreValkey({ ...GOOGLE, network: 'projects/example-project/global/networks/default', adopt: { instanceId: 'projects/example-project/locations/europe-west4/instances/orders' } }), 'AdoptedIdMismatch'],
    ['a DigitalOcean cluster name for its UUID', () => RedisBackend.digitalOceanValkey({ region: 'fra1', adopt: { clusterId: 'orders-cache' } }), 'InvalidImportId'],
    ['an Aiven service name without its project', () => RedisBackend.aiven({ project: 'p1', cloud: Cloud.AWS, region: 'eu-west-1', adopt: { serviceId: 'orders' } }), 'InvalidImportId'],
    ['an Aiven ID of another project', () => RedisBackend.aiven({ project: 'p1', cloud: Cloud.AWS, region: 'eu-west-1', adopt: { serviceId: 'p2/orders' } }), 'AdoptedIdMismatch'],
  ])('fails for %s', (_, make, code) => {
    expect(codeOf(make)).toBe(code);
  });

  test('fails for a token ID, which cannot be checked against the props', () => {
    expect(() => RedisBackend.aiven({ project: 'p1', cloud: Cloud.AWS, region: 'eu-west-1', adopt: { serviceId: '${TfToken[TOKEN.1]}' } }))
      .toThrow(/adopt.serviceId is a Terraform token; give the existing resource's ID as a literal string/);
  });

  test('an error names the prop, the value and the format', () => {
    expect(() => RedisBackend.memorystore({ ...GOOGLE, network: 'default', adopt: { instanceId: 'orders' } }))
      .toThrow('adopt.instanceId "orders" is not an import ID of the form projects/{project}/locations/{region}/instances/{name}');
  });

  test('fails when name differs from the name the ID carries', () => {
    const backend = RedisBackend.azureManagedRedis({ region: 'westeurope', adopt: { managedRedisId: AZURE_ID } });
    expect(() => new ChoreoRedis(testStack(), 'Redis', { plan: ServicePlan.BUSINESS, backend, name: 'payments' }))
      .toThrow('[AdoptedNameMismatch] name "payments" differs from "orders-cache"');
  });

  test('ElastiCache compares names without case, as it stores them in lower case', () => {
    const backend = RedisBackend.elastiCache({ ...ELASTICACHE, adopt: { replicationGroupId: 'Orders-Cache', subnetGroupName: 'Subnets' } });
    expect(codeOf(() => new ChoreoRedis(testStack(), 'Redis', { plan: ServicePlan.STARTUP, backend, name: 'orders-cache' }))).toBeUndefined();
  });

  test('fails on DigitalOcean without name, which its UUID does not carry', () => {
    const backend = RedisBackend.digitalOceanValkey({ region: 'fra1', adopt: { clusterId: '245bcfd0-7f31-4ce6-a2bc-475a116cca97' } });
    expect(codeOf(() => new ChoreoRedis(testStack(), 'Redis', { plan: ServicePlan.BUSINESS, backend }))).toBe('AdoptionNeedsName');
  });

  test('DigitalOcean imports the firewall with an allow-list, and warns that it leaves an existing one alone without', () => {
    const adopt = { clusterId: '245bcfd0-7f31-4ce6-a2bc-475a116cca97' };
    const open = new ChoreoRedis(testStack(), 'Redis', { plan: ServicePlan.STARTUP, name: 'orders', backend: RedisBackend.digitalOceanValkey({ region: 'fra1', adopt }) });
    expect(warningsOf(open).join('\n')).toContain('[AdoptedFirewallKept]');
    const stack = testStack();
    const listed = new ChoreoRedis(stack, 'Redis', {
      plan: ServicePlan.STARTUP, name: 'orders', allowedCidrs: ['203.0.113.0/24'], backend: RedisBackend.digitalOceanValkey({ region: 'fra1', adopt }),
    });
    expect(warningsOf(listed).join('\n')).not.toContain('[AdoptedFirewallKept]');
    const imports = JSON.parse(Testing.synth(stack)).import as Array<{ to: string; id: string }>;
    expect(imports.map((i) => i.to.split('.')[0]).sort()).toEqual(['digitalocean_database_cluster', 'digitalocean_database_firewall', 'digitalocean_database_valkey_config']);
  });
});

describe('what the first apply after adopting changes', () => {
  const adoptedCodes = (construct: Construct) => warningsOf(construct).map((w) => /^\[(Adopted\w+)\]/.exec(w)?.[1]).filter((c) => c !== undefined);

  test.each(adoptionStacks.map((stack) => [stack.node.id.replace(/-adopt$/, ''), stack] as const))('%s announces each consequence, naming what changes and the fix', (cloud, stack) => {
    const redis = stack.node.findChild('Redis');
    expect(adoptedCodes(redis)).toEqual(EXPECTED_CONSEQUENCES[cloud]);
    for (const warning of warningsOf(redis).filter((w) => w.startsWith('[Adopted'))) expect(warning).toMatch(/^\[\w+\] adopting RedisBackend\.\w+\(\{ adopt \}\): .+\. Fix: .+\.$/);
  });

  test('a consequence the props avoid is not announced, and one the allow-list brings is', () => {
    const backend = RedisBackend.elastiCache({
      ...ELASTICACHE,
      engineVersion: ElastiCacheEngineVersion.REDIS_7_1,
      snapshotWindow: '03:00-04:00',
      maintenanceWindow: 'sun:05:00-sun:06:00',
      adopt: { replicationGroupId: 'orders-cache', subnetGroupName: 'orders-cache-subnets' },
    });
    const codes = adoptedCodes(new ChoreoRedis(testStack(), 'Redis', { plan: ServicePlan.BUSINESS, backend }));
    expect(codes).not.toContain('AdoptedEngineChanged');
    expect(codes).not.toContain('AdoptedWindowsChanged');
    expect(codes).toContain('AdoptedSecurityGroupsReplaced');
    const aiven = RedisBackend.aiven({ project: 'choreo-data', cloud: Cloud.AWS, region: 'eu-west-1', adopt: { serviceId: 'choreo-data/orders-cache' } });
    const listed = adoptedCodes(new ChoreoRedis(testStack(), 'Redis', { plan: ServicePlan.BUSINESS, allowedCidrs: ['203.0.113.0/24'], backend: aiven }));
    expect(listed).not.toContain('AdoptedIpFilterOpened');
    const azure = (allowedCidrs?: string[]) => adoptedCodes(new ChoreoRedis(testStack(), 'Redis', {
      plan: ServicePlan.BUSINESS,
      allowedCidrs,
      backend: RedisBackend.azureManagedRedis({
        region: 'westeurope',
        privateEndpointSubnetId: allowedCidrs === undefined ? undefined : AZURE_SUBNET,
        adopt: { managedRedisId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/orders/providers/Microsoft.Cache/redisEnterprise/orders-cache' },
      }),
    }));
    expect(azure()).toContain('AdoptedPublicAccessEnabled');
    expect(azure(['10.0.0.0/24'])).toEqual(expect.arrayContaining(['AdoptedNetworkReplaced']));
    expect(azure(['10.0.0.0/24'])).not.toContain('AdoptedPublicAccessEnabled');
  });

  test('ElastiCache refuses to adopt the VPC\'s default subnet group, in any case, naming the fix', () => {
    for (const subnetGroupName of ['default', 'Default']) {
      expect(() => RedisBackend.elastiCache({ ...ELASTICACHE, adopt: { replicationGroupId: 'orders-cache', subnetGroupName } }))
        .toThrow(/\[AdoptedDefaultSubnetGroup\] adopting RedisBackend\.elastiCache\(\{ adopt \}\): adopt\.subnetGroupName "default" .*Fix: move the replication group to a subnet group of its own/);
    }
  });

  test('docs/adoption.md lists every backend\'s consequences, refusals first marked, from the same data', () => {
    const page = readFileSync(join(__dirname, '..', 'docs', 'adoption.md'), 'utf8');
    const section = page.slice(page.indexOf('<!-- adoption-consequences:begin'), page.indexOf('<!-- adoption-consequences:end'));
    for (const d of BACKEND_DEFINITIONS) {
      expect(d.adoptionConsequences?.length).toBeGreaterThan(0);
      for (const c of d.adoptionConsequences ?? []) expect(section).toContain(`${c.refused === true ? 'refused, ' : ''}\`${c.code}\``);
    }
  });
});

test('the adoption table of docs/adoption.md names, for each backend, the Terraform types its -adopt stack imports', () => {
  const page = readFileSync(join(__dirname, '..', 'docs', 'adoption.md'), 'utf8');
  // The table names each backend's `adopt` members; the list below it, what each imports.
  const table = unwrapMarkdown(page.slice(page.indexOf('<!-- adoption-table -->'), page.indexOf('The IDs are checked at synth')));
  const imports = new Map([...table.matchAll(/^- \*\*([^*]+)\*\*: (.*)$/gm)].map((m) => [m[1], m[2]]));
  const rows = new Map(table.split('\n').slice(3).filter((line) => line.startsWith('| ')).map((line) => {
    const [service, adopt] = line.slice(2, -2).split(' | ');
    return [service, { adopt, imported: imports.get(service) ?? '' }];
  }));
  for (const [cloud, json] of stacks) {
    const service = serviceTitle(MATRIX_CLOUDS.find((entry) => entry.cloud === cloud)!.adopt().backend.service);
    const row = rows.get(service);
    expect(row).toBeDefined();
    const named = [...row!.imported.matchAll(/`([a-z]+_[a-z_]+)`/g)].map((m) => m[1]);
    const imported = (json.import as Array<{ to: string }>).map((i) => i.to.split('.')[0]);
    // Every type the stack imports is named; a type named beyond them is imported only with allowedCidrs.
    expect(named).toEqual(expect.arrayContaining(imported));
    for (const extra of named.filter((type) => !imported.includes(type))) expect(row!.imported).toContain(`with \`allowedCidrs\` \`${extra}\``);
    for (const prop of [...row!.adopt.matchAll(/`(\w+)`/g)].map((m) => m[1]).filter((p) => p !== 'name')) {
      expect(adoptMembers(MATRIX_CLOUDS.find((entry) => entry.cloud === cloud)!.adopt().backend.service)).toContain(prop);
    }
  }
});

/** The members the backend's `adopt` prop declares, by the backend's service name. */
function adoptMembers(service: string): readonly string[] {
  const spec = BACKEND_DEFINITIONS.find((definition) => definition.service === service)?.propTypes.adopt;
  const type = spec === undefined ? undefined : typeOf(spec);
  return typeof type === 'object' && 'shape' in type ? Object.keys(type.shape) : [];
}

test('a backend\'s props with several faults fail with one error naming each', () => {
  expect(() => RedisBackend.elastiCache({ ...ELASTICACHE, snapshotWindow: '3am', adopt: { replicationGroupId: 'orders--cache', subnetGroupName: 'subnets' } }))
    .toThrow(/^\[InvalidProps\] 2 problems with the props; fix each:\n {2}- \[InvalidWindow\] snapshotWindow "3am"[^\n]*\n {2}- \[InvalidImportId\] adopt.replicationGroupId "orders--cache"/);
});
