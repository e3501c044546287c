/**
 * The service plans a Choreo-managed Redis data store is offered in.
 */
export enum ServicePlan {
  /** Single node with limited availability; one backup kept for disaster recovery, no history. */
  HOBBYIST = 'hobbyist',
  /** Single node with limited availability; one backup for disaster recovery and 1 day of history. */
  STARTUP = 'startup',
  /** Primary and one standby with automatic failover; automatic backups kept 3 days. */
  BUSINESS = 'business',
  /** Primary and two standbys with automatic failover; automatic backups kept 13 days. */
  PREMIUM = 'premium',
}

/** What a plan promises, independent of the cloud that runs it. */
export interface PlanPromises {
  /** Nodes that hold the data: the primary plus its standbys. */
  readonly nodeCount: number;
  /** Whether a standby takes over automatically when the primary fails. */
  readonly automaticFailover: boolean;
  /** Days of backup history kept; 0 means only the latest backup, for disaster recovery. */
  readonly backupHistoryDays: number;
  /**
   * The most acknowledged writes, in seconds, a failure may lose: the product copies its write log every 5 minutes.
   * A plan with standbys narrows it further, as each standby receives every write by replication.
   */
  readonly recoveryPointSeconds: number;
  /** Memory per node, in GiB, when the user does not choose one. */
  readonly defaultMemoryGib: number;
}

/** The product's write-log copy interval, which bounds the writes a failure may lose on every plan. */
const RECOVERY_POINT_SECONDS = 5 * 60;

/** The one table of plan promises (see the product page's "High Availability and Automatic Backups"). */
export const PLAN_PROMISES: Readonly<Record<ServicePlan, PlanPromises>> = {
  [ServicePlan.HOBBYIST]: {
    nodeCount: 1, automaticFailover: false, backupHistoryDays: 0, recoveryPointSeconds: RECOVERY_POINT_SECONDS, defaultMemoryGib: 1,
  },
  [ServicePlan.STARTUP]: {
    nodeCount: 1, automaticFailover: false, backupHistoryDays: 1, recoveryPointSeconds: RECOVERY_POINT_SECONDS, defaultMemoryGib: 2,
  },
  [ServicePlan.BUSINESS]: {
    nodeCount: 2, automaticFailover: true, backupHistoryDays: 3, recoveryPointSeconds: RECOVERY_POINT_SECONDS, defaultMemoryGib: 4,
  },
  [ServicePlan.PREMIUM]: {
    nodeCount: 3, automaticFailover: true, backupHistoryDays: 13, recoveryPointSeconds: RECOVERY_POINT_SECONDS, defaultMemoryGib: 8,
  },
};

export const ALL_PLANS: readonly ServicePlan[] = Object.values(ServicePlan);

/** Standbys behind the primary. */
export function standbyCount(promises: PlanPromises): number {
  return promises.nodeCount - 1;
}

/**
 * The connection limit the product promises for a node of the given memory:
 * max(10000, 4 x memory in MB).
 */
export function maxConnectionsFor(memoryMb: number): number {
  return Math.max(10_000, 4 * Math.floor(memoryMb));
}
