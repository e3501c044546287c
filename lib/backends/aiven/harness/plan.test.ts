import { TerraformVariable } from 'cdktf';
import { TOKEN, asIfFromJavaScript, codeOf, findingsOf, isTokenText, planWith, testStack } from '../../../../test/util';
import { RedisBackend } from '../../../index';
import {
  Cloud, DataStoreInput, LUA_COMMANDS, MaintenanceWindow, ProductPromise, RESTRICTED_COMMANDS, Realization, ServicePlan, Weekday,
  deniedCommands, isGap, renderAclRule,
} from '../../../plan';
import { AIVEN_BLOCKED_COMMANDS, AIVEN_BUSINESS, AIVEN_FAMILIES, AIVEN_PREMIUM, AIVEN_STARTUP } from '../catalog';
import { AIVEN_DEFINITIONS } from '../definition';
import { AIVEN_SERVICE_NAME_RULE, aivenAclRule, aivenTags } from '../plan';
import { AivenBackendProps, AivenValkeyVersion } from '../props';
import { AIVEN_REGIONS } from '../regions';

const REGION: Readonly<Record<Cloud, string>> = {
  [Cloud.AWS]: 'eu-west-1', [Cloud.AZURE]: 'westeurope', [Cloud.GCP]: 'europe-west1', [Cloud.DIGITALOCEAN]: 'ams3',
};
const CLOUDS = Object.values(Cloud);
const PLANS = Object.values(ServicePlan);
const propsOn = (cloud: Cloud, more: Partial<AivenBackendProps> = {}): AivenBackendProps => ({ project: 'choreo-data', cloud, region: REGION[cloud], ...more });

type Input = Partial<DataStoreInput> & { plan: ServicePlan; name?: string };
function plan(input: Input, props: AivenBackendProps = propsOn(Cloud.AWS)) {
  return planWith(AIVEN_DEFINITIONS[props.cloud ?? Cloud.AWS], props, input);
}
const settings = (input: Input, props?: AivenBackendProps) => plan(input, props).settings;

