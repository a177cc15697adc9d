import { z } from 'zod';
import { AppErrorShape } from './errors';

export const macvlanModes = ['private', 'vepa', 'bridge', 'passthrough'] as const;
export const MacvlanMode = z.enum(macvlanModes);
export type MacvlanMode = z.infer<typeof MacvlanMode>;

export const AuthMethod = z.discriminatedUnion('method', [
  z.object({ method: z.literal('agent') }),
  z.object({ method: z.literal('key'), keyPath: z.string().min(1, 'Choose a key file') }),
  z.object({ method: z.literal('password') }),
]);
export type AuthMethod = z.infer<typeof AuthMethod>;

const hostName = z.string().trim().min(1, 'Name is required').max(64, 'Name is at most 64 characters');
const address = z
  .string()
  .trim()
  .min(1, 'Address is required')
  .regex(/^[A-Za-z0-9.:_%\-[\]]+$/, 'Address may hold letters, digits, dots, colons, dashes and brackets only');

export const JumpHost = z.object({
  address,
  port: z.number().int().min(1).max(65535),
  user: z.string().trim().min(1),
  auth: AuthMethod,
});
export type JumpHost = z.infer<typeof JumpHost>;

/** What the user types in the Add host dialog. */
export const HostInput = z.object({
  name: hostName,
  address,
  port: z.number().int().min(1, 'Port is 1–65535').max(65535, 'Port is 1–65535'),
  user: z.string().trim().min(1, 'User is required').max(64),
  auth: AuthMethod,
  libvirtUri: z.string().trim().min(1, 'libvirt URI is required').default('qemu:///system'),
  tags: z.array(z.string().trim().min(1)).default([]),
  jump: JumpHost.optional(),
});
export type HostInput = z.input<typeof HostInput>;
export type HostInputParsed = z.output<typeof HostInput>;

export const virtTypes = ['kvm', 'qemu'] as const;
export const VirtType = z.enum(virtTypes);
export type VirtType = z.infer<typeof VirtType>;

/** libvirt's CPU modes; 'default' writes no <cpu> (the emulator's own model), 'custom' needs a model. */
export const cpuModes = ['host-passthrough', 'host-model', 'custom', 'default'] as const;
export const CpuMode = z.enum(cpuModes);
export type CpuMode = z.infer<typeof CpuMode>;

export const installModes = ['manual', 'deployed'] as const;
export const PodSettings = z.object({
  defaultMacvlanMode: MacvlanMode.default('bridge'),
  installMode: z.enum(installModes).default('manual'),
  defaultNetwork: z.string().optional(),
  defaultPool: z.string().optional(),
  /** Unset: what the host's start probe saw work (see the virtCapabilities channel). */
  virtType: VirtType.optional(),
  cpuMode: CpuMode.optional(),
  cpuModel: z.string().optional(),
});
export type PodSettings = z.infer<typeof PodSettings>;

/** A change to pod settings: null clears an optional default (JSON cannot carry "undefined"). */
export const PodSettingsPatch = PodSettings.partial().extend({
  virtType: VirtType.nullable().optional(),
  cpuMode: CpuMode.nullable().optional(),
  cpuModel: z.string().nullable().optional(),
});
export type PodSettingsPatch = z.infer<typeof PodSettingsPatch>;

export const hostStatuses = [
  'unknown',
  'connecting',
  'online',
  'offline',
  'authFailed',
  'hostKeyUnknown',
  'hostKeyMismatch',
  'noLibvirt',
] as const;
export const HostStatus = z.enum(hostStatuses);
export type HostStatus = z.infer<typeof HostStatus>;

/** The headline facts the inventory shows, derived from a snapshot. */
export const HostFacts = z.object({
  hostname: z.string(),
  cpus: z.number().int().nonnegative(),
  cpuModel: z.string().optional(),
  memoryKiB: z.number().nonnegative(),
  arch: z.string().optional(),
  libvirtVersion: z.string().optional(),
  hypervisor: z.string().optional(),
  domainsTotal: z.number().int().nonnegative(),
  domainsRunning: z.number().int().nonnegative(),
  networksTotal: z.number().int().nonnegative(),
  networksActive: z.number().int().nonnegative(),
  /** Memory given to running VMs (their current allocation): what LabDeck has handed out, not the host's use. */
  memoryUsedKiB: z.number().nonnegative().optional(),
  /** The host's real memory use: /proc/meminfo MemTotal − MemAvailable (absent from older snapshots). */
  hostMemoryUsedKiB: z.number().nonnegative().optional(),
});
export type HostFacts = z.infer<typeof HostFacts>;

/** An inventory entry as stored. `kind` is learnt on first contact: a host without virsh is a machine. */
export const HostConfig = z.object({
  id: z.string().min(1),
  name: hostName,
  address,
  port: z.number().int().min(1).max(65535),
  user: z.string().min(1),
  auth: AuthMethod,
  libvirtUri: z.string().min(1),
  tags: z.array(z.string()).default([]),
  jump: JumpHost.optional(),
  kind: z.enum(['pod', 'machine', 'unknown']).default('unknown'),
  pod: PodSettings.default({ defaultMacvlanMode: 'bridge', installMode: 'manual' }),
  /** Last facts seen, so the inventory is useful before the first refresh of a session. */
  lastFacts: HostFacts.optional(),
  lastSeen: z.string().optional(),
  addedAt: z.string(),
});
export type HostConfig = z.infer<typeof HostConfig>;

/** What the renderer sees of a host: its config plus live status. */
export const HostView = HostConfig.extend({
  status: HostStatus,
  statusMessage: z.string().optional(),
  lastError: AppErrorShape.optional(),
  refreshing: z.boolean().default(false),
  /** Changes on the host arrive as they happen (resident session and event watchers up). */
  live: z.boolean().optional(),
  /** When the last change pushed by the host (an event) was applied. */
  lastChangeAt: z.string().optional(),
});
export type HostView = z.infer<typeof HostView>;
