import { DataGoogleRedisInstance } from '@cdktf/provider-google/lib/data-google-redis-instance';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { RunningVersionReader } from '../replacement-guard';

/**
 * The Redis version an instance runs now, for the replacement guard. The provider replaces the instance when the
 * configured `redis_version` is older than the one in state (`isRedisVersionDecreasing`), which every refresh sets from
 * the API (resource_redis_instance.go Read), so the guard compares with the running one, read through the instance
 * data source (terraform-provider-google v6.50.0 redis/data_source_redis_instance.go, the resource's schema).
 */
export function memorystoreRunningVersion(name: string, region: string | undefined, project: string | undefined): RunningVersionReader {
  return {
    locate: ['name', 'region', 'project'],
    read(scope: Construct, count: number) {
      const instance = new DataGoogleRedisInstance(scope, 'RunningInstance', { name, region, project, count });
      return { redis_version: Fn.one(instance.getListAttribute('*.redis_version')) };
    },
  };
}
