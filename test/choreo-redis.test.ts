import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { resolved, synthJson, testStack, warningsOf } from './util';
import { ChoreoRedis, ChoreoRedisProps, RedisBackend, ServicePlan } from '../lib';
import { loadRenderer } from '../lib/backends/defined-backend';

const network = { region: 'us-east-1', network: 'vpc-11111111', subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc'] };

function aws(stack: TerraformStack) {
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  new RandomProvider(stack, 'random');
}

function cache(stack: TerraformStack, id: string, props: Partial<ChoreoRedisProps> = {}) {
  return new ChoreoRedis(stack, id, { plan: ServicePlan.BUSINESS, backend: RedisBackend.elastiCache(network), ...props });
}

describe('ChoreoRedis', () => {
  test('fails on two data stores of one app with the same cloud name, in different stacks of the same region', () => {
    const app = Testing.app();
    const a = new TerraformStack(app, 'eu-a');
    const b = new TerraformStack(app, 'eu-b');
    aws(a);
    aws(b);
    cache(a, 'Cache', { name: 'orders' });
    expect(() => cache(b, 'Cache', { name: 'orders' }))
      .toThrow('[NameCollision] name "orders" of eu-b/Cache is already used by eu-a/Cache for ElastiCache in us-east-1');
  });

  test('lets the same name be used in another region, or in another app', () => {
    const app = Testing.app();
    const a = new TerraformStack(app, 'a');
    aws(a);
    cache(a, 'Cache', { name: 'orders' });
    const b = new TerraformStack(app, 'b');
    aws(b);
    expect(() => cache(b, 'Cache', { name: 'orders', backend: RedisBackend.elastiCache({ ...network, region: 'eu-west-1' }) })).not.toThrow();
    expect(() => cache(testStack(aws), 'Cache', { name: 'orders' })).not.toThrow();
  });

  test('exposes connection attributes as Terraform references, and the plan\'s figures as plain values', () => {
    const stack = testStack(aws);
    const redis = cache(stack, 'Cache');
    expect(resolved(stack, redis.host)).toMatch(/^\$\{aws_elasticache_replication_group\.Cache_[0-9A-F]+\.primary_endpoint_address\}$/);
    expect(resolved(stack, redis.password)).toMatch(/^\$\{random_password\.Cache_Password_[0-9A-F]+\.result\}$/);
    expect(redis.port).toBe(6379);
    expect(redis.user).toBe('default');
    expect({ nodeCount: redis.nodeCount, backupRetentionDays: redis.backupRetentionDays, size: redis.size, maxConnections: redis.maxConnections })
      .toEqual({ nodeCount: 2, backupRetentionDays: 3, size: 'cache.m7g.large', maxConnections: 26132 });
    expect({ engine: redis.engine, engineVersion: redis.engineVersion, serviceMaxConnections: redis.serviceMaxConnections })
      .toEqual({ engine: 'valkey', engineVersion: '8.0', serviceMaxConnections: 65000 });
  });

  test('defines no outputs unless asked, then unique ones with credentials sensitive', () => {
    const stack = testStack(aws);
    cache(stack, 'Sessions').addOutputs();
    cache(stack, 'Jobs').addOutputs({ prefix: 'jobs' });
    cache(stack, 'Quiet');
    const outputs = synthJson(stack).output!;
    expect(Object.keys(outputs).sort()).toEqual([
      'Sessions_host', 'Sessions_password', 'Sessions_port', 'Sessions_uri', 'Sessions_user', 'Sessions_verify',
      'jobs_host', 'jobs_password', 'jobs_port', 'jobs_uri', 'jobs_user', 'jobs_verify',
    ]);
    expect(Object.entries(outputs).filter(([, o]) => o.sensitive).map(([k]) => k).sort())
      .toEqual(['Sessions_password', 'Sessions_uri', 'jobs_password', 'jobs_uri']);
  });

  test('protects Business and Premium from deletion by default, and lets the user decide', () => {
    const preventDestroy = (props: Partial<ChoreoRedisProps>) => {
      const stack = testStack(aws);
      cache(stack, 'Cache', props);
      const [group] = Object.values(synthJson(stack).resource.aws_elasticache_replication_group);
      return group.lifecycle?.prevent_destroy ?? false;
    };
    expect(preventDestroy({})).toBe(true);
    expect(preventDestroy({ plan: ServicePlan.PREMIUM })).toBe(true);
    expect(preventDestroy({ plan: ServicePlan.STARTUP })).toBe(false);
    expect(preventDestroy({ deletionProtection: false })).toBe(false);
    expect(preventDestroy({ plan: ServicePlan.HOBBYIST, deletionProtection: true })).toBe(true);
  });

  test('turns warnings into errors under strict', () => {
    const stack = testStack(aws);
    expect(warningsOf(cache(stack, 'Lenient'))).toHaveLength(1);
    expect(() => cache(stack, 'Strict', { strict: true })).toThrow(/\[PromiseNotKept\] .*"open by default, restrictable to IPs\/CIDRs" \(an error because strict is true\)/);
    expect(() => cache(stack, 'StrictRestricted', { strict: true, allowedCidrs: ['10.0.0.0/8'] })).not.toThrow();
  });

  test('fails on bad input before defining anything', () => {
    const stack = testStack(aws);
    expect(() => cache(stack, 'Cache', { allowedCidrs: ['10.0.0.5/24'] })).toThrow('did you mean "10.0.0.0/24"?');
    expect(stack.node.findAll().filter((c) => c.node.path.startsWith('test/Cache/'))).toEqual([]);
  });

  test('keeps the primary resource reachable for escape hatches', () => {
    const stack = testStack(aws);
    const redis = cache(stack, 'Cache');
    redis.resource.addOverride('apply_immediately', true);
    const [group] = Object.values(synthJson(stack).resource.aws_elasticache_replication_group);
    expect(group.apply_immediately).toBe(true);
  });

  test('composes: several data stores per stack, several stacks per app, attributes wired elsewhere', () => {
    const app = new App({ outdir: Testing.app().outdir });
    const one = new TerraformStack(app, 'one');
    const two = new TerraformStack(app, 'two');
    aws(one);
    aws(two);
    const a = cache(one, 'A', { name: 'shared-name' });
    cache(two, 'A', { name: 'shared-name', backend: RedisBackend.elastiCache({ ...network, region: 'eu-west-1' }) });
    cache(one, 'B');
    expect(() => app.synth()).not.toThrow();
    expect(resolved(one, a.uri)).toMatch(/^\$\{format\("rediss:\/\/%s:%s@%s:%s", "default", urlencode\(random_password\.A_Password_[0-9A-F]+\.result\), aws_elasticache_replication_group\.A_[0-9A-F]+\.primary_endpoint_address, 6379\)\}$/);
  });
});

describe('acceptReplacement', () => {
  test('fails for a value that is not a replacement\'s digest, before defining anything', () => {
    const stack = testStack(aws);
    expect(() => cache(stack, 'Cache', { acceptReplacement: 'yes' }))
      .toThrow('[InvalidAcceptReplacement] acceptReplacement "yes" is not a replacement\'s digest; it takes the 16 hex digits the plan-time stop names');
    expect(stack.node.findAll().filter((c) => c.node.path.includes('Cache/')).map((c) => c.node.path)).toEqual([]);
  });

  test('takes the digest into the replacement guard\'s precondition, and nothing else', () => {
    const accepted = synthJson((() => { const s = testStack(aws); cache(s, 'Cache', { acceptReplacement: '3f2a9c01d4e5b6a7' }); return s; })());
    const plain = synthJson((() => { const s = testStack(aws); cache(s, 'Cache'); return s; })());
    const [group] = Object.values(accepted.resource.aws_elasticache_replication_group) as any[];
    expect(group.lifecycle.precondition.slice(-1)[0].condition).toContain('"3f2a9c01d4e5b6a7" == substr(sha256(');
    expect({ ...accepted, resource: { ...accepted.resource, aws_elasticache_replication_group: {} } })
      .toEqual({ ...plain, resource: { ...plain.resource, aws_elasticache_replication_group: {} } });
  });
});

describe('loading a backend', () => {
  test('fails with the package to install when the provider binding is missing', () => {
    const missing = Object.assign(new Error("Cannot find module '@cdktf/provider-aws/lib/elasticache-user'"), { code: 'MODULE_NOT_FOUND' });
    const packages = { '@cdktf/provider-aws': '21.22.1', '@cdktf/provider-random': '12.0.1' };
    expect(() => loadRenderer({ loadRenderer: () => { throw missing; }, packages, factory: 'elastiCache' }))
      .toThrow('[ProviderNotInstalled] RedisBackend.elastiCache() needs the npm package @cdktf/provider-aws, which is not installed; run "npm install -E @cdktf/provider-aws@21.22.1 @cdktf/provider-random@12.0.1".');
  });

  test('lets any other error through', () => {
    expect(() => loadRenderer({ loadRenderer: () => { throw new TypeError('boom'); }, packages: { '@cdktf/provider-aws': '21.22.1' }, factory: 'elastiCache' })).toThrow(TypeError);
  });
});
