import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { GoogleDnsRecord } from './google';
import { claimOnce } from './names';
import { lazyModule } from '../lazy';

/** The DNS record's provider module, loaded only for data stores given a private DNS zone. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, as above
const dnsRecordSet = lazyModule(() => require('@cdktf/provider-google/lib/dns-record-set') as typeof import('@cdktf/provider-google/lib/dns-record-set'));

/**
 * Defines the A record that names the data store in its private zone, pointing at `ip`. Returns the host
 * name clients use: the record's name without its trailing dot.
 *
 * A record set is unique per managed zone, name and type (`projects/{project}/managedZones/{zone}/rrsets/{name}/{type}`,
 * google v6.50.0 `dns/resource_dns_record_set.go:422`, the resource ID), whatever the region: data stores of either Memorystore backend,
 * in any stack and region of the app, that share a zone and a name would define it twice, so the second is refused.
 */
export function defineDnsRecord(scope: Construct, record: GoogleDnsRecord, ip: string): string {
  claimOnce(scope.node.root, scope.node.path, {
    key: `dns/${record.project}/${record.managedZone}/${record.name}`,
    what: `the A record ${record.name} in the Cloud DNS zone ${record.managedZone}`,
    fix: 'give the data stores different names, or put their records in different zones',
  });
  const recordSet = new (dnsRecordSet().DnsRecordSet)(scope, 'DnsRecord', {
    project: record.project,
    managedZone: record.managedZone,
    // Lower case, with the trailing dot `validateRecordNameTrailingDot` requires (dns/resource_dns_record_set.go:126-131):
    // the name comes from the instance name or ID, which both backends' rules keep lower case, and a dnsName
    // `validatePrivateDnsZone` checks is lower case.
    name: record.name,
    type: 'A',
    ttl: 60,
    rrdatas: [ip],
  });
  return Fn.trimsuffix(recordSet.name, '.');
}
