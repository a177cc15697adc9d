import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIp, formatNetwork, networkContains, parseCidr, parseIp, parseIpv4, parseIpv6 } from './ip';

describe('parseIpv4', () => {
  it.each(['0.0.0.0', '192.168.1.1', '255.255.255.255'])('accepts %s', (s) => {
    expect(parseIpv4(s)).not.toBeNull();
  });
  it.each(['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.-4', '', 'a.b.c.d', '1..2.3'])('rejects %s', (s) => {
    expect(parseIpv4(s)).toBeNull();
  });
});

describe('parseIpv6', () => {
  it.each([
    ['::', 0n],
    ['::1', 1n],
    ['fe80::1', (0xfe80n << 112n) | 1n],
    ['::ffff:1.2.3.4', (0xffffn << 32n) | 0x01020304n],
    ['::1.2.3.4', 0x01020304n],
    ['1:2:3:4:5:6:7:8', 0x00010002000300040005000600070008n],
    ['1:2:3:4:5:6:7::', 0x00010002000300040005000600070000n],
    ['1:2:3:4:5:6:1.2.3.4', 0x00010002000300040005000601020304n],
  ])('parses %s', (s, v) => {
    expect(parseIpv6(s)).toBe(v);
  });
  it.each([
    ':::',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    'g::1',
    ':1:2:3:4:5:6:7',
    'fe80::1%eth0',
    '12345::',
    '1.2.3.4',
    '1:2:3:4:5:6:7:8::',
  ])('rejects %s', (s) => {
    expect(parseIpv6(s)).toBeNull();
  });
});

describe('CIDR', () => {
  it('normalises host bits and checks containment', () => {
    const net = parseCidr('192.168.1.7/24');
    expect(net).not.toBeNull();
    expect(formatNetwork(net!)).toBe('192.168.1.0/24');
    expect(networkContains(net!, parseIp('192.168.1.200')!)).toBe(true);
    expect(networkContains(net!, parseIp('192.168.2.1')!)).toBe(false);
    expect(networkContains(net!, parseIp('::1')!)).toBe(false);
  });
  it('handles IPv6 prefixes', () => {
    const net = parseCidr('2001:db8::/32')!;
    expect(networkContains(net, parseIp('2001:db8:ffff::1')!)).toBe(true);
    expect(formatNetwork(net)).toBe('2001:db8::/32');
  });
  it.each(['10.0.0.0', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/08', '::/129', '10.0.0.0/24/1', 'x/24'])(
    'rejects %s',
    (s) => {
      expect(parseCidr(s)).toBeNull();
    },
  );
});

describe('formatIp round trip', () => {
  it('IPv4 and IPv6 format back to something that parses to the same value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (s) => {
        const ip = parseIp(s);
        expect(ip).not.toBeNull();
        expect(parseIp(formatIp(ip!))).toEqual(ip);
      }),
    );
  });
});
