import { MemorystoreValkeyBackendProps, MemorystoreValkeyVersion, RedisBackend, ServicePlan } from '../../lib';
import { isValkeyVersionOlder } from '../../lib/backends/memorystore-valkey/changes';
import { MemorystoreValkeySettings, VALKEY_INSTANCE_ID_RULE, planMemorystoreValkey, validateMemorystoreValkeyProps } from '../../lib/backends/memorystore-valkey/plan';
import { DataStoreInput, ProductPromise, Realization, resolveRequest } from '../../lib/plan';
import { assessDataStore } from '../../lib/private/assess';
import { codeOf } from '../util';

const isUnresolved = () => false;
const PROPS: MemorystoreValkeyBackendProps = {
  project: 'example-project',
  region: 'us-central1',
  network: 'projects/host-project/global/networks/shared',
};

function plan(input: DataStoreInput, props: MemorystoreValkeyBackendProps = PROPS, name?: string) {
  const result = planMemorystoreValkey(props, resolveRequest(input, isUnresolved), { path: 'app/stack/Cache', name }, isUnresolved);
  return { ...result, settings: result.settings as unknown as MemorystoreValkeySettings };
}

function entry(input: DataStoreInput, promise: ProductPromise) {
  return plan(input).conformance.find((c) => c.promise === promise)!;
}

describe('Memorystore for Valkey plan', () => {
  test.each([
    [ServicePlan.HOBBYIST, 'SHARED_CORE_NANO', 0, 'SINGLE_ZONE', undefined, 5000],
    [ServicePlan.STARTUP, 'STANDARD_SMALL', 0, 'SINGLE_ZONE', '86400s', 26624],
    [ServicePlan.BUSINESS, 'STANDARD_SMALL', 1, 'MULTI_ZONE', '259200s', 26624],
    [ServicePlan.PREMIUM, 'HIGHMEM_MEDIUM', 2, 'MULTI_ZONE', '1123200s', 53248],
  ])('%s runs %s with %s replica(s), %s, backups kept %s, maxclients %s', (servicePlan, nodeType, replicas, zones, retention, maxClients) => {
    const { settings, serviceMaxConnections } = plan({ plan: servicePlan });
    expect(settings.nodeType).toBe(nodeType);
    expect(settings.replicaCount).toBe(replicas);
    expect(settings.zoneDistribution).toBe(zones);
    expect(settings.backupRetention).toBe(retention);
    expect(settings.maxClients).toBe(maxClients);
    expect(serviceMaxConnections).toBe(maxClients);
  });

  test.each([
    [ServicePlan.HOBBYIST, Realization.SUBSTITUTED, 'engine_configs sets maxclients, capped at 5000 for SHARED_CORE_NANO, to 5000, below the promised 10000'],
    [ServicePlan.PREMIUM, Realization.NATIVE, 'engine_configs sets maxclients, capped at 64000 for HIGHMEM_MEDIUM, to 53248, at least the promised 53248'],
  ])('%s keeps the connection limit %s', (servicePlan, realization, detail) => {
    expect(entry({ plan: servicePlan }, ProductPromise.CONNECTION_LIMIT)).toMatchObject({ realization, detail });
  });

  test('caps maxclients at the node type\'s ceiling for large nodes', () => {
    expect(plan({ plan: ServicePlan.BUSINESS, memoryGib: 40 }).settings).toMatchObject({ nodeType: 'HIGHMEM_XLARGE', maxClients: 64000 });
  });

  test('fails above the largest node type in google provider 6.50', () => {
    expect(codeOf(() => plan({ plan: ServicePlan.BUSINESS, memoryGib: 60 }))).toBe('NoSizeFits');
  });

  test('records IAM-only authentication as a substitute', () => {
    const auth = entry({ plan: ServicePlan.BUSINESS }, ProductPromise.AUTHENTICATION);
    expect(auth.realization).toBe(Realization.SUBSTITUTED);
    expect(auth.detail).toMatch(/only IAM authentication/);
    expect(auth.fix).toMatch(/RedisBackend\.memorystore\(\)/);
  });

  test('keeps backup history natively', () => {
    expect(entry({ plan: ServicePlan.PREMIUM }, ProductPromise.BACKUP_HISTORY))
      .toEqual({ promise: ProductPromise.BACKUP_HISTORY, realization: Realization.NATIVE, detail: 'daily automated backups kept 13 day(s)' });
  });

  test('creates the endpoints in the network\'s own project', () => {
    expect(plan({ plan: ServicePlan.HOBBYIST }).settings.networkProject).toBe('host-project');
  });

  test('derives a valid instance ID', () => {
    expect(plan({ plan: ServicePlan.HOBBYIST }).name).toMatch(VALKEY_INSTANCE_ID_RULE.pattern);
  });

  test.each(['abc', 'Cache', 'cache-', `a${'b'.repeat(63)}`])('fails for the name "%s"', (name) => {
    expect(codeOf(() => plan({ plan: ServicePlan.HOBBYIST }, PROPS, name))).toBe('InvalidName');
  });
});

