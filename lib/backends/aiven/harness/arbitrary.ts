import * as fc from 'fast-check';
import { BackendArbitrary, alertsOf, rarely, regionOf } from '../../../../test/properties/kit';
import { AlertTarget, AivenProvider, AivenValkeyVersion, Cloud, MaintenanceWindow, RedisBackend, Weekday } from '../../../index';
import { AIVEN_REGIONS } from '../regions';

const CLOUDS = Object.values(Cloud);

/** Aiven for Valkey props for the property tests: any of the four clouds, mostly valid, each prop now and then breaking a rule. */
export const AIVEN_ARBITRARY: BackendArbitrary = {
  service: 'Aiven for Valkey',
  configure(stack) {
    new AivenProvider(stack, 'aiven');
  },
  backend: fc.constantFrom(...CLOUDS).chain((cloud) => {
    const regions = AIVEN_REGIONS[cloud];
    const cloudNames = [...new Set(Object.values(regions.cloudNames))];
    return fc.record({
      cloud: rarely(fc.constant(cloud), fc.constantFrom('alibaba', 'AWS', '')),
      project: rarely(fc.constantFrom('choreo-data', 'team_1'), fc.constantFrom('', 'my project', 'a/b')),
      // Mostly a region; sometimes Aiven's cloud name instead, or both, now and then disagreeing.
      location: fc.oneof(
        { weight: 8, arbitrary: regionOf(Object.keys(regions.cloudNames)).map((region) => ({ region })) },
        {
          weight: 2,
          arbitrary: rarely(fc.constantFrom(...cloudNames), fc.constantFrom('aws-eu-west-2', 'azure-uksouth', 'do-lon', 'gcp-europe-west1', 'aws-ap-south-1'))
            .map((cloudName) => ({ cloudName })),
        },
        {
          weight: 1,
          arbitrary: fc.tuple(fc.constantFrom(...Object.keys(regions.cloudNames)), fc.constantFrom(...cloudNames))
            .map(([region, cloudName]) => ({ region, cloudName })),
        },
        { weight: 1, arbitrary: fc.constant({}) },
      ),
      engineVersion: rarely(fc.constantFrom(undefined, AivenValkeyVersion.VALKEY_8_1, AivenValkeyVersion.VALKEY_9_1),
        fc.constantFrom('7.2', '9', 'nine', '10.0').map((v) => AivenValkeyVersion.of(v))),
      maintenanceWindow: rarely(
        fc.constantFrom<MaintenanceWindow | undefined>(undefined, { day: Weekday.SUNDAY, hour: 3 }, { day: Weekday.WEDNESDAY, hour: 23, minute: 59 }),
        fc.constantFrom<MaintenanceWindow>({ day: 'sunday' as Weekday, hour: 3 }, { day: Weekday.MONDAY, hour: 24 }, { day: Weekday.MONDAY, hour: 3, minute: -1 })),
    });
  }).map((p) => () => RedisBackend.aiven({
    project: p.project,
    cloud: p.cloud as Cloud,
    ...p.location,
    engineVersion: p.engineVersion,
    maintenanceWindow: p.maintenanceWindow,
  })),
  alerts: alertsOf(rarely(
    fc.constantFrom<string[][]>(['ops@example.com'], ['ops@example.com', 'dba@example.com']).map((emails) => [AlertTarget.aivenTechEmails(emails)]),
    fc.constantFrom<string[][]>([], ['ops'], ['ops@example.com', 'not an address']).map((emails) => [AlertTarget.aivenTechEmails(emails)]),
  )),
  props: ['project', 'cloud', 'region', 'cloudName', 'engineVersion', 'maintenanceWindow', 'memoryGib'],
};
