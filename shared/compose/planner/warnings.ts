import { MACVTAP_HOST_ISOLATION } from '../macvlan-modes';
import type { InterfaceFacts } from './facts';
import type { PlannedNic, PlannerSnapshot, PlanWarning } from './types';

/**
 * Whether a VM's NIC on `iface` will really have no link. A bridge that is up but has no carrier is
 * only idle (an empty libvirt virbrN, a bridge whose ports are all down): the VM's own tap joining it
 * brings the carrier. A bridge switched off, or a NIC (macvtap parent) without cable, stays down.
 */
export function linkStaysDown(
  iface: Pick<InterfaceFacts['iface'], 'kind' | 'state' | 'flags'>,
): 'down' | 'no-carrier' | null {
  const noCarrier = iface.flags.includes('NO-CARRIER');
  if (iface.kind === 'bridge' && iface.flags.includes('UP')) return null;
  if (iface.kind === 'bridge') return iface.state === 'DOWN' || noCarrier ? 'down' : null;
  if (noCarrier) return 'no-carrier';
  return iface.state === 'DOWN' ? 'down' : null;
}

/** What the user should know about the plan before composing: macvtap surprises, down links, … */
export function planWarnings(
  nics: readonly PlannedNic[],
  facts: readonly InterfaceFacts[],
  snapshot: PlannerSnapshot,
): PlanWarning[] {
  const out: PlanWarning[] = [];
  const domains = snapshot.libvirt?.domains ?? [];
  const networks = snapshot.libvirt?.networks ?? [];

  for (const nic of nics) {
    const a = nic.attach;
    if (a.type === 'direct') {
      out.push({
        code: 'macvtap-host-isolation',
        label: nic.label,
        message: `${nic.label} (macvtap on ${a.dev}): ${MACVTAP_HOST_ISOLATION}`,
      });
      if (a.mode === 'vepa') {
        out.push({
          code: 'vepa-needs-switch',
          label: nic.label,
          message: `${nic.label} uses vepa mode: every frame goes out to the switch on ${a.dev}, which must reflect it back (VEPA / reflective relay). Without such a switch, guests on this host cannot reach each other.`,
        });
      }
      // Who else sits on this parent?
      const users: string[] = [];
      for (const d of domains) {
        for (const n of d.nics) {
          if (n.type === 'direct' && n.source === a.dev)
            users.push(`VM '${d.name}'${n.mode ? ` (${n.mode === 'passthru' ? 'passthrough' : n.mode})` : ''}`);
        }
      }
      const hostMacvtaps = snapshot.interfaces.filter(
        (i) => (i.kind === 'macvtap' || i.kind === 'macvlan') && (i.macvlan?.parent ?? i.parent) === a.dev,
      );
      const inPlan = nics.filter((o) => o !== nic && o.attach.type === 'direct' && o.attach.dev === a.dev);
      const othersPassthrough =
        domains.some((d) =>
          d.nics.some(
            (n) => n.type === 'direct' && n.source === a.dev && (n.mode === 'passthrough' || n.mode === 'passthru'),
          ),
        ) || inPlan.some((o) => o.attach.type === 'direct' && o.attach.mode === 'passthrough');
      if (a.mode === 'passthrough' && (users.length > 0 || inPlan.length > 0 || hostMacvtaps.length > 0)) {
        const who = [
          ...users,
          ...inPlan.map((o) => `NIC ${o.label} of this VM`),
          ...hostMacvtaps
            .filter((i) => !domains.some((d) => d.nics.some((n) => n.target === i.name)))
            .map((i) => `host interface ${i.name}`),
        ];
        out.push({
          code: 'passthrough-parent-in-use',
          label: nic.label,
          message: `${nic.label} wants ${a.dev} in passthrough mode, which needs the NIC to itself, but ${a.dev} is already used by ${who.join(', ')}. The VM will fail to start while those use it.`,
        });
      } else if (a.mode !== 'passthrough' && othersPassthrough) {
        out.push({
          code: 'passthrough-parent-in-use',
          label: nic.label,
          message: `${a.dev} is held in passthrough mode by another guest or NIC, so ${nic.label} cannot share it; the VM will fail to start.`,
        });
      }
    }
    const f = facts.find((x) => x.iface.name === nic.hostInterface);
    const down = f ? linkStaysDown(f.iface) : null;
    if (f && down) {
      out.push({
        code: 'interface-down',
        label: nic.label,
        // The guest's name for the NIC (label 0 → eth0), as the user knows it.
        message: `${f.iface.name} is ${down === 'no-carrier' ? 'without carrier (no cable or peer)' : 'down'}: ${nic.ifname || nic.label} will have no link until it comes up.`,
      });
    }
    if (a.type === 'network') {
      const n = networks.find((x) => x.name === a.network);
      if (n && !n.active) {
        out.push({
          code: 'network-inactive',
          label: nic.label,
          message: `network '${n.name}' is not active: the VM will not start until it is (virsh net-start ${n.name}).`,
        });
      }
    }
  }
  return out;
}
