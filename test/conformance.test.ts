/**
 * The invariants every backend keeps, for every plan of the matrix app (go-cloud's drivertest idea).
 * Each backend joins with its folder's harness/matrix.ts.
 */
import { Testing } from 'cdktf';
import { providerRuleViolations } from './provider-rules';
import { testStack } from './util';
import { MATRIX_CLOUDS, MATRIX_VARIANTS, RESTRICTED_CIDRS, matrixProps } from '../examples/matrix';
import { ChoreoRedis, ChoreoRedisErrors, ProductPromise, Realization, RedisBackend, ServicePlan } from '../lib';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import type { ExplicitSetting } from '../lib/backends/definition';
import { ChoreoRedisError, PLAN_PROMISES, isGap } from '../lib/plan';
import { assessDataStore } from '../lib/private/assess';

const cases = MATRIX_CLOUDS.flatMap((entry) => MATRIX_VARIANTS.map((variant) => ({ entry, variant, cloud: entry.cloud })));

describe.each(cases)('$cloud-$variant', ({ entry, variant }) => {
  const leftOut = entry.leftOut[variant];

  if (leftOut !== undefined) {
    test('fails with a ChoreoRedisError, as the README matrix says', () => {
      const stack = testStack((s) => entry.configure(s));
      expect(() => new ChoreoRedis(stack, 'Redis', matrixProps(entry, variant))).toThrow(ChoreoRedisError);
    });
    return;
  }

  const stack = testStack((s) => entry.configure(s), `${entry.cloud}-${variant}`);
  const props = matrixProps(entry, variant);
  const redis = new ChoreoRedis(stack, 'Redis', props);
  redis.addOutputs();
  const json = JSON.parse(Testing.synth(stack, true));
  const resources = Object.values(json.resource as Record<string, Record<string, any>>).flatMap((byId) => Object.keys(byId));

  test('keeps the plan\'s node count and failover natively', () => {
    expect(redis.nodeCount).toBe(PLAN_PROMISES[props.plan].nodeCount);
    for (const promise of [ProductPromise.NODES, ProductPromise.AUTOMATIC_FAILOVER, ProductPromise.TLS, ProductPromise.REGION]) {
      expect(redis.conformance.find((c) => c.promise === promise)?.realization).toBe(Realization.NATIVE);
    }
  });

  test('keeps every promise its definition claims to keep on every plan (the claim names it as an alternative in other backends\' fixes)', () => {
    const definition = BACKEND_DEFINITIONS.find((d) => d.id === props.backend.backendId)!;
    const gaps = redis.conformance.filter((c) => definition.keeps.includes(c.promise) && isGap(c.realization)).map((c) => c.promise);
    expect(gaps).toEqual([]);
  });

  test('states the recovery point it gives, as a window of writes or the standbys\' replication', () => {
    const kept = redis.conformance.find((c) => c.promise === ProductPromise.RECOVERY_POINT)!;
    expect(kept.detail).toMatch(/\d+ (second|minute|hour)s? of writes/);
    // A gap is only a single node's persistence window beyond the plan's; standbys narrow it by replication.
    expect(isGap(kept.realization) && PLAN_PROMISES[props.plan].nodeCount > 1).toBe(false);
  });

  test('writes the eviction policy asked for (the restricted stack\'s allkeys-lru, the product\'s noeviction elsewhere) in the backend\'s own spelling', () => {
    const policy = props.evictionPolicy ?? 'noeviction';
    expect(redis.evictionPolicy).toBe(policy);
    const kept = redis.conformance.find((c) => c.promise === ProductPromise.EVICTION_POLICY)!;
    expect(kept).toMatchObject({ realization: Realization.NATIVE, detail: expect.stringContaining(`maxmemory-policy ${policy}`) });
    // noeviction, NoEviction; allkeys-lru, allkeys_lru, AllKeysLRU: the same letters in every backend's spelling.
    const letters = (text: string) => text.toLowerCase().replace(/[-_]/g, '');
    expect(letters(JSON.stringify(json.resource))).toContain(letters(policy));
  });

  test('reports every promise exactly once', () => {
    expect(redis.conformance.map((c) => c.promise).sort()).toEqual(Object.values(ProductPromise).sort());
  });

  test('defines one primary resource, with the construct ID "Resource"', () => {
    expect(redis.resource.node.id).toBe('Resource');
    expect(resources.filter((id) => id.startsWith('Redis_') && /^Redis_[0-9A-F]{8}$/.test(id))).toHaveLength(1);
  });

  test('connects over TLS with a rediss:// URI and never a literal password; without a password, a URI without a credential', () => {
    expect(redis.tlsEnabled).toBe(true);
    if (redis.password === undefined) {
      expect(json.output.Redis_uri.value).toMatch(/^\$\{format\("rediss:\/\/%s:%s", [^"]*\)\}$/);
      expect(redis.conformance.find((c) => c.promise === ProductPromise.AUTHENTICATION)?.realization).toBe(Realization.SUBSTITUTED);
    } else {
      expect(json.output.Redis_uri.value).toMatch(/^\$\{format\("rediss:\/\/%s:%s@%s:%s", .*urlencode\(/);
      expect(redis.password).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
    }
  });

  test('outputs what choreo-redis verify needs, and the CA certificate where the backend has one', () => {
    expect(json.output.Redis_verify).toEqual({
      value: {
        backend: props.backend.backendId,
        plan: props.plan,
        lua_scripting: props.luaScripting ?? true,
        eviction_policy: props.evictionPolicy ?? 'noeviction',
        max_connections: redis.maxConnections,
        node_count: redis.nodeCount,
      },
      sensitive: false,
      description: expect.stringContaining('choreo-redis verify'),
    });
    expect(json.output.Redis_ca_certificate === undefined).toBe(redis.caCertificate === undefined);
    expect(json.output.Redis_private_uri?.sensitive ?? true).toBe(true);
  });

  test('marks every output that carries a credential sensitive', () => {
    expect(json.output.Redis_password?.sensitive ?? redis.password === undefined).toBe(true);
    expect(json.output.Redis_uri.sensitive).toBe(true);
    expect(json.output.Redis_host.sensitive).toBe(false);
  });

  test('promises max(10000, 4 x MB) connections for the chosen size', () => {
    expect(redis.maxConnections).toBe(Math.max(10000, 4 * Math.round(redis.memoryGib * 1024)));
  });

  test('protects Business and Premium data from deletion', () => {
    const protectedResource = json.resource && JSON.stringify(json).includes('"prevent_destroy":true');
    expect(protectedResource).toBe(PLAN_PROMISES[props.plan].automaticFailover);
  });

  test('passes the provider-side rules of every resource it defines', () => {
    expect(providerRuleViolations(json)).toEqual([]);
  });

  test('matches the reviewed snapshot', () => {
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});

describe('an error of unkept promises', () => {
  const memorystore = (strict: boolean) => () => new ChoreoRedis(testStack(), 'Redis', {
    plan: ServicePlan.BUSINESS,
    allowedCidrs: ['10.0.0.0/24'],
    strict,
    backend: RedisBackend.memorystore({ project: 'example-project', region: 'europe-west1', network: 'projects/example-project/global/networks/default' }),
  });
  const thrown = (fn: () => unknown): ChoreoRedisError => {
    try {
      fn();
    } catch (e) {
      return e as ChoreoRedisError;
    }
    throw new Error('expected an error');
  };

  test('keeps PromiseNotKept as its code and gives each promise its own code and message in problems', () => {
    const error = thrown(memorystore(false));
    expect(ChoreoRedisErrors.codeOf(error)).toBe('PromiseNotKept');
    expect(error.problems.map((p) => ChoreoRedisErrors.codeOf(p))).toEqual(['NetworkAccessNotKept']);
    expect(ChoreoRedisErrors.problemCodesOf(error)).toEqual(['NetworkAccessNotKept']);
    expect(ChoreoRedisErrors.problemCodesOf(new Error('other'))).toEqual([]);
    expect(error.message).toBe(`[PromiseNotKept] ${error.problems.map((p) => p.message).join('\n')}`);
  });

  test('with strict, lists every promise the backend does not keep, each under its own code', () => {
    const codes = thrown(memorystore(true)).problems.map((p) => p.code);
    expect(codes.length).toBeGreaterThan(1);
    expect(codes).toContain('NetworkAccessNotKept');
    for (const code of codes) expect(code).toMatch(/^\w+NotKept$/);
  });
});

describe('the backends a refusal of an explicit setting names', () => {
  const AZURE_SUBNET = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/redis';
  const asked: ReadonlyArray<[ExplicitSetting, object, string]> = [
    ['allow-list', { allowedCidrs: RESTRICTED_CIDRS }, 'NetworkAccessNotKept'],
    // A backend that takes an allow-list but not its IPv6 entries refuses them under its own code.
    ['allow-list-ipv6', { allowedCidrs: [...RESTRICTED_CIDRS, '2001:db8::/32'] }, 'NetworkAccessNotKept|UnsupportedAddressFamily'],
    ['lua-off', { luaScripting: false }, 'LuaScriptingNotKept'],
    ['lua-on', { luaScripting: true }, 'LuaScriptingNotKept'],
  ];
  const refusal = (entry: typeof MATRIX_CLOUDS[number], settings: object, code: string): string | undefined => {
    try {
      // Azure enforces an allow-list through a private endpoint, in the subnet its prop names.
      const backend = entry.cloud === 'azure' && 'allowedCidrs' in settings
        ? RedisBackend.azureManagedRedis({ region: 'westeurope', privateEndpointSubnetId: AZURE_SUBNET }) : entry.backend(ServicePlan.BUSINESS);
      assessDataStore(backend, { ...matrixProps(entry, 'business', false), ...settings }, 'Redis');
    } catch (e) {
      const error = e as ChoreoRedisError;
      const codes = code.split('|');
      return error.problems.find((p) => codes.includes(p.code))?.message ?? (codes.includes(error.code) ? error.message : undefined);
    }
    return undefined;
  };

  test.each(asked)('%s: a backend claims it exactly when it accepts it, and every refusal names exactly the claiming backends', (setting, settings, code) => {
    const natives = MATRIX_CLOUDS.filter((entry) => !entry.cloud.startsWith('aiven-') || entry.cloud === 'aiven-aws');
    const claiming = BACKEND_DEFINITIONS.filter((d) => d.enforcesWhenAsked.includes(setting)).map((d) => `RedisBackend.${d.factory}()`);
    for (const entry of natives) {
      const backend = entry.backend(ServicePlan.BUSINESS);
      const definition = BACKEND_DEFINITIONS.find((d) => d.id === backend.backendId)!;
      const message = refusal(entry, settings, code);
      expect([entry.cloud, message === undefined]).toEqual([entry.cloud, definition.enforcesWhenAsked.includes(setting)]);
      // Every refusal of IPv6 entries names them.
      if (message !== undefined && setting === 'allow-list-ipv6') expect(message).toContain('2001:db8::/32');
      if (message !== undefined && !message.includes('[UnsupportedAddressFamily]')) {
        const named = /choose a backend that keeps this promise as you asked for it: (.*)\.$/.exec(message)?.[1].split(', ');
        expect(named).toEqual(claiming.filter((c) => c !== `RedisBackend.${definition.factory}()`));
      }
    }
  });
});
