import { macvlanModes, type MacvlanMode } from '../contract/host';

export { macvlanModes, type MacvlanMode };

export interface MacvlanModeInfo {
  mode: MacvlanMode;
  /** What the mode does, in one line. */
  explanation: string;
  /** What the user will notice because of it, in one line. */
  consequence: string;
}

/** The four libvirt `<source mode=…>` values for a direct (macvtap) NIC, in the UI picker's order. */
export const macvlanModeInfo: readonly MacvlanModeInfo[] = [
  {
    mode: 'bridge',
    explanation:
      'Guests on the same host NIC talk to each other directly inside the host; traffic to anywhere else goes out the NIC.',
    consequence: 'The usual choice; guests reach each other and the LAN, but still not this host itself.',
  },
  {
    mode: 'private',
    explanation: 'Guests on the same host NIC cannot talk to each other at all; each one only reaches the outside.',
    consequence: 'Use it to isolate guests from one another; the LAN still reaches each of them.',
  },
  {
    mode: 'vepa',
    explanation:
      'Every frame, even between two guests on this host, goes out to the switch, which must send it back (VEPA / reflective relay).',
    consequence:
      'Needs a VEPA-capable switch port with reflective relay on; otherwise guests on this host cannot reach each other.',
  },
  {
    mode: 'passthrough',
    explanation: 'One guest takes the whole host NIC for itself and may change its MAC address.',
    consequence: 'No other guest (and no other macvtap) can use that NIC while this guest has it.',
  },
];

export function macvlanModeExplanation(mode: MacvlanMode): MacvlanModeInfo {
  const info = macvlanModeInfo.find((m) => m.mode === mode);
  if (!info) throw new RangeError(`unknown macvlan mode ${String(mode)}`);
  return info;
}

/**
 * Turns a stored mode into libvirt's spelling. MAAS stored `passthru`, which libvirt rejects;
 * it means `passthrough`. Returns null for anything that is not a mode.
 */
export function normalizeMacvlanMode(value: string | null | undefined): MacvlanMode | null {
  if (value === null || value === undefined) return null;
  const v = value.trim().toLowerCase();
  if (v === 'passthru') return 'passthrough';
  return (macvlanModes as readonly string[]).includes(v) ? (v as MacvlanMode) : null;
}

/** Shown for every macvtap NIC: the classic surprise. */
export const MACVTAP_HOST_ISOLATION =
  'This host cannot reach a guest attached by macvtap, and the guest cannot reach this host (other machines on the LAN can). Use a bridge if the host must talk to the guest.';
