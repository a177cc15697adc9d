import { describe, expect, it } from 'vitest';
import { diskTarget } from './targets';
import { generateMac, generateUniqueMac, normalizeMac } from './mac';
import { buildDhcpHostXml } from './dhcp-host';

const seq = (...values: number[]) => {
  let i = 0;
  return (count: number) => Uint8Array.from({ length: count }, () => values[i++ % values.length] ?? 0);
};

describe('MAC generation', () => {
  it('uses the 52:54:00 prefix and the random bytes', () => {
    expect(generateMac(seq(0xab, 0x01, 0xff))).toBe('52:54:00:ab:01:ff');
  });
  it('avoids taken addresses', () => {
    expect(generateUniqueMac(seq(1, 2, 3, 4, 5, 6), ['52:54:00:01:02:03'])).toBe('52:54:00:04:05:06');
    expect(() => generateUniqueMac(seq(1, 2, 3), ['52:54:00:01:02:03'], 3)).toThrow(/free MAC/);
  });
  it('normalises and rejects multicast', () => {
    expect(normalizeMac('52-54-00-AA-BB-CC')).toBe('52:54:00:aa:bb:cc');
    expect(normalizeMac('01:00:5e:00:00:01')).toBeNull();
    expect(normalizeMac('nonsense')).toBeNull();
  });
});

describe('diskTarget (MAAS get_block_name_from_idx)', () => {
  it.each([
    [0, 'vda'],
    [25, 'vdz'],
    [26, 'vdaa'],
    [27, 'vdab'],
    [51, 'vdaz'],
    [52, 'vdba'],
    [701, 'vdzz'],
    [702, 'vdaaa'],
    [18277, 'vdzzz'],
  ])('%i → %s', (i, name) => {
    expect(diskTarget(i)).toBe(name);
  });
});

describe('buildDhcpHostXml', () => {
  it('builds one escaped line', () => {
    expect(buildDhcpHostXml({ mac: '52:54:00:AA:bb:cc', ip: '192.168.122.60' })).toEqual({
      ok: true,
      value: '<host mac="52:54:00:aa:bb:cc" ip="192.168.122.60"/>',
    });
    expect(buildDhcpHostXml({ mac: '52:54:00:aa:bb:cc', ip: '10.0.0.5', name: "o'neil&co" })).toEqual({
      ok: true,
      value: '<host mac="52:54:00:aa:bb:cc" name="o&apos;neil&amp;co" ip="10.0.0.5"/>',
    });
  });
  it('refuses IPv6 and bad MACs', () => {
    expect(buildDhcpHostXml({ mac: '52:54:00:aa:bb:cc', ip: '2001:db8::5' }).ok).toBe(false);
    expect(buildDhcpHostXml({ mac: 'x', ip: '10.0.0.5' }).ok).toBe(false);
  });
});