describe('tiers on every cloud', () => {
  const cases = CLOUDS.flatMap((cloud) => [
    [cloud, ServicePlan.HOBBYIST, [Cloud.GCP, Cloud.DIGITALOCEAN].includes(cloud) ? 'hobbyist' : 'startup-4', 1, [Cloud.GCP, Cloud.DIGITALOCEAN].includes(cloud) ? 0 : 1],
    [cloud, ServicePlan.STARTUP, 'startup-4', 1, 1],
    [cloud, ServicePlan.BUSINESS, 'business-4', 2, 3],
    [cloud, ServicePlan.PREMIUM, 'premium-8', 3, 13],
  ] as const);

  test.each(cases)('%s %s runs %s: %d node(s), %d day(s) of backups', (cloud, tier, aivenPlan, nodes, days) => {
    const p = plan({ plan: tier }, propsOn(cloud));
    expect([p.size.id, p.nodeCount, p.backupRetentionDays, p.settings.plan]).toEqual([aivenPlan, nodes, days, aivenPlan]);
    expect([p.engine, p.engineVersion]).toEqual(['valkey', '8.1']);
    expect(p.settings.cloudName).toBe(AIVEN_REGIONS[cloud].cloudNames[REGION[cloud]]);
    expect(p.settings.planCheck).toEqual({
      plan: aivenPlan, cloudName: p.settings.cloudName, nodeCount: nodes, errorMessage: expect.stringContaining(aivenPlan),
    });
  });

  test.each(CLOUDS.flatMap((cloud) => PLANS.flatMap((tier) => [true, false].flatMap((luaScripting) =>
    [undefined, ['203.0.113.0/24']].map((allowedCidrs) => [cloud, tier, luaScripting, allowedCidrs] as const)))))(
    '%s %s (Lua %s, allow-list %j) keeps every promise but, on one node, the recovery point; on hobbyist, the SLA; with standbys on DigitalOcean, other zones',
    (cloud, tier, luaScripting, allowedCidrs) => {
      const p = plan({ plan: tier, luaScripting, allowedCidrs: allowedCidrs === undefined ? undefined : [...allowedCidrs] }, propsOn(cloud));
      const missed = [
        ...(p.nodeCount === 1 ? [ProductPromise.RECOVERY_POINT] : []),
        ...(p.nodeCount > 1 && cloud === Cloud.DIGITALOCEAN ? [ProductPromise.ZONE_REDUNDANCY] : []),
        ...(p.settings.plan === 'hobbyist' ? [ProductPromise.AVAILABILITY_SLA] : []),
      ];
      expect(Object.entries(p.conformance).filter(([, kept]) => isGap(kept.realization)).map(([promise]) => promise)).toEqual(missed);
      expect(findingsOf(AIVEN_DEFINITIONS[cloud], p).map((f) => f.promise)).toEqual(missed);
    });

  test.each([ServicePlan.HOBBYIST, ServicePlan.STARTUP])('%s gives a recovery point of 10 minutes: RDB dumps with frequent snapshots, one node', (tier) => {
    const p = plan({ plan: tier }, propsOn(Cloud.GCP));
    expect(p.settings.persistence).toEqual({ mode: 'rdb', frequentSnapshots: true });
    expect(p.conformance[ProductPromise.RECOVERY_POINT]).toMatchObject({
      realization: Realization.SUBSTITUTED,
      detail: expect.stringContaining('losing the single node loses up to 10 minutes of writes'),
    });
  });

  test.each([ServicePlan.BUSINESS, ServicePlan.PREMIUM])('%s keeps the recovery point through its standbys', (tier) => {
    expect(plan({ plan: tier }, propsOn(Cloud.GCP)).conformance[ProductPromise.RECOVERY_POINT]).toMatchObject({
      realization: Realization.NATIVE,
      detail: expect.stringContaining('the standby node(s) receive every write by replication'),
    });
  });

  test('keeps 70 of 72 cells on AWS and Azure (not the single-node recovery point), 69 on Google Cloud (nor the hobbyist plan\'s SLA), 67 on DigitalOcean (nor other zones), and the restricted variant but for zones on DigitalOcean', () => {
    const expected: Record<Cloud, number> = { [Cloud.AWS]: 70, [Cloud.AZURE]: 70, [Cloud.GCP]: 69, [Cloud.DIGITALOCEAN]: 67 };
    for (const cloud of CLOUDS) {
      const kept = PLANS.flatMap((tier) => Object.values(plan({ plan: tier }, propsOn(cloud)).conformance)).filter((c) => !isGap(c.realization));
      expect([cloud, kept.length]).toEqual([cloud, expected[cloud]]);
      const restricted = plan({ plan: ServicePlan.BUSINESS, luaScripting: false, allowedCidrs: ['203.0.113.0/24', '198.51.100.7/32'] }, propsOn(cloud));
      expect(Object.entries(restricted.conformance).filter(([, c]) => isGap(c.realization)).map(([promise]) => promise))
        .toEqual(cloud === Cloud.DIGITALOCEAN ? [ProductPromise.ZONE_REDUNDANCY] : []);
    }
  });

  test.each([Cloud.AWS, Cloud.AZURE])('Hobbyist on %s runs on startup-4, with a warning and the reason in the nodes row', (cloud) => {
    const p = plan({ plan: ServicePlan.HOBBYIST }, propsOn(cloud));
    expect(p.warnings).toEqual([{
      code: 'PlanFamilyNotOffered',
      message: `Aiven offers no hobbyist plan on ${cloud}, so this data store runs on startup-4: 1 node(s), every promise of its plan kept, at the startup plan's price. Fix: run it on gcp or digitalocean for the hobbyist plan, or choose the plan that says what it runs.`,
    }]);
    expect(p.conformance[ProductPromise.NODES].detail).toBe(`plan = "startup-4": 1 node(s) (Aiven offers no hobbyist plan on ${cloud}, only on gcp and digitalocean; its smallest startup plan stands in); a precondition on the project's plan list checks at plan time that ${cloud === Cloud.AWS ? 'aws-eu-west-1' : 'azure-westeurope'} offers it`);
    expect(p.conformance[ProductPromise.BACKUP_HISTORY]).toEqual({ realization: Realization.NATIVE, detail: 'Aiven keeps 1 day(s) of backups of startup services' });
  });

  test.each([Cloud.GCP, Cloud.DIGITALOCEAN])('Hobbyist on %s runs on hobbyist, with no warning and no history', (cloud) => {
    const p = plan({ plan: ServicePlan.HOBBYIST }, propsOn(cloud));
    expect(p.warnings).toEqual([]);
    expect(p.conformance[ProductPromise.BACKUP_HISTORY].detail).toBe('the plan promises no history: Aiven keeps a single backup of hobbyist services');
  });

  test('only Hobbyist warns', () => {
    for (const tier of [ServicePlan.STARTUP, ServicePlan.BUSINESS, ServicePlan.PREMIUM]) expect(plan({ plan: tier }).warnings).toEqual([]);
  });
});

