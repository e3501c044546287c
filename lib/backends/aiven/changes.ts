import { AIVEN_ACCESS } from './access';
import { familyOf } from './catalog';
import { ChangeEffect, ChangeTable, DataStoreChange, PlanChangeException, ServicePlan, isOlderVersion } from '../../plan';

const nodesOf = (plan: unknown): number => familyOf(String(plan))?.nodeCount ?? 0;
const versionOf = (userConfig: unknown): unknown => (userConfig as { valkey_version?: unknown } | undefined)?.valkey_version;

/**
 * Moving to a plan with fewer nodes, which Aiven refuses for Valkey whatever the apply: stopped at plan time by the
 * data store's record of its plan.
 */
const FEWER_NODES: PlanChangeException[] = ([
  [ServicePlan.PREMIUM, ServicePlan.BUSINESS], [ServicePlan.PREMIUM, ServicePlan.STARTUP], [ServicePlan.PREMIUM, ServicePlan.HOBBYIST],
  [ServicePlan.BUSINESS, ServicePlan.STARTUP], [ServicePlan.BUSINESS, ServicePlan.HOBBYIST],
] as const).map(([from, to]) => ({
  from,
  to,
  effect: ChangeEffect.REFUSED,
  stop: 'Aiven moves a Valkey service only to a plan with as many nodes or more. Keep the plan; or define a data store of the smaller plan '
    + 'forked from this one (forkFrom: "<this service\'s name>" on its backend), move the clients to it, then remove this one.',
}));

/**
 * How Aiven for Valkey data stores take changes.
 *
 * Force-new facts: terraform-provider-aiven v4.61.0. `aiven_valkey` replaces the service on a change of
 * `project` (`CommonSchemaProjectReference`, `internal/schemautil/common.go`: `ForceNew`) or `service_name`
 * (`ServiceCommonSchema`, `internal/schemautil/service.go`: `ForceNew`). Every other argument is updated in
 * place by `resourceServiceUpdate` (`ServiceUpdate` with the cloud, plan, maintenance window, termination
 * protection and user config), and `cloud_name` "migrates the service to another cloud provider or region"
 * (`docs/resources/valkey.md`). `aiven_valkey_user` is replaced when `project`, `service_name` or `username`
 * changes (`RequiresReplace`, `internal/plugin/service/valkey/user/zz_resource.go`); its ACL and password change in
 * place (`user.go`, `updateView`).
 *
 * API facts: "Downgrading to a plan with fewer VMs is supported for Aiven for ClickHouse® only" (aiven-docs
 * `static/includes/change-service-plan.md`), and "Downgrading to a previous version is not supported"
 * (`docs/products/valkey/howto/valkey-version-upgrade.md`): the provider plans both as updates, which the API
 * refuses.
 *
 * What one update contains: one ServiceUpdate with cloud, plan, maintenance window, termination protection and user
 * config (resourceServiceUpdate); the API refuses fewer nodes and older versions (above), and no rule found refuses a
 * combination.
 *
 * Create-time restore: `valkey_user_config.service_to_fork_from` (ForceNew, "has effect only when a new service is being
 * created", internal/sdkprovider/userconfig/service/valkey.go) forks the new service from a running one: `forkFrom`.
 */
export const AIVEN_CHANGES: ChangeTable = {
  source: 'terraform-provider-aiven v4.61.0 internal/schemautil/common.go and service.go; API rules from aiven-docs',
  primaryType: 'aiven_valkey',
  forceNew: ['project', 'service_name'],
  forceNewWhen: {},
  refusedWhen: {
    plan: (before, after) => nodesOf(after) < nodesOf(before),
    valkey_user_config: (before, after) => versionOf(before) !== undefined && versionOf(after) !== undefined
      && isOlderVersion(versionOf(before), versionOf(after)),
  },
  updateFacts: 'one ServiceUpdate with cloud, plan, maintenance window, termination protection and user config (resourceServiceUpdate); no rule '
    + 'found refuses a combination',
  carry: {
    restoreProp: 'forkFrom',
    restoreAttributes: ['valkey_user_config[0].service_to_fork_from'],
    steps: 'set forkFrom: "<the current service name>" on the backend, so that the new service is created as a fork of the old one, before '
      + 'the old one is deleted (create_before_destroy).',
    source: 'terraform-provider-aiven v4.61.0 internal/sdkprovider/userconfig/service/valkey.go: service_to_fork_from (ForceNew, create only)',
  },
  rules: [
    {
      change: DataStoreChange.PLAN,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['plan', 'termination_protection', 'tag', 'lifecycle'],
      note: 'Aiven moves the service to the new plan\'s nodes while it keeps serving (reserve 25% more disk); Business and Premium turn deletion protection on. Aiven refuses fewer nodes, so such a move is stopped at plan (the recorded plan): define a data store of the smaller plan forked from this one (forkFrom), move the clients, then remove this one',
      exceptions: FEWER_NODES,
    },
    {
      change: DataStoreChange.MEMORY,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['plan', 'lifecycle'],
      note: 'a larger or smaller size of the same family, such as business-4 to business-8, while the service keeps serving (the plan-time check follows the plan)',
    },
    {
      change: DataStoreChange.REGION,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['cloud_name', 'lifecycle'],
      note: 'Aiven migrates the service to the new region, or another cloud, in the background and moves its DNS name; earlier backups stay where they were taken (the plan-time check follows the region)',
    },
    {
      change: DataStoreChange.ENGINE_UPGRADE,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['valkey_user_config'],
      note: 'a newer valkey_version upgrades the service in place',
    },
    {
      change: DataStoreChange.ENGINE_DOWNGRADE,
      effect: ChangeEffect.REFUSED,
      attributes: ['valkey_user_config'],
      note: 'Aiven does not downgrade Valkey: create a data store with the older version, forked from this one (forkFrom)',
    },
    {
      change: DataStoreChange.NAME,
      effect: ChangeEffect.REPLACES,
      attributes: ['service_name'],
      note: 'the service name is its identity, and the application user is replaced with it; keep `name` (or the construct path it is derived from) stable',
    },
    {
      change: DataStoreChange.ALLOW_LIST,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['valkey_user_config'],
      note: 'ip_filter_string is updated in place; the list is always written out, never emptied',
    },
    {
      change: DataStoreChange.LUA,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: 'only the application user\'s ACL changes, in place',
    },
    {
      change: DataStoreChange.PERSISTENCE,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['valkey_user_config'],
      note: 'valkey_persistence and frequent_snapshots are user-config options, updated in place like the rest of valkey_user_config',
    },
    {
      change: DataStoreChange.EVICTION,
      effect: ChangeEffect.IN_PLACE,
      attributes: ['valkey_user_config'],
      note: 'valkey_maxmemory_policy, a user-config option updated in place like the rest of valkey_user_config',
    },
    {
      change: DataStoreChange.ROTATION,
      effect: ChangeEffect.IN_PLACE,
      attributes: [],
      note: `the data store itself is untouched: ${AIVEN_ACCESS.rotation.detail}`,
    },
  ],
  propRules: [
    {
      prop: 'project',
      effect: ChangeEffect.REPLACES,
      attributes: ['project'],
      note: 'another Aiven project forces a new service: stopped at plan. forkFrom sets only the service to fork from (no '
        + 'project_to_fork_from), so copy the keys yourself (DUMP from the old service, RESTORE into the new one)',
    },
  ],
};
