import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import * as fc from 'fast-check';
import { BackendArbitrary, alertsOf, rarely, regionOf } from '../../../../test/properties/kit';
import { AlertTarget, ElastiCacheEngineVersion, RedisBackend } from '../../../index';
import { AWS_REGIONS } from '../regions';

/** ElastiCache props for the property tests: mostly valid, each prop now and then breaking a rule. */
export const ELASTICACHE_ARBITRARY: BackendArbitrary = {
  service: 'ElastiCache',
  configure(stack) {
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    new RandomProvider(stack, 'random');
  },
  backend: fc.record({
    region: regionOf(Object.keys(AWS_REGIONS.regions)),
    network: rarely(fc.constant('vpc-0abc'), fc.constant('')),
    subnetIds: rarely(fc.constant(['subnet-a', 'subnet-b', 'subnet-c']), fc.array(fc.constantFrom('subnet-a', 'subnet-b', 'subnet-c', 'subnet-d'), { maxLength: 4 })),
    zoneLetters: rarely(fc.constant(undefined), fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 })),
    engineVersion: rarely(
      fc.constantFrom(undefined, ElastiCacheEngineVersion.VALKEY_8_0, ElastiCacheEngineVersion.VALKEY_7_2, ElastiCacheEngineVersion.REDIS_7_1),
      fc.oneof(
        fc.constantFrom('6.2', '7.0', '8', 'x.y', '9.1').map((v) => ElastiCacheEngineVersion.valkey(v)),
        fc.constantFrom('6.2', '7.0', '5.0.6').map((v) => ElastiCacheEngineVersion.redis(v)),
      )),
    snapshotWindow: rarely(fc.constantFrom(undefined, '03:00-04:00', '23:30-00:30'), fc.constantFrom('05:00-05:30', '25:00-26:00', '05:30-06:30')),
    maintenanceWindow: rarely(fc.constantFrom(undefined, 'sun:05:00-sun:06:00', 'Mon:01:00-Mon:02:00'), fc.constantFrom('sun:03:30-sun:04:30', 'sunday', 'mon:00:00-mon:00:30')),
    applyImmediately: rarely(fc.constantFrom(undefined, true, false), fc.constantFrom('false', 1, null)),
  }).map((p) => () => RedisBackend.elastiCache({
    region: p.region,
    network: p.network,
    subnetIds: [...p.subnetIds],
    availabilityZones: p.zoneLetters?.map((letter) => `${p.region}${letter}`),
    engineVersion: p.engineVersion,
    snapshotWindow: p.snapshotWindow,
    maintenanceWindow: p.maintenanceWindow,
    applyImmediately: p.applyImmediately as boolean | undefined,
  })),
  alerts: alertsOf(fc.array(fc.constantFrom('redis-alerts', 'on-call').map((topic) => AlertTarget.snsTopic(`arn:aws:sns:eu-west-1:111122223333:${topic}`)), { minLength: 1, maxLength: 2 })),
  props: ['region', 'network', 'subnetIds', 'availabilityZones', 'engineVersion', 'snapshotWindow', 'maintenanceWindow', 'applyImmediately'],
};
