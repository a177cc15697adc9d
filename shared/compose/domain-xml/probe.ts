import type { Result } from '../result';
import { buildDomainXml, type DomainCpuMode } from './build';

export interface ProbeDomainRequest {
  /** Use a recognisable prefix (LabDeck's probes are 'labdeck-probe-…') so a leftover is obviously one. */
  name: string;
  virtType: 'kvm' | 'qemu';
  cpuMode: DomainCpuMode;
  cpuModel?: string;
  arch: string;
  /** Default: libvirt's for the arch. */
  machine?: string;
}

/** 32 MiB: enough for SeaBIOS/QEMU to come up, nothing a host would miss for a second. */
export const PROBE_MEMORY_MIB = 32;

/**
 * The smallest domain that shows whether a virt type + CPU mode starts: no disk, no NIC, no
 * graphics (an absent <graphics> — type 'none' does not exist), a pty serial console. Run it as
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
