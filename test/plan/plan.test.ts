import {
  ALL_PLANS, Cloud, LUA_COMMANDS, PLAN_PROMISES, ProductPromise, RESTRICTED_COMMANDS, REGIONS, RedisCommands, ServicePlan,
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

  test('fails on an allow-list that is a single token', () => {
    const list = ['${TfToken[TOKEN.7]}'];
    expect(() => resolveRequest({ plan: ServicePlan.STARTUP, allowedCidrs: list }, (v) => v === list))
      .toThrow(/\[UnresolvedAllowList\]/);
  });

  test('passes token values through unchecked', () => {
    const memory = -1.8e308; // cdktf encodes number tokens as huge negative numbers
    const request = resolveRequest({ plan: ServicePlan.STARTUP, memoryGib: memory }, (v) => v === memory);
    expect(request.memoryGib).toBe(memory);
  });
});

describe('regions', () => {
  test.each([
    [Cloud.AWS, 'us-east-1'], [Cloud.AWS, 'eu-central-1'], [Cloud.AZURE, 'westeurope'], [Cloud.GCP, 'europe-west1'],
    [Cloud.DIGITALOCEAN, 'fra1'],
  ])('%s region %s is allowed', (cloud, region) => {
    expect(() => validateRegion(cloud, region, 'region')).not.toThrow();
  });

  test('fails on a European region outside the EU, saying why', () => {
    expect(() => validateRegion(Cloud.AWS, 'eu-west-2', 'RedisBackend.elastiCache({ region })')).toThrow(
      /\[UnsupportedRegion\] RedisBackend.elastiCache\(\{ region \}\) "eu-west-2" is in Europe but outside the European Union.*use one of: us-east-1, /);
  });

  test.each([[Cloud.AWS, 'ap-southeast-1'], [Cloud.GCP, 'asia-east1'], [Cloud.AZURE, 'japaneast'], [Cloud.DIGITALOCEAN, 'sgp1'], [Cloud.AWS, 'us-east-9']])(
    'fails on %s region %s, listing the allowed ones', (cloud, region) => {
      expect(() => validateRegion(cloud, region, 'region')).toThrow(`is not a US or EU region of ${cloud}; use one of: ${Object.keys(REGIONS[cloud]).join(', ')}.`);
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
