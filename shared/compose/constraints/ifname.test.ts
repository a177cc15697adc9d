import { describe, expect, it } from 'vitest';
import { crc32, ifnameForLabel } from './ifname';

describe('ifnameForLabel (MAAS get_ifname_for_label)', () => {
  it('prefixes numeric labels with eth', () => {
    expect(ifnameForLabel('0')).toBe('eth0');
    expect(ifnameForLabel('007')).toBe('eth7');
  });
  it('keeps short names', () => {
    expect(ifnameForLabel('mgmt')).toBe('mgmt');
    expect(ifnameForLabel('a23456789012345')).toBe('a23456789012345');
  });
  it('shortens names over 15 bytes with crc32 and the last 5 characters', () => {
    const label = 'storage-network-1';
    const hash = crc32(new TextEncoder().encode(label)).toString(16).padStart(5, '0').slice(-5);
    expect(ifnameForLabel(label)).toBe(`eth-${hash}-ork-1`);
    expect(ifnameForLabel(label).length).toBeLessThanOrEqual(15);
  });
  it('crc32 matches zlib', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