describe('Memorystore for Valkey props', () => {
  test.each<[string, Partial<MemorystoreValkeyBackendProps>, string, RegExp]>([
    ['a network name only', { network: 'default' }, 'MissingNetwork', /network "default" is not a VPC network's full name/],
    ['no PSC subnetworks', { pscSubnetworks: [] }, 'MissingNetwork', /pscSubnetworks is empty/],
    ['a subnetwork by name only', { pscSubnetworks: ['psc'] }, 'MissingNetwork', /pscSubnetworks\[0\] "psc" is not a subnetwork of us-central1/],
    ['a subnetwork of another region', { pscSubnetworks: ['projects/p/regions/us-central1/subnetworks/a', 'projects/p/regions/us-east1/subnetworks/b'] },
      'MissingNetwork', /pscSubnetworks\[1\] "projects\/p\/regions\/us-east1\/subnetworks\/b" is not a subnetwork of us-central1/],
    ['a global KMS key', { kmsKey: 'projects/p/locations/global/keyRings/r/cryptoKeys/k' }, 'InvalidKmsKey', /is in global, but the data store runs in us-central1/],
    ['a member without its kind', { clientMembers: ['serviceAccount:a@p.iam.gserviceaccount.com', 'app@p.iam.gserviceaccount.com'] }, 'InvalidMember',
      /clientMembers\[1\] "app@p.iam.gserviceaccount.com" is not an IAM principal/],
    ['allUsers', { clientMembers: ['allUsers'] }, 'InvalidMember', /clientMembers\[0\] "allUsers" is not an IAM principal that a project role can be granted to/],
    ['an EU region outside the EU', { region: 'europe-west6' }, 'UnsupportedRegion', /outside the European Union/],
    ['backup hour 25', { backupHour: 25 }, 'InvalidHour', /backupHour 25/],
    ['a Redis version', { engineVersion: MemorystoreValkeyVersion.of('REDIS_7_2') }, 'InvalidEngineVersion', /"REDIS_7_2" is not a Memorystore for Valkey version/],
  ])('fails for %s', (_, change, code, message) => {
    const props = { ...PROPS, ...change };
    expect(codeOf(() => validateMemorystoreValkeyProps(props, isUnresolved))).toBe(code);
    expect(() => validateMemorystoreValkeyProps(props, isUnresolved)).toThrow(message);
  });
});

describe('Memorystore for Valkey under the conformance policy', () => {
  const backend = RedisBackend.memorystoreValkey(PROPS);

  test('fails for an explicit allow-list, which Memorystore cannot enforce', () => {
    expect(() => assessDataStore(backend, { plan: ServicePlan.PREMIUM, allowedCidrs: ['10.0.0.0/8', '192.0.2.1'] }, 'app/s/Cache'))
      .toThrow('Memorystore for Valkey (gcp) cannot keep the premium plan\'s promise "open by default, restrictable to IPs/CIDRs": Memorystore has no allow-list for client addresses (asked for 2 source(s))');
  });

  test('fails for luaScripting: false, which Memorystore cannot switch off', () => {
    expect(() => assessDataStore(backend, { plan: ServicePlan.PREMIUM, luaScripting: false }, 'app/s/Cache'))
      .toThrow('Memorystore for Valkey (gcp) cannot keep the premium plan\'s promise "Lua on by default, switchable off": Memorystore for Valkey always allows EVAL, EVALSHA, FCALL, FUNCTION and SCRIPT');
  });

  test('fails under strict for the password it cannot give', () => {
    expect(() => assessDataStore(backend, { plan: ServicePlan.PREMIUM, strict: true }, 'app/s/Cache'))
      .toThrow(/"password in the service URI" \(an error because strict is true\)/);
  });
});

describe('Memorystore for Valkey version downgrades, which the API refuses', () => {
  test.each([
    ['VALKEY_8_0', 'VALKEY_7_2', true],
    ['VALKEY_9_0', 'VALKEY_8_1', true],
    ['VALKEY_8_1', 'VALKEY_8_0', true],
    ['VALKEY_7_2', 'VALKEY_8_0', false],
    ['VALKEY_8_0', 'VALKEY_8_0', false],
    [undefined, 'VALKEY_7_2', false],
  ])('%s -> %s is a downgrade: %s', (before, after, expected) => {
    expect(isValkeyVersionOlder(before, after)).toBe(expected);
  });
});

describe('Memorystore for Valkey with tokens', () => {
  const tokens = (value: unknown) => typeof value === 'string' && value.includes('TfToken');

  test('names the service connection policy the same whatever the text of a token network', () => {
    const policyName = (token: string) => {
      const result = planMemorystoreValkey({ ...PROPS, network: token }, resolveRequest({ plan: ServicePlan.BUSINESS }, tokens), { path: 'app/stack/Cache' }, tokens);
      return (result.settings as unknown as MemorystoreValkeySettings).connectionPolicyName;
    };
    expect(policyName('${TfToken[TOKEN.1]}')).toBe(policyName('${TfToken[TOKEN.77]}'));
    expect(policyName('${TfToken[TOKEN.1]}')).toMatch(/^memorystore-psc-[0-9a-f]{8}$/);
  });
});
