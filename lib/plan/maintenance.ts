/**
 * The weekly maintenance window, one typed value on every backend that lets the user choose it; each backend writes it
 * in its provider's form.
 */
import { ChoreoRedisError } from './errors';
import { PropShape, PropTypes, required } from './prop-types';
import type { IsUnresolved } from './request';

/** A day of the week, in UTC. */
export enum Weekday {
  /** Monday. */
  MONDAY = 'MONDAY',
  /** Tuesday. */
  TUESDAY = 'TUESDAY',
  /** Wednesday. */
  WEDNESDAY = 'WEDNESDAY',
  /** Thursday. */
  THURSDAY = 'THURSDAY',
  /** Friday. */
  FRIDAY = 'FRIDAY',
  /** Saturday. */
  SATURDAY = 'SATURDAY',
  /** Sunday. */
  SUNDAY = 'SUNDAY',
}

/**
 * When the service may patch or restart nodes each week: the day and time (UTC) the window starts. The service decides
 * how long it lasts (an hour on ElastiCache and Memorystore; Aiven's own length on Aiven).
 */
export interface MaintenanceWindow {
  /** The day the window starts, in UTC. */
  readonly day: Weekday;
  /** The hour the window starts, 0 to 23 (UTC). */
  readonly hour: number;
  /**
   * The minute of `hour` the window starts, 0 to 59.
   *
   * @default 0
   */
  readonly minute?: number;
}

/** The days in the order of the week, Monday first. */
export const WEEKDAYS: readonly Weekday[] = Object.values(Weekday);

/** The run-time type of a `maintenanceWindow` prop, for the prop checks. */
export const MAINTENANCE_WINDOW_PROP_TYPES: PropShape = {
  day: required('string', { code: 'InvalidMaintenanceWindow', fix: 'the day the window starts, a Weekday such as Weekday.SUNDAY' }),
  hour: required('number', { code: 'InvalidMaintenanceWindow', fix: 'the hour the window starts, 0 to 23 (UTC)' }),
  minute: 'number',
} satisfies PropTypes<MaintenanceWindow>;

/** The run-time type of a `maintenanceWindow` prop, as a props table declares it. */
export const MAINTENANCE_WINDOW_TYPE = { shape: MAINTENANCE_WINDOW_PROP_TYPES, interfaceName: 'MaintenanceWindow' } as const;

/** A maintenance window with every member given: the minute filled in. */
export interface ResolvedMaintenanceWindow {
  readonly day: Weekday;
  readonly hour: number;
  readonly minute: number;
}

/**
 * Checks a maintenance window and fills in its minute; `undefined` when none is given.
 *
 * @param prop the prop as errors name it, such as `RedisBackend.aiven({ maintenanceWindow })`
 * @throws ChoreoRedisError `InvalidMaintenanceWindow` naming each member that is wrong
 */
export function resolveMaintenanceWindow(window: MaintenanceWindow | undefined, prop: string,
  isUnresolved: IsUnresolved): ResolvedMaintenanceWindow | undefined {
  if (window === undefined) return undefined;
  const minute = window.minute ?? 0;
  const faults = [
    !WEEKDAYS.includes(window.day) && !isUnresolved(window.day) ? `day "${String(window.day)}" is not a Weekday (${WEEKDAYS.join(', ')})` : undefined,
    !isUnresolved(window.hour) && !(Number.isInteger(window.hour) && window.hour >= 0 && window.hour <= 23)
      ? `hour ${window.hour} is not a whole number from 0 to 23` : undefined,
    !isUnresolved(minute) && !(Number.isInteger(minute) && minute >= 0 && minute <= 59) ? `minute ${minute} is not a whole number from 0 to 59` : undefined,
  ].filter((fault) => fault !== undefined);
  if (faults.length > 0) {
    throw new ChoreoRedisError('InvalidMaintenanceWindow',
      `${prop} is not a weekly window: ${faults.join('; ')}. Give the day and hour (UTC) it starts, such as { day: Weekday.SUNDAY, hour: 5 }.`);
  }
  return { day: window.day, hour: window.hour, minute };
}

/** `hh:mm`, two digits each. */
export function clockTime(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
