import { describe, expect, it } from 'vitest';
import { parseInterfaceConstraints } from '../constraints/parse';
import { labSnapshot } from './fixtures.test-util';
import { planAttachments } from './plan';
import { linkStaysDown } from './warnings';

const constraints = (text: string) => {
  const r = parseInterfaceConstraints(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('interface-down only where the link stays down (issue 12, #3)', () => {
  it('an idle libvirt bridge (up, no carrier: no port yet) gets no warning; the VM’s tap brings the carrier', () => {
    const snap = labSnapshot();
    const virbr1 = snap.interfaces.find((i) => i.name === 'virbr1')!;
    virbr1.state = 'DOWN';
    virbr1.flags = ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'];
    const r = planAttachments({ snapshot: snap, constraints: constraints('0:name=virbr1'), installMode: 'manual' });
    expect(r.ok && r.value.warnings.filter((w) => w.code === 'interface-down')).toEqual([]);
  });

  it('a NIC without carrier still warns, naming the guest NIC eth0 (not its label 0)', () => {
    const snap = labSnapshot();
    const eth1 = snap.interfaces.find((i) => i.name === 'eth1')!;
    eth1.state = 'DOWN';
    eth1.flags = ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'];
    const r = planAttachments({ snapshot: snap, constraints: constraints('0:name=eth1'), installMode: 'manual' });
    const w = r.ok ? r.value.warnings.find((x) => x.code === 'interface-down') : undefined;
    expect(w?.message).toBe('eth1 is without carrier (no cable or peer): eth0 will have no link until it comes up.');
  });

  it('linkStaysDown: a bridge switched off, a NIC down, a NIC up', () => {
    expect(linkStaysDown({ kind: 'bridge', state: 'DOWN', flags: ['BROADCAST', 'MULTICAST'] })).toBe('down');
    expect(linkStaysDown({ kind: 'bridge', state: 'UP', flags: ['UP', 'LOWER_UP'] })).toBeNull();
    expect(linkStaysDown({ kind: 'physical', state: 'DOWN', flags: ['BROADCAST'] })).toBe('down');
    expect(linkStaysDown({ kind: 'physical', state: 'UP', flags: ['UP', 'LOWER_UP'] })).toBeNull();
  });
});
