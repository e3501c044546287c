/**
 * Aiven for Valkey's plans, as data. Sources, checked 2026-08:
 * - Plan names: `hobbyist`, `startup-N`, `business-N` and `premium-N`, where N is roughly the memory per node in
 *   GB (terraform-provider-aiven v4.61.0, `internal/schemautil/service.go`, the `plan` description).
 * - Sizes: `hobbyist` 1 GB, and 4, 8, 14, 28, 56, 112 and 200 GB for startup and business, as a production user
 *   of Aiven for Valkey lists them (nais/api, `internal/persistence/valkey/machines.go`). No public source lists
 *   premium sizes for Valkey: premium is taken to come in the business sizes, and the plan-list check at plan
 *   time (render.ts) stops a premium size the project's cloud does not offer before anything is created.
 * - Nodes: 1, 1, 2 and 3, with automatic failover for business and premium (aiven-docs
 *   `docs/products/valkey/concepts/high-availability.md`).
 * - Backups: hobbyist a single backup for disaster recovery; startup every 12 hours, kept 1 day; business 3
 *   days; premium 13 days (aiven-docs `docs/platform/concepts/service_backups.md` as of ea40947a^, 2026-03-18,
 *   before the table moved to the pricing page).
 */
import { Cloud, ServicePlan, SizeOption } from '../../plan';

/** An Aiven plan family: what every size of it runs and keeps. */
export interface AivenPlanFamily {
  /** The plan name's prefix, or the whole name for `hobbyist`. */
  readonly name: string;
  /** Nodes: the primary plus standbys. */
  readonly nodeCount: number;
  /** Days of backup history Aiven keeps; 0 for a single disaster-recovery backup. */
  readonly backupHistoryDays: number;
  /** The sizes of the family, with memory per node in GiB. */
  readonly sizes: readonly SizeOption[];
  /**
   * The clouds where Aiven offers the family.
   *
   * @default - every cloud
   */
  readonly clouds?: readonly Cloud[];
}

/** The memory sizes (GB per node) of the startup and business families. */
const SIZES_GB = [4, 8, 14, 28, 56, 112, 200];
const sized = (family: string): SizeOption[] => SIZES_GB.map((gb) => ({ id: `${family}-${gb}`, memoryGib: gb }));

/**
 * Hobbyist, on the clouds where Aiven offers it. Aiven's documentation names them for PostgreSQL only: "Hobbyist
 * (Google Cloud, DigitalOcean, and UpCloud only)", as it is "not available on AWS or Azure" (aiven/devportal
 * pull request 1878, 2023-04-26). Nothing current says otherwise for Valkey: its free tier lets no one choose the
 * cloud (aiven-docs `static/includes/create-service-console-free-db-legacy.md`), and a production user runs
 * `hobbyist` Valkey on Google Cloud (nais/api). On AWS and Azure a Hobbyist data store therefore runs on the
 * smallest startup plan, which keeps every Hobbyist promise at Startup's price.
 */
export const AIVEN_HOBBYIST: AivenPlanFamily = {
  name: 'hobbyist', nodeCount: 1, backupHistoryDays: 0, sizes: [{ id: 'hobbyist', memoryGib: 1 }], clouds: [Cloud.GCP, Cloud.DIGITALOCEAN],
};
export const AIVEN_STARTUP: AivenPlanFamily = { name: 'startup', nodeCount: 1, backupHistoryDays: 1, sizes: sized('startup') };
export const AIVEN_BUSINESS: AivenPlanFamily = { name: 'business', nodeCount: 2, backupHistoryDays: 3, sizes: sized('business') };
export const AIVEN_PREMIUM: AivenPlanFamily = { name: 'premium', nodeCount: 3, backupHistoryDays: 13, sizes: sized('premium') };

export const AIVEN_FAMILIES: readonly AivenPlanFamily[] = [AIVEN_HOBBYIST, AIVEN_STARTUP, AIVEN_BUSINESS, AIVEN_PREMIUM];

/** The family of an Aiven plan name, such as `business` for `business-4`. */
export function familyOf(plan: string): AivenPlanFamily | undefined {
  return AIVEN_FAMILIES.find((family) => plan === family.name || plan.startsWith(`${family.name}-`));
}

/**
 * The 15 restricted commands Aiven for Valkey refuses for every user (aiven-docs
 * `docs/products/valkey/reference/restricted-commands.md`). ROLE left the list on 2025-12-09 (commit 72eb1031),
 * so an application user's ACL must deny it. The application user's ACL names none of the 15: Aiven refuses them
 * itself, for every user (the test server emulates that by renaming them away, harness/acl.test.ts).
 */
export const AIVEN_BLOCKED_COMMANDS: readonly string[] = [
  'bgrewriteaof', 'cluster', 'command', 'debug', 'failover', 'migrate', 'slaveof', 'acl', 'bgsave', 'config', 'lastsave',
  'monitor', 'replicaof', 'save', 'shutdown',
];

/** The most entries `ip_filter_string` holds (`MaxItems: 8000`, `userconfig/service/valkey.go`). */
export const AIVEN_IP_FILTER_MAX_ENTRIES = 8000;

/** The application user's name: the user whose credentials a `ChoreoRedis` hands out. */
export const AIVEN_APPLICATION_USER = 'app';

/** Tag keys and values: at most 64 characters (aiven-docs `docs/platform/howto/tag-resources.md`). */
export const AIVEN_TAG_MAX_LENGTH = 64;

/** The Aiven families that may run each product plan, smallest first: Hobbyist grows into startup sizes. */
const FAMILIES_BY_PLAN: Readonly<Record<ServicePlan, readonly AivenPlanFamily[]>> = {
  [ServicePlan.HOBBYIST]: [AIVEN_HOBBYIST, AIVEN_STARTUP],
  [ServicePlan.STARTUP]: [AIVEN_STARTUP],
  [ServicePlan.BUSINESS]: [AIVEN_BUSINESS],
  [ServicePlan.PREMIUM]: [AIVEN_PREMIUM],
};

/** The Aiven family a product plan is named after, such as hobbyist for Hobbyist. */
export function preferredFamily(plan: ServicePlan): AivenPlanFamily {
  return FAMILIES_BY_PLAN[plan][0];
}

/** The Aiven families that run a product plan on a cloud. */
export function familiesFor(plan: ServicePlan, cloud: Cloud): AivenPlanFamily[] {
  return FAMILIES_BY_PLAN[plan].filter((family) => family.clouds === undefined || family.clouds.includes(cloud));
}