describe('sizes', () => {
  test.each([
    [ServicePlan.HOBBYIST, Cloud.GCP, 0.5, 'hobbyist'],
    [ServicePlan.HOBBYIST, Cloud.GCP, 1, 'hobbyist'],
    [ServicePlan.HOBBYIST, Cloud.GCP, 2, 'startup-4'],
    [ServicePlan.HOBBYIST, Cloud.AWS, 0.5, 'startup-4'],
    [ServicePlan.STARTUP, Cloud.AWS, 5, 'startup-8'],
    [ServicePlan.STARTUP, Cloud.AZURE, 200, 'startup-200'],
    [ServicePlan.BUSINESS, Cloud.DIGITALOCEAN, 13, 'business-14'],
    [ServicePlan.BUSINESS, Cloud.GCP, 28, 'business-28'],
    [ServicePlan.PREMIUM, Cloud.AWS, 4, 'premium-4'],
    [ServicePlan.PREMIUM, Cloud.AWS, 100, 'premium-112'],
  ])('%s on %s with memoryGib %d runs %s', (tier, cloud, memoryGib, id) => {
    const p = plan({ plan: tier, memoryGib }, propsOn(cloud));
    expect(p.size.id).toBe(id);
    expect(p.serviceMaxConnections).toBe(Math.max(10_000, 4 * p.size.memoryGib * 1024));
  });

  test('on GCP, Hobbyist above 1 GiB says why it runs on a startup plan', () => {
    expect(plan({ plan: ServicePlan.HOBBYIST, memoryGib: 2 }, propsOn(Cloud.GCP)).conformance[ProductPromise.NODES].detail)
      .toContain('memoryGib 2 is more than hobbyist\'s 1 GB');
    expect(plan({ plan: ServicePlan.HOBBYIST, memoryGib: 2 }, propsOn(Cloud.GCP)).warnings).toEqual([]);
  });

  test('fails above the largest size, naming it', () => {
    expect(() => plan({ plan: ServicePlan.BUSINESS, memoryGib: 201 })).toThrow(expect.objectContaining({
      code: 'NoSizeFits',
      message: expect.stringContaining('memoryGib 201 is more than any of the Aiven for Valkey business plans offers; the largest is business-200 with 200 GiB'),
    }));
  });

  test('the catalog: plan names that fit the provider\'s pattern, nodes 1, 1, 2, 3 and history 0, 1, 3, 13 days', () => {
    expect(AIVEN_FAMILIES.map((f) => [f.name, f.nodeCount, f.backupHistoryDays])).toEqual([
      ['hobbyist', 1, 0], ['startup', 1, 1], ['business', 2, 3], ['premium', 3, 13],
    ]);
    for (const family of [AIVEN_STARTUP, AIVEN_BUSINESS, AIVEN_PREMIUM]) {
      expect(family.sizes.map((s) => s.memoryGib)).toEqual([4, 8, 14, 28, 56, 112, 200]);
    }
    for (const size of AIVEN_FAMILIES.flatMap((f) => f.sizes)) expect(size.id).toMatch(/^[a-z][a-z0-9_-]*[a-z0-9]$/);
  });
});

