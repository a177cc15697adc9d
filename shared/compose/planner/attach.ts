import { normalizeMacvlanMode, type MacvlanMode } from '../macvlan-modes';
import type { InterfaceFacts } from './facts';
import type { Attachment, PlanInput } from './types';

export interface AttachDecision {
  attach: Attachment;
  hostInterface: string;
  /** Why this attachment type, in a sentence. */
  note: string;
  /** Set when a per-NIC mode was given but does not apply (the NIC is not a macvtap). */
  ignoredMode: MacvlanMode | null;
}

/** The macvtap mode for a label: per-NIC override, else the pod default, else 'bridge'. */
export function modeFor(
  label: string,
  input: Pick<PlanInput, 'macvlanMode' | 'perNicModes'>,
): { mode: MacvlanMode; from: string } {
  const own =
    input.perNicModes && Object.prototype.hasOwnProperty.call(input.perNicModes, label)
      ? input.perNicModes[label]
      : undefined;
  const perNic = normalizeMacvlanMode(own);
  if (perNic) return { mode: perNic, from: `the mode chosen for ${label}` };
  const pod = normalizeMacvlanMode(input.macvlanMode);
  if (pod) return { mode: pod, from: "the host's default macvtap mode" };
  return { mode: 'bridge', from: "the default ('bridge', as MAAS)" };
}

/**
 * A bridge attaches as a bridge; anything else through macvtap. A bridge that is a libvirt
 * network's <bridge> attaches to that network instead: it is the same wire, but libvirt then
 * reconnects the NIC when the network restarts, DHCP reservations (ip=) apply to it, and the VM's
 * XML names the network people recognise.
 */
export function attachmentFor(
  f: InterfaceFacts,
  label: string,
  input: Pick<PlanInput, 'macvlanMode' | 'perNicModes'>,
): AttachDecision {
  const name = f.iface.name;
  const override =
    input.perNicModes && Object.prototype.hasOwnProperty.call(input.perNicModes, label)
      ? normalizeMacvlanMode(input.perNicModes[label])
      : null;
  if (f.iface.kind === 'bridge') {
    if (f.network) {
      return {
        attach: { type: 'network', network: f.network.name },
        hostInterface: name,
        note: `${name} is the bridge of libvirt network '${f.network.name}', so the NIC joins that network (same wire as the bridge; libvirt reconnects it when the network restarts and ip= reservations work).`,
        ignoredMode: override,
      };
    }
    return {
      attach: { type: 'bridge', source: name },
      hostInterface: name,
      note: `${name} is a bridge, so the NIC is plugged into it.`,
      ignoredMode: override,
    };
  }
  const { mode, from } = modeFor(label, input);
  return {
    attach: { type: 'direct', dev: name, mode },
    hostInterface: name,
    note: `${name} is not a bridge, so the NIC attaches by macvtap in '${mode}' mode (${from}).`,
    ignoredMode: null,
  };
}
