import { Fn } from 'cdktf';
import { ChoreoRedis } from '../../choreo-redis';
import { ChoreoRedisError } from '../../plan';

const CLUSTER_TYPE = 'digitalocean_database_cluster';

/**
 * The private connection of a data store on DigitalOcean Managed Valkey: the host name clients inside the
 * cluster's VPC network use, which keeps their traffic off the public internet.
 *
 * @example
 * const uri = DigitalOceanValkeyPrivateEndpoint.uri(cache);
 */
export class DigitalOceanValkeyPrivateEndpoint {
  /**
   * The cluster's host name inside its VPC network.
   *
   * @param redis a data store whose backend is `RedisBackend.digitalOceanValkey()`
   */
  public static host(redis: ChoreoRedis): string {
    return DigitalOceanValkeyPrivateEndpoint.cluster(redis).getStringAttribute('private_host');
  }

  /**
   * `rediss://user:password@private-host:port`, password URL-encoded, built by Terraform: a sensitive value.
   *
   * @param redis a data store whose backend is `RedisBackend.digitalOceanValkey()`
   */
  public static uri(redis: ChoreoRedis): string {
    const host = DigitalOceanValkeyPrivateEndpoint.host(redis);
    return Fn.format('rediss://%s:%s@%s:%s', [redis.user, Fn.urlencode(redis.password), host, redis.port]);
  }

  private static cluster(redis: ChoreoRedis) {
    if (redis.resource.terraformResourceType !== CLUSTER_TYPE) {
      throw new ChoreoRedisError('NotDigitalOcean',
        `${redis.node.path} runs on ${redis.resource.terraformResourceType}, not DigitalOcean Managed Valkey; only a data store made with RedisBackend.digitalOceanValkey() has a DigitalOcean private endpoint.`);
    }
    return redis.resource;
  }

  private constructor() {}
}
