import { TerraformVariable } from 'cdktf';
import { TOKEN, findingsOf, isTokenText, planWith, testStack } from '../../../../test/util';
import { DataStoreInput, ProductPromise, Realization, ServicePlan, Severity } from '../../../plan';
import { DIGITALOCEAN_VALKEY_SIZES } from '../catalog';
import { DIGITALOCEAN_VALKEY } from '../definition';
import { digitalOceanTags } from '../plan';
import { DigitalOceanValkeyBackendProps, DigitalOceanValkeyVersion } from '../props';

const PROPS: DigitalOceanValkeyBackendProps = { region: 'fra1' };

function plan(input: Partial<DataStoreInput> & { plan: ServicePlan }, props = PROPS, name?: string) {
  return planWith(DIGITALOCEAN_VALKEY, props, { ...input, name });
}

const settings = (input: Partial<DataStoreInput> & { plan: ServicePlan }) => plan(input).settings;
const findings = (input: Partial<DataStoreInput> & { plan: ServicePlan }) => findingsOf(DIGITALOCEAN_VALKEY, plan(input));

describe('tiers', () => {
  test.each([
    [ServicePlan.HOBBYIST, 1, 'db-s-1vcpu-1gb', Realization.NATIVE, Realization.NATIVE],
    [ServicePlan.STARTUP, 1, 'db-s-1vcpu-2gb', Realization.NATIVE, Realization.UNAVAILABLE],
    [ServicePlan.BUSINESS, 2, 'db-s-2vcpu-4gb', Realization.NATIVE, Realization.UNAVAILABLE],
    [ServicePlan.PREMIUM, 2, 'db-s-4vcpu-8gb', Realization.SUBSTITUTED, Realization.UNAVAILABLE],
  ])('%s runs %d node(s) of %s; nodes %s, backup history %s', (tier, nodes, slug, nodesRealization, history) => {
    const p = plan({ plan: tier });
    expect(p.nodeCount).toBe(nodes);
    expect(p.size.id).toBe(slug);
    expect(p.engine).toBe('valkey');
    expect(p.engineVersion).toBe('8');
    expect(p.port).toBe(25061);
    expect(p.backupRetentionDays).toBe(0);
    expect(p.conformance[ProductPromise.NODES].realization).toBe(nodesRealization);
    expect(p.conformance[ProductPromise.BACKUP_HISTORY].realization).toBe(history);
  });

  test.each([
    [ServicePlan.HOBBYIST, 1, 10_000],
    [ServicePlan.STARTUP, 2, 10_000],
    [ServicePlan.BUSINESS, 4, 16_384],
    [ServicePlan.PREMIUM, 8, 32_768],
  ])('%s with %d GiB allows %d connections per node, the promised formula', (tier, memoryGib, connections) => {
    const p = plan({ plan: tier, memoryGib });
    expect(p.serviceMaxConnections).toBe(connections);
    expect(p.conformance[ProductPromise.CONNECTION_LIMIT].realization).toBe(Realization.NATIVE);
  });

  test('fails for Premium with a NODES error naming Business, and no other backend of its own accord', () => {
    const errors = findings({ plan: ServicePlan.PREMIUM }).filter((f) => f.severity === Severity.ERROR);
    expect(errors.map((f) => f.promise)).toEqual([ProductPromise.NODES]);
    expect(errors[0].message).toContain('at most a primary and one standby (2 nodes), not the 3 nodes the premium plan promises');
    expect(errors[0].message).toMatch(/Fix: use ServicePlan\.BUSINESS on DigitalOcean \(a primary and one standby with automatic failover\)\.$/);
  });
});

