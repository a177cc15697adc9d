import { describe, expect, it } from 'vitest';
import { HostMarks, interfaceMarkFor, subnetMarkFor } from './marks';

describe('HostMarks', () => {
  it('fills defaults and canonicalises subnet keys', () => {
    const marks = HostMarks.parse({
      subnets: { '192.168.10.7/24': { space: 'lab', externalDhcp: true } },
      interfaces: { br0: { vid: 0, tags: ['uplink'], subnets: ['10.0.5.9/24'] } },
    });
    expect(Object.keys(marks.subnets)).toEqual(['192.168.10.0/24']);
    expect(marks.subnets['192.168.10.0/24']).toEqual({ space: 'lab', externalDhcp: true, tags: [] });
    expect(marks.interfaces.br0).toEqual({ vid: 0, tags: ['uplink'], subnets: ['10.0.5.0/24'], externalDhcp: false });
    expect(subnetMarkFor(marks, '192.168.10.99/24')?.space).toBe('lab');
    expect(interfaceMarkFor(marks, 'br0')?.tags).toEqual(['uplink']);
    expect(interfaceMarkFor(marks, 'toString')).toBeUndefined();
  });

  it('accepts an empty object', () => {
    expect(HostMarks.parse({})).toEqual({ subnets: {}, interfaces: {} });
  });

  it('rejects a bad CIDR key, a bad vid and an empty space', () => {
    expect(HostMarks.safeParse({ subnets: { 'not-a-cidr': {} } }).success).toBe(false);
    expect(HostMarks.safeParse({ interfaces: { br0: { vid: 4095 } } }).success).toBe(false);
    expect(HostMarks.safeParse({ interfaces: { br0: { space: '  ' } } }).success).toBe(false);
    expect(HostMarks.safeParse({ interfaces: { br0: { subnets: ['10.0.0.0'] } } }).success).toBe(false);
  });
});
