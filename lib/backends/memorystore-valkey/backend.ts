import { DataGoogleClientConfig } from '@cdktf/provider-google/lib/data-google-client-config';
import { MemorystoreInstance } from '@cdktf/provider-google/lib/memorystore-instance';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { MEMORYSTORE_VALKEY } from './definition';
import { DefinedBackend } from '../defined-backend';
import { VALKEY_CONNECTION_ROLE, VALKEY_SERVICE_CLASS } from './node-types';
import { MemorystoreValkeySettings } from './plan';
import { MemorystoreValkeyBackendProps } from './props';
import { stableHash } from '../../plan';
import { BackendPlan, IRedisBackend, RedisBinding } from '../backend';

/**
 * Provider modules that only some data stores need (a connection policy, client access grants, a DNS record),
 * loaded on first use so that the others do not pay for them.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, as above */
const optionalBindings = {
  connectionPolicy: () => require('@cdktf/provider-google/lib/network-connectivity-service-connection-policy') as typeof import('@cdktf/provider-google/lib/network-connectivity-service-connection-policy'),
  projectIamMember: () => require('@cdktf/provider-google/lib/project-iam-member') as typeof import('@cdktf/provider-google/lib/project-iam-member'),
  dnsRecordSet: () => require('@cdktf/provider-google/lib/dns-record-set') as typeof import('@cdktf/provider-google/lib/dns-record-set'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The endpoint type of the connection that serves the primary. */
const PRIMARY_CONNECTION = 'CONNECTION_TYPE_PRIMARY';

class MemorystoreValkeyBackend extends DefinedBackend<MemorystoreValkeyBackendProps> {
  constructor(props: MemorystoreValkeyBackendProps) {
    super(MEMORYSTORE_VALKEY, props);
  }

  public _render(scope: Construct, plan: BackendPlan): RedisBinding {
    const settings = plan.settings as unknown as MemorystoreValkeySettings;
    const { project, region, network } = this.props;

    const policy = this.props.pscSubnetworks === undefined ? undefined
      : new (optionalBindings.connectionPolicy().NetworkConnectivityServiceConnectionPolicy)(scope, 'ConnectionPolicy', {
        project: settings.networkProject,
        location: region,
        name: settings.connectionPolicyName,
        description: 'Private Service Connect endpoints for Memorystore',
        network,
        serviceClass: VALKEY_SERVICE_CLASS,
        pscConfig: { subnetworks: this.props.pscSubnetworks },
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
      engineVersion: plan.engineVersion,
      engineConfigs: { maxclients: String(settings.maxClients) },
      transitEncryptionMode: 'SERVER_AUTHENTICATION',
      authorizationMode: 'IAM_AUTH',
      deletionProtectionEnabled: this.props.serviceDeletionProtection ?? true,
      desiredAutoCreatedEndpoints: [{ network, projectId: settings.networkProject }],
      persistenceConfig: { mode: 'RDB', rdbConfig: { rdbSnapshotPeriod: 'ONE_HOUR' } },
      automatedBackupConfig: settings.backupRetention === undefined ? undefined : {
        fixedFrequencySchedule: { startTime: { hours: settings.backupHour } },
        retention: settings.backupRetention,
      },
      maintenancePolicy: {
        weeklyMaintenanceWindow: [{ day: settings.maintenanceDay, startTime: { hours: settings.maintenanceHour, minutes: 0 } }],
      },
      kmsKey: this.props.kmsKey,
      labels: settings.labels,
      dependsOn: policy === undefined ? undefined : [policy],
    });

    // One grant per distinct member; members that read alike (a.b and a-b) get their hash in the ID.
    const ids = new Set<string>();
    [...new Set(this.props.clientMembers ?? [])].forEach((member, index) => {
      const readable = Token.isUnresolved(member) ? `ClientAccess${index}` : `ClientAccess-${member.replace(/[^A-Za-z0-9]+/g, '_')}`;
      const id = ids.has(readable) ? `${readable}-${stableHash(member)}` : readable;
      ids.add(id);
      new (optionalBindings.projectIamMember().ProjectIamMember)(scope, id, { project, role: VALKEY_CONNECTION_ROLE, member });
    });

    // The primary's address, whatever the order of the endpoint's connections.
    const connections = 'endpoints[0].connections[*].psc_auto_connection[0]';
    const primaryIp = Fn.lookup(Fn.zipmap(
      Token.asList(instance.interpolationForAttribute(`${connections}.connection_type`)),
      Token.asList(instance.interpolationForAttribute(`${connections}.ip_address`)),
    ), PRIMARY_CONNECTION);

    const host = settings.dnsRecordName === undefined
      ? Token.asString(primaryIp)
      : Fn.trimsuffix(new (optionalBindings.dnsRecordSet().DnsRecordSet)(scope, 'DnsRecord', {
        project,
        managedZone: this.props.privateDnsZone!.managedZone,
        name: settings.dnsRecordName,
        type: 'A',
        ttl: 60,
        rrdatas: [Token.asString(primaryIp)],
      }).name, '.');

    // IAM authentication: the password is an access token, here the one of the identity running Terraform.
    const caller = new DataGoogleClientConfig(scope, 'Caller', {});

    return {
      resource: instance,
      statefulResources: [instance],
      host,
      port: plan.port,
      user: 'default',
      password: caller.accessToken,
      caCertificate: Fn.element(instance.managedServerCa.get(0).caCerts.get(0).certificates, 0),
    };
  }
}

/** @internal */
export function memorystoreValkeyBackend(props: MemorystoreValkeyBackendProps): IRedisBackend {
  return new MemorystoreValkeyBackend(props);
}
