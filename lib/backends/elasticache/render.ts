import { ElasticacheParameterGroup } from '@cdktf/provider-aws/lib/elasticache-parameter-group';
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { ElasticacheSubnetGroup } from '@cdktf/provider-aws/lib/elasticache-subnet-group';
import { ElasticacheUser } from '@cdktf/provider-aws/lib/elasticache-user';
import { ElasticacheUserGroup } from '@cdktf/provider-aws/lib/elasticache-user-group';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Id } from '@cdktf/provider-random/lib/id';
import { Password } from '@cdktf/provider-random/lib/password';
import { Fn, TerraformIterator } from 'cdktf';
import { Construct } from 'constructs';
import { defineElastiCacheAlerts } from './alerts';
import { ElastiCacheSettings } from './plan';
import { elastiCacheRunningVersion } from './running-version';
import { RotationSlots } from '../../plan';
import { Planned, RedisBinding } from '../definition';

/** Characters ElastiCache accepts in a password besides letters and digits (no `@`, `"`, `/` or space). */
const PASSWORD_SPECIALS = '!#$%&*()-_=+[]{}<>:?';

/**
 * The RBAC user's passwords, current first. Without rotation, one `random_password`. With rotation, two take turns
 * (`rotationSlots`): a generation's `keepers` renew only the older one, so the user keeps the previous password
 * beside the new one. Slot 0 is the first password, without keepers until its first renewal, so turning rotation on
 * changes nothing.
 */
function definePasswords(scope: Construct, rotation: RotationSlots | undefined): string[] {
  const password = (id: string, generation: number): string => new Password(scope, id, {
    length: 32,
    special: true,
    overrideSpecial: PASSWORD_SPECIALS,
    minLower: 1,
    minUpper: 1,
    minNumeric: 1,
    keepers: generation > 0 ? { rotation: String(generation) } : undefined,
  }).result;
  const first = password('Password', rotation?.generations[0] ?? 0);
  if (rotation === undefined || rotation.generations[1] < 1) return [first];
  const second = password('RotatedPassword', rotation.generations[1]);
  return rotation.current === 0 ? [first, second] : [second, first];
}

/**
 * Defines an ElastiCache data store: RBAC user and group, subnet and security groups, the parameter group that sets the
 * eviction policy, the replication group, the random suffix of its final snapshot's name, and, with alerts on, its CloudWatch alarms.
 */
