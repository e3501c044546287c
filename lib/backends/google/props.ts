/** Props that Memorystore for Redis and Memorystore for Valkey share. */

/**
 * A day of the week, for a Memorystore maintenance window.
 *
 * @deprecated use `Weekday`, with `maintenanceWindow`
 */
export enum MemorystoreMaintenanceDay {
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
 * A private Cloud DNS zone that gets an A record for the data store, so that the service URI names it.
 */
export interface MemorystorePrivateDnsZone {
  /** The managed zone's name (the `google_dns_managed_zone` `name`), such as `internal`. */
  readonly managedZone: string;
  /** The zone's DNS name, ending with a dot, such as `internal.example.com.`. */
  readonly dnsName: string;
}
