import { DataAwsElasticacheCluster } from '@cdktf/provider-aws/lib/data-aws-elasticache-cluster';
import { DataAwsElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/data-aws-elasticache-replication-group';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { RunningVersionReader } from '../replacement-guard';

/**
 * The engine and version a replication group runs now, for the replacement guard. The provider replaces the group
 * when the configured engine version is older than the one in state, which every refresh sets from the running nodes
 * (`setEngineVersionRedis` and `setEngineVersionValkey`, elasticache/engine_version.go), so the guard compares with
 * the running ones. The replication group data source has no engine version (terraform-provider-aws v6.25.0
 * elasticache/replication_group_data_source.go), so one of its member clusters is read (cluster_data_source.go:
 * `engine`, `engine_version`); every member runs the group's engine and version.
 */
export function elastiCacheRunningVersion(replicationGroupId: string, region: string | undefined): RunningVersionReader {
  return {
    locate: ['replication_group_id', 'region'],
    read(scope: Construct, count: number) {
      const group = new DataAwsElasticacheReplicationGroup(scope, 'RunningGroup', { replicationGroupId, region, count });
      // The group's members when it was read (none when it was not): the node is read only where there is one.
      const members = Fn.sort(Fn.flatten(group.getListAttribute('*.member_clusters')));
      const node = new DataAwsElasticacheCluster(scope, 'RunningNode', {
        clusterId: Fn.element(members, 0),
        region,
        count: Token.asNumber(Fn.min([1, Fn.lengthOf(members)])),
      });
      return { engine: Fn.one(node.getListAttribute('*.engine')), engine_version: Fn.one(node.getListAttribute('*.engine_version')) };
    },
  };
}
