import { MemorystoreProps } from './props';
import { AdoptionConsequence, whileOmitted } from '../adoption';

/**
 * What the first apply after adopting an instance changes (terraform-provider-google v6.50.0 resource_redis_instance.go:
 * tier, connect_mode, reserved_ip_range, location_id, customer_managed_key and transit_encryption_mode force a new
 * instance; redis_version does when it decreases).
 */
export const MEMORYSTORE_ADOPTION_CONSEQUENCES: readonly AdoptionConsequence<MemorystoreProps>[] = [
  {
    code: 'AdoptedEngineChanged',
    when: whileOmitted('engineVersion'),
    changes: 'redis_version becomes the default, REDIS_7_2: an older instance is upgraded at once during the apply, and a newer '
      + 'one is replaced (a lower version forces a new instance, so the plan stops on prevent_destroy)',
    fix: 'set engineVersion to the instance\'s version',
  },
  {
    code: 'AdoptedAuthEnabled',
    changes: 'auth_enabled becomes true: an instance without AUTH starts refusing clients that send no AUTH string',
    fix: 'no prop keeps AUTH off (the plan requires a password); hand clients the AUTH string (the <prefix>_uri output, or access.secret) as the apply completes',
  },
  {
    code: 'AdoptedTransitEncryptionRequired',
    changes: 'transit_encryption_mode becomes SERVER_AUTHENTICATION, which forces a new instance: an instance without in-transit '
      + 'encryption cannot be adopted (the plan stops on prevent_destroy)',
    fix: 'adopt only an instance with in-transit encryption; move another one\'s data by an export imported into a new data store',
  },
  {
    code: 'AdoptedPlacementFixed',
    changes: 'tier (BASIC for Hobbyist and Startup, STANDARD_HA beyond), connect_mode, reserved_ip_range, location_id and '
      + 'customer_managed_key become the props\', each forcing a new instance: an instance that differs cannot be adopted '
      + '(the plan stops on prevent_destroy)',
    fix: 'choose the plan matching the instance\'s tier, and set connectMode, reservedIpRange, zone and kmsKey to the instance\'s',
  },
  {
    code: 'AdoptedSchedulesChanged',
    when: whileOmitted('snapshotPeriod', 'maintenanceWindow'),
    changes: 'persistence becomes RDB every hour and the maintenance window Sunday 05:00 UTC, the defaults',
    fix: 'set snapshotPeriod and maintenanceWindow to the instance\'s',
  },
];
