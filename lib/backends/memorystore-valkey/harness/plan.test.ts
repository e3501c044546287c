import { createHash } from 'crypto';
import { TOKEN, codeOf, findingsOf, planWith } from '../../../../test/util';
import { RedisBackend } from '../../../index';
import { DataStoreInput, ProductPromise, Realization, ServicePlan, Severity, isGap } from '../../../plan';
import { assessDataStore } from '../../../private/assess';
import { isValkeyVersionOlder } from '../changes';
import { MEMORYSTORE_VALKEY } from '../definition';
import { VALKEY_INSTANCE_ID_RULE } from '../plan';
import { MemorystoreValkeyBackendProps, MemorystoreValkeyVersion } from '../props';

const PROPS: MemorystoreValkeyBackendProps = {
  project: 'example-project',
  region: 'us-central1',
  network: 'projects/host-project/global/networks/shared',
};

function plan(input: DataStoreInput, props: MemorystoreValkeyBackendProps = PROPS, name?: string) {
  return planWith(MEMORYSTORE_VALKEY, props, { ...input, name });
}

function entry(input: DataStoreInput, promise: ProductPromise) {
  return plan(input).conformance[promise];
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
    expect(settings.automatedBackup?.retention).toBe(retention);
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

  test('records IAM-only authentication as a substitute, with its own remedy', () => {
    const auth = entry({ plan: ServicePlan.BUSINESS }, ProductPromise.AUTHENTICATION);
    expect(auth.realization).toBe(Realization.SUBSTITUTED);
    expect(auth.detail).toMatch(/only IAM authentication/);
    expect(auth.detail).toMatch(/the URI carries no credential$/);
    expect(auth.fix).toBe('grant the connection role to each client\'s identity (clientMembers) and have the client fetch its own access token');
  });

  test('keeps backup history natively', () => {
    expect(entry({ plan: ServicePlan.PREMIUM }, ProductPromise.BACKUP_HISTORY))
      .toEqual({ realization: Realization.NATIVE, detail: 'daily automated backups kept 13 day(s)' });
  });

  test('fills in the defaults: backups at 03:00, Sunday 05:00 maintenance', () => {
    expect(plan({ plan: ServicePlan.STARTUP }).settings).toMatchObject({ automatedBackup: { hour: 3 }, maintenance: { day: 'SUNDAY', hour: 5 } });
  });

  test.each([
    [ServicePlan.HOBBYIST, undefined, undefined, false],
    [ServicePlan.STARTUP, undefined, undefined, false],
    [ServicePlan.BUSINESS, undefined, undefined, true],
    [ServicePlan.PREMIUM, undefined, undefined, true],
    [ServicePlan.STARTUP, true, undefined, true],
    [ServicePlan.BUSINESS, false, undefined, false],
    [ServicePlan.STARTUP, undefined, true, true],
    [ServicePlan.BUSINESS, true, false, false],
  ])('%s with deletionProtection %s and serviceDeletionProtection %s turns the service\'s protection on: %s',
    (servicePlan, deletionProtection, serviceDeletionProtection, expected) => {
      expect(plan({ plan: servicePlan, deletionProtection }, { ...PROPS, serviceDeletionProtection }).settings.deletionProtection).toBe(expected);
    });

  test('defines the service connection policy only when given subnetworks', () => {
    const pscSubnetworks = ['projects/host-project/regions/us-central1/subnetworks/psc'];
    expect(plan({ plan: ServicePlan.BUSINESS }).settings.connectionPolicy).toBeUndefined();
    expect(plan({ plan: ServicePlan.BUSINESS }, { ...PROPS, pscSubnetworks }).settings.connectionPolicy).toMatchObject({
      name: `memorystore-psc-${createHash('sha256').update(`${PROPS.network}/${PROPS.region}`).digest('hex').slice(0, 8)}`,
      subnetworks: pscSubnetworks,
      claim: { key: `psc/${PROPS.network}/${PROPS.region}/gcp-memorystore` },
    });
  });

  test('grants each client member once, under an ID that reads like the member and never repeats', () => {
    const clientMembers = ['user:ops.team@example.com', 'user:ops-team@example.com', 'user:ops.team@example.com', TOKEN];
    expect(plan({ plan: ServicePlan.STARTUP }, { ...PROPS, clientMembers }).settings.clientGrants).toEqual([
      { id: 'ClientAccess-user_ops_team_example_com', member: 'user:ops.team@example.com' },
      { id: expect.stringMatching(/^ClientAccess-user_ops_team_example_com-[0-9a-f]{8}$/), member: 'user:ops-team@example.com' },
      { id: 'ClientAccess2', member: TOKEN },
    ]);
  });

  test('names the primary endpoint with an A record in the private zone only when one is given', () => {
    const privateDnsZone = { managedZone: 'internal', dnsName: 'internal.example.com.' };
    expect(plan({ plan: ServicePlan.BUSINESS }, { ...PROPS, privateDnsZone }, 'sessions').settings.dnsRecord)
      .toEqual({ project: 'example-project', managedZone: 'internal', name: 'sessions.internal.example.com.' });
    expect(plan({ plan: ServicePlan.BUSINESS }).settings.dnsRecord).toBeUndefined();
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
    ['a network name only', { network: 'default' }, 'InvalidNetwork', /network "default" is not a VPC network's full name/],
    ['no PSC subnetworks', { pscSubnetworks: [] }, 'MissingNetwork', /pscSubnetworks is empty/],
    ['a subnetwork by name only', { pscSubnetworks: ['psc'] }, 'InvalidNetwork', /pscSubnetworks\[0\] "psc" is not a subnetwork of us-central1/],
    ['a subnetwork of another region', { pscSubnetworks: ['projects/p/regions/us-central1/subnetworks/a', 'projects/p/regions/us-east1/subnetworks/b'] },
      'InvalidNetwork', /pscSubnetworks\[1\] "projects\/p\/regions\/us-east1\/subnetworks\/b" is not a subnetwork of us-central1/],
    ['a global KMS key', { kmsKey: 'projects/p/locations/global/keyRings/r/cryptoKeys/k' }, 'InvalidKmsKey', /is in global, but the data store runs in us-central1/],
    ['a member without its kind', { clientMembers: ['serviceAccount:a@p.iam.gserviceaccount.com', 'app@p.iam.gserviceaccount.com'] }, 'InvalidMember',
      /clientMembers\[1\] "app@p.iam.gserviceaccount.com" is not an IAM principal/],
    ['allUsers', { clientMembers: ['allUsers'] }, 'InvalidMember', /clientMembers\[0\] "allUsers" is not an IAM principal that a project role can be granted to/],
    ['an EU region outside the EU', { region: 'europe-west6' }, 'UnsupportedRegion', /outside the European Union/],
    ['backup hour 25', { backupHour: 25 }, 'InvalidHour', /backupHour 25/],
    ['a Redis version', { engineVersion: MemorystoreValkeyVersion.of('REDIS_7_2') }, 'InvalidEngineVersion', /"REDIS_7_2" is not a Memorystore for Valkey version/],
  ])('fails for %s', (_, change, code, message) => {
    const props = { ...PROPS, ...change };
    expect(codeOf(() => plan({ plan: ServicePlan.HOBBYIST }, props))).toBe(code);
    expect(() => plan({ plan: ServicePlan.HOBBYIST }, props)).toThrow(message);
  });
});

