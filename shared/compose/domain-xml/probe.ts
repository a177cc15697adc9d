import type { Result } from '../result';
import { buildDomainXml, type DomainCpuMode } from './build';

export interface ProbeDomainRequest {
  /** Use a recognisable prefix ('labdeck-probe-…') so a leftover is obviously one. */
  name: string;
  virtType: 'kvm' | 'qemu';
  cpuMode: DomainCpuMode;
  cpuModel?: string;
  arch: string;
  /** Default: libvirt's for the arch. */
  machine?: string;
}

/** 32 MiB: enough for the firmware to come up, nothing a host would miss for a second. */
export const PROBE_MEMORY_MIB = 32;

/**
 * The smallest domain that shows whether a virt type + CPU mode starts: no disk, no NIC, no
 * graphics (an absent <graphics>: type 'none' does not exist), a pty serial console. Run it as
 * `virsh create --file /dev/stdin` (transient: nothing is defined) and `destroy` it at once.
 */
export function probeDomainXml(req: ProbeDomainRequest): Result<string, string> {
  return buildDomainXml({
    name: req.name,
    virtType: req.virtType,
    vcpus: 1,
    memoryMiB: PROBE_MEMORY_MIB,
    arch: req.arch,
    ...(req.machine !== undefined ? { machine: req.machine } : {}),
    description: 'LabDeck start probe: transient, destroyed right after it starts.',
    disks: [],
    nics: [],
    graphics: 'none',
    cpuMode: req.cpuMode,
    ...(req.cpuModel !== undefined ? { cpuModel: req.cpuModel } : {}),
  });
}

// ---------------------------------------------------------------- the default virt type and CPU mode

type VirtType = 'kvm' | 'qemu';
/** What recommendVirt needs of a VirtTypeCapability (shared/contract/guests). */
export interface VirtTypeAvailability {
  virtType: VirtType;
  available: boolean;
  reason?: string;
  cpuModes: readonly { mode: DomainCpuMode; supported: boolean }[];
}
/** What recommendVirt needs of a StartProbe. */
export interface StartProbeResult {
  virtType: VirtType;
  cpuMode: DomainCpuMode;
  started: boolean;
  error?: string;
}
export interface VirtRecommendation {
  virtType: VirtType;
  cpuMode: DomainCpuMode;
  reason: string;
}

/** Fastest first; then what survives nested or odd CPUs; emulation last. */
export const RECOMMEND_ORDER: readonly { virtType: VirtType; cpuMode: DomainCpuMode }[] = [
  { virtType: 'kvm', cpuMode: 'host-passthrough' },
  { virtType: 'kvm', cpuMode: 'host-model' },
  { virtType: 'kvm', cpuMode: 'default' },
  { virtType: 'qemu', cpuMode: 'default' },
];

const label = (c: { virtType: VirtType; cpuMode: DomainCpuMode }) =>
  c.cpuMode === 'default' ? `${c.virtType} with the emulator's default CPU` : `${c.virtType} with ${c.cpuMode}`;
const modeLabel = (c: { virtType: VirtType; cpuMode: DomainCpuMode }, kvmSeen: boolean) =>
  kvmSeen && c.virtType === 'kvm' ? (c.cpuMode === 'default' ? 'the default CPU' : c.cpuMode) : label(c);

/**
 * The gist of QEMU's/libvirt's refusal: "failed to set MSR 0x10a" rather than a monitor preamble
 * with a timestamp and a JSON command line.
 */
export function shortStartError(error: string | undefined): string {
  if (!error) return 'no reason given';
  const msr = /failed to set MSR 0x[0-9a-f]+/i.exec(error);
  if (msr) return msr[0];
  const t = error
    .replace(/^(error:\s*)+/gim, '')
    .replace(
      /\b(internal error|operation failed): (qemu unexpectedly closed the monitor|process exited while connecting to monitor): /gi,
      '',
    )
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z\s*/g, '')
    .replace(/qemu-system-\w+: (-\w+ \{[^}]*\}: )?/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return t.length > 160 ? `${t.slice(0, 157)}…` : t;
}

/**
 * The default virt type and CPU mode for a host: the first combination in RECOMMEND_ORDER whose
 * start probe started; without probes, the first that domcapabilities offers (said so, as it is
 * untested). The reason is written for a person: what was chosen and why the faster ones were not.
 */
export function recommendVirt(
  types: readonly VirtTypeAvailability[],
  probes: readonly StartProbeResult[],
): VirtRecommendation {
  const same = (a: { virtType: VirtType; cpuMode: DomainCpuMode }, b: { virtType: VirtType; cpuMode: DomainCpuMode }) =>
    a.virtType === b.virtType && a.cpuMode === b.cpuMode;
  const kvm = types.find((t) => t.virtType === 'kvm');
  const offered = (c: { virtType: VirtType; cpuMode: DomainCpuMode }) => {
    const t = types.find((x) => x.virtType === c.virtType);
    return !!t?.available && (c.cpuMode === 'default' || t.cpuModes.some((m) => m.mode === c.cpuMode && m.supported));
  };
  const why = (skipped: { virtType: VirtType; cpuMode: DomainCpuMode }[], chosen: { virtType: VirtType }) => {
    const kvmSeen = chosen.virtType === 'kvm';
    const parts: string[] = [];
    if (chosen.virtType === 'qemu' && kvm && !kvm.available)
      parts.push(`KVM is not available here (${shortStartError(kvm.reason)})`);
    for (const c of skipped) {
      const p = probes.find((x) => same(x, c));
      if (p && !p.started) parts.push(`${modeLabel(c, kvmSeen)} did not start here (${shortStartError(p.error)})`);
      else if (!p && !offered(c) && kvm?.available) parts.push(`libvirt does not offer ${modeLabel(c, kvmSeen)}`);
    }
    return parts;
  };

  for (const [i, c] of RECOMMEND_ORDER.entries()) {
    if (!probes.some((p) => same(p, c) && p.started)) continue;
    const parts = why(RECOMMEND_ORDER.slice(0, i), c);
    const tail = c.virtType === 'qemu' ? ' (emulation: works everywhere, but much slower)' : '';
    return {
      ...c,
      reason: `${label(c)}${tail}: ${parts.length > 0 ? parts.join('; ') : 'it started in the start probe'}.`,
    };
  }
  if (probes.length > 0) {
    const parts = why([...RECOMMEND_ORDER], { virtType: 'qemu' });
    return {
      virtType: 'qemu',
      cpuMode: 'default',
      reason: `qemu with the emulator's default CPU, as a last resort: nothing started in the start probe (${parts.join('; ')}).`,
    };
  }
  const first = RECOMMEND_ORDER.find(offered);
  if (first) return { ...first, reason: `${label(first)}: libvirt offers it; not start-tested yet.` };
  return {
    virtType: 'qemu',
    cpuMode: 'default',
    reason: "qemu with the emulator's default CPU: libvirt described no virt type here, so nothing better is known.",
  };
}
