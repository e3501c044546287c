import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { MatrixCloud } from '../../../../examples/matrix/matrix-cloud';
import { AlertTarget, CredentialSecret, RedisBackend } from '../../../index';

/** ElastiCache in the matrix app: the `aws-*` stacks. */
export const matrix: MatrixCloud = {
  cloud: 'aws',
  rank: 10,
  configure(stack) {
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new RandomProvider(stack, 'random');
  },
  backend: () => RedisBackend.elastiCache({
    region: 'eu-west-1',
    network: 'vpc-0123456789abcdef0',
    subnetIds: ['subnet-0aaa0aaa', 'subnet-0bbb0bbb', 'subnet-0ccc0ccc'],
  }),
  adopt: () => ({
    backend: RedisBackend.elastiCache({
      region: 'eu-west-1',
      network: 'vpc-0123456789abcdef0',
      subnetIds: ['subnet-0aaa0aaa', 'subnet-0bbb0bbb', 'subnet-0ccc0ccc'],
      adopt: { replicationGroupId: 'orders-cache', subnetGroupName: 'orders-cache-subnets' },
    }),
  }),
  leftOut: {},
  alerts: () => ({ targets: [AlertTarget.snsTopic('arn:aws:sns:eu-west-1:111122223333:redis-alerts')] }),
  access: () => ({
    access: {
      secret: CredentialSecret.awsSecretsManager({ readers: ['arn:aws:iam::111122223333:role/app'] }),
      rotation: 1,
      identityAuth: true,
    },
    grantee: 'app',
  }),
};
