/// <reference types="cdktf/lib/testing/adapters/jest" />
import { DatabaseCluster } from '@cdktf/provider-digitalocean/lib/database-cluster';
import { DatabaseFirewall } from '@cdktf/provider-digitalocean/lib/database-firewall';
import { DatabaseValkeyConfig } from '@cdktf/provider-digitalocean/lib/database-valkey-config';
import { Droplet } from '@cdktf/provider-digitalocean/lib/droplet';
import { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';
import { ReservedIp } from '@cdktf/provider-digitalocean/lib/reserved-ip';
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { matrix } from './matrix';
import { DIGITALOCEAN_VALKEY_SCENARIOS } from './scenarios';
import { matrixProps } from '../../../../examples/matrix';
import { asIfFromJavaScript, resourcesOf, synthJson, testStack, warningsOf } from '../../../../test/util';
import { ChoreoRedis, ChoreoRedisProps, DigitalOceanValkeyBackendProps, EvictionPolicy, RedisBackend, ServicePlan } from '../../../index';
import { DIGITALOCEAN_VALKEY } from '../definition';

const VPC = '5f1c2b7e-8a3d-4c9e-b0f1-2a3b4c5d6e7f';
const PROJECT = '0d9e8f7a-6b5c-4d3e-8f1a-9b8c7d6e5f4a';

function doStack(): TerraformStack {
  return testStack((s) => { new DigitaloceanProvider(s, 'digitalocean', {}); });
}

function redis(props: Partial<ChoreoRedisProps> & { plan: ServicePlan }, backend: DigitalOceanValkeyBackendProps = { region: 'fra1' }) {
  const stack = doStack();
  const store = new ChoreoRedis(stack, 'Redis', { backend: RedisBackend.digitalOceanValkey(backend), ...props });
  return { stack, store, synth: Testing.synth(stack) };
}

describe('cluster', () => {
  test.each([
    [ServicePlan.HOBBYIST, 'db-s-1vcpu-1gb', 1],
    [ServicePlan.STARTUP, 'db-s-1vcpu-2gb', 1],
    [ServicePlan.BUSINESS, 'db-s-2vcpu-4gb', 2],
  ])('%s is a valkey 8 cluster of size %s with node_count %d', (plan, size, nodeCount) => {
    const { synth } = redis({ plan });
    expect(synth).toHaveResourceWithProperties(DatabaseCluster, {
      engine: 'valkey',
      version: '8',
      size,
      node_count: nodeCount,
      region: 'fra1',
      tags: ['choreo-plan:' + plan, 'managed-by:cdktf-choreo-redis'],
    });
  });

  test('places the cluster in the given project and VPC network', () => {
    const { synth } = redis({ plan: ServicePlan.HOBBYIST }, { region: 'nyc3', project: PROJECT, network: VPC });
    expect(synth).toHaveResourceWithProperties(DatabaseCluster, { region: 'nyc3', project_id: PROJECT, private_network_uuid: VPC });
  });

  test('leaves project and VPC network to DigitalOcean when not given', () => {
    const { stack } = redis({ plan: ServicePlan.HOBBYIST });
    const [cluster] = Object.values(resourcesOf(stack, 'digitalocean_database_cluster'));
    expect(Object.keys(cluster)).not.toEqual(expect.arrayContaining(['project_id']));
    expect(Object.keys(cluster)).not.toEqual(expect.arrayContaining(['private_network_uuid']));
  });

  test('uses the given name and normalized user tags', () => {
    const { synth } = redis({ plan: ServicePlan.HOBBYIST, name: 'orders-cache', tags: { Team: 'Payments EU' } });
    expect(synth).toHaveResourceWithProperties(DatabaseCluster, {
      name: 'orders-cache', tags: ['choreo-plan:hobbyist', 'managed-by:cdktf-choreo-redis', 'team:payments-eu'],
    });
  });

  test('protects Business from deletion, and not Hobbyist', () => {
    const business = Object.values(resourcesOf(redis({ plan: ServicePlan.BUSINESS }).stack, 'digitalocean_database_cluster'))[0];
    const hobbyist = Object.values(resourcesOf(redis({ plan: ServicePlan.HOBBYIST }).stack, 'digitalocean_database_cluster'))[0];
    expect(business.lifecycle.prevent_destroy).toBe(true);
    expect(hobbyist.lifecycle.prevent_destroy).toBeUndefined();
  });
});

describe('lifecycle', () => {
  test('defines only the cluster, its configuration and its firewall, all of which destroy deletes, leaving nothing, and the replacement guard', () => {
    const { stack } = redis({ plan: ServicePlan.HOBBYIST, allowedCidrs: ['203.0.113.0/24'] });
    expect(Object.keys(synthJson(stack).resource).sort()).toEqual([
      'digitalocean_database_cluster', 'digitalocean_database_firewall', 'digitalocean_database_valkey_config', 'terraform_data',
    ]);
    expect(DIGITALOCEAN_VALKEY.lifecycle!.destroyDeletes).toHaveLength(3);
    expect(DIGITALOCEAN_VALKEY.lifecycle!.destroyLeaves).toEqual([]);
  });

  test('the cluster name derived from the construct path is lower case, the form DigitalOcean keeps', () => {
    const [cluster] = Object.values(resourcesOf(redis({ plan: ServicePlan.HOBBYIST }).stack, 'digitalocean_database_cluster'));
    expect(cluster.name).toMatch(/^test-redis-[0-9a-f]{8}$/);
  });
});

describe('prop types', () => {
  test.each([
    ['region', 3, 'the number 3, but must be a string.'],
    ['project', true, 'the boolean true, but must be a string.'],
    ['network', ['vpc'], 'an array, but must be a string.'],
    ['engineVersion', '8', 'the string "8", but must be a DigitalOceanValkeyVersion, such as DigitalOceanValkeyVersion.V8.'],
  ])('fails for %s of the wrong type, naming the prop, the type received and the type expected', (prop, value, message) => {
    const props = asIfFromJavaScript<DigitalOceanValkeyBackendProps>({ region: 'fra1', [prop]: value });
    expect(() => RedisBackend.digitalOceanValkey(props)).toThrow(`[InvalidType] RedisBackend.digitalOceanValkey({ ${prop} }) is ${message}`);
  });
});

describe('valkey config', () => {
  test('pins TLS on and RDB persistence with frequent snapshots, on the cluster', () => {
    const { stack, synth } = redis({ plan: ServicePlan.HOBBYIST });
    expect(synth).toHaveResourceWithProperties(DatabaseValkeyConfig, { ssl: true, persistence: 'rdb', frequent_snapshots: true });
    const [config] = Object.values(resourcesOf(stack, 'digitalocean_database_valkey_config'));
    expect(config.cluster_id).toMatch(/^\$\{digitalocean_database_cluster\.Redis_[0-9A-F]{8}\.id\}$/);
  });
});

describe('firewall', () => {
  test('the restricted matrix stack allows exactly the two given sources', () => {
    const stack = doStack();
    new ChoreoRedis(stack, 'Redis', matrixProps(matrix, 'restricted'));
    const firewalls = Object.values(resourcesOf(stack, 'digitalocean_database_firewall'));
    expect(firewalls).toHaveLength(1);
    expect(firewalls[0].cluster_id).toMatch(/^\$\{digitalocean_database_cluster\.Redis_[0-9A-F]{8}\.id\}$/);
    expect(firewalls[0].rule).toEqual([
      { type: 'ip_addr', value: '198.51.100.7' },
      { type: 'ip_addr', value: '203.0.113.0/24' },
    ]);
  });

  test('no allowedCidrs means no firewall', () => {
    const { synth } = redis({ plan: ServicePlan.BUSINESS });
    expect(synth).not.toHaveResource(DatabaseFirewall);
  });

  /** The firewall rule value Terraform computes from a token entry `ref`: canonical CIDR block, `/32` stripped. */
  const bareHost = (ref: string) =>
    `\${trimsuffix(cidrsubnet(strcontains(${ref}, "/") ? ${ref} : strcontains(${ref}, ":") ? join("", [${ref}, "/128"]) : join("", [${ref}, "/32"]), 0, 0), "/32")}`;
  const ipv4Only = (ref: string) => ({
    condition: `\${!strcontains(${ref}, ":")}`,
    error_message: `The allowedCidrs entry "\${${ref}}" is IPv6; DigitalOcean database firewalls take IPv4 trusted sources only. Give the clients' IPv4 address or range, or omit allowedCidrs to accept every source.`,
  });

  test('a variable, a reserved IP and a Droplet\'s address are written in the API\'s form, each checked to be IPv4', () => {
    const stack = doStack();
    const office = new TerraformVariable(stack, 'office', { type: 'string' });
    const ip = new ReservedIp(stack, 'ip', { region: 'fra1' });
    const web = new Droplet(stack, 'web', { name: 'web', image: 'ubuntu-24-04-x64', size: 's-1vcpu-1gb', region: 'fra1' });
    new ChoreoRedis(stack, 'Redis', {
      plan: ServicePlan.HOBBYIST,
      backend: RedisBackend.digitalOceanValkey({ region: 'fra1' }),
      allowedCidrs: [office.stringValue, '198.51.100.7/32', ip.ipAddress, web.ipv4Address],
    });
    const [firewall] = Object.values(resourcesOf(stack, 'digitalocean_database_firewall'));
    const refs = ['var.office', 'digitalocean_reserved_ip.ip.ip_address', 'digitalocean_droplet.web.ipv4_address'];
    expect(firewall.rule).toEqual([
      { type: 'ip_addr', value: '198.51.100.7' },
      ...refs.map((ref) => ({ type: 'ip_addr', value: bareHost(ref) })),
    ]);
    expect(firewall.lifecycle).toEqual({ precondition: refs.map(ipv4Only) });
  });

  test('a firewall of literal entries has no precondition', () => {
    const stack = doStack();
    new ChoreoRedis(stack, 'Redis', matrixProps(matrix, 'restricted'));
    const [firewall] = Object.values(resourcesOf(stack, 'digitalocean_database_firewall'));
    expect(firewall.lifecycle).toBeUndefined();
  });

  test('fails for an IPv6 entry, naming it', () => {
    expect(() => redis({ plan: ServicePlan.HOBBYIST, allowedCidrs: ['203.0.113.0/24', '2001:db8::/48'] })).toThrow(
      '[UnsupportedAddressFamily] allowedCidrs entry "2001:db8::/48" is IPv6; DigitalOcean database firewalls take IPv4 trusted sources only.');
  });
});

describe('binding', () => {
  test('connects to the cluster host on port 25061 as its user, with the sensitive password in the URI', () => {
    const { store, stack } = redis({ plan: ServicePlan.STARTUP });
    store.addOutputs({ prefix: 'cache' });
    const json = synthJson(stack);
    const cluster = /digitalocean_database_cluster\.Redis_[0-9A-F]{8}/;
    expect(store.port).toBe(25061);
    expect(json.output!.cache_host.value).toMatch(new RegExp(`^\\$\\{${cluster.source}\\.host\\}$`));
    expect(json.output!.cache_user.value).toMatch(new RegExp(`^\\$\\{${cluster.source}\\.user\\}$`));
    expect(json.output!.cache_password).toEqual(expect.objectContaining({ sensitive: true }));
    expect(json.output!.cache_password.value).toMatch(new RegExp(`^\\$\\{${cluster.source}\\.password\\}$`));
    expect(json.output!.cache_uri.value).toMatch(/^\$\{format\("rediss:\/\/%s:%s@%s:%s", .*\.user, urlencode\(.*\.password\), .*\.host, 25061\)\}$/);
    expect(json.output!.cache_uri.sensitive).toBe(true);
  });

  test('privateHost is the cluster\'s host in its VPC network, and privateUri its own sensitive URI', () => {
    const { store, stack } = redis({ plan: ServicePlan.HOBBYIST }, { region: 'fra1', network: VPC });
    new TerraformOutput(stack, 'private-host', { value: store.privateHost });
    new TerraformOutput(stack, 'private-uri', { value: store.privateUri, sensitive: true });
    const json = synthJson(stack);
    expect(store.resource).toBeInstanceOf(DatabaseCluster);
    expect(json.output!['private-host'].value).toMatch(/^\$\{digitalocean_database_cluster\.Redis_[0-9A-F]{8}\.private_host\}$/);
    expect(json.output!['private-uri'].value).toMatch(/^\$\{format\("rediss:\/\/%s:%s@%s:%s", .*\.user, urlencode\(.*\.password\), .*\.private_host, 25061\)\}$/);
  });

  test('the private host and URI are there in the region\'s default VPC network too, without outputs of their own', () => {
    const { store, stack } = redis({ plan: ServicePlan.HOBBYIST });
    expect(store.privateHost).toBeDefined();
    expect(store.privateUri).toBeDefined();
    expect(synthJson(stack).output).toBeUndefined();
  });
});

describe('policy', () => {
  test('Startup synthesizes with warnings for backup history, the recovery point, Lua and the SLA', () => {
    const { store } = redis({ plan: ServicePlan.STARTUP });
    const warnings = warningsOf(store);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toContain('Managed Valkey (digitalocean) cannot keep the startup plan\'s promise "backup history": Managed Valkey keeps no backups');
    expect(warnings[1]).toContain('"recovery point: at most ~5 min of writes lost": persistence = "rdb" with frequent_snapshots = true');
    expect(warnings[2]).toContain('"Lua on by default, switchable off"');
    expect(warnings[3]).toContain('"99.99% monthly uptime SLA": no published SLA covers Managed Databases');
  });

  test('Business with Lua off and an allow-list synthesizes with warnings for backup history, zones and the SLA only', () => {
    const { store } = redis({ plan: ServicePlan.BUSINESS, luaScripting: false, allowedCidrs: ['203.0.113.0/24'] });
    expect(warningsOf(store)).toEqual([
      expect.stringContaining('"backup history"'),
      expect.stringContaining('"standbys in other availability zones": fra1 is one datacenter with no availability zones'),
      expect.stringContaining('"99.99% monthly uptime SLA"'),
    ]);
  });

  test('writes the eviction policy on the cluster in DigitalOcean\'s spelling, and fails for an LFU policy it does not offer', () => {
    expect(redis({ plan: ServicePlan.BUSINESS, evictionPolicy: EvictionPolicy.VOLATILE_TTL }).synth)
      .toHaveResourceWithProperties(DatabaseCluster, { eviction_policy: 'volatile_ttl' });
    expect(() => redis({ plan: ServicePlan.BUSINESS, evictionPolicy: EvictionPolicy.VOLATILE_LFU }))
      .toThrow(/\[EvictionPolicyNotKept\] Managed Valkey \(digitalocean\) cannot keep the business plan's promise "one eviction policy, set explicitly": evictionPolicy "volatile-lfu" is not one Managed Valkey offers/);
  });

  test('fails for Premium, proposing Business or a backend that keeps three nodes', () => {
    expect(() => redis({ plan: ServicePlan.PREMIUM })).toThrow(
      /^\[PromiseNotKept\] \[NodesNotKept\] Managed Valkey \(digitalocean\) cannot keep the premium plan's promise "nodes \(primary \+ standbys\)": .*Fix: use ServicePlan\.BUSINESS on DigitalOcean .*; or choose a backend that keeps this promise: .*RedisBackend\.elastiCache\(\)/);
  });

  test('fails when luaScripting: true is asked for explicitly', () => {
    expect(() => redis({ plan: ServicePlan.HOBBYIST, luaScripting: true })).toThrow(/^\[PromiseNotKept\] \[LuaScriptingNotKept\] .*"Lua on by default, switchable off"/);
  });

  test('fails under strict for Startup, whose history DigitalOcean cannot keep', () => {
    expect(() => redis({ plan: ServicePlan.STARTUP, luaScripting: false, strict: true })).toThrow(/"backup history" \(an error because strict is true\)/);
  });

  test.each(DIGITALOCEAN_VALKEY_SCENARIOS.refusedPlans!)('fails for %s, which the change tests leave out', (plan) => {
    expect(() => redis({ plan })).toThrow(/^\[PromiseNotKept\]/);
  });

  test('fails for a region outside the US and EU when the backend is made', () => {
    expect(() => RedisBackend.digitalOceanValkey({ region: 'lon1' })).toThrow(/^\[UnsupportedRegion\] .*"lon1" is in Europe but outside the European Union/);
  });
});

describe('names', () => {
  test('fails on two clusters with one name in different regions: DigitalOcean names are account-wide', () => {
    const stack = doStack();
    new ChoreoRedis(stack, 'Eu', { plan: ServicePlan.STARTUP, name: 'sessions', backend: RedisBackend.digitalOceanValkey({ region: 'fra1' }) });
    expect(() => new ChoreoRedis(stack, 'Us', { plan: ServicePlan.STARTUP, name: 'sessions', backend: RedisBackend.digitalOceanValkey({ region: 'nyc3' }) }))
      .toThrow('[NameCollision] name "sessions" of test/Us is already used by test/Eu for Managed Valkey in the account');
  });
});