describe('regions', () => {
  test.each([
    [Cloud.AWS, 'us-east-1', 'aws-us-east-1'],
    [Cloud.AWS, 'eu-south-2', 'aws-eu-south-2'],
    [Cloud.AZURE, 'westeurope', 'azure-westeurope'],
    [Cloud.AZURE, 'germanywestcentral', 'azure-germany-westcentral'],
    [Cloud.AZURE, 'francecentral', 'azure-france-central'],
    [Cloud.AZURE, 'swedencentral', 'azure-sweden-central'],
    [Cloud.AZURE, 'eastus2', 'azure-eastus2'],
    [Cloud.GCP, 'europe-west10', 'google-europe-west10'],
    [Cloud.GCP, 'us-south1', 'google-us-south1'],
    [Cloud.DIGITALOCEAN, 'ams3', 'do-ams'],
    [Cloud.DIGITALOCEAN, 'nyc1', 'do-nyc'],
    [Cloud.DIGITALOCEAN, 'sfo3', 'do-sfo'],
    [Cloud.DIGITALOCEAN, 'fra1', 'do-fra'],
  ])('%s %s is Aiven\'s %s', (cloud, region, cloudName) => {
    expect(settings({ plan: ServicePlan.STARTUP }, propsOn(cloud, { region })).cloudName).toBe(cloudName);
  });

  test('every region table lists only US and EU regions, each with an Aiven cloud of its own cloud', () => {
    const prefix: Record<Cloud, string> = { [Cloud.AWS]: 'aws-', [Cloud.AZURE]: 'azure-', [Cloud.GCP]: 'google-', [Cloud.DIGITALOCEAN]: 'do-' };
    for (const cloud of CLOUDS) {
      const { table, cloudNames } = AIVEN_REGIONS[cloud];
      expect(table.cloud).toBe(cloud);
      expect(Object.keys(cloudNames).sort()).toEqual(Object.keys(table.regions).sort());
      for (const name of Object.values(cloudNames)) expect(name.startsWith(prefix[cloud])).toBe(true);
    }
  });

  test.each([
    [Cloud.AZURE, 'azure-germany-westcentral', 'germanywestcentral'],
    [Cloud.DIGITALOCEAN, 'do-nyc', 'nyc3'],
    [Cloud.GCP, 'google-us-east4', 'us-east4'],
  ])('on %s, cloudName %s alone runs there, in region %s', (cloud, cloudName, region) => {
    const props: AivenBackendProps = { project: 'p', cloud, cloudName };
    expect(settings({ plan: ServicePlan.STARTUP }, props).cloudName).toBe(cloudName);
    expect(RedisBackend.aiven(props).region).toBe(region);
  });

  test('accepts region and cloudName that name the same place', () => {
    expect(settings({ plan: ServicePlan.STARTUP }, propsOn(Cloud.DIGITALOCEAN, { region: 'nyc1', cloudName: 'do-nyc' })).cloudName).toBe('do-nyc');
  });

  test.each([
    ['fails for a region outside the EU', propsOn(Cloud.AWS, { region: 'eu-west-2' }), 'UnsupportedRegion', 'is in Europe but outside the European Union'],
    ['fails for an Azure region Aiven has no cloud in', propsOn(Cloud.AZURE, { region: 'italynorth' }), 'UnsupportedRegion', 'is not a US or EU region of azure'],
    ['fails for a cloudName outside the EU', { project: 'p', cloud: Cloud.AZURE, cloudName: 'azure-uksouth' }, 'UnsupportedRegion',
      'cloudName }) "azure-uksouth" is in Europe but outside the European Union'],
    ['fails for DigitalOcean London by cloudName', { project: 'p', cloud: Cloud.DIGITALOCEAN, cloudName: 'do-lon' }, 'UnsupportedRegion', 'outside the European Union'],
    ['fails for a typo in cloudName, suggesting the name', { project: 'p', cloud: Cloud.AZURE, cloudName: 'azure-germanywestcentral' }, 'UnsupportedRegion',
      'did you mean "azure-germany-westcentral"?'],
    ['fails for another cloud\'s cloudName', { project: 'p', cloud: Cloud.GCP, cloudName: 'aws-eu-west-1' }, 'CloudNameMismatch', '"aws-eu-west-1" is a cloud of aws, but cloud is Cloud.GCP'],
    ['fails when region and cloudName disagree', propsOn(Cloud.AWS, { cloudName: 'aws-us-east-1' }), 'RegionMismatch',
      '"aws-us-east-1" is not region "eu-west-1" (Aiven calls that "aws-eu-west-1")'],
    ['fails with neither region nor cloudName', { project: 'p', cloud: Cloud.GCP }, 'MissingRegion', 'give the gcp region ID'],
  ] as const)('%s', (_, props, code, text) => {
    expect(() => RedisBackend.aiven(props)).toThrow(expect.objectContaining({ code, message: expect.stringContaining(text) }));
  });

  test('fails for a token region: the cloud name is decided at synth', () => {
    const region = new TerraformVariable(testStack(), 'region', { type: 'string' }).stringValue;
    expect(codeOf(() => RedisBackend.aiven(propsOn(Cloud.AWS, { region })))).toBe('UnresolvedRegion');
  });
});

