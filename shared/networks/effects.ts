import type { ComposeEffect } from '../contract/networks';
import type { PodSettings } from '../contract/host';
import type { HostMarks } from '../compose/marks';
import { chooseDefault, interfaceFacts, type InstallMode } from '../compose/planner';
import type { HostSnapshot, LibvirtNetwork } from '../snapshot/types';

const modeWords: Record<InstallMode, string> = {
  manual: 'a VM without interface constraints on this manually installed host (MAAS 2.4 rule: maas, else default)',
  deployed:
    'a VM without interface constraints on this host if it were MAAS-deployed (2.5+ rule: a network with DHCP first)',
};

function describe(
  snapshot: HostSnapshot,
  networks: LibvirtNetwork[],
  marks: HostMarks,
  mode: InstallMode,
  pod: Partial<PodSettings>,
): { text: string; noAddress: boolean; key: string } {
  const planned = { ...snapshot, libvirt: snapshot.libvirt ? { ...snapshot.libvirt, networks } : null };
  const facts = interfaceFacts(planned, marks);
  const r = chooseDefault(mode, networks, facts, snapshot.hostname, pod.defaultNetwork ?? null);
  if (!r.ok) return { text: `cannot be composed: ${r.error.message}`, noAddress: true, key: 'none' };
  const c = r.value;
  const where =
    c.attach.type === 'network'
      ? `network '${c.attach.network}'`
      : c.attach.type === 'bridge'
        ? `bridge ${c.attach.source}`
        : `a macvtap on ${c.attach.dev} (${c.attach.mode})`;
  const stopped =
    c.network && !c.network.active ? `; the network is stopped, so the VM cannot start until it is started` : '';
  const dhcp = c.dhcp.available ? `gets an address (${c.dhcp.detail})` : `gets no address (${c.dhcp.detail})`;
  return {
    text: `lands on ${where} and ${dhcp}${stopped}`,
    noAddress: !c.dhcp.available,
    key: `${where}|${c.dhcp.available}|${c.dhcp.detail}|${stopped}`,
  };
}

/**
 * What a network change does to composes without constraints: the default choice for the pod's
 * install mode (and the other mode, for comparison), before and after.
 */
export function composeEffects(
  snapshot: HostSnapshot,
  after: LibvirtNetwork[],
  marks: HostMarks,
  pod: Partial<PodSettings>,
): ComposeEffect[] {
  const before = snapshot.libvirt?.networks ?? [];
  const podMode: InstallMode = pod.installMode ?? 'manual';
  const modes: InstallMode[] = podMode === 'manual' ? ['manual', 'deployed'] : ['deployed', 'manual'];
  return modes.map((mode, i) => {
    const b = describe(snapshot, before, marks, mode, pod);
    const a = describe(snapshot, after, marks, mode, pod);
    const who = mode === 'manual' ? modeWords.manual : modeWords.deployed;
    const rule = `${i === 0 ? "This pod's rule" : 'For comparison'}${pod.defaultNetwork && after.some((n) => n.name === pod.defaultNetwork) ? ` (pod default network '${pod.defaultNetwork}')` : ''}: ${who}`;
    return { rule, before: b.text, after: a.text, changed: a.key !== b.key, noAddress: a.noAddress };
  });
}
