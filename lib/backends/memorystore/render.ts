import { RedisInstance } from '@cdktf/provider-google/lib/redis-instance';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { defineBackupChain } from './backup-chain';
import { MemorystoreSettings } from './plan';
import { Planned, RedisBinding } from '../definition';
import { defineGooglePolicies } from '../google/alert-policies';
import { defineDnsRecord } from '../google/dns-record';

/**
 * Defines a Memorystore for Redis data store: the instance, for plans with backup history the backup chain
 * (backup-chain.ts), and the A record when a private DNS zone is given.
 */
export function renderMemorystore(scope: Construct, plan: Planned<MemorystoreSettings>): RedisBinding {
  const { settings } = plan;
  const instance = new RedisInstance(scope, 'Resource', {
    project: settings.project,
    region: settings.region,
    name: plan.name,
    displayName: `Choreo-managed Redis, ${plan.request.plan} plan`,
    tier: settings.tier,
    memorySizeGb: settings.memorySizeGb,
    // `REDIS_<major>_<minor>`, the form Read sets from the API (resource_redis_instance.go:913).
    redisVersion: plan.engineVersion,
    replicaCount: settings.replicaCount,
    readReplicasMode: settings.readReplicasMode,
    locationId: settings.zone,
    alternativeLocationId: settings.alternativeZone,
    authEnabled: true,
    transitEncryptionMode: 'SERVER_AUTHENTICATION',
    // A name, full name or self link alike: the provider compares them with `CompareSelfLinkOrResourceName`
    // (google v6.50.0 redis/resource_redis_instance.go:134-143), so the API's full name shows no change.
    authorizedNetwork: settings.authorizedNetwork,
    connectMode: settings.connectMode,
    // Not read back (Read sets `effective_reserved_ip_range` from the API, :916), so a range name stays as given.
    reservedIpRange: settings.reservedIpRange,
    customerManagedKey: settings.kmsKey,
    persistenceConfig: { persistenceMode: 'RDB', rdbSnapshotPeriod: settings.snapshotPeriod },
    // Memorystore's supported configuration `maxmemory-policy` (default volatile-lru, Memorystore for Redis "Supported Redis
    // configurations"), updated in place.
    redisConfigs: { ...settings.redisConfigs },
    maintenancePolicy: {
      weeklyMaintenanceWindow: [{
        day: settings.maintenance.day,
        startTime: { hours: settings.maintenance.hour, minutes: settings.maintenance.minute },
      }],
    },
    labels: settings.labels,
  });

  const stateful: TerraformResource[] = [instance];
  if (settings.alerts !== undefined) defineGooglePolicies(scope, settings.alerts);
  if (settings.backup !== undefined) {
    stateful.push(defineBackupChain(scope, instance, settings.backup));
  }
  const host = settings.dnsRecord === undefined ? instance.host : defineDnsRecord(scope, settings.dnsRecord, instance.host);

  return {
    resource: instance,
    statefulResources: stateful,
    host,
    port: plan.port,
    user: 'default',
    password: instance.authString,
    caCertificate: instance.serverCaCerts.get(0).cert,
  };
}