describe('sizes', () => {
  test.each([
    [0.5, 'db-s-1vcpu-1gb'],
    [1, 'db-s-1vcpu-1gb'],
    [1.5, 'db-s-1vcpu-2gb'],
    [3, 'db-s-2vcpu-4gb'],
    [12, 'db-s-6vcpu-16gb'],
    [16, 'db-s-6vcpu-16gb'],
    [64, 'db-s-16vcpu-64gb'],
    [65, 'm-16vcpu-128gb'],
    [256, 'm-32vcpu-256gb'],
  ])('memoryGib %d maps to %s', (memoryGib, slug) => {
    expect(settings({ plan: ServicePlan.HOBBYIST, memoryGib }).sizeSlug).toBe(slug);
  });

  test('every slug is unique', () => {
    expect(new Set(DIGITALOCEAN_VALKEY_SIZES.map((s) => s.id)).size).toBe(DIGITALOCEAN_VALKEY_SIZES.length);
  });

  test('fails when no size has enough memory', () => {
    expect(() => plan({ plan: ServicePlan.HOBBYIST, memoryGib: 300 })).toThrow(expect.objectContaining({
      code: 'NoSizeFits',
      message: expect.stringContaining('memoryGib 300 is more than any of the DigitalOcean Managed Valkey sizes offers; the largest is m-32vcpu-256gb'),
    }));
  });

  test('fails for Business below 2 GiB, naming memoryGib and the fix', () => {
    expect(() => plan({ plan: ServicePlan.BUSINESS, memoryGib: 1 })).toThrow(expect.objectContaining({
      code: 'StandbyNeedsMemory',
      message: expect.stringMatching(/^\[StandbyNeedsMemory\] memoryGib 1 selects db-s-1vcpu-1gb \(1 GiB\), but the business plan's standby node needs a size with at least 2 GiB.*Set memoryGib to 2 or more, or omit it for the plan's default \(4 GiB\)\.$/),
    }));
  });

  test('Business at exactly 2 GiB runs two nodes', () => {
    const p = plan({ plan: ServicePlan.BUSINESS, memoryGib: 2 });
    expect([p.nodeCount, p.size.id]).toEqual([2, 'db-s-1vcpu-2gb']);
  });
});

describe('allow-list', () => {
  test('no allowedCidrs means no firewall, open as the product promises', () => {
    expect(settings({ plan: ServicePlan.BUSINESS }).trustedSources).toBeUndefined();
    expect(plan({ plan: ServicePlan.BUSINESS }).conformance[ProductPromise.NETWORK_ACCESS]).toEqual({
      realization: Realization.NATIVE,
      detail: 'no database firewall: every source may connect to the public host',
    });
  });

  test('writes single hosts as bare addresses and ranges as CIDR, sorted and de-duplicated', () => {
    const sources = settings({ plan: ServicePlan.BUSINESS, allowedCidrs: ['203.0.113.0/24', '198.51.100.7/32', '198.51.100.7', '10.0.0.0/8'] }).trustedSources;
    expect(sources).toEqual(['10.0.0.0/8', '198.51.100.7', '203.0.113.0/24']);
  });

  test('brings a token entry into the API\'s form with Terraform functions, and checks it is IPv4 before writing the firewall', () => {
    // A registered token: the Terraform functions check their arguments' tokens when they are called.
    const token = new TerraformVariable(testStack(), 'office', { type: 'string' }).stringValue;
    const { trustedSources, firewallPreconditions } = settings({ plan: ServicePlan.HOBBYIST, allowedCidrs: ['198.51.100.7', token] });
    expect(trustedSources).toHaveLength(2);
    expect(trustedSources![0]).toBe('198.51.100.7');
    expect(isTokenText(trustedSources![1])).toBe(true);
    expect(trustedSources![1]).not.toBe(token);
    expect(firewallPreconditions).toEqual([{
      condition: expect.stringContaining('${TfToken'),
      errorMessage: `The allowedCidrs entry "${token}" is IPv6; DigitalOcean database firewalls take IPv4 trusted sources only. Give the clients' IPv4 address or range, or omit allowedCidrs to accept every source.`,
    }]);
  });

  test('literal entries need no firewall precondition', () => {
    expect(settings({ plan: ServicePlan.HOBBYIST, allowedCidrs: ['198.51.100.7/32'] }).firewallPreconditions).toBeUndefined();
  });

  test('accepts 100 sources', () => {
    const entries = Array.from({ length: 100 }, (_, i) => `10.0.${i}.0/24`);
    expect(settings({ plan: ServicePlan.HOBBYIST, allowedCidrs: entries }).trustedSources).toHaveLength(100);
  });

  test('fails with 101 sources', () => {
    const entries = Array.from({ length: 101 }, (_, i) => `10.0.${i}.0/24`);
    expect(() => plan({ plan: ServicePlan.HOBBYIST, allowedCidrs: entries })).toThrow(expect.objectContaining({
      code: 'TooManySources',
      message: expect.stringContaining('allowedCidrs has 101 distinct entries; a DigitalOcean database firewall holds at most 100 trusted sources'),
    }));
  });

  test.each(['2001:db8::/32', '::1'])('fails for the IPv6 entry %s, naming it', (entry) => {
    expect(() => plan({ plan: ServicePlan.HOBBYIST, allowedCidrs: ['203.0.113.0/24', entry] })).toThrow(expect.objectContaining({
      code: 'UnsupportedAddressFamily',
      message: expect.stringMatching(/^\[UnsupportedAddressFamily\] allowedCidrs entry "[0-9a-f:]+\/\d+" is IPv6; DigitalOcean database firewalls take IPv4 trusted sources only\./),
    }));
  });
});