describe('Memorystore for Valkey under the conformance policy', () => {
  const findings = (input: DataStoreInput) => findingsOf(MEMORYSTORE_VALKEY, plan(input));

  test('fails for an explicit allow-list, which Memorystore cannot enforce', () => {
    expect(findings({ plan: ServicePlan.PREMIUM, allowedCidrs: ['10.0.0.0/8', '192.0.2.1'] })).toContainEqual(expect.objectContaining({
      promise: ProductPromise.NETWORK_ACCESS,
      severity: Severity.ERROR,
      message: expect.stringContaining('Memorystore for Valkey (gcp) cannot keep the premium plan\'s promise "open by default, restrictable to IPs/CIDRs": Memorystore has no allow-list for client addresses (asked for 2 source(s))'),
    }));
  });

  test('fails for luaScripting: false, which Memorystore cannot switch off', () => {
    expect(findings({ plan: ServicePlan.PREMIUM, luaScripting: false })).toContainEqual(expect.objectContaining({
      promise: ProductPromise.LUA_SCRIPTING,
      severity: Severity.ERROR,
      message: expect.stringContaining('Memorystore for Valkey (gcp) cannot keep the premium plan\'s promise "Lua on by default, switchable off": Memorystore for Valkey always allows EVAL, EVALSHA, FCALL, FUNCTION and SCRIPT'),
    }));
  });

  test('fails under strict for the password it cannot give, naming the backends that give one', () => {
    const backend = RedisBackend.memorystoreValkey(PROPS);
    expect(() => assessDataStore(backend, { plan: ServicePlan.PREMIUM, strict: true }, 'app/s/Cache'))
      .toThrow(new RegExp('"password in the service URI" \\(an error because strict is true\\).*Fix: grant the connection role to each client\'s identity '
        + '\\(clientMembers\\) and have the client fetch its own access token; or choose a backend that keeps this promise: .*RedisBackend\\.memorystore\\(\\)'));
  });

  test.each([ServicePlan.HOBBYIST, ServicePlan.STARTUP, ServicePlan.BUSINESS, ServicePlan.PREMIUM])(
    '%s keeps each promise the definition claims, whatever else is asked', (servicePlan) => {
      const { conformance } = plan({ plan: servicePlan, luaScripting: false, allowedCidrs: ['10.0.0.0/8'], memoryGib: 1 });
      expect(MEMORYSTORE_VALKEY.keeps.filter((promise) => isGap(conformance[promise].realization))).toEqual([]);
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
  test('puts the endpoints in the network\'s own project, read from its full name', () => {
    expect(plan({ plan: ServicePlan.BUSINESS }, { ...PROPS, network: 'projects/host-project/global/networks/shared' }).settings.networkProject)
      .toBe('host-project');
  });
});

describe('recovery point', () => {
  test.each(Object.values(ServicePlan))('%s: AOF with fsync every second keeps it natively', (servicePlan) => {
    const result = plan({ plan: servicePlan });
    expect(result.settings.persistence).toEqual({ mode: 'AOF', appendFsync: 'EVERY_SEC' });
    expect(result.conformance[ProductPromise.RECOVERY_POINT]).toMatchObject({
      realization: Realization.NATIVE,
      detail: expect.stringContaining('persistence_config mode = "AOF" with append_fsync = "EVERY_SEC", chosen over RDB'),
    });
    expect(result.conformance[ProductPromise.RECOVERY_POINT].detail).toContain('a failure loses at most about 1 second of writes');
  });
});

describe('Memorystore for Valkey moves between plans, one update per deploy', () => {
  const stepping = (to: ServicePlan, from: unknown, step: unknown, extra: Partial<MemorystoreValkeyBackendProps> = {}) =>
    plan({ plan: to }, { ...PROPS, ...extra, planChange: { from: from as ServicePlan, step: step as number } });

  test.each([
    // Business to Premium: node type (with maxclients), replicas, backups, labels.
    [1, 'HIGHMEM_MEDIUM', 53248, 1, '259200s', 'business', 'business->premium:1'],
    [2, 'HIGHMEM_MEDIUM', 53248, 2, '259200s', 'business', 'business->premium:2'],
    [3, 'HIGHMEM_MEDIUM', 53248, 2, '1123200s', 'business', 'business->premium:3'],
    [4, 'HIGHMEM_MEDIUM', 53248, 2, '1123200s', 'premium', 'premium'],
  ])('step %s of business -> premium: %s (maxclients %s), %s replica(s), backups %s, label %s; records %s', (step, nodeType, maxClients, replicas, retention, label, state) => {
    const { settings, warnings, staged } = stepping(ServicePlan.PREMIUM, ServicePlan.BUSINESS, step);
    expect([settings.nodeType, settings.maxClients, settings.replicaCount, settings.automatedBackup?.retention, settings.labels['choreo-plan']])
      .toEqual([nodeType, maxClients, replicas, retention, label]);
    expect(staged).toEqual({ state, declared: true, stops: {} });
    expect(warnings).toEqual([expect.objectContaining({ code: 'PlanChangeStep', message: expect.stringContaining(`step ${step} of 4`) })]);
  });

  test('a move with the memory given keeps the node type and takes the other steps (hobbyist -> startup at 5 GiB)', () => {
    const steps = [1, 2].map((step) => plan({ plan: ServicePlan.STARTUP, memoryGib: 5 },
      { ...PROPS, planChange: { from: ServicePlan.HOBBYIST, step } }).settings);
    expect(steps.map((s) => [s.nodeType, s.automatedBackup?.retention, s.labels['choreo-plan']]))
      .toEqual([['STANDARD_SMALL', '86400s', 'hobbyist'], ['STANDARD_SMALL', '86400s', 'startup']]);
    expect(codeOf(() => plan({ plan: ServicePlan.STARTUP, memoryGib: 5 }, { ...PROPS, planChange: { from: ServicePlan.HOBBYIST, step: 3 } }))).toBe('InvalidPlanChange');
  });

  test('without a step declared, the configuration stops the moves from plans it differs from in two updates or more, and moves left partway', () => {
    const staged = plan({ plan: ServicePlan.STARTUP }).staged!;
    expect(staged.declared).toBe(false);
    expect(staged.state).toBe('startup');
    // Business and Premium replace the instance (another zone distribution): the replacement guard stops those.
    expect(Object.keys(staged.stops).sort()).toEqual(['hobbyist', 'hobbyist->startup:1', 'hobbyist->startup:2', 'startup->hobbyist:1', 'startup->hobbyist:2']);
    expect(staged.stops.hobbyist).toContain('changes 3 at once: the node type with its maxclients; the backup schedule; the labels');
  });

  test.each<[string, ServicePlan, unknown, unknown, RegExp]>([
    ['the same plan', ServicePlan.PREMIUM, ServicePlan.PREMIUM, 1, /from is the data store's plan \(premium\)/],
    ['a move that replaces the instance', ServicePlan.BUSINESS, ServicePlan.STARTUP, 1, /replaces the instance .*Remove planChange/],
    ['no plan', ServicePlan.PREMIUM, 'gold', 1, /from "gold" is not a service plan/],
    ['step 0', ServicePlan.PREMIUM, ServicePlan.BUSINESS, 0, /step 0 is not a step .* takes 4 \(step 1: the node type/],
    ['a step past the last', ServicePlan.STARTUP, ServicePlan.HOBBYIST, 4, /step 4 is not a step .* takes 3/],
    ['a fractional step', ServicePlan.STARTUP, ServicePlan.HOBBYIST, 1.5, /step 1.5 is not a step/],
    ['a token', ServicePlan.STARTUP, ServicePlan.HOBBYIST, TOKEN, /is a token/],
  ])('fails for %s at synth, naming the fix', (_label, to, from, step, message) => {
    expect(() => stepping(to, from, step)).toThrow(message);
    expect(codeOf(() => stepping(to, from, step))).toBe('InvalidPlanChange');
  });
});
