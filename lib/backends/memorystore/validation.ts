import { MemorystoreProps, MemorystoreConnectMode, MemorystoreRedisVersion, MemorystoreSnapshotPeriod } from './props';
import { ChoreoRedisError, IpFamily, IsUnresolved, PropRule, parseCidr } from '../../plan';
import { validateHour, validateKmsKey, maintenanceWindowOf, validatePrivateDnsZone, validateProject, validateZone } from '../google/google';

/** A VPC network: its full name (or self link), or the name of a network in the instance's project. */
const AUTHORIZED_NETWORK = /^((https:\/\/www\.googleapis\.com\/compute\/v1\/)?projects\/[^/\s]+\/global\/networks\/)?[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The prefix lengths direct peering takes for `reservedIpRange`; read replicas need the /28. */
const RESERVED_RANGE_PREFIXES = [28, 29];
const READ_REPLICAS_RANGE_PREFIX = 28;
/** The name of an allocated range (a `google_compute_global_address`). */
const RANGE_NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * Checks `reservedIpRange`: a /29 or /28 IPv4 block for direct peering, the name of an allocated range for
 * private services access. Returns the block's prefix length, when it is one.
 */
function reservedRangePrefix(props: MemorystoreProps, isUnresolved: IsUnresolved): number | undefined {
  const range = props.reservedIpRange;
  if (range === undefined || isUnresolved(range)) return undefined;
  if (props.connectMode === MemorystoreConnectMode.PRIVATE_SERVICE_ACCESS) {
    if (!RANGE_NAME.test(range)) {
      throw new ChoreoRedisError('InvalidReservedIpRange',
        `reservedIpRange "${range}" is not the name of an allocated range; with private services access, give the name of the range reserved for the service networking connection, such as "google-managed-services-default", or omit it.`);
    }
    return undefined;
  }
  const block = range.includes('/') ? parseCidr(range, 'reservedIpRange') : undefined;
  if (block === undefined || block.family !== IpFamily.IPV4 || !RESERVED_RANGE_PREFIXES.includes(block.prefixLength)) {
    throw new ChoreoRedisError('InvalidReservedIpRange',
      `reservedIpRange "${range}" is not a /29 or /28 IPv4 block; with direct peering, give an unused private range such as "10.0.0.0/29" (a /28 where read replicas run), or omit it.`);
  }
  return block.prefixLength;
}

/** Memorystore for Redis's checks of its own props, in order, before any data store uses them. */
export const MEMORYSTORE_PROP_RULES: readonly PropRule<MemorystoreProps>[] = [
  { props: ['project'], check: (props, isUnresolved) => validateProject(props.project, 'memorystore', isUnresolved) },
  {
    props: ['network'],
    check(props) {
      if (!props.network) {
        throw new ChoreoRedisError('MissingNetwork',
          'network is missing; Memorystore is reachable only from a VPC network. Pass RedisBackend.memorystore({ network: "projects/<project>/global/networks/<network>" }).');
      }
    },
  },
  {
    props: ['network'],
    check(props, isUnresolved) {
      if (!isUnresolved(props.network) && !AUTHORIZED_NETWORK.test(props.network)) {
        throw new ChoreoRedisError('InvalidNetwork',
          `network "${props.network}" is not a VPC network; give its full name, "projects/<project>/global/networks/<network>", or the name of a network in the project.`);
      }
    },
  },
  {
    props: ['connectMode'],
    check(props) {
      const connectModes: string[] = Object.values(MemorystoreConnectMode);
      if (props.connectMode !== undefined && !connectModes.includes(props.connectMode)) {
        throw new ChoreoRedisError('InvalidConnectMode',
          `connectMode "${props.connectMode}" is not one of ${connectModes.join(', ')}; use MemorystoreConnectMode.DIRECT_PEERING or MemorystoreConnectMode.PRIVATE_SERVICE_ACCESS.`);
      }
    },
  },
  {
    props: ['snapshotPeriod'],
    check(props) {
      const periods: string[] = Object.values(MemorystoreSnapshotPeriod);
      if (props.snapshotPeriod !== undefined && !periods.includes(props.snapshotPeriod)) {
        throw new ChoreoRedisError('InvalidSnapshotPeriod',
          `snapshotPeriod "${props.snapshotPeriod}" is not one of ${periods.join(', ')}; use a MemorystoreSnapshotPeriod value.`);
      }
    },
  },
  { props: ['maintenanceWindow'], check: (props, isUnresolved) => maintenanceWindowOf(props.maintenanceWindow, 'memorystore', isUnresolved) },
  { props: ['kmsKey', 'region'], check: (props, isUnresolved) => validateKmsKey(props.kmsKey, props.region, isUnresolved) },
  { props: ['zone', 'region'], check: (props, isUnresolved) => validateZone(props.zone, props.region, 'zone', isUnresolved) },
  { props: ['alternativeZone', 'region'], check: (props, isUnresolved) => validateZone(props.alternativeZone, props.region, 'alternativeZone', isUnresolved) },
  {
    props: ['zone', 'alternativeZone'],
    check(props, isUnresolved) {
      if (props.zone !== undefined && props.zone === props.alternativeZone && !isUnresolved(props.zone)) {
        throw new ChoreoRedisError('SameZones',
          `alternativeZone "${props.alternativeZone}" is the same as zone; the standby must run in another zone of ${props.region}. Choose a different alternativeZone, or omit it.`);
      }
    },
  },
  { props: ['reservedIpRange', 'connectMode'], check: (props, isUnresolved) => reservedRangePrefix(props, isUnresolved) },
  { props: ['backupHour'], check: (props, isUnresolved) => validateHour(props.backupHour, 'backupHour', isUnresolved) },
  { props: ['privateDnsZone'], check: (props, isUnresolved) => validatePrivateDnsZone(props.privateDnsZone, isUnresolved) },
  {
    props: ['engineVersion'],
    check(props, isUnresolved) {
      const version = props.engineVersion ?? MemorystoreRedisVersion.REDIS_7_2;
      if (isUnresolved(version.version)) return;
      const match = /^REDIS_(\d+)_(\d+|X)$/.exec(version.version);
      if (match === null || Number(match[1]) < 6) {
        throw new ChoreoRedisError('InvalidEngineVersion',
          `engineVersion "${version.version}" is not supported; AUTH with TLS and read replicas need Redis 6 or later, written like "REDIS_7_2" or "REDIS_6_X". Use MemorystoreRedisVersion.REDIS_7_2.`);
      }
    },
  },
];

/** Checks `reservedIpRange` against the plan's topology, which only the plan knows: read replicas need a /28. */
export function checkReservedRangeForReadReplicas(props: MemorystoreProps, readReplicas: boolean, standbys: number,
  isUnresolved: IsUnresolved): void {
  const rangePrefix = reservedRangePrefix(props, isUnresolved);
  if (readReplicas && rangePrefix !== undefined && rangePrefix !== READ_REPLICAS_RANGE_PREFIX) {
    throw new ChoreoRedisError('InvalidReservedIpRange',
      `reservedIpRange "${props.reservedIpRange}" is a /${rangePrefix}, but the plan's ${standbys} standbys are Memorystore read replicas, which need a /28. Give a /28 range, or omit reservedIpRange.`);
  }
}
