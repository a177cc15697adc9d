import { normalizeMacvlanMode, type MacvlanMode } from '../macvlan-modes';
import { err, ok, type Result } from '../result';
import type { Attachment } from '../planner/types';
import { normalizeMac } from './mac';
import { cdromTarget, diskTarget } from './targets';
import { XML_FORBIDDEN, xmlBuilder } from './xml';

export interface DomainDiskSpec {
  /** Absolute path of the volume on the host (from vol-create-as / vol-path). */
  path: string;
  /** Image format: 'qcow2', 'raw' … */
  format: string;
  /** Guest device name; defaults to vda, vdb … by position. */
  target?: string;
  /** 'file' (a file in a dir pool, the default) or 'block' (an LV or zvol). */
  kind?: 'file' | 'block';
  /** 'cdrom': read-only raw medium (an ISO, a cloud-init seed) on the machine's CD bus. Default 'disk'. */
  device?: 'disk' | 'cdrom';
  /** Guest bus; by default from the target's prefix (vd virtio, sd sata/scsi, hd ide). */
  bus?: string;
}

export interface DomainNicSpec {
  type: 'bridge' | 'direct' | 'network';
  /** Bridge name, macvtap parent device, or network name. */
  source: string;
  /** For 'direct' only; defaults to 'bridge'. MAAS's 'passthru' is written as 'passthrough'. */
  mode?: MacvlanMode | 'passthru';
  mac: string;
  /** Defaults to 'virtio'. */
  model?: string;
}

/** 'cdrom': the first CD-ROM; 'disk': the first non-CD disk; 'network': the first NIC. */
export type BootDevice = 'disk' | 'network' | 'cdrom';

/** LabDeck's CPU modes; 'default' and null write no <cpu> (the emulator's own model). */
export type DomainCpuMode = 'host-passthrough' | 'host-model' | 'custom' | 'default';

export interface DomainXmlRequest {
  name: string;
  /** 'kvm' needs /dev/kvm on the host; 'qemu' is plain emulation (TCG), as in the lab. */
  virtType: 'kvm' | 'qemu';
  vcpus: number;
  memoryMiB: number;
  /** libvirt arch: 'x86_64', 'aarch64' … */
  arch: string;
  /** QEMU machine type ('pc', 'q35', 'virt'); libvirt picks the default when absent. */
  machine?: string;
  uuid?: string;
  /** A free-text note (escaped like everything else). */
  description?: string;
  disks: DomainDiskSpec[];
  nics: DomainNicSpec[];
  /** Default ['disk', 'network']: the first disk boots, then the first NIC. MAAS used network first. */
  bootOrder?: BootDevice[];
  /** false → <rom enabled='no'/> on every NIC (keeps iPXE out, e.g. for tests). */
  nicRom?: boolean;
  /** Default 'vnc', listening on 127.0.0.1 only (reach it through an SSH tunnel). */
  graphics?: 'vnc' | 'none';
  /** Default: 'host-passthrough' for kvm, none for qemu (TCG cannot pass the host CPU through). */
  cpuMode?: DomainCpuMode | null;
  /** For cpuMode 'custom': the model name (domcapabilities lists the usable ones). */
  cpuModel?: string;
  /** Path of the emulator binary; libvirt picks it when absent. */
  emulator?: string;
  /**
   * The volumes LabDeck made for this VM, written to <metadata> (LABDECK_XMLNS) so deleting the
   * VM can remove exactly those: `undefine --remove-all-storage` would also delete a shared ISO.
   */
  ownedVolumes?: { pool: string; name: string; path: string }[];
}

/** LabDeck's namespace in a domain's <metadata>. */
export const LABDECK_XMLNS = 'https://labdeck.dev/xmlns/compose/1';

/** The NIC spec for a planned attachment. */
export function nicFromAttachment(attach: Attachment, mac: string, model = 'virtio'): DomainNicSpec {
  switch (attach.type) {
    case 'bridge':
      return { type: 'bridge', source: attach.source, mac, model };
    case 'network':
      return { type: 'network', source: attach.network, mac, model };
    case 'direct':
      return { type: 'direct', source: attach.dev, mode: attach.mode, mac, model };
  }
}

