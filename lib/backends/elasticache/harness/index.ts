/** ElastiCache's share of the shared tests (test/harness.ts). */
import { ELASTICACHE_ARBITRARY } from './arbitrary';
import { matrix } from './matrix';
import { AWS_PROVIDER_RULES } from './rules';
import { ELASTICACHE_SCENARIOS } from './scenarios';
import type { BackendHarness } from '../../../../test/harness';
import { AlertTarget, CredentialSecret, ElastiCacheEngineVersion, EvictionPolicy, ServicePlan, Weekday } from '../../../index';

export const harness: BackendHarness = {
  id: 'elasticache',
  matrix,
  changes: ELASTICACHE_SCENARIOS,
  arbitrary: ELASTICACHE_ARBITRARY,
  rules: AWS_PROVIDER_RULES,
  examples: [{
    backend: {
      region: 'eu-west-1',
      network: 'vpc-01234567',
      subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc'],
      availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      engineVersion: ElastiCacheEngineVersion.VALKEY_8_0,
      kmsKey: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      backupHour: 3,
      maintenanceWindow: { day: Weekday.SUNDAY, hour: 5, minute: 0 },
      applyImmediately: false,
      restoreFromSnapshot: 'orders-before-move',
    },
    dataStore: {
      plan: ServicePlan.BUSINESS,
      name: 'orders',
      acceptReplacement: '0123456789abcdef',
      movedFrom: 'Team/Orders',
      memoryGib: 6,
      allowedCidrs: ['10.0.0.0/16'],
      luaScripting: false,
      strict: false,
      deletionProtection: false,
      tags: { team: 'orders' },
      evictionPolicy: EvictionPolicy.VOLATILE_LRU,
      access: { secret: CredentialSecret.awsSecretsManager({ readers: ['arn:aws:iam::111122223333:role/app'] }), rotation: 1, identityAuth: true },
      alerts: {
        targets: [AlertTarget.snsTopic('arn:aws:sns:eu-west-1:111122223333:redis-alerts')],
        memoryPercent: 70,
        cpuPercent: 70,
        connections: 5000,
        evictions: 10,
        replicationLagSeconds: 20,
      },
    },
  }, {
    backend: {
      region: 'eu-west-1',
      network: 'vpc-01234567',
      subnetIds: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc'],
      adopt: { replicationGroupId: 'orders-cache', subnetGroupName: 'orders-cache-subnets' },
      // The deprecated form of backupHour, accepted until release 0.2.0.
      snapshotWindow: '02:00-03:30',
    },
    dataStore: { plan: ServicePlan.BUSINESS },
  }],
};
