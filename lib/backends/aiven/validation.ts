import { AivenBackendProps, AivenValkeyVersion } from './props';
import { aivenRegionsOf, regionForCloudName } from './regions';
import { ChoreoRedisError, PropRule } from '../../plan';

/** The project name pattern (`CommonSchemaProjectReference`, `internal/schemautil/common.go`). */
const PROJECT_PATTERN = /^[a-zA-Z0-9_-]+$/;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** `ValidateMaintenanceWindowTime`, `internal/schemautil/schemautil.go`. */
const MAINTENANCE_TIME = /^(2[0-3]|[01][0-9]):[0-5][0-9]:[0-5][0-9]$/;
/** The engine version a data store gets when the props name none. */
export const DEFAULT_VERSION = AivenValkeyVersion.VALKEY_8_1;

/** Aiven for Valkey's checks of its own props, in order, before any data store uses them (the region is checked before). */
export const AIVEN_RULES: readonly PropRule<AivenBackendProps>[] = [
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
    props: ['maintenanceWindowDow', 'maintenanceWindowTime'],
    check({ maintenanceWindowDow: dow, maintenanceWindowTime: time }) {
      if ((dow === undefined) !== (time === undefined)) {
        throw new ChoreoRedisError('IncompleteWindow',
          `${dow === undefined ? 'maintenanceWindowDow' : 'maintenanceWindowTime'} is missing; Aiven sets a maintenance window only with both the day and the time, such as maintenanceWindowDow "sunday" and maintenanceWindowTime "03:00:00". Give both, or neither for a window Aiven chooses.`);
      }
    },
  },
  {
    props: ['maintenanceWindowDow'],
    check({ maintenanceWindowDow: dow }, isUnresolved) {
      if (dow !== undefined && !isUnresolved(dow) && !WEEKDAYS.includes(dow)) {
        throw new ChoreoRedisError('InvalidWindow', `maintenanceWindowDow "${dow}" is not a day; use one of ${WEEKDAYS.join(', ')}.`);
      }
    },
  },
  {
    props: ['maintenanceWindowTime'],
    check({ maintenanceWindowTime: time }, isUnresolved) {
      if (time !== undefined && !isUnresolved(time) && !MAINTENANCE_TIME.test(time)) {
        throw new ChoreoRedisError('InvalidWindow', `maintenanceWindowTime "${time}" is not a time; write "HH:mm:ss" in UTC, such as "03:00:00".`);
      }
    },
  },
];
