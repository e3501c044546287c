import { Fn, Op } from 'cdktf';
import { MEMORYSTORE_ACCESS } from './access';
import { bothWays, ChangeEffect, ChangeTable, DataStoreChange, ServicePlan } from '../../plan';
import { versionNumber as majorMinorNumber } from '../version-number';

const READ_REPLICAS_ENABLED = 'READ_REPLICAS_ENABLED';

/** `REDIS_<major>_<minor>` as one number in Terraform (major x 1000 + minor); `REDIS_6_X` and the like fail, as the provider skips them. */
const redisVersionNumber = (version: unknown) => majorMinorNumber(Fn.regex('^REDIS_([0-9]+)_([0-9]+)$', version as string));

/**
 * The provider's own test for a Redis version downgrade (`isRedisVersionDecreasingFunc`): it compares
 * `REDIS_<major>_<minor>` as numbers and ignores versions it cannot parse, such as `REDIS_6_X`.
 */
export function isRedisVersionDecreasing(before: unknown, after: unknown): boolean {
  const parse = (v: unknown) => /REDIS_(\d+)_(\d+)/.exec(String(v ?? ''));
  const [a, b] = [parse(before), parse(after)];
  if (before === undefined || after === undefined || a === null || b === null) return false;
  return Number(`${b[1]}.${b[2]}`) < Number(`${a[1]}.${a[2]}`);
}

/** A move from Redis 7 or later to `REDIS_6_X`: an older version the provider's comparison cannot see. */
export function isMoveToRedis6X(before: unknown, after: unknown): boolean {
  const major = /^REDIS_(\d+)_\d+$/.exec(String(before ?? ''))?.[1];
  return after === 'REDIS_6_X' && major !== undefined && Number(major) >= 7;
}

/**
 * How Memorystore for Redis data stores take changes. Force-new facts: terraform-provider-google v6.50.0,
 * `google/services/redis/resource_redis_instance.go` (`ForceNew` on name, alternative_location_id,
 * authorized_network, connect_mode, customer_managed_key, location_id, region, reserved_ip_range, tier,
 * transit_encryption_mode and project; `customdiff.ForceNewIfChange("redis_version", isRedisVersionDecreasing)`;
 * memory_size_gb, replica_count, read_replicas_mode, persistence_config, maintenance_policy, labels and
 * display_name update in place). API-side facts, from the provider's field documentation of the same file
 * and Google's read replicas documentation: once read replicas are enabled they can no longer be disabled,
 * and enabling them on an existing instance needs `secondary_ip_range`, which the construct does not set.
 *
 * Nothing waits for the maintenance window: Update calls the API at once for every change (a version through the
 * instance's `:upgrade` method, the rest with a PATCH, resource_redis_instance.go:1140-1170), and the provider has no
 * `apply_immediately`. The maintenance window governs only Google's own updates.
 *
 * Version moves: `isRedisVersionDecreasing` (:42-70) cannot parse `REDIS_6_X`, so a move from a 7.x version to it is
 * planned as an upgrade call, which cannot go to an older version: refused. A move from `REDIS_6_X` to 7.x upgrades.
 *
 * What one update contains: one PATCH with every changed field in `updateMask`, then the version through `:upgrade`
 * (resourceRedisInstanceUpdate). No rule found refuses a combination of the fields the library changes together; the
 * API refuses replica_count while read replicas are off ("Read Replicas mode must be enabled on the instance in order
 * to update replica_count", FAILED_PRECONDITION, mozilla/terraform-modules#323), which `refusedWhen` covers with the
 * read replicas mode.
 *
 * Create-time restore: none. google_redis_instance in google 6.50.0 has no import or source attribute (the API's
 * import is an action on an existing instance), so a replacement is stopped at plan with export and import steps.
 */
