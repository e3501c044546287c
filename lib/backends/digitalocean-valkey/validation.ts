import { DIGITALOCEAN_VALKEY_MIN_VERSION } from './catalog';
import { DigitalOceanValkeyProps, DigitalOceanValkeyVersion } from './props';
import { ChoreoRedisError, IsUnresolved, PropRule } from '../../plan';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checks a prop that names a DigitalOcean resource by its UUID; `code` is the library's code for that prop's refusal. */
function validateUuid(value: string | undefined, prop: string, what: string, code: string, isUnresolved: IsUnresolved): void {
  if (value === undefined || isUnresolved(value) || UUID.test(value)) return;
  throw new ChoreoRedisError(code,
    `${prop} "${value}" is not a UUID; give the ${what}'s ID, written like "7c6e1b6a-2f0d-4d4e-9a3e-1f2b3c4d5e6f" (lower case), or omit ${prop} for the default.`);
}

/** DigitalOcean Managed Valkey's checks of its own props, in order, before any data store uses them. */
export const DIGITALOCEAN_VALKEY_PROP_RULES: readonly PropRule<DigitalOceanValkeyProps>[] = [
  {
    props: ['engineVersion'],
    check(props, isUnresolved) {
      const version = props.engineVersion ?? DigitalOceanValkeyVersion.V8;
      if (isUnresolved(version.version)) return;
      if (!/^\d+$/.test(version.version) || Number(version.version) < DIGITALOCEAN_VALKEY_MIN_VERSION) {
        throw new ChoreoRedisError('InvalidEngineVersion',
          `engineVersion "${version.version}" is not a Managed Valkey version; DigitalOcean names versions by their major number, ${DIGITALOCEAN_VALKEY_MIN_VERSION} or later. Use DigitalOceanValkeyVersion.V8.`);
      }
    },
  },
  { props: ['project'], check: (props, isUnresolved) => validateUuid(props.project, 'project', 'project', 'InvalidProject', isUnresolved) },
  { props: ['network'], check: (props, isUnresolved) => validateUuid(props.network, 'network', 'VPC network', 'InvalidNetwork', isUnresolved) },
];