describe('Lua', () => {
  test('Lua on by default is a warning that names the support route', () => {
    const lua = findings({ plan: ServicePlan.STARTUP }).filter((f) => f.promise === ProductPromise.LUA_SCRIPTING);
    expect(lua).toHaveLength(1);
    expect(lua[0].severity).toBe(Severity.WARNING);
    expect(lua[0].message).toContain('unless DigitalOcean support switches them on');
    expect(lua[0].message).toContain('Fix: ask DigitalOcean support to enable Lua');
  });

  test('fails when luaScripting: true is asked for explicitly', () => {
    const lua = findings({ plan: ServicePlan.STARTUP, luaScripting: true }).filter((f) => f.promise === ProductPromise.LUA_SCRIPTING);
    expect(lua.map((f) => f.severity)).toEqual([Severity.ERROR]);
  });

  test('Lua off is native', () => {
    expect(plan({ plan: ServicePlan.BUSINESS, luaScripting: false }).conformance[ProductPromise.LUA_SCRIPTING].realization).toBe(Realization.NATIVE);
  });

  test('Startup warns of backup history, the recovery point, Lua and the SLA only', () => {
    expect(findings({ plan: ServicePlan.STARTUP }).map((f) => [f.promise, f.severity])).toEqual([
      [ProductPromise.BACKUP_HISTORY, Severity.WARNING],
      [ProductPromise.RECOVERY_POINT, Severity.WARNING],
      [ProductPromise.LUA_SCRIPTING, Severity.WARNING],
      [ProductPromise.AVAILABILITY_SLA, Severity.WARNING],
    ]);
  });

  test('Hobbyist with Lua off keeps every promise but the recovery point (10-minute RDB dumps on one node) and the SLA (none published)', () => {
    expect(findings({ plan: ServicePlan.HOBBYIST, luaScripting: false }).map((f) => f.promise))
      .toEqual([ProductPromise.RECOVERY_POINT, ProductPromise.AVAILABILITY_SLA]);
  });

  test.each([ServicePlan.BUSINESS, ServicePlan.PREMIUM])('%s keeps the recovery point through its standby', (tier) => {
    expect(plan({ plan: tier }).conformance[ProductPromise.RECOVERY_POINT].realization).toBe(Realization.NATIVE);
  });

  test('writes RDB persistence with frequent snapshots', () => {
    expect(plan({ plan: ServicePlan.HOBBYIST }).settings.persistence).toEqual({ mode: 'rdb', frequentSnapshots: true });
  });
});

describe('tags', () => {
  test.each([
    ['keeps a valid pair', { 'managed-by': 'cdktf-choreo-redis' }, ['managed-by:cdktf-choreo-redis']],
    ['lower-cases and dashes spaces', { Team: 'Payments EU' }, ['team:payments-eu']],
    ['dashes other characters', { 'cost.center': 'a/b=c' }, ['cost-center:a-b-c']],
    ['writes an empty value as the bare key', { solo: '' }, ['solo']],
    ['sorts and drops duplicates', { b: '1', a: '2', A: '2' }, ['a:2', 'b:1']],
    ['keeps 255 characters', { long: 'x'.repeat(250) }, [`long:${'x'.repeat(250)}`]],
    ['passes a token through', { owner: TOKEN }, [`owner:${TOKEN}`]],
  ])('%s', (_, tags, expected) => {
    expect(digitalOceanTags(tags, isTokenText)).toEqual(expected);
  });

  test.each([
    ['a tag with no letter or digit', { '!!!': '' }, 'becomes the DigitalOcean tag "-", which holds no letter or digit'],
    ['a tag longer than 255 characters', { long: 'x'.repeat(251) }, 'of 256 characters; DigitalOcean takes at most 255'],
  ])('%s is an error, not dropped or cut', (_, tags, message) => {
    expect(() => digitalOceanTags(tags, isTokenText)).toThrow(`[InvalidTag] ${''}`);
    expect(() => digitalOceanTags(tags, isTokenText)).toThrow(message);
  });

  test('the plan tags carry the product tags', () => {
    expect(settings({ plan: ServicePlan.STARTUP, tags: { env: 'prod' } }).tags)
      .toEqual(['choreo-plan:startup', 'env:prod', 'managed-by:cdktf-choreo-redis']);
  });
});

