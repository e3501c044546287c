import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { ChoreoRedis, RedisBackend, ServicePlan } from 'cdktf-choreo-redis';

const app = new App();
const stack = new TerraformStack(app, 'cache');
new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
new RandomProvider(stack, 'random');
const cache = new ChoreoRedis(stack, 'Cache', {
  plan: ServicePlan.BUSINESS,
  backend: RedisBackend.elastiCache({
    region: 'eu-west-1',
    network: 'vpc-0123456789abcdef0', // your VPC, and a subnet in each of two availability zones
    subnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
  }),
});
cache.addOutputs(); // Cache_host, Cache_port, Cache_user, Cache_password, Cache_uri and Cache_verify
app.synth();
