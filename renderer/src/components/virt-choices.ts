import {
  cpuModes,
  virtTypes,
  type CpuMode,
  type StartProbe,
  type VirtCapabilities,
  type VirtType,
} from '../../../shared/contract';

export const virtTypeInfo: Record<VirtType, string> = {
  kvm: 'KVM — hardware virtualization (needs /dev/kvm); near-native speed',
  qemu: 'QEMU (TCG) — pure emulation; works anywhere, many times slower',
};

export const cpuModeInfo: Record<CpuMode, { title: string; effect: string }> = {
  'host-passthrough': {
    title: 'Host passthrough',
    effect: "The host's CPU exactly as it is: fastest, but the VM only moves to identical hosts.",
  },
  'host-model': { title: 'Host model', effect: "The named model closest to the host's CPU, plus its extra features." },
  custom: { title: 'Named model', effect: 'A CPU model libvirt lists as usable here (Haswell-noTSX, qemu64 …).' },
  default: { title: 'Emulator default', effect: "No <cpu> element: QEMU's own default model." },
};

export interface Choice<T extends string> {
  value: T;
  disabled: boolean;
  /** Why it cannot be chosen, or what the start probe said. */
  note: string | null;
  recommended: boolean;
}

/** Whether the start probe tried this pair, and how it went. */
export function probeOf(caps: VirtCapabilities | null, virtType: VirtType, cpuMode: CpuMode): StartProbe | undefined {
  return caps?.probes.find((p) => p.virtType === virtType && p.cpuMode === cpuMode);
}

export function virtTypeChoices(caps: VirtCapabilities | null): Choice<VirtType>[] {
  return virtTypes.map((t) => {
    const cap = caps?.types.find((x) => x.virtType === t);
    const startedHere = caps?.probes.some((p) => p.virtType === t && p.started) ?? false;
    const unavailable = caps !== null && (!cap || !cap.available);
    return {
      value: t,
      disabled: unavailable,
      note: unavailable
        ? (cap?.reason ?? 'libvirt does not offer it on this host')
        : startedHere
          ? 'a VM started with it on this host'
          : null,
      recommended: caps?.recommended.virtType === t,
    };
  });
}

export function cpuModeChoices(caps: VirtCapabilities | null, virtType: VirtType | null): Choice<CpuMode>[] {
  const cap = virtType ? caps?.types.find((x) => x.virtType === virtType) : undefined;
  return cpuModes.map((m) => {
    // 'default' writes no <cpu>, so libvirt has nothing to refuse.
    const supported = m === 'default' || !cap || (cap.cpuModes.find((c) => c.mode === m)?.supported ?? false);
    const named = m === 'custom' && cap !== undefined && cap.models.length === 0;
    const probe = virtType ? probeOf(caps, virtType, m) : undefined;
    let note: string | null = null;
    if (!supported) note = `${virtType} does not support it here`;
    else if (named) note = 'libvirt lists no usable named model';
    else if (probe)
      note = probe.started ? 'started on this host' : `did not start: ${probe.error ?? 'no reason given'}`;
    return {
      value: m,
      disabled: caps !== null && cap !== undefined && (!supported || named),
      note,
      recommended: caps?.recommended.virtType === virtType && caps?.recommended.cpuMode === m,
    };
  });
}

/** The pair compose uses when the request says nothing: the pod's defaults, else the host's recommendation. */
export function automaticPair(
  pod: { virtType?: VirtType | undefined; cpuMode?: CpuMode | undefined },
  caps: VirtCapabilities | null,
): { virtType: VirtType | null; cpuMode: CpuMode | null; from: 'pod' | 'probe' | null } {
  if (pod.virtType || pod.cpuMode) {
    return {
      virtType: pod.virtType ?? caps?.recommended.virtType ?? null,
      cpuMode: pod.cpuMode ?? caps?.recommended.cpuMode ?? null,
      from: 'pod',
    };
  }
  if (caps) return { virtType: caps.recommended.virtType, cpuMode: caps.recommended.cpuMode, from: 'probe' };
  return { virtType: null, cpuMode: null, from: null };
}