describe('props', () => {
  test.each([
    ['fails for a cloud that is not one', { project: 'p', cloud: 'alibaba' as Cloud, region: 'eu-west-1' }, 'InvalidCloud'],
    ['fails without a cloud', { project: 'p', region: 'eu-west-1' } as AivenBackendProps, 'MissingCloud'],
    ['fails for a project name with a space', propsOn(Cloud.AWS, { project: 'my project' }), 'InvalidProject'],
    ['fails for an empty project name', propsOn(Cloud.AWS, { project: '' }), 'InvalidProject'],
    ['fails for a version before 8.1', propsOn(Cloud.AWS, { engineVersion: AivenValkeyVersion.of('7.2') }), 'InvalidEngineVersion'],
    ['fails for a version without a minor number', propsOn(Cloud.AWS, { engineVersion: AivenValkeyVersion.of('9') }), 'InvalidEngineVersion'],
    ['fails for a maintenance day without an hour', propsOn(Cloud.AWS, { maintenanceWindow: asIfFromJavaScript<MaintenanceWindow>({ day: Weekday.SUNDAY }) }), 'InvalidMaintenanceWindow'],
    ['fails for a maintenance day that is not a Weekday', propsOn(Cloud.AWS, { maintenanceWindow: { day: 'sun' as Weekday, hour: 3 } }), 'InvalidMaintenanceWindow'],
    ['fails for a maintenance minute of 60', propsOn(Cloud.AWS, { maintenanceWindow: { day: Weekday.SUNDAY, hour: 3, minute: 60 } }), 'InvalidMaintenanceWindow'],
    ['fails for the old maintenance day without a time', propsOn(Cloud.AWS, { maintenanceWindowDow: 'sunday' }), 'InvalidMaintenanceWindow'],
    ['fails for the old maintenance time without a day', propsOn(Cloud.AWS, { maintenanceWindowTime: '03:00:00' }), 'InvalidMaintenanceWindow'],
    ['fails for the old abbreviated day', propsOn(Cloud.AWS, { maintenanceWindowDow: 'sun', maintenanceWindowTime: '03:00:00' }), 'InvalidMaintenanceWindow'],
    ['fails for the old time without seconds', propsOn(Cloud.AWS, { maintenanceWindowDow: 'sunday', maintenanceWindowTime: '03:00' }), 'InvalidMaintenanceWindow'],
  ])('%s', (_, props, code) => {
    expect(codeOf(() => RedisBackend.aiven(props))).toBe(code);
  });

  test.each([
    ['aws-eu-west-1', Cloud.AWS, 'eu-west-1'],
    ['azure-westeurope', Cloud.AZURE, 'westeurope'],
    ['google-europe-west1', Cloud.GCP, 'europe-west1'],
    ['do-ams', Cloud.DIGITALOCEAN, 'ams3'],
  ])('without cloud, cloudName %s gives the cloud its prefix names', (cloudName, cloud, region) => {
    const backend = RedisBackend.aiven({ project: 'p', cloudName });
    expect([backend.cloud, backend.region]).toEqual([cloud, region]);
  });

  test('refuses a cloud other than the one cloudName names, and says the cloud is needed when cloudName cannot give it', () => {
    expect(() => RedisBackend.aiven({ project: 'p', cloud: Cloud.AZURE, cloudName: 'aws-eu-west-1' }))
      .toThrow('[CloudNameMismatch] RedisBackend.aiven({ cloudName }) "aws-eu-west-1" is a cloud of aws, but cloud is Cloud.AZURE; omit cloud');
    // London's cloud gives its cloud, and is then refused for what it is: outside the EU.
    expect(codeOf(() => RedisBackend.aiven({ project: 'p', cloudName: 'aws-eu-west-2' }))).toBe('UnsupportedRegion');
    expect(() => RedisBackend.aiven({ project: 'p', cloudName: 'upcloud-de-fra1' }))
      .toThrow(/^\[MissingCloud\] RedisBackend\.aiven\(\{ cloud \}\) is missing and cloudName "upcloud-de-fra1" does not start with a prefix of the four clouds \(aws-, azure-, google-, do-\); give cloud/);
    expect(RedisBackend.aiven({ project: 'p', cloud: Cloud.AWS, cloudName: 'aws-eu-west-1' }).region).toBe('eu-west-1');
  });

  test('a token project passes through', () => {
    expect(settings({ plan: ServicePlan.STARTUP }, propsOn(Cloud.AWS, { project: TOKEN })).project).toBe(TOKEN);
  });

  test('takes a version and a maintenance window', () => {
    const p = plan({ plan: ServicePlan.STARTUP },
      propsOn(Cloud.AWS, { engineVersion: AivenValkeyVersion.VALKEY_9_1, maintenanceWindow: { day: Weekday.SUNDAY, hour: 3, minute: 30 } }));
    expect([p.engineVersion, p.settings.maintenanceWindowDow, p.settings.maintenanceWindowTime]).toEqual(['9.1', 'sunday', '03:30:00']);
  });
});

