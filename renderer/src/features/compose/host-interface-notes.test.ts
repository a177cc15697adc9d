import { describe, expect, it } from 'vitest';
import type { NetInterface } from '../../../../shared/snapshot/types';
import { linkState } from './host-interface-notes';

const iface = (p: Partial<NetInterface>): NetInterface =>
  ({
    name: 'virbr1',
    kind: 'bridge',
    state: 'DOWN',
    flags: [],
    mac: '52:54:00:00:00:01',
    mtu: 1500,
    addresses: [],
    ...p,
  }) as NetInterface;

describe('linkState (issue 12, #3)', () => {
  it('an idle bridge is not a warning; a cable-less NIC is', () => {
    expect(linkState(iface({ flags: ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'] }))).toEqual({
      label: 'idle (no port up yet)',
      tone: 'neutral',
    });
    expect(
      linkState(iface({ name: 'eth1', kind: 'physical', flags: ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'] })),
    ).toEqual({ label: 'no carrier', tone: 'warning' });
    expect(linkState(iface({ flags: ['BROADCAST', 'MULTICAST'] }))).toEqual({ label: 'down', tone: 'error' });
  });
});