const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const UUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;
const TARGET = /^(vd|sd|hd|xvd)[a-z]{1,3}$/;

/** Everything wrong with a request, as sentences; empty when it is fine. */
export function domainXmlProblems(req: DomainXmlRequest): string[] {
  const p: string[] = [];
  const text = (what: string, v: string) => {
    if (XML_FORBIDDEN.test(v)) p.push(`${what} contains a control character XML cannot carry.`);
  };
  if (req.name.trim() === '') p.push('The VM name is empty.');
  else if (req.name !== req.name.trim()) p.push('The VM name starts or ends with whitespace.');
  if (req.name.includes('/')) p.push("The VM name may not contain '/'.");
  if (/[\n\r\t]/.test(req.name)) p.push('The VM name may not contain line breaks or tabs.');
  text('The VM name', req.name);
  if (req.description !== undefined) text('The description', req.description);
  if (req.virtType !== 'kvm' && req.virtType !== 'qemu') p.push(`virtType must be 'kvm' or 'qemu'.`);
  if (!Number.isInteger(req.vcpus) || req.vcpus < 1 || req.vcpus > 4096)
    p.push('vCPUs must be a whole number from 1 to 4096.');
  if (!Number.isInteger(req.memoryMiB) || req.memoryMiB < 1)
    p.push('Memory must be a whole number of MiB, at least 1.');
  if (!TOKEN.test(req.arch)) p.push(`'${req.arch}' is not an architecture name.`);
  if (req.machine !== undefined && !TOKEN.test(req.machine)) p.push(`'${req.machine}' is not a machine type.`);
  if (req.uuid !== undefined && !UUID.test(req.uuid)) p.push(`'${req.uuid}' is not a UUID.`);
  if (req.emulator !== undefined && !req.emulator.startsWith('/')) p.push('The emulator must be an absolute path.');
  (req.ownedVolumes ?? []).forEach((v, i) => {
    for (const [what, value] of [
      ['pool', v.pool],
      ['name', v.name],
      ['path', v.path],
    ] as const)
      text(`Owned volume ${i + 1}'s ${what}`, value);
  });
  if (req.cpuMode === 'custom' && (req.cpuModel === undefined || req.cpuModel === ''))
    p.push("CPU mode 'custom' needs a CPU model.");
  if (req.cpuModel !== undefined && !TOKEN.test(req.cpuModel)) p.push(`'${req.cpuModel}' is not a CPU model name.`);
  const placed = placeDisks(req);
  const targets = new Set<string>();
  req.disks.forEach((d, i) => {
    if (!d.path.startsWith('/')) p.push(`Disk ${i + 1}: the path must be absolute.`);
    text(`Disk ${i + 1}'s path`, d.path);
    if (!/^[a-z0-9]+$/.test(d.format)) p.push(`Disk ${i + 1}: '${d.format}' is not an image format.`);
    const t = placed[i]?.target;
    if (t === undefined) {
      p.push(`Disk ${i + 1}: no IDE place is left for another CD-ROM.`);
      return;
    }
    if (!TARGET.test(t)) p.push(`Disk ${i + 1}: '${t}' is not a disk target like vda.`);
    if (targets.has(t)) p.push(`Disk ${i + 1}: target ${t} is used twice.`);
    targets.add(t);
    if (d.bus !== undefined && !/^[a-z]+$/.test(d.bus)) p.push(`Disk ${i + 1}: '${d.bus}' is not a bus.`);
  });
  const macs = new Set<string>();
  req.nics.forEach((n, i) => {
    const mac = normalizeMac(n.mac);
    if (mac === null) p.push(`NIC ${i + 1}: '${n.mac}' is not a unicast MAC address.`);
    else if (macs.has(mac)) p.push(`NIC ${i + 1}: MAC ${mac} is used twice.`);
    else macs.add(mac);
    if (n.source.trim() === '' || n.source !== n.source.trim())
      p.push(`NIC ${i + 1}: the source is empty or has surrounding spaces.`);
    text(`NIC ${i + 1}'s source`, n.source);
    if (n.type === 'direct' && n.mode !== undefined && normalizeMacvlanMode(n.mode) === null) {
      p.push(`NIC ${i + 1}: '${n.mode}' is not a macvtap mode (bridge, private, vepa, passthrough).`);
    }
    if (n.model !== undefined && !/^[a-z0-9][a-z0-9_-]*$/i.test(n.model))
      p.push(`NIC ${i + 1}: '${n.model}' is not a NIC model.`);
  });
  return p;
}

