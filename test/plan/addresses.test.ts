import { ChoreoRedisError, IpFamily, isPublicBlock, normalizeCidrs, parseCidr, publicSourcesWarning } from '../../lib/plan';

describe('parseCidr', () => {
  test.each([
    ['203.0.113.0/24', '203.0.113.0/24', IpFamily.IPV4, '203.0.113.0', '203.0.113.255'],
    ['198.51.100.7', '198.51.100.7/32', IpFamily.IPV4, '198.51.100.7', '198.51.100.7'],
    ['0.0.0.0/0', '0.0.0.0/0', IpFamily.IPV4, '0.0.0.0', '255.255.255.255'],
    [' 10.0.0.0/8 ', '10.0.0.0/8', IpFamily.IPV4, '10.0.0.0', '10.255.255.255'],
    ['2001:DB8::/32', '2001:db8::/32', IpFamily.IPV6, '2001:db8::', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1/128', IpFamily.IPV6, '2001:db8::1:0:0:1', '2001:db8::1:0:0:1'],
    ['::/0', '::/0', IpFamily.IPV6, '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['::ffff:192.0.2.1', '::ffff:c000:201/128', IpFamily.IPV6, '::ffff:c000:201', '::ffff:c000:201'],
    ['fe80::/10', 'fe80::/10', IpFamily.IPV6, 'fe80::', 'febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ])('%s is %s', (input, cidr, family, first, last) => {
    expect(parseCidr(input, 'allowedCidrs[0]')).toEqual({
      cidr, family, prefixLength: Number(cidr.split('/')[1]), firstAddress: first, lastAddress: last,
    });
  });

  test('fails on host bits, suggesting the network and the single address', () => {
    expect(() => parseCidr('10.0.0.5/24', 'allowedCidrs[1]')).toThrow(
      'allowedCidrs[1] "10.0.0.5/24" has host bits set; did you mean "10.0.0.0/24"? (or "10.0.0.5/32" for the single address)');
    expect(() => parseCidr('2001:db8::1/64', 'allowedCidrs[0]')).toThrow(/did you mean "2001:db8::\/64"/);
  });

  test.each([
    ['256.0.0.1'], ['10.0.0'], ['10.0.0.01'], ['10.0.0.0/33'], ['10.0.0.0/-1'], ['10.0.0.0/'], ['10.0.0.0/8/8'],
    ['2001:db8:::1'], ['1:2:3:4:5:6:7:8:9'], ['example.com'], [''], ['::/129'],
  ])('fails on "%s" with code InvalidCidr', (input) => {
    expect(() => parseCidr(input, 'allowedCidrs[0]')).toThrow(expect.objectContaining({ code: 'InvalidCidr' }));
    expect(() => parseCidr(input, 'allowedCidrs[0]')).toThrow(/allowedCidrs\[0\]/);
  });
});

describe('normalizeCidrs', () => {
  test('canonicalises, removes duplicates and sorts IPv4 before IPv6, then by address and prefix', () => {
    const blocks = normalizeCidrs(['2001:db8::/32', '198.51.100.7', '10.0.0.0/8', '198.51.100.7/32', '10.0.0.0/16', '9.0.0.0/8']);
    expect(blocks.map((b) => b.cidr)).toEqual(['9.0.0.0/8', '10.0.0.0/8', '10.0.0.0/16', '198.51.100.7/32', '2001:db8::/32']);
  });

  test('gives the same result whatever the input order', () => {
    const a = normalizeCidrs(['203.0.113.0/24', '198.51.100.7/32', '::/0']);
    const b = normalizeCidrs(['::/0', '198.51.100.7', '203.0.113.0/24']);
    expect(a).toEqual(b);
  });

  test('keeps token entries unchecked, after the others', () => {
    const token = '${TfToken[TOKEN.1]}';
    const blocks = normalizeCidrs([token, '10.0.0.0/8'], 'allowedCidrs', (v) => v === token);
    expect(blocks.map((b) => [b.cidr, b.resolved])).toEqual([['10.0.0.0/8', undefined], [token, false]]);
  });

  test('fails on an empty list, explaining how to keep the open default', () => {
    expect(() => normalizeCidrs([])).toThrow(ChoreoRedisError);
    expect(() => normalizeCidrs([])).toThrow(/\[EmptyAllowList\] allowedCidrs is an empty list.*omit allowedCidrs/);
  });

  test('fails naming the position of the bad entry', () => {
    expect(() => normalizeCidrs(['10.0.0.0/8', '10.0.0.1/8'])).toThrow(/allowedCidrs\[1\] "10.0.0.1\/8" has host bits set/);
  });
});

describe('public address space', () => {
  test.each([
    ['203.0.113.0/24', true], ['198.51.100.7', true], ['0.0.0.0/0', true], ['2001:db8::/32', true], ['::/0', true], ['11.0.0.0/8', true],
    ['10.0.0.0/8', false], ['10.1.2.3', false], ['172.16.0.0/12', false], ['172.31.255.0/24', false], ['192.168.1.0/24', false],
    ['100.64.0.0/10', false], ['fd00::/8', false], ['fe80::1', false], ['172.32.0.0/16', true], ['172.0.0.0/8', true],
  ])('%s is public: %s', (entry, expected) => {
    expect(isPublicBlock(parseCidr(entry, 'allowedCidrs[0]'))).toBe(expected);
  });

  test('an unresolved token is not known to be public', () => {
    const [token] = normalizeCidrs(['${TfToken[TOKEN.1]}'], 'allowedCidrs', () => true);
    expect(isPublicBlock(token)).toBe(false);
  });

  test('the warning lists the public entries only, and says how to reach the network', () => {
    const warning = publicSourcesWarning(normalizeCidrs(['10.0.0.0/8', '203.0.113.7', '198.51.100.0/24']), 'the VPC', 'route them into the VPC');
    expect(warning).toEqual({
      code: 'PublicSourceOnPrivateNetwork',
      message: 'allowedCidrs lists public internet address space (198.51.100.0/24, 203.0.113.7/32), but the data store is reachable only from the VPC; those sources connect only if their traffic is routed into the VPC. Fix: route them into the VPC.',
    });
    expect(publicSourcesWarning(normalizeCidrs(['10.0.0.0/8']), 'the VPC', 'x')).toBeUndefined();
    expect(publicSourcesWarning(undefined, 'the VPC', 'x')).toBeUndefined();
  });
});