describe('names', () => {
  test('derives a DNS-label name from the construct path', () => {
    expect(plan({ plan: ServicePlan.HOBBYIST }).name).toMatch(/^stack-cache-[0-9a-f]{8}$/);
  });

  test('keeps a valid given name', () => {
    expect(plan({ plan: ServicePlan.HOBBYIST }, PROPS, 'orders-cache').name).toBe('orders-cache');
  });

  test.each([
    ['Orders', 'the character "O" at position 1 is not allowed'],
    ['ab', 'the characters are allowed, but not in this order'],
    ['1cache', 'the characters are allowed, but not in this order'],
    ['cache-', 'the characters are allowed, but not in this order'],
    ['cache_1', 'the character "_" at position 6 is not allowed'],
    ['x'.repeat(64), 'it has 64 characters, 1 too many'],
  ])('fails for the name %s: %s', (name, why) => {
    expect(() => plan({ plan: ServicePlan.HOBBYIST }, PROPS, name)).toThrow(expect.objectContaining({
      code: 'InvalidName',
      message: expect.stringContaining(`name "${name}" is not a valid name here: ${why}. DigitalOcean database cluster names allow at least 3 lower-case letters`),
    }));
  });
});

describe('backend props', () => {
  const planFor = (props: DigitalOceanValkeyBackendProps) => () => plan({ plan: ServicePlan.HOBBYIST }, props);

  test.each(['nyc1', 'nyc3', 'sfo2', 'sfo3', 'atl1', 'ams3', 'fra1'])('accepts the region %s', (region) => {
    expect(planFor({ region })).not.toThrow();
  });

  test.each([
    ['lon1', 'is in Europe but outside the European Union, and the product offers US and EU regions only'],
    ['sgp1', 'is not a US or EU region of digitalocean'],
    ['FRA1', 'is not a US or EU region of digitalocean (did you mean "fra1"?)'],
  ])('fails for the region %s', (region, why) => {
    expect(planFor({ region })).toThrow(expect.objectContaining({
      code: 'UnsupportedRegion',
      message: expect.stringContaining(`RedisBackend.digitalOceanValkey({ region }) "${region}" ${why}; use one of: nyc1, nyc3, sfo2, sfo3, atl1, ams3, fra1.`),
    }));
  });

  test.each([
    ['project', { project: 'my-project' }, 'InvalidProject', 'project "my-project" is not a UUID'],
    ['network', { network: 'vpc-12312312' }, 'InvalidNetwork', 'network "vpc-12312312" is not a UUID'],
  ])('fails for a %s that is not a UUID', (_, extra, code, message) => {
    expect(planFor({ region: 'fra1', ...extra })).toThrow(expect.objectContaining({
      code, message: expect.stringContaining(message),
    }));
  });

  test('accepts UUIDs and tokens for project and network, and hands them to the renderer', () => {
    const props = { region: 'fra1', project: '7c6e1b6a-2f0d-4d4e-9a3e-1f2b3c4d5e6f', network: TOKEN };
    expect(planFor(props)().settings).toMatchObject({ region: 'fra1', projectId: props.project, privateNetworkUuid: TOKEN });
  });

  test.each(['7', '8.0', 'latest'])('fails for the engine version %s', (version) => {
    expect(planFor({ region: 'fra1', engineVersion: DigitalOceanValkeyVersion.of(version) })).toThrow(expect.objectContaining({
      code: 'InvalidEngineVersion',
      message: expect.stringContaining(`engineVersion "${version}" is not a Managed Valkey version`),
    }));
  });

  test('uses a newer version given with of()', () => {
    expect(plan({ plan: ServicePlan.HOBBYIST }, { region: 'fra1', engineVersion: DigitalOceanValkeyVersion.of('9') }).engineVersion).toBe('9');
  });
});
