import type { MacvlanMode } from '../compose/macvlan-modes';
import type { HostSnapshot } from '../snapshot/types';
import { nicAttachments } from './attachments';

/** One thing that depends on a host interface. */
export type InterfaceUse =
  | { kind: 'network'; network: string; how: 'bridge' | 'forward-dev' }
  | {
      kind: 'vm';
      domain: string;
      running: boolean;
      /** bridge: <interface type='bridge'>; network: through a libvirt network; macvtap: direct or a macvtap network; tap: this is the NIC's host end. */
      how: 'bridge' | 'network' | 'macvtap' | 'tap';
      network?: string;
      mode?: MacvlanMode;
      mac?: string;
    };

/** For each host interface name: the libvirt networks and VM NICs that use it. */
export function interfaceUsage(snapshot: Pick<HostSnapshot, 'libvirt'>): Map<string, InterfaceUse[]> {
  const out = new Map<string, InterfaceUse[]>();
  const add = (name: string, use: InterfaceUse): void => {
    const list = out.get(name) ?? [];
    list.push(use);
    out.set(name, list);
  };
  const lv = snapshot.libvirt;
  if (!lv || lv.error) return out;
  for (const n of lv.networks) {
    if (n.bridge) add(n.bridge, { kind: 'network', network: n.name, how: 'bridge' });
    for (const dev of n.forwardDevs) add(dev, { kind: 'network', network: n.name, how: 'forward-dev' });
  }
  for (const a of nicAttachments(snapshot)) {
    const running = a.domain.state === 'running';
    const common = { kind: 'vm' as const, domain: a.domain.name, running, ...(a.nic.mac ? { mac: a.nic.mac } : {}) };
    const how = a.macvtapMode ? 'macvtap' : a.network ? 'network' : 'bridge';
    for (const name of a.hostInterfaces) {
      add(name, {
        ...common,
        how,
        ...(a.network ? { network: a.network.name } : {}),
        ...(a.macvtapMode ? { mode: a.macvtapMode } : {}),
      });
    }
    if (a.nic.target) add(a.nic.target, { ...common, how: 'tap', ...(a.macvtapMode ? { mode: a.macvtapMode } : {}) });
  }
  return out;
}
