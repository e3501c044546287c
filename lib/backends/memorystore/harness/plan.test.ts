import { createHash } from 'crypto';
import { TOKEN, codeOf, findingsOf, planWith } from '../../../../test/util';
import { ChangeEffect, DataStoreInput, ProductPromise, Realization, ServicePlan, Severity, Weekday, effectOf, isGap } from '../../../plan';
import { MEMORYSTORE_CHANGES, isRedisVersionDecreasing } from '../changes';
import { MEMORYSTORE } from '../definition';
import { REDIS_INSTANCE_NAME_RULE } from '../plan';
import { MemorystoreProps, MemorystoreConnectMode, MemorystoreRedisVersion, MemorystoreSnapshotPeriod } from '../props';

const PROPS: MemorystoreProps = {
  project: 'example-project',
  region: 'europe-west1',
  network: 'projects/example-project/global/networks/default',
};

function plan(input: DataStoreInput, props: MemorystoreProps = PROPS, name?: string) {
  return planWith(MEMORYSTORE, props, { ...input, name });
}

function realization(input: DataStoreInput, promise: ProductPromise, props?: MemorystoreProps) {
  return plan(input, props).conformance[promise];
}

describe('Memorystore for Redis plan', () => {
  test.each([
    [ServicePlan.HOBBYIST, 'BASIC', undefined, undefined, 1, undefined],
    [ServicePlan.STARTUP, 'BASIC', undefined, undefined, 2, 1],
    [ServicePlan.BUSINESS, 'STANDARD_HA', 1, 'READ_REPLICAS_DISABLED', 4, 3],
    [ServicePlan.PREMIUM, 'STANDARD_HA', 2, 'READ_REPLICAS_ENABLED', 8, 13],
  ])('%s runs tier %s with %s replica(s) (%s), %s GB, history %s day(s)', (servicePlan, tier, replicas, mode, gb, history) => {
    const { settings, nodeCount, port } = plan({ plan: servicePlan });
    expect(settings.tier).toBe(tier);
    expect(settings.replicaCount).toBe(replicas);
    expect(settings.readReplicasMode).toBe(mode);
    expect(settings.memorySizeGb).toBe(gb);
    expect(settings.backup?.historyDays).toBe(history);
    expect(nodeCount).toBe((replicas ?? 0) + 1);
    expect(port).toBe(6378);
  });

  test.each([
    [ServicePlan.HOBBYIST, Realization.NATIVE],
    [ServicePlan.STARTUP, Realization.EMULATED],
    [ServicePlan.BUSINESS, Realization.EMULATED],
    [ServicePlan.PREMIUM, Realization.EMULATED],
  ])('%s keeps its backup history %s', (servicePlan, expected) => {
    expect(realization({ plan: servicePlan }, ProductPromise.BACKUP_HISTORY).realization).toBe(expected);
  });

  test('rounds memory up to whole GB', () => {
    expect(plan({ plan: ServicePlan.STARTUP, memoryGib: 2.5 }).settings.memorySizeGb).toBe(3);
  });

  test('gives Premium a 5 GB instance for memoryGib 4.5, the read-replica minimum', () => {
    expect(plan({ plan: ServicePlan.PREMIUM, memoryGib: 4.5 }).settings.memorySizeGb).toBe(5);
  });

  test('fails for Premium below the 5 GB read replicas need, naming the fix', () => {
    expect(() => plan({ plan: ServicePlan.PREMIUM, memoryGib: 4 }))
      .toThrow(/memoryGib 4 gives a 4 GB instance, but the plan's 2 standbys are Memorystore read replicas, which need at least 5 GB\. Choose memoryGib 5 or more/);
    expect(codeOf(() => plan({ plan: ServicePlan.PREMIUM, memoryGib: 4 }))).toBe('TooSmallForReadReplicas');
  });

  test('fails for Premium with a /29 reserved range, since read replicas need a /28', () => {
    const props = { ...PROPS, reservedIpRange: '10.0.0.0/29' };
    expect(codeOf(() => plan({ plan: ServicePlan.PREMIUM }, props))).toBe('InvalidReservedIpRange');
    expect(() => plan({ plan: ServicePlan.PREMIUM }, props)).toThrow(/reservedIpRange "10.0.0.0\/29" is a \/29, but the plan's 2 standbys are Memorystore read replicas, which need a \/28/);
  });

  test.each(['default', 'projects/example-project/global/networks/vpc-1', 'https://www.googleapis.com/compute/v1/projects/p/global/networks/default'])(
    'takes the authorized network %s', (network) => {
      expect(() => plan({ plan: ServicePlan.HOBBYIST }, { ...PROPS, network })).not.toThrow();
    });

  test.each([[ServicePlan.BUSINESS, '10.0.0.0/29'], [ServicePlan.PREMIUM, '10.0.0.16/28']])('takes a %s plan with the reserved range %s', (servicePlan, range) => {
    expect(plan({ plan: servicePlan }, { ...PROPS, reservedIpRange: range }).settings.tier).toBe('STANDARD_HA');
  });

  test('fails above 300 GB', () => {
    expect(codeOf(() => plan({ plan: ServicePlan.BUSINESS, memoryGib: 301 }))).toBe('NoSizeFits');
  });

  test('says exactly which restricted commands Memorystore refuses itself, with no remedy of its own', () => {
    const entry = realization({ plan: ServicePlan.BUSINESS }, ProductPromise.RESTRICTED_COMMANDS);
    expect(entry.realization).toBe(Realization.SUBSTITUTED);
    expect(entry.fix).toBeUndefined();
    expect(entry.detail).toBe('Memorystore refuses acl, bgrewriteaof, bgsave, cluster, command, config, debug, lastsave, migrate, monitor, replicaof, save, shutdown natively, but not failover, role, slaveof, and has no ACL to refuse them');
  });

  test('keeps the connection limit up to 15 GB and falls short above, at the fixed 65000', () => {
    expect(realization({ plan: ServicePlan.BUSINESS, memoryGib: 15 }, ProductPromise.CONNECTION_LIMIT).realization).toBe(Realization.NATIVE);
    expect(realization({ plan: ServicePlan.BUSINESS, memoryGib: 16 }, ProductPromise.CONNECTION_LIMIT).detail)
      .toBe('Memorystore for Redis fixes maxclients at 65000, below the promised 65536');
  });

  test('records the open default as reachable from the authorized network', () => {
    const entry = realization({ plan: ServicePlan.HOBBYIST }, ProductPromise.NETWORK_ACCESS);
    expect(entry.realization).toBe(Realization.SUBSTITUTED);
    expect(entry.detail).toMatch(/clients connect from the authorized VPC network/);
  });

  test('emulates a stable DNS name with a private zone, and otherwise records the stable IP', () => {
    const withZone = { ...PROPS, privateDnsZone: { managedZone: 'internal', dnsName: 'internal.example.com.' } };
    expect(realization({ plan: ServicePlan.BUSINESS }, ProductPromise.STABLE_ENDPOINT, withZone).realization).toBe(Realization.EMULATED);
    expect(plan({ plan: ServicePlan.BUSINESS }, withZone).settings.dnsRecord).toEqual({
      project: 'example-project', managedZone: 'internal', name: expect.stringMatching(/^stack-cache-[0-9a-f]{8}\.internal\.example\.com\.$/),
    });
    expect(plan({ plan: ServicePlan.BUSINESS }).settings.dnsRecord).toBeUndefined();
    expect(realization({ plan: ServicePlan.BUSINESS }, ProductPromise.STABLE_ENDPOINT).realization).toBe(Realization.SUBSTITUTED);
  });

  test('derives a valid name, and distinct names for distinct paths', () => {
    const a = planWith(MEMORYSTORE, PROPS, { plan: ServicePlan.HOBBYIST }, 'app/a/Cache').name;
    const b = planWith(MEMORYSTORE, PROPS, { plan: ServicePlan.HOBBYIST }, 'app/b/Cache').name;
    expect(a).toMatch(REDIS_INSTANCE_NAME_RULE.pattern);
    expect(a).not.toBe(b);
  });

  test.each(['Cache', '1cache', 'cache-', 'c', 'a'.repeat(42), 'my_cache'])('fails for the name "%s"', (name) => {
    expect(codeOf(() => plan({ plan: ServicePlan.HOBBYIST }, PROPS, name))).toBe('InvalidName');
  });

  test('accepts a 41-character name', () => {
    expect(plan({ plan: ServicePlan.HOBBYIST }, PROPS, `a${'b'.repeat(40)}`).name).toHaveLength(41);
  });

  test('places the standby in the alternative zone, and refuses one for a plan without a standby rather than ignore it', () => {
    const zones = { ...PROPS, zone: 'europe-west1-b', alternativeZone: 'europe-west1-c' };
    expect(plan({ plan: ServicePlan.BUSINESS }, zones).settings).toMatchObject({ zone: 'europe-west1-b', alternativeZone: 'europe-west1-c' });
    expect(() => plan({ plan: ServicePlan.STARTUP }, zones)).toThrow(
      '[PropHasNoEffect] RedisBackend.memorystore({ alternativeZone }) is given, but has no effect: the startup plan runs no standby (BASIC tier), whose zone it would name.');
    expect(plan({ plan: ServicePlan.STARTUP }, { ...PROPS, zone: 'europe-west1-b' }).settings).toMatchObject({ zone: 'europe-west1-b', alternativeZone: undefined });
  });

  test('refuses a backup hour on a plan without backup history rather than ignore it', () => {
    expect(() => plan({ plan: ServicePlan.HOBBYIST }, { ...PROPS, backupHour: 2 })).toThrow('[PropHasNoEffect] RedisBackend.memorystore({ backupHour })');
  });

  test('fills in the defaults: direct peering, hourly snapshots, Sunday 05:00 maintenance, exports at 03:00', () => {
    expect(plan({ plan: ServicePlan.STARTUP }).settings).toMatchObject({
      connectMode: 'DIRECT_PEERING',
      snapshotPeriod: 'ONE_HOUR',
      maintenance: { day: 'SUNDAY', hour: 5 },
      backup: { schedule: '0 3 * * *', project: 'example-project', region: 'europe-west1' },
    });
  });

  test('encrypts the exports with the instance\'s KMS key', () => {
    const kmsKey = 'projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k';
    expect(plan({ plan: ServicePlan.STARTUP }, { ...PROPS, kmsKey }).settings).toMatchObject({ kmsKey, backup: { kmsKey } });
  });

  test('names the backup resources within their services\' limits', () => {
    const backup = plan({ plan: ServicePlan.PREMIUM }, PROPS, `a${'b'.repeat(40)}`).settings.backup!;
    expect(backup.bucketName.length).toBeLessThanOrEqual(63);
    expect(backup.serviceAccountId).toMatch(/^[a-z][-a-z0-9]{4,28}[a-z0-9]$/);
    // The creation time's hash is eight hex digits, as long as `x`.repeat(8).
    expect(backup.roleId('t').replace(/\$\{TfToken\[TOKEN\.\d+\]\}/, 'x'.repeat(8))).toMatch(/^[a-zA-Z0-9_.]{3,64}$/);
    expect(plan({ plan: ServicePlan.PREMIUM }, PROPS, 'google-cache').settings.backup!.bucketName).not.toMatch(/goog/);
  });

  test.each([
    [ServicePlan.STARTUP, undefined, true],
    [ServicePlan.BUSINESS, undefined, false],
    [ServicePlan.STARTUP, true, false],
    [ServicePlan.PREMIUM, false, true],
  ])('%s with deletionProtection %s lets destroy delete the bucket with its exports: %s', (servicePlan, deletionProtection, expected) => {
    expect(plan({ plan: servicePlan, deletionProtection }).settings.backup!.forceDestroy).toBe(expected);
  });

  test('encodes the export call for Cloud Scheduler', () => {
    const backup = plan({ plan: ServicePlan.STARTUP }, PROPS, 'cache').settings.backup!;
    expect(JSON.parse(Buffer.from(backup.exportBody, 'base64').toString())).toEqual({
      outputConfig: { gcsDestination: { uri: `gs://${backup.bucketName}/cache.rdb` } },
    });
  });
});

describe('Memorystore for Redis props', () => {
  test.each<[string, Partial<MemorystoreProps>, string, RegExp]>([
    ['a project name', { project: 'My Project' }, 'InvalidProject', /"My Project" is not a Google Cloud project ID/],
    ['London', { region: 'europe-west2' }, 'UnsupportedRegion', /outside the European Union/],
    ['no network', { network: '' }, 'MissingNetwork', /network is missing/],
    ['a zone of another region', { zone: 'us-central1-a' }, 'InvalidZone', /zone "us-central1-a" is not a zone of europe-west1/],
    ['the same two zones', { zone: 'europe-west1-b', alternativeZone: 'europe-west1-b' }, 'SameZones', /the standby must run in another zone/],
    ['hour 24', { maintenanceWindow: { day: Weekday.SUNDAY, hour: 24 } }, 'InvalidMaintenanceWindow', /maintenanceWindow }\) is not a weekly window: hour 24 is not a whole number from 0 to 23/],
    ['an unknown connect mode', { connectMode: 'VPN' as MemorystoreConnectMode }, 'InvalidConnectMode', /connectMode "VPN" is not one of DIRECT_PEERING/],
    ['Redis 5', { engineVersion: MemorystoreRedisVersion.of('REDIS_5_0') }, 'InvalidEngineVersion', /engineVersion "REDIS_5_0" is not supported; .* need Redis 6 or later/],
    ['a DNS zone without its dot', { privateDnsZone: { managedZone: 'internal', dnsName: 'internal.example.com' } }, 'InvalidDnsZone', /trailing dot/],
    ['a network with a space', { network: 'my network' }, 'InvalidNetwork', /network "my network" is not a VPC network/],
    ['a network path without global', { network: 'projects/p/networks/default' }, 'InvalidNetwork', /is not a VPC network; give its full name/],
    ['a KMS key name only', { kmsKey: 'redis-key' }, 'InvalidKmsKey', /kmsKey "redis-key" is not a Cloud KMS key's resource name/],
    ['a KMS key of another region', { kmsKey: 'projects/p/locations/us-east1/keyRings/r/cryptoKeys/k' }, 'InvalidKmsKey',
      /kmsKey "projects\/p\/locations\/us-east1\/keyRings\/r\/cryptoKeys\/k" is in us-east1, but the data store runs in europe-west1/],
    ['a /24 reserved range', { reservedIpRange: '10.0.0.0/24' }, 'InvalidReservedIpRange', /reservedIpRange "10.0.0.0\/24" is not a \/29 or \/28 IPv4 block/],
    ['a range name with direct peering', { reservedIpRange: 'memorystore-range' }, 'InvalidReservedIpRange', /with direct peering, give an unused private range/],
    ['a reserved range with host bits', { reservedIpRange: '10.0.0.8/28' }, 'CidrHostBits', /reservedIpRange "10.0.0.8\/28" has host bits set/],
    ['a CIDR block with private services access', { connectMode: MemorystoreConnectMode.PRIVATE_SERVICE_ACCESS, reservedIpRange: '10.0.0.0/29' },
      'InvalidReservedIpRange', /reservedIpRange "10.0.0.0\/29" is not the name of an allocated range/],
  ])('fails for %s', (_, change, code, message) => {
    const props = { ...PROPS, ...change };
    expect(codeOf(() => plan({ plan: ServicePlan.HOBBYIST }, props))).toBe(code);
    expect(() => plan({ plan: ServicePlan.HOBBYIST }, props)).toThrow(message);
  });
});

describe('Memorystore for Redis under the conformance policy', () => {
  const findings = (input: DataStoreInput) => findingsOf(MEMORYSTORE, plan(input));

  test('fails for an explicit allow-list, which Memorystore cannot enforce', () => {
    expect(findings({ plan: ServicePlan.BUSINESS, allowedCidrs: ['203.0.113.0/24'] })).toContainEqual(expect.objectContaining({
      promise: ProductPromise.NETWORK_ACCESS,
      severity: Severity.ERROR,
      message: 'Memorystore for Redis (gcp) cannot keep the business plan\'s promise "open by default, restrictable to IPs/CIDRs": Memorystore has no allow-list for client addresses (asked for 1 source(s)); clients connect from the authorized VPC network and networks connected to it. Fix: omit allowedCidrs and limit who can reach the instance with VPC firewall rules on the clients\' side.',
    }));
  });

  test('fails for luaScripting: false, which Memorystore cannot switch off', () => {
    expect(findings({ plan: ServicePlan.BUSINESS, luaScripting: false })).toContainEqual(expect.objectContaining({
      promise: ProductPromise.LUA_SCRIPTING,
      severity: Severity.ERROR,
      message: 'Memorystore for Redis (gcp) cannot keep the business plan\'s promise "Lua on by default, switchable off": Memorystore for Redis always allows EVAL, EVALSHA, FCALL, FUNCTION and SCRIPT, and has no ACL in google provider 6.50 to refuse them. Fix: omit luaScripting (Lua stays on).',
    }));
  });

  test('warns, without failing, for the gaps of the default request', () => {
    expect(findings({ plan: ServicePlan.BUSINESS }).map((f) => [f.promise, f.severity])).toEqual([
      [ProductPromise.NETWORK_ACCESS, Severity.WARNING],
      [ProductPromise.STABLE_ENDPOINT, Severity.WARNING],
      [ProductPromise.RESTRICTED_COMMANDS, Severity.WARNING],
      [ProductPromise.AVAILABILITY_SLA, Severity.WARNING],
    ]);
  });

  test.each([ServicePlan.HOBBYIST, ServicePlan.STARTUP, ServicePlan.BUSINESS, ServicePlan.PREMIUM])(
    '%s keeps each promise the definition claims, whatever else is asked', (servicePlan) => {
      const { conformance } = plan({ plan: servicePlan, luaScripting: false, allowedCidrs: ['10.0.0.0/8'], memoryGib: 300 });
      expect(MEMORYSTORE.keeps.filter((promise) => isGap(conformance[promise].realization))).toEqual([]);
    });
});

describe('Memorystore for Redis with tokens', () => {
  test('skips the checks of values unknown until apply', () => {
    expect(() => plan({ plan: ServicePlan.BUSINESS }, { ...PROPS, project: TOKEN, zone: TOKEN })).not.toThrow();
  });

  test('names the backup resources with a hash of project, region and name, SHA-256 as Terraform computes it for tokens', () => {
    const backup = plan({ plan: ServicePlan.STARTUP }, PROPS, 'orders').settings.backup!;
    const hash = createHash('sha256').update('example-project/europe-west1/orders').digest('hex').slice(0, 8);
    expect([backup.bucketName, backup.serviceAccountId]).toEqual([`orders-backups-${hash}`, `redis-export-${hash}`]);
  });

  test('derives the backup resources\' names from the path when the name is a token', () => {
    const result = plan({ plan: ServicePlan.STARTUP }, PROPS, TOKEN);
    expect(result.name).toBe(TOKEN);
    expect(result.settings.backup!.jobName).toMatch(/^stack-cache-[0-9a-f]{8}-backup$/);
  });
});

describe('Memorystore for Redis version downgrades, as the provider tells them', () => {
  test.each([
    ['REDIS_7_2', 'REDIS_7_0', true],
    ['REDIS_7_0', 'REDIS_6_2', true],
    ['REDIS_7_0', 'REDIS_7_2', false],
    ['REDIS_7_2', 'REDIS_7_2', false],
    ['REDIS_7_2', 'REDIS_6_X', false],
    [undefined, 'REDIS_7_0', false],
  ])('%s -> %s forces a new instance: %s', (before, after, expected) => {
    expect(isRedisVersionDecreasing(before, after)).toBe(expected);
  });

  test.each([
    ['REDIS_7_2', 'REDIS_6_X', ChangeEffect.REFUSED],
    ['REDIS_7_0', 'REDIS_6_X', ChangeEffect.REFUSED],
    ['REDIS_6_X', 'REDIS_7_0', ChangeEffect.IN_PLACE],
    ['REDIS_7_0', 'REDIS_7_2', ChangeEffect.IN_PLACE],
    ['REDIS_7_2', 'REDIS_7_0', ChangeEffect.REPLACES],
  ])('%s -> %s: %s (a move to REDIS_6_X is planned as an upgrade the API refuses)', (before, after, effect) => {
    expect(effectOf(MEMORYSTORE_CHANGES, { redis_version: before }, { redis_version: after })).toBe(effect);
  });
});

describe('recovery point', () => {
  test.each([ServicePlan.HOBBYIST, ServicePlan.STARTUP])('%s: hourly RDB by default, up to 1 hour of writes on one node, a substitute', (servicePlan) => {
    const result = plan({ plan: servicePlan });
    expect(result.settings.snapshotPeriod).toBe('ONE_HOUR');
    expect(result.conformance[ProductPromise.RECOVERY_POINT]).toEqual({
      realization: Realization.SUBSTITUTED,
      detail: 'RDB persistence with rdb_snapshot_period = "ONE_HOUR" (Memorystore for Redis has no append-only file): losing the single node loses up to 1 hour of writes, not the plan\'s 5 minutes',
      fix: 'choose ServicePlan.BUSINESS, whose replica receives every write by replication',
    });
  });

  test('a longer snapshotPeriod gives a longer window, and the fix names the shortest', () => {
    const props = { ...PROPS, snapshotPeriod: MemorystoreSnapshotPeriod.SIX_HOURS };
    const kept = plan({ plan: ServicePlan.HOBBYIST }, props).conformance[ProductPromise.RECOVERY_POINT];
    expect(kept.detail).toContain('loses up to 6 hours of writes');
    expect(kept.fix).toContain('set snapshotPeriod to MemorystoreSnapshotPeriod.ONE_HOUR');
  });

  test.each([ServicePlan.BUSINESS, ServicePlan.PREMIUM])('%s: STANDARD_HA replication keeps it natively', (servicePlan) => {
    expect(plan({ plan: servicePlan }).conformance[ProductPromise.RECOVERY_POINT]).toMatchObject({
      realization: Realization.NATIVE,
      detail: expect.stringContaining('STANDARD_HA replicates every write to the replica(s) in other zones: losing the primary'),
    });
  });
});
