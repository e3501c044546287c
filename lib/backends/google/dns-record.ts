import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { GoogleDnsRecord } from './google';
import { lazyModule } from '../lazy';

/** The DNS record's provider module, loaded only for data stores given a private DNS zone. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, as above
const dnsRecordSet = lazyModule(() => require('@cdktf/provider-google/lib/dns-record-set') as typeof import('@cdktf/provider-google/lib/dns-record-set'));

/**
 * Defines the A record that names the data store in its private zone, pointing at `ip`. Returns the host
 * name clients use: the record's name without its trailing dot.
 */
export function defineDnsRecord(scope: Construct, record: GoogleDnsRecord, ip: string): string {
  const recordSet = new (dnsRecordSet().DnsRecordSet)(scope, 'DnsRecord', {
    project: record.project,
    managedZone: record.managedZone,
    name: record.name,
    type: 'A',
    ttl: 60,
    rrdatas: [ip],
  });
  return Fn.trimsuffix(recordSet.name, '.');
}
