import { MemorystoreValkeyProps, MemorystoreValkeyVersion } from './props';
import { ChoreoRedisError, PropRule } from '../../plan';
import { validateHour, validateKmsKey, maintenanceWindowOf, validatePrivateDnsZone, validateProject } from '../google/google';

/** A VPC network's full name; the groups are its project and name. */
export const NETWORK = /^projects\/([^/]+)\/global\/networks\/([^/]+)$/;
/** A subnetwork's full name; the group is its region. */
const SUBNETWORK = /^projects\/[^/\s]+\/regions\/([^/\s]+)\/subnetworks\/[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** A Memorystore for Valkey backup's full name; the group is its region. */
const BACKUP = /^projects\/[^/\s]+\/locations\/([^/\s]+)\/backupCollections\/[^/\s]+\/backups\/[^/\s]+$/;
/** An IAM principal a project role can be granted to: its kind, a colon and its identifier. */
const MEMBER = /^(user|serviceAccount|group|domain|principal|principalSet):\S+$/;

/** Memorystore for Valkey's checks of its own props, in order, before any data store uses them. */
export const MEMORYSTORE_VALKEY_PROP_RULES: readonly PropRule<MemorystoreValkeyProps>[] = [
  { props: ['project'], check: (props, isUnresolved) => validateProject(props.project, 'memorystoreValkey', isUnresolved) },
  {
    props: ['network'],
    check(props, isUnresolved) {
      if (!isUnresolved(props.network) && !NETWORK.test(props.network ?? '')) {
        throw new ChoreoRedisError('InvalidNetwork',
          `network "${props.network}" is not a VPC network's full name; Memorystore for Valkey puts its Private Service Connect endpoints in one. Pass "projects/<project>/global/networks/<network>".`);
      }
    },
  },
  {
    props: ['pscSubnetworks'],
    check(props, isUnresolved) {
      if (props.pscSubnetworks !== undefined && !isUnresolved(props.pscSubnetworks) && props.pscSubnetworks.length === 0) {
        throw new ChoreoRedisError('MissingNetwork',
          'pscSubnetworks is empty; the service connection policy needs at least one subnetwork of the network. List one, or omit pscSubnetworks if the network already has a policy for gcp-memorystore in this region.');
      }
    },
  },
  {
    props: ['pscSubnetworks', 'region'],
    check(props, isUnresolved) {
      (isUnresolved(props.pscSubnetworks) ? [] : props.pscSubnetworks ?? []).forEach((subnetwork, index) => {
        if (isUnresolved(subnetwork)) return;
        const match = SUBNETWORK.exec(subnetwork ?? '');
        if (match === null || (!isUnresolved(props.region) && match[1] !== props.region)) {
          throw new ChoreoRedisError('InvalidNetwork',
            `pscSubnetworks[${index}] "${subnetwork}" is not a subnetwork of ${props.region}; the service connection policy takes subnetworks of its own region, written "projects/<project>/regions/${props.region}/subnetworks/<name>".`);
        }
      });
    },
  },
  {
    props: ['clientMembers'],
    check(props, isUnresolved) {
      (isUnresolved(props.clientMembers) ? [] : props.clientMembers ?? []).forEach((member, index) => {
        if (!isUnresolved(member) && !MEMBER.test(member ?? '')) {
          throw new ChoreoRedisError('InvalidMember',
            `clientMembers[${index}] "${member}" is not an IAM principal that a project role can be granted to; write its kind and identifier, such as "serviceAccount:app@my-project.iam.gserviceaccount.com", "user:ops@example.com" or "group:cache-users@example.com".`);
        }
      });
    },
  },
  { props: ['maintenanceWindow'], check: (props, isUnresolved) => maintenanceWindowOf(props.maintenanceWindow, 'memorystoreValkey', isUnresolved) },
  { props: ['kmsKey', 'region'], check: (props, isUnresolved) => validateKmsKey(props.kmsKey, props.region, isUnresolved) },
  {
    props: ['restoreFromBackup', 'region'],
    check(props, isUnresolved) {
      const backup = props.restoreFromBackup;
      if (backup === undefined || isUnresolved(backup)) return;
      const match = BACKUP.exec(backup);
      if (match === null || (!isUnresolved(props.region) && match[1] !== props.region)) {
        throw new ChoreoRedisError('InvalidRestoreSource',
          `restoreFromBackup "${backup}" is not the full name of a backup in ${props.region}; Memorystore restores a backup of its own region, written "projects/<project>/locations/${props.region}/backupCollections/<collection>/backups/<backup>".`);
      }
    },
  },
  { props: ['backupHour'], check: (props, isUnresolved) => validateHour(props.backupHour, 'backupHour', isUnresolved) },
  { props: ['privateDnsZone'], check: (props, isUnresolved) => validatePrivateDnsZone(props.privateDnsZone, isUnresolved) },
  {
    props: ['engineVersion'],
    check(props, isUnresolved) {
      const version = (props.engineVersion ?? MemorystoreValkeyVersion.VALKEY_8_0).version;
      if (!isUnresolved(version) && !/^VALKEY_\d+_\d+$/.test(version)) {
        throw new ChoreoRedisError('InvalidEngineVersion',
          `engineVersion "${version}" is not a Memorystore for Valkey version; write it like "VALKEY_8_0", or use MemorystoreValkeyVersion.VALKEY_8_0.`);
      }
    },
  },
];