describe('the application user', () => {
  test('Aiven blocks 15 of the 16 restricted commands; the user\'s ACL denies the one left, role', () => {
    expect(RESTRICTED_COMMANDS.filter((c) => !AIVEN_BLOCKED_COMMANDS.includes(c))).toEqual(['role']);
    expect(AIVEN_BLOCKED_COMMANDS.every((c) => RESTRICTED_COMMANDS.includes(c))).toBe(true);
    expect(settings({ plan: ServicePlan.STARTUP }).acl).toEqual({ categories: ['+@all'], commands: ['-role'], keys: ['*'], channels: ['*'] });
  });

  test('with Lua off it denies the Lua and function commands too, never naming a command Aiven refuses itself', () => {
    const { acl, username } = settings({ plan: ServicePlan.BUSINESS, luaScripting: false });
    expect(username).toBe('app');
    expect(acl.commands).toEqual(['-role', ...LUA_COMMANDS.map((c) => `-${c}`)]);
    expect(acl.commands.some((c) => AIVEN_BLOCKED_COMMANDS.includes(c.slice(1)))).toBe(false);
  });

  test.each([true, false])('with Lua %s, the rule Aiven applies is the library\'s rule for what Aiven leaves to the user', (luaScripting) => {
    const { acl } = settings({ plan: ServicePlan.STARTUP, luaScripting });
    expect(aivenAclRule(acl)).toBe(renderAclRule(deniedCommands(luaScripting).filter((c) => !AIVEN_BLOCKED_COMMANDS.includes(c))));
  });

  test('the conformance rows say what is native and what the user\'s ACL emulates', () => {
    const off = plan({ plan: ServicePlan.BUSINESS, luaScripting: false }).conformance;
    expect(off[ProductPromise.RESTRICTED_COMMANDS].realization).toBe(Realization.EMULATED);
    expect(off[ProductPromise.RESTRICTED_COMMANDS].detail).toMatch(/^Aiven refuses bgrewriteaof, .*shutdown natively; the application user's ACL denies role/);
    expect(off[ProductPromise.LUA_SCRIPTING]).toEqual({
      realization: Realization.EMULATED,
      detail: expect.stringContaining('the application user\'s ACL denies eval, eval_ro, evalsha, evalsha_ro, fcall, fcall_ro, function, script'),
    });
    expect(plan({ plan: ServicePlan.BUSINESS }).conformance[ProductPromise.LUA_SCRIPTING].realization).toBe(Realization.NATIVE);
  });
});

describe('network and protection', () => {
  test('writes the open default explicitly', () => {
    expect(settings({ plan: ServicePlan.STARTUP }).ipFilter).toEqual(['0.0.0.0/0', '::/0']);
  });

  test('writes the allow-list canonical, sorted and de-duplicated', () => {
    expect(settings({ plan: ServicePlan.STARTUP, allowedCidrs: ['203.0.113.0/24', '2001:db8::/32', '198.51.100.7', '198.51.100.7/32'] }).ipFilter)
      .toEqual(['198.51.100.7/32', '203.0.113.0/24', '2001:db8::/32']);
  });

  test('brings a token entry into canonical CIDR form with Terraform functions', () => {
    const token = new TerraformVariable(testStack(), 'office', { type: 'string' }).stringValue;
    const [literal, entry] = settings({ plan: ServicePlan.STARTUP, allowedCidrs: ['198.51.100.7', token] }).ipFilter;
    expect(literal).toBe('198.51.100.7/32');
    expect(isTokenText(entry)).toBe(true);
    expect(entry).not.toBe(token);
  });

  test('accepts 8000 sources and fails with 8001', () => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => `10.${Math.floor(i / 256)}.${i % 256}.0/24`);
    expect(settings({ plan: ServicePlan.STARTUP, allowedCidrs: entries(8000) }).ipFilter).toHaveLength(8000);
    expect(() => plan({ plan: ServicePlan.STARTUP, allowedCidrs: entries(8001) })).toThrow(expect.objectContaining({
      code: 'TooManySources', message: expect.stringContaining('Aiven\'s ip_filter_string holds at most 8000'),
    }));
  });

  test.each([
    [ServicePlan.HOBBYIST, undefined, false],
    [ServicePlan.STARTUP, undefined, false],
    [ServicePlan.BUSINESS, undefined, true],
    [ServicePlan.PREMIUM, undefined, true],
    [ServicePlan.STARTUP, true, true],
    [ServicePlan.PREMIUM, false, false],
  ])('%s with deletionProtection %s sets termination_protection %s', (tier, deletionProtection, expected) => {
    expect(settings({ plan: tier, deletionProtection }).terminationProtection).toBe(expected);
  });
});