/** The bus a target name implies: vdX virtio, sdX sata, hdX ide, xvdX xen. */
function busFor(target: string): string {
  if (target.startsWith('vd')) return 'virtio';
  if (target.startsWith('sd')) return 'sata';
  if (target.startsWith('hd')) return 'ide';
  return 'xen';
}

/**
 * Target and bus per disk. Disks count among disks (vda, vdb …) and CD-ROMs among CD-ROMs
 * (cdromTarget), so adding a CD-ROM never renames a disk. target undefined: no place left.
 */
function placeDisks(req: DomainXmlRequest): { target?: string; bus: string }[] {
  let disks = 0;
  let cds = 0;
  return req.disks.map((d) => {
    if (d.device === 'cdrom') {
      const auto = cdromTarget(cds++, req.machine, req.arch);
      const target = d.target ?? auto?.target;
      return {
        ...(target !== undefined ? { target } : {}),
        bus: d.bus ?? (d.target === undefined ? auto?.bus : undefined) ?? busFor(target ?? ''),
      };
    }
    const target = d.target ?? diskTarget(disks);
    disks++;
    return { target, bus: d.bus ?? busFor(target) };
  });
}

/** Boot order per device index: the first CD-ROM, the first non-CD disk and the first NIC, as ordered. */
function bootOrders(req: DomainXmlRequest): { disk?: number; cdrom?: number; network?: number } {
  const firstCd = req.disks.findIndex((d) => d.device === 'cdrom');
  const firstDisk = req.disks.findIndex((d) => d.device !== 'cdrom');
  const present = { disk: firstDisk, cdrom: firstCd, network: req.nics.length > 0 ? 0 : -1 };
  const out: { disk?: number; cdrom?: number; network?: number } = {};
  let n = 0;
  for (const d of req.bootOrder ?? ['disk', 'network']) {
    if (present[d] >= 0 && out[d] === undefined) out[d] = ++n;
  }
  return out;
}

/** The <cpu> element for a mode, or undefined for none (default/null). */
function cpuElement(mode: DomainCpuMode | null, model: string | undefined): Record<string, unknown> | undefined {
  if (mode === null || mode === 'default') return undefined;
  // check='none' + fallback='allow': start with what QEMU can give rather than refuse over a flag;
  // the start probe and startErrorHint deal with models that cannot run at all.
  if (mode === 'custom')
    return {
      '@_mode': 'custom',
      '@_match': 'exact',
      '@_check': 'none',
      model: { '@_fallback': 'allow', '#text': model ?? '' },
    };
  return { '@_mode': mode };
}

/**
 * Domain XML for a new VM, built with fast-xml-parser's XMLBuilder (so every name, path and note
 * is escaped). Bootable as is: os type hvm with the arch, per-device boot order (first disk, then
 * the first NIC), ACPI (and APIC on x86), a serial console on a pty and VNC on 127.0.0.1.
 */
