import type { ComposeRequest, CpuMode, MacvlanMode, VirtType } from '../../../../shared/contract';
import { cloudInitToRequest, initialCloudInit, type CloudInitDraft } from './cloud-init-draft';
import { initialInstall, installToRequest, type InstallDraft } from './install-draft';
import { emptyInterfaceEditor, effectiveInterfaceText, type InterfaceEditor } from './interface-editor';

/** Everything the wizard has been told so far; turned into a ComposeRequest for plan and start. */
export interface ComposeDraft {
  hostname: string;
  /** Text, not numbers: the fields must be able to hold what the user is midway through typing. */
  cores: string;
  memoryMiB: string;
  /** '' = the host's own arch. */
  arch: string;
  storage: string;
  interfaces: InterfaceEditor;
  /** label → mode; a label missing here uses the pod's default. */
  perNicModes: Record<string, MacvlanMode>;
  start: boolean;
  nicRom: boolean;
  /** '' = automatic: the pod's default, else what the host's start probe saw work. */
  virtType: VirtType | '';
  cpuMode: CpuMode | '';
  /** Only with cpuMode 'custom'. */
  cpuModel: string;
  install: InstallDraft;
  cloudInit: CloudInitDraft;
}

export const initialDraft = (): ComposeDraft => ({
  hostname: '',
  cores: '1',
  memoryMiB: '2048',
  arch: '',
  storage: '',
  interfaces: emptyInterfaceEditor(),
  perNicModes: {},
  start: false,
  nicRom: true,
  virtType: '',
  cpuMode: '',
  cpuModel: '',
  install: initialInstall(),
  cloudInit: initialCloudInit(),
});

const int = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

/** Field problems the user can fix here, before the engine is asked anything. */
export interface ResourceProblems {
  hostname?: string;
  cores?: string;
  memoryMiB?: string;
  cpuModel?: string;
}

const VM_NAME = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function resourceProblems(d: ComposeDraft): ResourceProblems {
  const out: ResourceProblems = {};
  const name = d.hostname.trim();
  if (name !== '' && !VM_NAME.test(name)) {
    out.hostname =
      'Letters, digits and inner dashes only, at most 63 characters (it becomes the libvirt name and volume names).';
  }
  const cores = int(d.cores);
  if (!Number.isInteger(cores) || cores < 1 || cores > 4096) out.cores = 'A whole number from 1 to 4096.';
  const mem = int(d.memoryMiB);
  if (!Number.isInteger(mem) || mem < 16) out.memoryMiB = 'A whole number of MiB, at least 16.';
  if (d.cpuMode === 'custom' && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(d.cpuModel.trim()))
    out.cpuModel = 'Choose the CPU model for the named-model mode.';
  return out;
}

/** Only the modes of labels that exist: a stale override for a removed NIC must not be sent. */
function liveModes(d: ComposeDraft, labels: readonly string[]): Record<string, MacvlanMode> | undefined {
  const entries = Object.entries(d.perNicModes).filter(([label]) => labels.includes(label));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The labels the plan will have: the builder's, or '0' for the one NIC placed without constraints. */
export function nicLabels(d: ComposeDraft): string[] {
  const labels = d.interfaces.rows.map((r) => r.label);
  return labels.length > 0 ? labels : ['0'];
}

/** The request for compose.plan / compose.start; null while the interface text cannot be parsed. */
export function draftToRequest(hostId: string, d: ComposeDraft, hostnameOverride?: string): ComposeRequest | null {
  const interfaces = effectiveInterfaceText(d.interfaces);
  if (interfaces === null) return null;
  const hostname = hostnameOverride ?? d.hostname.trim();
  const perNicModes = liveModes(d, nicLabels(d));
  return {
    hostId,
    ...(hostname ? { hostname } : {}),
    cores: int(d.cores),
    memoryMiB: int(d.memoryMiB),
    ...(d.arch ? { arch: d.arch } : {}),
    storage: d.storage.trim(),
    interfaces,
    ...(perNicModes ? { perNicModes } : {}),
    start: d.start,
    nicRom: d.nicRom,
    ...(d.virtType ? { virtType: d.virtType } : {}),
    ...(d.cpuMode ? { cpuMode: d.cpuMode } : {}),
    ...(d.cpuMode === 'custom' && d.cpuModel.trim() ? { cpuModel: d.cpuModel.trim() } : {}),
    install: installToRequest(d.install),
    // A seed without an image that reads it would do nothing: only cloud images get one.
    ...(d.install.kind === 'cloud-image' ? { cloudInit: cloudInitToRequest(d.cloudInit) } : {}),
  };
}
