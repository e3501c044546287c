import { AivenProps, AivenValkeyVersion } from './props';
import { aivenRegionsOf, regionForCloudName } from './regions';
import { ChoreoRedisError, PropRule, resolveMaintenanceWindow } from '../../plan';

/** The project name pattern (`CommonSchemaProjectReference`, `internal/schemautil/common.go`). */
const PROJECT_PATTERN = /^[a-zA-Z0-9_-]+$/;
/** The engine version a data store gets when the props name none. */
export const DEFAULT_VERSION = AivenValkeyVersion.VALKEY_8_1;

/** Aiven for Valkey's checks of its own props, in order, before any data store uses them (the region is checked before). */
export const AIVEN_PROP_RULES: readonly PropRule<AivenProps>[] = [
  { props: ['cloud'], check: (props) => aivenRegionsOf(props) },
  {
    props: ['project'],
    check(props, isUnresolved) {
      const project = props.project;
      if (isUnresolved(project)) return;
      if (typeof project !== 'string' || !PROJECT_PATTERN.test(project)) {
        throw new ChoreoRedisError('InvalidProject',
          `RedisBackend.aiven({ project }) "${project ?? ''}" is not an Aiven project name; give the name of an existing project, letters, digits, "_" and "-" only.`);
      }
    },
  },
  {
    props: ['region', 'cloudName', 'cloud'],
    check(props, isUnresolved) {
      for (const prop of ['region', 'cloudName'] as const) {
        if (isUnresolved(props[prop])) {
          throw new ChoreoRedisError('UnresolvedRegion',
            `RedisBackend.aiven({ ${prop} }) is a token; the construct maps the region to Aiven's cloud name at synth. Give it as a literal.`);
        }
      }
      if (props.region === undefined || props.cloudName === undefined) return;
      const regions = aivenRegionsOf(props);
      const region = regionForCloudName(regions, props.cloudName, 'RedisBackend.aiven({ cloudName })');
      if (regions.cloudNames[props.region] !== props.cloudName) {
        throw new ChoreoRedisError('RegionMismatch',
          `RedisBackend.aiven({ cloudName }) "${props.cloudName}" is not region "${props.region}" (Aiven calls that "${regions.cloudNames[props.region]}"); give one of them, or region "${region}".`);
      }
    },
  },
  {
    props: ['engineVersion'],
    check(props, isUnresolved) {
      const version = props.engineVersion ?? DEFAULT_VERSION;
      if (isUnresolved(version.version)) return;
      const match = /^(\d+)\.(\d+)$/.exec(version.version);
      const [major, minor] = [Number(match?.[1]), Number(match?.[2])];
      if (match === null || major < 8 || (major === 8 && minor < 1)) {
        throw new ChoreoRedisError('InvalidEngineVersion',
          `engineVersion "${version.version}" is not an Aiven for Valkey version; Aiven names versions "<major>.<minor>", 8.1 or later. Use AivenValkeyVersion.VALKEY_8_1 or AivenValkeyVersion.VALKEY_9_1.`);
      }
    },
  },
  {
    props: ['maintenanceWindow'],
    check: (props, isUnresolved) => resolveMaintenanceWindow(props.maintenanceWindow, 'RedisBackend.aiven({ maintenanceWindow })', isUnresolved),
  },
];