export function renderElastiCache(scope: Construct, plan: Planned<ElastiCacheSettings>): RedisBinding {
  const { settings } = plan;
  const { region } = settings;
  const tags = plan.request.tags;

  const passwords = definePasswords(scope, settings.rotation);
  const user = new ElasticacheUser(scope, 'DefaultUser', {
    region,
    userId: settings.userId,
    userName: 'default',
    engine: plan.engine,
    accessString: settings.accessString,
    authenticationMode: { type: 'password', passwords },
    tags,
  });
  const identityUser = settings.identityUserId === undefined ? undefined : new ElasticacheUser(scope, 'IdentityUser', {
    region,
    userId: settings.identityUserId,
    userName: settings.identityUserId,
    engine: plan.engine,
    accessString: settings.accessString,
    authenticationMode: { type: 'iam' },
    tags,
  });
  const userGroup = new ElasticacheUserGroup(scope, 'UserGroup', {
    region,
    userGroupId: settings.userGroupId,
    engine: plan.engine,
    userIds: identityUser === undefined ? [user.userId] : [user.userId, identityUser.userId],
    tags,
  });
  const subnetGroup = new ElasticacheSubnetGroup(scope, 'SubnetGroup', {
    region,
    name: settings.subnetGroupName,
    description: `Subnets of the ${plan.request.plan} Redis data store ${plan.name}`,
    subnetIds: settings.subnetIds,
    tags,
  });
  // The first group keeps the ID and name it always had; further ones, for sources past a group's 60 rules of a
  // family, are `<name>.2` and up: a dot, which no ElastiCache name holds, so no other data store's group takes it.
  const securityGroupIds = Array.from({ length: settings.securityGroupCount }, (_, i) => new SecurityGroup(scope, i === 0 ? 'SecurityGroup' : `SecurityGroup${i + 1}`, {
    region,
    name: i === 0 ? plan.name : `${plan.name}.${i + 1}`,
    description: `Redis clients of ${plan.name}`,
    vpcId: settings.vpcId,
    tags,
  }).id);
  settings.ingress.forEach((rule) => {
    new VpcSecurityGroupIngressRule(scope, rule.id, {
      forEach: rule.forEach === undefined ? undefined : TerraformIterator.fromList(rule.forEach),
      lifecycle: rule.limits === undefined ? undefined : { precondition: rule.limits.map((limit) => ({ ...limit })) },
      region,
      securityGroupId: securityGroupIds[rule.group],
      ipProtocol: 'tcp',
      fromPort: plan.port,
      toPort: plan.port,
      cidrIpv4: rule.cidrIpv4,
      cidrIpv6: rule.cidrIpv6,
      description: rule.description,
      tags,
    });
  });
  const snapshotSuffix = new Id(scope, 'FinalSnapshotSuffix', settings.finalSnapshotSuffix);
  const parameterGroup = new ElasticacheParameterGroup(scope, 'ParameterGroup', {
    region,
    name: settings.parameterGroup.name,
    family: settings.parameterGroup.family,
    // `description` forces a new group (parameter_group.go): a fixed text.
    description: 'Choreo-managed Redis parameters',
    parameter: [{ name: 'maxmemory-policy', value: settings.parameterGroup.evictionPolicy }],
    tags,
    // A new family is a new group under a new name, defined before the old one, which the replication group still uses, is deleted.
    lifecycle: { createBeforeDestroy: true },
  });

  const failover = settings.automaticFailover;
  const group = new ElasticacheReplicationGroup(scope, 'Resource', {
    region,
    replicationGroupId: plan.name,
    description: `Choreo-managed Redis, ${plan.request.plan} plan`,
    engine: plan.engine,
    engineVersion: plan.engineVersion,
    parameterGroupName: parameterGroup.name,
    nodeType: settings.nodeType,
    port: plan.port,
    numCacheClusters: plan.nodeCount,
    automaticFailoverEnabled: failover,
    multiAzEnabled: failover,
    preferredCacheClusterAzs: settings.availabilityZones,
    subnetGroupName: subnetGroup.name,
    securityGroupIds,
    atRestEncryptionEnabled: 'true',
    kmsKeyId: settings.kmsKey,
    snapshotName: settings.restoreFromSnapshot,
    transitEncryptionEnabled: true,
    transitEncryptionMode: 'required',
    userGroupIds: [userGroup.userGroupId],
    snapshotRetentionLimit: settings.snapshotRetentionLimit,
    finalSnapshotIdentifier: `${settings.finalSnapshotPrefix}${snapshotSuffix.hex}`,
    snapshotWindow: settings.snapshotWindow,
    maintenanceWindow: settings.maintenanceWindow,
    autoMinorVersionUpgrade: 'true',
    applyImmediately: settings.applyImmediately,
    notificationTopicArn: settings.alerts?.notificationTopicArn,
    tags,
  });
  if (settings.alerts !== undefined) defineElastiCacheAlerts(scope, settings.alerts, region, tags);

  return {
    resource: group,
    statefulResources: [group],
    host: group.primaryEndpointAddress,
    port: plan.port,
    user: 'default',
    password: passwords[0],
    identityUser: settings.identityUserId,
    runningVersions: elastiCacheRunningVersion(plan.name, region),
    grantConnect: identityUser === undefined ? undefined : (grantScope, id, roleName) => {
      new IamRolePolicy(grantScope, id, {
        name: `${plan.name}-redis-connect`,
        role: roleName,
        policy: Fn.jsonencode({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'elasticache:Connect', Resource: [group.arn, identityUser.arn] }],
        }),
      });
    },
  };
}
