import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import * as fc from 'fast-check';
import { BackendArbitrary, alertsOf, rarely, regionOf } from '../../../../test/properties/kit';
import { AlertTarget, ElastiCacheEngineVersion, MaintenanceWindow, RedisBackend, Weekday } from '../../../index';
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
    network: rarely(fc.constant('vpc-0abc0abc'), fc.constant('')),
    subnetIds: rarely(fc.constant(['subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc']), fc.array(fc.constantFrom('subnet-aaaaaaaa', 'subnet-bbbbbbbb', 'subnet-cccccccc', 'subnet-dddddddd'), { maxLength: 4 })),
    zoneLetters: rarely(fc.constant(undefined), fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 })),
    engineVersion: rarely(
      fc.constantFrom(undefined, ElastiCacheEngineVersion.VALKEY_8_0, ElastiCacheEngineVersion.VALKEY_7_2, ElastiCacheEngineVersion.REDIS_7_1),
      fc.oneof(
        fc.constantFrom('6.2', '7.0', '8', 'x.y', '9.1').map((v) => ElastiCacheEngineVersion.valkey(v)),
        fc.constantFrom('6.2', '7.0', '5.0.6').map((v) => ElastiCacheEngineVersion.redis(v)),
      )),
    backupHour: rarely(fc.constantFrom(undefined, 3, 23), fc.constantFrom(24, -1, 1.5, 5)),
    maintenanceWindow: rarely(
      fc.constantFrom<MaintenanceWindow | string | undefined>(undefined, { day: Weekday.SUNDAY, hour: 5 }, { day: Weekday.MONDAY, hour: 1, minute: 30 }, 'Mon:01:00-Mon:02:00'),
      fc.constantFrom<MaintenanceWindow | string>({ day: Weekday.SUNDAY, hour: 3, minute: 30 }, { day: 'sunday' as Weekday, hour: 5 }, { day: Weekday.MONDAY, hour: 24 },
        'mon:00:00-mon:00:30')),
    applyImmediately: rarely(fc.constantFrom(undefined, true, false), fc.constantFrom('false', 1, null)),
  }).map((p) => () => RedisBackend.elastiCache({
    region: p.region,
    network: p.network,
    subnetIds: [...p.subnetIds],
    availabilityZones: p.zoneLetters?.map((letter) => `${p.region}${letter}`),
    engineVersion: p.engineVersion,
    backupHour: p.backupHour,
    maintenanceWindow: p.maintenanceWindow,
    applyImmediately: p.applyImmediately as boolean | undefined,
  })),
  alerts: alertsOf(fc.array(fc.constantFrom('redis-alerts', 'on-call').map((topic) => AlertTarget.snsTopic(`arn:aws:sns:eu-west-1:111122223333:${topic}`)), { minLength: 1, maxLength: 2 })),
  props: ['region', 'network', 'subnetIds', 'availabilityZones', 'engineVersion', 'backupHour', 'maintenanceWindow', 'applyImmediately'],
};
