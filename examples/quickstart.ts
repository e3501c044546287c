import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ChoreoRedis, RedisBackend, ServicePlan } from '../lib';

/** The README's quick start: a Business-plan data store on ElastiCache, with its connection as outputs. */
export class QuickStartStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-1' });
    new RandomProvider(this, 'random');

    const cache = new ChoreoRedis(this, 'Cache', {
      plan: ServicePlan.BUSINESS,
      backend: RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0aaa0aaa', 'subnet-0bbb0bbb'] }),
    });
    cache.addOutputs();
  }
}
