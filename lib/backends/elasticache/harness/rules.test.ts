/**
 * The AWS provider rules accept what the backend synthesizes, and each rule added for names, parameter groups,
 * apply_immediately and the final snapshot's random_id catches a bad value.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Testing } from 'cdktf';
import { AWS_PROVIDER_RULES } from './rules';
import { testStack } from '../../../../test/util';
import { AlertTarget, ChoreoRedis, RedisBackend, ServicePlan } from '../../../index';

/** Every resource type the backend defines, with a KMS key, an allow-list and alerts. */
function synthesized(): Record<string, Record<string, any>> {
  const stack = testStack((s) => {
    new AwsProvider(s, 'aws', { region: 'eu-west-1' });
    new RandomProvider(s, 'random');
  });
  new ChoreoRedis(stack, 'Redis', {
    plan: ServicePlan.BUSINESS,
    name: 'Orders',
    allowedCidrs: ['10.0.0.0/8', '2001:db8::/48'],
    alerts: { targets: [AlertTarget.snsTopic('arn:aws:sns:eu-west-1:111122223333:redis-alerts')] },
    backend: RedisBackend.elastiCache({
      region: 'eu-west-1', network: 'vpc-11111111', subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb'], kmsKey: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    }),
  });
  return JSON.parse(Testing.synth(stack)).resource;
}

const RESOURCES = synthesized();

/** The one resource of a type, as a fresh copy to break. */
function resource(type: string): Record<string, any> {
  const [attrs] = Object.values(RESOURCES[type] ?? {});
  if (attrs === undefined) throw new Error(`the backend defines no ${type}`);
  return structuredClone(attrs);
}

const SHARED = ['random_password', 'terraform_data'];

test('covers every resource type the backend defines but random_password and terraform_data (shared rules), and the backend passes them', () => {
  expect(Object.keys(RESOURCES).filter((type) => !SHARED.includes(type) && AWS_PROVIDER_RULES[type] === undefined)).toEqual([]);
  for (const [type, byId] of Object.entries(RESOURCES)) {
    if (SHARED.includes(type)) continue;
    for (const attrs of Object.values(byId)) expect([type, AWS_PROVIDER_RULES[type](attrs)]).toEqual([type, []]);
  }
});

type Break = (attrs: Record<string, any>) => void;

test.each<[string, string, Break, string]>([
  ['aws_elasticache_replication_group', 'another family\'s default group', (a) => { a.parameter_group_name = 'default.valkey7'; }, 'the engine version\'s family'],
  ['aws_elasticache_replication_group', 'the Redis OSS group on Valkey', (a) => { a.parameter_group_name = 'default.redis7'; a.engine_version = '7.2'; }, 'the engine version\'s family'],
  ['aws_elasticache_replication_group', 'a cluster-mode group', (a) => { a.parameter_group_name = 'default.valkey8.cluster.on'; }, '.cluster.on groups need cluster mode'],
  ['aws_elasticache_replication_group', 'a parameter group name with a dot', (a) => { a.parameter_group_name = 'my.group'; }, 'a default group'],
  ['aws_elasticache_replication_group', 'apply_immediately as a string', (a) => { a.apply_immediately = 'true'; }, 'a bool'],
  ['aws_elasticache_replication_group', 'a final snapshot name with two hyphens', (a) => { a.final_snapshot_identifier = 'orders--final'; }, 'no --'],
  ['aws_elasticache_user', 'an upper-case user ID', (a) => { a.user_id = 'Orders-default'; }, 'lower case, as ElastiCache stores it'],
  ['aws_elasticache_user_group', 'an upper-case user group ID', (a) => { a.user_group_id = 'Orders'; }, 'lower case, as ElastiCache stores it'],
  ['aws_security_group', 'a name starting with sg-', (a) => { a.name = 'sg-orders'; }, 'not starting with sg-'],
  ['aws_elasticache_replication_group', 'a notification topic that is not an SNS ARN', (a) => { a.notification_topic_arn = 'redis-alerts'; }, 'an SNS topic ARN'],
  ['aws_cloudwatch_metric_alarm', 'a metric ElastiCache does not publish', (a) => { a.metric_name = 'MemoryUsagePercent'; }, 'an ElastiCache metric'],
  ['aws_cloudwatch_metric_alarm', 'another namespace', (a) => { a.namespace = 'AWS/EC2'; }, 'the ElastiCache namespace'],
  ['aws_cloudwatch_metric_alarm', 'the replication group as the dimension', (a) => { a.dimensions = { ReplicationGroupId: 'orders' }; }, 'the CacheClusterId dimension'],
  ['aws_cloudwatch_metric_alarm', 'an unknown comparison', (a) => { a.comparison_operator = 'GreaterThan'; }, 'a comparison operator'],
  ['aws_cloudwatch_metric_alarm', 'a period of 90 seconds', (a) => { a.period = 90; }, 'a multiple of 60'],
  ['aws_cloudwatch_metric_alarm', 'a percentile as statistic', (a) => { a.statistic = 'p99'; }, 'a statistic'],
  ['aws_cloudwatch_metric_alarm', 'an e-mail address as action', (a) => { a.alarm_actions = ['ops@example.com']; }, 'SNS topic ARNs'],
  ['random_id', 'no bytes', (a) => { a.byte_length = 0; }, 'at least 1 byte'],
  ['random_id', 'a keeper that is a number', (a) => { a.keepers.port = 6379; }, 'a map of strings'],
])('%s: catches %s', (type, _, breakIt, message) => {
  const attrs = resource(type);
  breakIt(attrs);
  expect(AWS_PROVIDER_RULES[type](attrs)).toEqual([expect.stringContaining(message)]);
});
