import { MemorystoreValkeyProps } from './props';
import { AdoptionConsequence, whileOmitted } from '../adoption';

/**
 * What the first apply after adopting an instance changes (terraform-provider-google v6.50.0
 * resource_memorystore_instance.go: authorization_mode, transit_encryption_mode, mode, kms_key and
 * zone_distribution_config force a new instance).
 */
export const MEMORYSTORE_VALKEY_ADOPTION_CONSEQUENCES: readonly AdoptionConsequence<MemorystoreValkeyProps>[] = [
  {
    code: 'AdoptedEngineChanged',
    when: whileOmitted('engineVersion'),
    changes: 'engine_version becomes the default, VALKEY_8_0: an older instance is upgraded at once during the apply, and the '
      + 'apply fails on a newer one, which Memorystore cannot downgrade',
    fix: 'set engineVersion to the instance\'s version',
  },
  {
    code: 'AdoptedAuthorizationRequired',
    changes: 'authorization_mode becomes IAM_AUTH and transit_encryption_mode SERVER_AUTHENTICATION, both forcing a new instance: '
      + 'an instance without IAM authentication or in-transit encryption cannot be adopted (the plan stops on prevent_destroy)',
    fix: 'adopt only an instance with both; move another one\'s data by a backup restored into a new data store',
  },
  {
    code: 'AdoptedPlacementFixed',
    changes: 'mode, zone_distribution_config (multiple zones for the plans that fail over, one zone otherwise) and kms_key become the '
      + 'plan\'s and props\', each forcing a new instance; node_type and replica_count change in place to the plan\'s (one field per '
      + 'update: see AdoptedFieldsInOneUpdate)',
    fix: 'choose the plan whose zone distribution the instance has, and set kmsKey to its key',
  },
  {
    code: 'AdoptedFieldsInOneUpdate',
    changes: 'the first apply sends every field that differs from the plan\'s (node type with its maxclients, replicas, backup '
      + 'schedule, persistence, maintenance window, labels, eviction policy) in one PATCH, which Memorystore refuses when two or more differ '
      + '(one field per update, hashicorp/terraform-provider-google#20101): the apply fails with nothing changed. The record that stops '
      + 'such moves between plans, and the replacement guard after which the running instance is read and compared, are created by '
      + 'that same apply, so neither can stop this one',
    fix: 'before the first apply, bring the instance to the plan\'s values one field at a time (gcloud memorystore instances update <name> '
      + '--location <region> with --node-type and its maxclients engine config, then --replica-count, then each other setting), '
      + 'until terraform plan shows at most one of them changing',
  },
  {
    code: 'AdoptedSchedulesChanged',
    when: whileOmitted('backupHour', 'maintenanceWindow'),
    changes: 'persistence becomes the plan\'s, and the backup and maintenance windows the defaults',
    fix: 'set backupHour and maintenanceWindow to the instance\'s',
  },
];