export const MEMORYSTORE_CHANGES: ChangeTable = {
  source: 'terraform-provider-google v6.50.0 google/services/redis/resource_redis_instance.go',
  primaryType: 'google_redis_instance',
  forceNew: [
    'name', 'alternative_location_id', 'authorized_network', 'connect_mode', 'customer_managed_key', 'location_id', 'region',
    'reserved_ip_range', 'tier', 'transit_encryption_mode', 'project',
  ],
  forceNewWhen: { redis_version: isRedisVersionDecreasing },
  refusedWhen: {
    read_replicas_mode: (before, after) => (before === READ_REPLICAS_ENABLED) !== (after === READ_REPLICAS_ENABLED),
    redis_version: isMoveToRedis6X,
  },
  updateFacts: 'one PATCH with every changed field, then the version through :upgrade (resourceRedisInstanceUpdate); no rule found refuses '
    + 'the fields the library changes together; replica_count needs read replicas on (mozilla/terraform-modules#323)',
  versionGuard: {
    attributes: ['redis_version'],
    // isRedisVersionDecreasing, as `forceNewWhen` says: versions it cannot parse never replace.
    replaces: (recorded, configured) => Fn.try([Op.lt(redisVersionNumber(configured('redis_version')), redisVersionNumber(recorded('redis_version'))), false]),
  },
  carry: {
    steps: 'google_redis_instance has no create-time import, so move the data yourself: stop writes and export it (gcloud redis instances '
      + 'export gs://<bucket>/<file>.rdb <name> --region <region>; Startup and up keep daily exports in the backup bucket already), '
      + 'apply, then import the export into the new instance (gcloud redis instances import gs://<bucket>/<file>.rdb <name> --region <region>).',
    source: 'terraform-provider-google v6.50.0 google/services/redis/resource_redis_instance.go: no import or source attribute',
  },
  rules: [
    {
      change: DataStoreChange.PLAN,
      effect: ChangeEffect.REPLACES,
      attributes: ['tier', 'memory_size_gb', 'replica_count', 'read_replicas_mode', 'display_name', 'labels', 'lifecycle'],
      note: 'tier (BASIC for Hobbyist and Startup, STANDARD_HA for Business and Premium) forces a new instance: stopped at plan, with the '
        + 'export and import steps (Startup and up keep daily exports). Hobbyist and Startup resize in place. Business and Premium '
        + 'differ in read replicas, which Memorystore cannot turn off once on, and turns on for an existing instance only with a '
        + 'secondary_ip_range the construct does not set. Business to Premium fails at apply and the instance stays as it is: '
        + 'turn read replicas on first (gcloud redis instances update <name> --region <region> --read-replicas-mode=READ_REPLICAS_ENABLED with '
        + 'a --secondary-ip-range), then apply. Premium to Business can never apply in place, so it is stopped at plan (the recorded plan): keep '
        + 'Premium, or move the data to a new data store of another name',
      exceptions: [
        ...bothWays(ServicePlan.HOBBYIST, ServicePlan.STARTUP, ChangeEffect.IN_PLACE),
        { from: ServicePlan.BUSINESS, to: ServicePlan.PREMIUM, effect: ChangeEffect.REFUSED },
        {
          from: ServicePlan.PREMIUM,
          to: ServicePlan.BUSINESS,
          effect: ChangeEffect.REFUSED,
          // "Once read replicas are enabled on an instance read replicas can no longer be disabled for that instance" (Memorystore for
          // Redis, "About read replicas"): no apply can make this move.
          stop: 'Premium runs read replicas, which Memorystore for Redis cannot turn off once on. Keep the Premium plan; or stop writes, '
            + 'export the data (gcloud redis instances export gs://<bucket>/<file>.rdb <name> --region <region>), define a Business data '
            + 'store of another name, import the export into it (gcloud redis instances import gs://<bucket>/<file>.rdb <new name> --region '
            + '<region>), move the clients, then remove this one.',
        },
      ],
    },
    {
      change: DataStoreChange.MEMORY,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['memory_size_gb'],
      note: 'Memorystore scales the instance in place',
    },
    {
      change: DataStoreChange.REGION,
      effect: ChangeEffect.REPLACES,
      attributes: ['region'],
      note: 'a new instance in the new region: stopped at plan; import an export copied there',
    },
    {
      change: DataStoreChange.ENGINE_UPGRADE,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['redis_version'],
      note: 'a newer Redis version upgrades the instance in place, at once (not in the maintenance window): Basic tier '
        + '(Hobbyist, Startup) refuses reads and writes meanwhile and reloads its RDB snapshot, Standard tier fails over to an '
        + 'upgraded replica',
    },
    {
      change: DataStoreChange.ENGINE_DOWNGRADE,
      effect: ChangeEffect.REPLACES,
      attributes: ['redis_version'],
      note: 'an older version replaces the instance (the provider compares REDIS_<major>_<minor>); it cannot compare REDIS_6_X, so '
        + 'a move from 7.x to that one is planned as an upgrade, which fails at apply and leaves the instance as it is. Stopped at plan '
        + 'when it goes below the version the instance was created with or the one it runs now (read at plan through the instance data '
        + 'source, so a move back after an in-place upgrade is stopped too)',
    },
    {
      change: DataStoreChange.NAME,
      effect: ChangeEffect.REPLACES,
      attributes: ['name'],
      note: 'the instance name is its identity; keep `name` (or the construct path it is derived from) stable',
    },
    {
      change: DataStoreChange.ALLOW_LIST,
      effect: ChangeEffect.REFUSED,
      attributes: [],
      note: 'Memorystore has no client allow-list, so the construct refuses allowedCidrs',
    },
    {
      change: DataStoreChange.LUA,
      effect: ChangeEffect.REFUSED,
      attributes: [],
      note: 'Memorystore cannot switch Lua off, so the construct refuses luaScripting: false',
    },
    {
      change: DataStoreChange.PERSISTENCE,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['persistence_config'],
      note: 'another snapshotPeriod (or the default\'s move from 24 hours to one hour) updates persistence_config in place; the mode stays RDB, the only one Memorystore for Redis has',
    },
    {
      change: DataStoreChange.EVICTION,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['redis_configs'],
      note: 'maxmemory-policy in redis_configs, one PATCH with redisConfigs in its updateMask',
    },
    {
      change: DataStoreChange.ROTATION,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: `the data store itself is untouched: ${MEMORYSTORE_ACCESS.rotation.detail}`,
    },
  ],
  propRules: [
    {
      prop: 'project',
      effect: ChangeEffect.REPLACES,
      attributes: ['project', 'authorized_network'],
      note: 'another project (and the network\'s path, which names it) forces a new instance: stopped at plan, with the export and import steps',
    },
    {
      prop: 'network',
      effect: ChangeEffect.REPLACES,
      attributes: ['authorized_network'],
      note: 'another VPC network (authorized_network) forces a new instance: stopped at plan, with the export and import steps',
    },
    {
      prop: 'connectMode',
      effect: ChangeEffect.REPLACES,
      attributes: ['connect_mode', 'reserved_ip_range'],
      note: 'a move between direct peering and private services access (connect_mode) forces a new instance: stopped at plan, with the export and import steps',
    },
    {
      prop: 'reservedIpRange',
      effect: ChangeEffect.REPLACES,
      attributes: ['reserved_ip_range'],
      note: 'another IP range (reserved_ip_range) forces a new instance: stopped at plan, with the export and import steps',
    },
    {
      prop: 'zone',
      effect: ChangeEffect.REPLACES,
      attributes: ['location_id'],
      note: 'another zone (location_id), including setting one where Google chose it, forces a new instance: stopped at plan, with the export and import steps',
    },
    {
      prop: 'alternativeZone',
      effect: ChangeEffect.REPLACES,
      attributes: ['alternative_location_id'],
      note: 'another zone for the standby (alternative_location_id) forces a new instance: stopped at plan, with the export and import steps',
    },
    {
      prop: 'kmsKey',
      effect: ChangeEffect.REPLACES,
      attributes: ['customer_managed_key'],
      note: 'another key, or a key where there was none (customer_managed_key), forces a new instance: stopped at plan, with the export and import steps',
    },
  ],
};
