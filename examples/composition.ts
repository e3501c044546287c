import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ChoreoRedis, RedisBackend, ServicePlan } from '../lib';

/**
 * Two data stores in one stack, wired into other resources: each one's sensitive URI goes into an
 * encrypted SSM parameter that an application reads at start-up.
 */
export class CompositionStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-east-1' });
    new RandomProvider(this, 'random');
    const network = { region: 'us-east-1', network: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0aaa0aaa', 'subnet-0bbb0bbb', 'subnet-0ccc0ccc'] };

    const sessions = new ChoreoRedis(this, 'Sessions', {
      plan: ServicePlan.PREMIUM,
      backend: RedisBackend.elastiCache(network),
      allowedCidrs: ['10.20.0.0/16'],
    });
    const jobs = new ChoreoRedis(this, 'Jobs', {
      plan: ServicePlan.STARTUP,
      backend: RedisBackend.elastiCache(network),
      luaScripting: false,
    });

    for (const [name, store] of [['sessions', sessions], ['jobs', jobs]] as const) {
      new SsmParameter(this, `${name}-uri`, {
        name: `/app/redis/${name}/uri`,
        type: 'SecureString',
        value: store.uri,
      });
    }
  }
}
