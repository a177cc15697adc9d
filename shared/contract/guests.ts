import { z } from 'zod';
import { CpuMode, VirtType } from './host';
import { IpFamily } from '../snapshot/types';

/**
 * What makes a composed VM useful once it exists: which virt type and CPU mode start on a host,
 * where a guest's addresses come from, the user's SSH keys to inject, and uploads of install media.
 */

// ---------------------------------------------------------------- virt type and CPU mode

export const CpuModeSupport = z.object({ mode: CpuMode, supported: z.boolean() });

/** One virt type as `virsh domcapabilities --virttype T --arch A` describes it. */
export const VirtTypeCapability = z.object({
  virtType: VirtType,
  /** false when domcapabilities refused it (no /dev/kvm …); `reason` says why. */
  available: z.boolean(),
  reason: z.string().optional(),
  cpuModes: z.array(CpuModeSupport),
  /** Named models usable with mode 'custom' (usable='yes'). */
  models: z.array(z.string()),
  /** The model host-model would expand to, when libvirt says. */
  hostModel: z.string().optional(),
  machines: z.array(z.string()),
});
export type VirtTypeCapability = z.infer<typeof VirtTypeCapability>;

/** A tiny transient domain started (and destroyed at once) to see whether a combination really starts. */
export const StartProbe = z.object({
  virtType: VirtType,
  cpuMode: CpuMode,
  started: z.boolean(),
  /** QEMU's own words when it did not start. */
  error: z.string().optional(),
});
export type StartProbe = z.infer<typeof StartProbe>;

export const VirtCapabilities = z.object({
  hostId: z.string(),
  arch: z.string(),
  types: z.array(VirtTypeCapability),
  /** In the order tried; the first that started is the default. */
  probes: z.array(StartProbe),
  /** What compose uses when neither the request nor the pod says. */
  recommended: z.object({ virtType: VirtType, cpuMode: CpuMode, reason: z.string() }),
  checkedAt: z.string(),
});
export type VirtCapabilities = z.infer<typeof VirtCapabilities>;

// ---------------------------------------------------------------- guest addresses

/** Where an address was learnt: libvirt's DHCP lease, the host's ARP table, the QEMU guest agent. */
export const addressOrigins = ['lease', 'arp', 'agent'] as const;
export const AddressOrigin = z.enum(addressOrigins);

export const GuestAddress = z.object({
  mac: z.string(),
  /** The guest's own name for the NIC (agent only) or the host-side device (vnet0, macvtap0). */
  ifname: z.string().optional(),
  family: IpFamily,
  address: z.string(),
  prefixLen: z.number().int().nonnegative().optional(),
  origin: AddressOrigin,
});
export type GuestAddress = z.infer<typeof GuestAddress>;

export const GuestAddresses = z.object({
  domain: z.string(),
  state: z.string(),
  addresses: z.array(GuestAddress),
  /** The sources asked and what each said, e.g. "agent: not configured". */
  tried: z.array(z.object({ origin: AddressOrigin, ok: z.boolean(), note: z.string().optional() })),
  /** true when waiting ended without an address. */
  timedOut: z.boolean(),
  waitedMs: z.number().int().nonnegative(),
});
export type GuestAddresses = z.infer<typeof GuestAddresses>;

// ---------------------------------------------------------------- SSH keys to inject

export const ClientSshKey = z.object({
  /** "~/.ssh/id_ed25519.pub" or "agent". */
  source: z.string(),
  type: z.string(),
  comment: z.string(),
  fingerprint: z.string(),
  /** The whole public key line. */
  line: z.string(),
});
export type ClientSshKey = z.infer<typeof ClientSshKey>;

// ---------------------------------------------------------------- uploads

export const VolumeUploadRequest = z.object({
  hostId: z.string().min(1),
  pool: z.string().trim().min(1),
  /** The new volume's name in the pool. */
  volume: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9_][A-Za-z0-9._+-]{0,254}$/,
      'A volume name holds letters, digits, dots, dashes, plus and underscores',
    ),
  /** A file on the machine LabDeck runs on. */
  localPath: z.string().trim().min(1, 'Choose a file'),
});
export type VolumeUploadRequest = z.input<typeof VolumeUploadRequest>;