describe('names and tags', () => {
  test('derives a service name within Aiven\'s rule', () => {
    const { name } = plan({ plan: ServicePlan.STARTUP });
    expect(name).toMatch(/^stack-cache-[0-9a-f]{8}$/);
    expect(name).toMatch(AIVEN_SERVICE_NAME_RULE.pattern);
  });

  test.each(['Orders', '1orders', 'orders_eu', 'x'.repeat(65)])('fails for the name %s', (name) => {
    expect(codeOf(() => plan({ plan: ServicePlan.STARTUP, name }))).toBe('InvalidName');
  });

  test('takes a name that fits', () => {
    expect(plan({ plan: ServicePlan.STARTUP, name: 'orders-eu-1' }).name).toBe('orders-eu-1');
  });

  test.each([
    ['keeps valid pairs, sorted by key', { 'managed-by': 'x', 'choreo-plan': 'y' }, [{ key: 'choreo-plan', value: 'y' }, { key: 'managed-by', value: 'x' }]],
    ['dashes characters outside the key alphabet', { 'cost.center': 'a b' }, [{ key: 'cost-center', value: 'a b' }]],
    ['drops leading characters that are not letters', { '1st-team': 'a' }, [{ key: 'st-team', value: 'a' }]],
    ['keeps keys and values of 64 characters', { [`k${'x'.repeat(63)}`]: 'v'.repeat(64) }, [{ key: `k${'x'.repeat(63)}`, value: 'v'.repeat(64) }]],
    ['passes a token through', { owner: TOKEN }, [{ key: 'owner', value: TOKEN }]],
  ])('tags: %s', (_, tags, expected) => {
    expect(aivenTags(tags, isTokenText)).toEqual(expected);
  });

  test.each([
    ['a key with no letter', { 123: 'a' }, 'InvalidTag', 'tags key "123" holds no letter'],
    ['two keys that become one', { 'a.b': '1', 'a-b': '2' }, 'TagCollision', 'tags "a.b" and "a-b" both become the Aiven tag key "a-b"'],
    ['a key longer than 64 characters', { [`k${'x'.repeat(64)}`]: 'v' }, 'InvalidTag', 'longer than 64 characters'],
    ['a value longer than 64 characters', { team: 'v'.repeat(65) }, 'InvalidTag', 'tags["team"] has a key or value longer than 64 characters'],
  ])('tags: %s is an error, not cut or dropped', (_, tags, code, message) => {
    expect(codeOf(() => aivenTags(tags, isTokenText))).toBe(code);
    expect(() => aivenTags(tags, isTokenText)).toThrow(message);
  });
});

test('Business and Premium need their failover kept natively', () => {
  for (const tier of [ServicePlan.BUSINESS, ServicePlan.PREMIUM]) {
    expect(plan({ plan: tier }).conformance[ProductPromise.AUTOMATIC_FAILOVER]).toEqual({
      realization: Realization.NATIVE, detail: 'Aiven promotes a standby when the primary fails, and schedules a replacement node',
    });
  }
  expect(AIVEN_BUSINESS.nodeCount).toBe(2);
  expect(AIVEN_PREMIUM.nodeCount).toBe(3);
});
