import { MemorystoreInstance } from '@cdktf/provider-google/lib/memorystore-instance';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { VALKEY_CONNECTION_ROLE, VALKEY_SERVICE_CLASS } from './catalog';
import { MemorystoreValkeySettings } from './plan';
import { memorystoreValkeyRunningInstance } from './running-instance';
import { Planned, RedisBinding } from '../definition';
import { defineGooglePolicies } from '../google/alert-policies';
import { defineDnsRecord } from '../google/dns-record';
import { claimOnce } from '../google/names';
import { lazyModule } from '../lazy';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, so that data stores without the feature never load them */
/** The connection policy's provider module, loaded only for data stores given `pscSubnetworks`. */
const connectionPolicyModule = lazyModule(() => require('@cdktf/provider-google/lib/network-connectivity-service-connection-policy') as typeof import('@cdktf/provider-google/lib/network-connectivity-service-connection-policy'));
/** The IAM member's provider module, loaded only for data stores given `clientMembers` or granting connections. */
const projectIamMemberModule = lazyModule(() => require('@cdktf/provider-google/lib/project-iam-member') as typeof import('@cdktf/provider-google/lib/project-iam-member'));
/* eslint-enable @typescript-eslint/no-require-imports */

/** The endpoint type of the connection that serves the primary. */
const PRIMARY_CONNECTION = 'CONNECTION_TYPE_PRIMARY';

/**
 * Defines a Memorystore for Valkey data store: optionally the network's service connection policy, the
 * instance, the client members' grants and the A record when a private DNS zone is given. There is no password:
 * each client sends its own identity's access token, and the URI carries no credential.
 */
export function renderMemorystoreValkey(scope: Construct, plan: Planned<MemorystoreValkeySettings>): RedisBinding {
  const { settings } = plan;
  const { project, region, network } = settings;

  if (settings.connectionPolicy !== undefined) claimOnce(scope.node.root, scope.node.path, settings.connectionPolicy.claim);
  const policy = settings.connectionPolicy === undefined ? undefined
    : new (connectionPolicyModule().NetworkConnectivityServiceConnectionPolicy)(scope, 'ConnectionPolicy', {
      project: settings.networkProject,
      location: region,
      name: settings.connectionPolicy.name,
      description: 'Private Service Connect endpoints for Memorystore',
      network,
      serviceClass: VALKEY_SERVICE_CLASS,
      pscConfig: { subnetworks: settings.connectionPolicy.subnetworks },
    });

  const instance = new MemorystoreInstance(scope, 'Resource', {
    project,
    location: region,
    instanceId: plan.name,
    mode: 'CLUSTER_DISABLED',
    shardCount: 1,
    nodeType: settings.nodeType,
    replicaCount: settings.replicaCount,
    zoneDistributionConfig: { mode: settings.zoneDistribution },
    // `VALKEY_<major>_<minor>`, as Read sets it from the API (resource_memorystore_instance.go:1263).
    engineVersion: plan.engineVersion,
    // Supported configurations, updated in place: the connection limit and the eviction policy (default volatile-lru,
    // Memorystore for Valkey "Supported instance configurations").
    engineConfigs: { 'maxclients': String(settings.maxClients), 'maxmemory-policy': settings.evictionPolicy },
    transitEncryptionMode: 'SERVER_AUTHENTICATION',
    authorizationMode: 'IAM_AUTH',
    deletionProtectionEnabled: settings.deletionProtection,
    // Read back from the API's PSC connections (project ID and network, resource_memorystore_instance.go:3370-3402) and
    // `ForceNew`: the network's full name and its project, as `MEMORYSTORE_VALKEY_PROP_RULES` require them.
    desiredAutoCreatedEndpoints: [{ network, projectId: settings.networkProject }],
    persistenceConfig: { mode: settings.persistence.mode, aofConfig: { appendFsync: settings.persistence.appendFsync } },
    automatedBackupConfig: settings.automatedBackup === undefined ? undefined : {
      fixedFrequencySchedule: { startTime: { hours: settings.automatedBackup.hour } },
      retention: settings.automatedBackup.retention,
    },
    maintenancePolicy: {
      weeklyMaintenanceWindow: [{
        day: settings.maintenance.day,
        startTime: { hours: settings.maintenance.hour, minutes: settings.maintenance.minute },
      }],
    },
    kmsKey: settings.kmsKey,
    managedBackupSource: settings.restoreFromBackup === undefined ? undefined : { backup: settings.restoreFromBackup },
    labels: settings.labels,
    dependsOn: policy === undefined ? undefined : [policy],
    // With the service's protection on, Terraform refuses the destroy before deleting anything, instead of deleting
    // the grants and the DNS record and then failing at the instance, which the API refuses to delete.
    lifecycle: settings.deletionProtection ? { preventDestroy: true } : undefined,
  });

  for (const grant of settings.clientGrants) {
    new (projectIamMemberModule().ProjectIamMember)(scope, grant.id, { project, role: VALKEY_CONNECTION_ROLE, member: grant.member });
  }

  // The primary's address, whatever the order of the endpoint's connections.
  const connections = 'endpoints[0].connections[*].psc_auto_connection[0]';
  const primaryIp = Token.asString(Fn.lookup(Fn.zipmap(
    Token.asList(instance.interpolationForAttribute(`${connections}.connection_type`)),
    Token.asList(instance.interpolationForAttribute(`${connections}.ip_address`)),
  ), PRIMARY_CONNECTION));
  const host = settings.dnsRecord === undefined ? primaryIp : defineDnsRecord(scope, settings.dnsRecord, primaryIp);
  if (settings.alerts !== undefined) defineGooglePolicies(scope, settings.alerts);

  return {
    resource: instance,
    statefulResources: [instance],
    host,
    port: plan.port,
    user: 'default',
    // IAM authentication is the only kind: a member granted the connection role connects with its own token.
    grantConnect: (grantScope, id, member) => {
      new (projectIamMemberModule().ProjectIamMember)(grantScope, id, { project, role: VALKEY_CONNECTION_ROLE, member });
    },
    caCertificate: Fn.element(instance.managedServerCa.get(0).caCerts.get(0).certificates, 0),
    runningVersions: memorystoreValkeyRunningInstance(instance, plan.name, region, project),
  };
}
