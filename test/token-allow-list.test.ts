/**
 * An allow-list given as one list token (a variable's `listValue`, a data source's list) synthesizes on every backend
 * that has an allow-list: its entries are made canonical by Terraform, joined with the literal entries, and checked by
 * preconditions at plan (family and the service's limits); Memorystore, which has no allow-list, refuses it as it
 * refuses any.
 */
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { loadHarnesses } from './harness';
import { codeOf, testStack } from './util';
import { ChoreoRedis, ChoreoRedisProps, IRedisBackend, RedisBackend, ServicePlan } from '../lib';
import { providerRuleViolations } from './provider-rules';

const HARNESSES = Object.fromEntries(loadHarnesses().map((h) => [h.id, h]));

/** A stack with the backend's providers and a `list(string)` variable `office_cidrs`. */
function stackFor(id: string): { stack: TerraformStack; list: string[] } {
  const stack = testStack((s) => HARNESSES[id].arbitrary.configure(s));
  const list = new TerraformVariable(stack, 'office_cidrs', { type: 'list(string)' }).listValue;
  return { stack, list };
}

function synth(id: string, backend: () => IRedisBackend, props: (list: string[]) => Partial<ChoreoRedisProps>) {
  const { stack, list } = stackFor(id);
  new ChoreoRedis(stack, 'Redis', { plan: ServicePlan.BUSINESS, backend: backend(), ...props(list) });
  const json = JSON.parse(Testing.synth(stack));
  expect(providerRuleViolations(json)).toEqual([]);
  return json.resource as Record<string, Record<string, any>>;
}

const one = (resources: Record<string, Record<string, any>>, type: string) => {
  const all = Object.values(resources[type] ?? {});
  expect(all).toHaveLength(1);
  return all[0];
};

/** The canonical form of each list entry, as Terraform computes it. */
const CANONICAL = 'cidrsubnet(strcontains(val, "/") ? val : strcontains(val, ":") ? join("", [val, "/128"]) : join("", [val, "/32"]), 0, 0)';

describe('an allow-list that is a list token', () => {
  test('ElastiCache: one ingress rule per canonical entry (for_each), in a security group of its own, 60 of each family checked at plan', () => {
    const resources = synth('elasticache', () => RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-11111111', subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc'] }),
      (list) => ({ name: 'orders', allowedCidrs: list }));
    const rule = one(resources, 'aws_vpc_security_group_ingress_rule');
    expect(rule.for_each).toContain(`toset(distinct([ for key, val in toset(var.office_cidrs): ${CANONICAL}]))`);
    expect(rule.cidr_ipv4).toBe('${strcontains(each.value, ":") ? null : each.value}');
    expect(rule.cidr_ipv6).toBe('${strcontains(each.value, ":") ? each.value : null}');
    expect(rule.lifecycle.precondition[0].condition).toMatch(/^\$\{\(\(length\(\[ for key, val in .*: val if !strcontains\(val, ":"\)\]\) <= 60\) && \(length/);
    expect(Object.values(resources.aws_security_group).map((g: any) => g.name)).toEqual(['orders']);
  });

  test('ElastiCache: with literal entries, the list\'s rules get a second group', () => {
    const resources = synth('elasticache', () => RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-11111111', subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc'] }),
      (list) => ({ name: 'orders', allowedCidrs: list }));
    expect(Object.keys(resources.aws_security_group)).toHaveLength(1);
    const mixed = stackFor('elasticache');
    new ChoreoRedis(mixed.stack, 'Redis', {
      plan: ServicePlan.BUSINESS,
      name: 'orders',
      backend: RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-11111111', subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc'] }),
      allowedCidrs: ['10.0.0.0/16', ...mixed.list],
    });
    const groups = JSON.parse(Testing.synth(mixed.stack)).resource.aws_security_group;
    expect(Object.values(groups).map((g: any) => g.name).sort()).toEqual(['orders', 'orders.2']);
  });

  test('Aiven: ip_filter_string joins the literal entries and the canonical list', () => {
    const resources = synth('aiven', () => RedisBackend.aiven({ project: 'p', cloud: 'aws' as never, region: 'eu-west-1' }), (list) => ({ allowedCidrs: ['203.0.113.0/24', ...list] }));
    expect(one(resources, 'aiven_valkey').valkey_user_config.ip_filter_string)
      .toBe(`\${distinct(concat(["203.0.113.0/24"], distinct([ for key, val in toset(var.office_cidrs): ${CANONICAL}])))}`);
    expect(one(resources, 'aiven_valkey').lifecycle.precondition[1].error_message).toContain('holds at most 8000');
  });

  test('Azure Managed Redis: the NSG rule takes the list, with preconditions for IPv4 only and 4,000 sources', () => {
    const subnet = '/subscriptions/0/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/redis';
    const resources = synth('azure-managed-redis', () => RedisBackend.azureManagedRedis({ region: 'westeurope', privateEndpointSubnetId: subnet }), (list) => ({ allowedCidrs: list }));
    const allow = Object.values(resources.azurerm_network_security_rule).find((r: any) => r.access === 'Allow');
    expect(allow.source_address_prefixes).toContain('toset(var.office_cidrs)');
    expect(allow.lifecycle.precondition.map((p: any) => p.error_message)).toEqual([
      expect.stringContaining('holds IPv6 entries'), expect.stringContaining('holds at most 4000 source addresses'),
    ]);
  });

  test('DigitalOcean: one firewall rule block per entry (a dynamic block), single hosts bare, IPv4 and 100 sources checked at plan', () => {
    const resources = synth('digitalocean-valkey', () => RedisBackend.digitalOceanValkey({ region: 'fra1' }), (list) => ({ allowedCidrs: list }));
    const firewall = one(resources, 'digitalocean_database_firewall');
    expect(firewall.dynamic.rule.for_each).toContain('toset(var.office_cidrs)');
    expect(firewall.dynamic.rule).toMatchObject({ iterator: 'each', content: { type: 'ip_addr', value: '${each.value}' } });
    expect(firewall.lifecycle.precondition.map((p: any) => p.error_message)).toEqual([
      expect.stringContaining('holds IPv6 entries'), expect.stringContaining('at most 100 trusted sources'),
    ]);
  });

  test('Memorystore: refused like any allow-list, with the fix', () => {
    const backend = () => RedisBackend.memorystore({ project: 'example-project', region: 'europe-west1', network: 'default' });
    const { stack, list } = stackFor('memorystore');
    const literal = codeOf(() => new ChoreoRedis(stackFor('memorystore').stack, 'Redis', { plan: ServicePlan.BUSINESS, backend: backend(), allowedCidrs: ['10.0.0.0/8'] }));
    expect(literal).toMatch(/NotKept$/);
    expect(codeOf(() => new ChoreoRedis(stack, 'Redis', { plan: ServicePlan.BUSINESS, backend: backend(), allowedCidrs: list }))).toBe(literal);
  });
});
