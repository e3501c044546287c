import {
  ALL_PLANS, Cloud, Jurisdiction, LUA_COMMANDS, PLAN_PROMISES, ProductPromise, RESTRICTED_COMMANDS, RedisCommands, RegionTable, ServicePlan,
  closestMatch,
  deniedCommands, maxConnectionsFor, renderAclRule, resolveRequest, smallestFit, validateRegion,
} from '../../lib/plan';

const never = () => false;

describe('plan promises', () => {
  test.each([
    [ServicePlan.HOBBYIST, 1, false, 0],
    [ServicePlan.STARTUP, 1, false, 1],
    [ServicePlan.BUSINESS, 2, true, 3],
    [ServicePlan.PREMIUM, 3, true, 13],
  ])('%s: %d node(s), failover %s, %d day(s) of backup history', (plan, nodeCount, automaticFailover, backupHistoryDays) => {
    expect(PLAN_PROMISES[plan]).toMatchObject({ nodeCount, automaticFailover, backupHistoryDays });
  });

  test.each([
    [512, 10000], [1024, 10000], [2500, 10000], [4096, 16384], [8192, 32768], [26664.96, 106656],
  ])('max connections for %d MB is %d', (mb, expected) => {
    expect(maxConnectionsFor(mb)).toBe(expected);
  });
});

describe('resolveRequest', () => {
  test.each(ALL_PLANS.map((plan) => [plan]))('%s: defaults follow the plan', (plan) => {
    const request = resolveRequest({ plan }, never);
    expect(request).toMatchObject({
      plan,
      memoryGib: PLAN_PROMISES[plan].defaultMemoryGib,
      allowedCidrs: undefined,
      luaScripting: true,
      strict: false,
      deletionProtection: PLAN_PROMISES[plan].automaticFailover,
      explicit: [],
    });
  });

  test('records explicit allow-lists and Lua switches, so the policy can refuse what a backend cannot enforce', () => {
    const request = resolveRequest({ plan: ServicePlan.BUSINESS, allowedCidrs: ['10.0.0.0/8'], luaScripting: false }, never);
    expect(request.explicit).toEqual([ProductPromise.NETWORK_ACCESS, ProductPromise.LUA_SCRIPTING]);
    expect(request.luaScripting).toBe(false);
    expect(request.allowedCidrs?.map((c) => c.cidr)).toEqual(['10.0.0.0/8']);
  });

  test('merges user tags over the library\'s', () => {
    expect(resolveRequest({ plan: ServicePlan.STARTUP, tags: { team: 'payments' } }, never).tags)
      .toEqual({ 'managed-by': 'cdktf-choreo-redis', 'choreo-plan': 'startup', 'team': 'payments' });
  });

  test('fails on an unknown plan, listing the plans', () => {
    expect(() => resolveRequest({ plan: 'enterprise' as ServicePlan }, never)).toThrow(
      '[UnknownPlan] plan "enterprise" is not a service plan; use one of ServicePlan.HOBBYIST, ServicePlan.STARTUP, ServicePlan.BUSINESS, ServicePlan.PREMIUM.');
  });

  test.each([[0], [-1], [Number.NaN], [2048]])('fails on memoryGib %d', (memoryGib) => {
    expect(() => resolveRequest({ plan: ServicePlan.STARTUP, memoryGib }, never)).toThrow(/\[InvalidMemory\] memoryGib .* is not a memory size/);
  });

  test('keeps an allow-list that is a single list token as one block holding the list', () => {
    const list = ['#{TfToken[TOKEN.7]}'];
    const request = resolveRequest({ plan: ServicePlan.STARTUP, allowedCidrs: list }, (v) => v === list);
    expect(request.allowedCidrs).toEqual([expect.objectContaining({ resolved: false, list, cidr: '#{TfToken[TOKEN.7]}' })]);
  });

  test('passes token values through unchecked', () => {
    const memory = -1.8e308; // cdktf encodes number tokens as huge negative numbers
    const request = resolveRequest({ plan: ServicePlan.STARTUP, memoryGib: memory }, (v) => v === memory);
    expect(request.memoryGib).toBe(memory);
  });
});

describe('regions', () => {
  const table: RegionTable = {
    cloud: Cloud.AWS,
    regions: { 'us-east-1': Jurisdiction.US, 'eu-west-1': Jurisdiction.EU, 'eu-central-1': Jurisdiction.EU },
    europeOutsideEu: ['eu-west-2'],
  };

  test.each([['us-east-1', Jurisdiction.US], ['eu-central-1', Jurisdiction.EU]])('%s is allowed, in the %s', (region, jurisdiction) => {
    expect(validateRegion(table, region, 'region')).toBe(jurisdiction);
  });

  test('fails on a European region outside the EU, saying why', () => {
    expect(() => validateRegion(table, 'eu-west-2', 'RedisBackend.elastiCache({ region })')).toThrow(
      '[UnsupportedRegion] RedisBackend.elastiCache({ region }) "eu-west-2" is in Europe but outside the European Union, and the product offers US and EU regions only; use one of: us-east-1, eu-west-1, eu-central-1.');
  });

  test('fails on another region, listing the allowed ones', () => {
    expect(() => validateRegion(table, 'ap-southeast-1', 'region')).toThrow(
      '[UnsupportedRegion] region "ap-southeast-1" is not a US or EU region of aws; use one of: us-east-1, eu-west-1, eu-central-1.');
  });

  test.each([['eu-west-l', 'eu-west-1'], ['us-east1', 'us-east-1'], ['EU-CENTRAL-1', 'eu-central-1']])(
    'fails on the typo %s, suggesting %s', (typo, suggestion) => {
      expect(() => validateRegion(table, typo, 'region')).toThrow(`is not a US or EU region of aws (did you mean "${suggestion}"?); use one of:`);
    });

  test('suggests nothing for a region far from every allowed one', () => {
    expect(closestMatch('asia-east1', Object.keys(table.regions))).toBeUndefined();
  });
});

describe('restricted commands', () => {
  test('are the 16 the product page lists, and Lua adds 8 when switched off', () => {
    expect(RESTRICTED_COMMANDS).toHaveLength(16);
    expect(LUA_COMMANDS).toHaveLength(8);
    expect(deniedCommands(true)).toEqual(RESTRICTED_COMMANDS);
    expect(deniedCommands(false)).toEqual([...RESTRICTED_COMMANDS, ...LUA_COMMANDS]);
  });

  test('render into an ACL rule that keeps every key and channel', () => {
    expect(renderAclRule(['monitor', 'eval'])).toBe('on ~* &* +@all -monitor -eval');
    expect(RedisCommands.aclRule(false)).toBe(renderAclRule(deniedCommands(false)));
    expect(RedisCommands.aclRule(true)).not.toMatch(/-eval/);
  });
});

describe('smallestFit', () => {
  const catalog = [{ id: 'b', memoryGib: 2 }, { id: 'a', memoryGib: 1 }, { id: 'c', memoryGib: 4 }];
  test.each([[0.5, 'a'], [1, 'a'], [1.5, 'b'], [4, 'c']])('%d GiB fits %s', (memory, id) => {
    expect(smallestFit(catalog, memory, 'sizes').id).toBe(id);
  });
  test('fails when nothing fits, naming the largest', () => {
    expect(() => smallestFit(catalog, 5, 'test sizes')).toThrow(
      '[NoSizeFits] memoryGib 5 is more than any of the test sizes offers; the largest is c with 4 GiB. Choose memoryGib 4 or less.');
  });
});