export function buildDomainXml(req: DomainXmlRequest): Result<string, string> {
  const problems = domainXmlProblems(req);
  if (problems.length > 0) return err(problems.join(' '));
  const boot = bootOrders(req);
  const x86 = /^(x86_64|i[3-6]86)$/.test(req.arch);
  const cpuMode = req.cpuMode === undefined ? (req.virtType === 'kvm' ? 'host-passthrough' : null) : req.cpuMode;
  const cpu = cpuElement(cpuMode, req.cpuModel);
  const placed = placeDisks(req);
  const firstCd = req.disks.findIndex((d) => d.device === 'cdrom');
  const firstDisk = req.disks.findIndex((d) => d.device !== 'cdrom');

  const disks = req.disks.map((d, i) => {
    const cd = d.device === 'cdrom';
    const order = cd ? (i === firstCd ? boot.cdrom : undefined) : i === firstDisk ? boot.disk : undefined;
    return {
      '@_type': d.kind ?? 'file',
      '@_device': cd ? 'cdrom' : 'disk',
      // A CD-ROM is raw whatever the file says: QEMU must not probe a guest-writable format.
      driver: { '@_name': 'qemu', '@_type': cd ? 'raw' : d.format },
      source: d.kind === 'block' ? { '@_dev': d.path } : { '@_file': d.path },
      target: { '@_dev': placed[i]?.target ?? '', '@_bus': placed[i]?.bus ?? '' },
      ...(order !== undefined ? { boot: { '@_order': order } } : {}),
      ...(cd ? { readonly: '' } : {}),
    };
  });

  const nics = req.nics.map((n, i) => {
    const source =
      n.type === 'bridge'
        ? { '@_bridge': n.source }
        : n.type === 'network'
          ? { '@_network': n.source }
          : { '@_dev': n.source, '@_mode': normalizeMacvlanMode(n.mode ?? 'bridge') ?? 'bridge' };
    return {
      '@_type': n.type,
      mac: { '@_address': normalizeMac(n.mac) ?? n.mac },
      source,
      model: { '@_type': n.model ?? 'virtio' },
      ...(i === 0 && boot.network !== undefined ? { boot: { '@_order': boot.network } } : {}),
      ...(req.nicRom === false ? { rom: { '@_enabled': 'no' } } : {}),
    };
  });

  const graphics =
    (req.graphics ?? 'vnc') === 'vnc'
      ? {
          graphics: {
            '@_type': 'vnc',
            '@_port': '-1',
            '@_autoport': 'yes',
            '@_listen': '127.0.0.1',
            listen: { '@_type': 'address', '@_address': '127.0.0.1' },
          },
        }
      : {};

  const owned = req.ownedVolumes ?? [];
  const metadata =
    owned.length > 0
      ? {
          metadata: {
            'labdeck:compose': {
              '@_xmlns:labdeck': LABDECK_XMLNS,
              'labdeck:volume': owned.map((v) => ({ '@_pool': v.pool, '@_name': v.name, '@_path': v.path })),
            },
          },
        }
      : {};

  const domain = {
    '@_type': req.virtType,
    name: req.name,
    ...(req.uuid !== undefined ? { uuid: req.uuid } : {}),
    ...(req.description !== undefined ? { description: req.description } : {}),
    ...metadata,
    memory: { '@_unit': 'MiB', '#text': req.memoryMiB },
    currentMemory: { '@_unit': 'MiB', '#text': req.memoryMiB },
    vcpu: { '@_placement': 'static', '#text': req.vcpus },
    os: {
      type: { '@_arch': req.arch, ...(req.machine !== undefined ? { '@_machine': req.machine } : {}), '#text': 'hvm' },
    },
    features: x86 ? { acpi: '', apic: '' } : { acpi: '' },
    ...(cpu ? { cpu } : {}),
    clock: { '@_offset': 'utc' },
    on_poweroff: 'destroy',
    on_reboot: 'restart',
    on_crash: 'destroy',
    devices: {
      ...(req.emulator !== undefined ? { emulator: req.emulator } : {}),
      ...(disks.length > 0 ? { disk: disks } : {}),
      ...(nics.length > 0 ? { interface: nics } : {}),
      serial: { '@_type': 'pty', target: { '@_port': 0 } },
      console: { '@_type': 'pty', target: { '@_type': 'serial', '@_port': 0 } },
      ...graphics,
    },
  };
  return ok(xmlBuilder().build({ domain }));
}
