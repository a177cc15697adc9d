import { z } from 'zod';
import { AppErrorShape } from './errors';
import { CpuMode, MacvlanMode, VirtType } from './host';
import { interfaceKinds } from '../snapshot/types';

/**
 * Composing a VM on a pod, and the jobs that run long operations. Everything that crosses the
 * boundary has a schema here, so the renderer checks the plan it shows as strictly as the request.
 */

/** A DNS label (MAAS hostnames are), which also keeps volume names and virsh arguments plain. */
export const VmName = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/,
    'A VM name holds letters, digits and inner dashes, at most 63 characters',
  );

const poolName = z.string().trim().min(1, 'Choose a storage pool');
const volumeName = z.string().trim().min(1, 'Choose a volume');

/**
 * Where the VM's OS comes from. network: PXE first (MAAS's way); none: an empty disk to fill later;
 * iso: a pool volume as a CD-ROM, booted first; cloud-image: the boot disk made from a base volume,
 * as a qcow2 overlay on it (fast, the base must stay) or as a full copy, then resized.
 */
export const InstallSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('network') }),
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('iso'), pool: poolName, volume: volumeName }),
  z.object({
    kind: z.literal('cloud-image'),
    pool: poolName,
    volume: volumeName,
    clone: z.enum(['overlay', 'copy']).default('overlay'),
  }),
]);
export type InstallSource = z.input<typeof InstallSource>;
export type InstallSourceParsed = z.output<typeof InstallSource>;
export const installKinds = ['network', 'none', 'iso', 'cloud-image'] as const;

/** A crypt(3) hash ($6$ sha512-crypt, $5$, $y$ yescrypt): passwords are hashed before they leave the client. */
export const PasswordHash = z
  .string()
  .regex(/^\$(6|5|y)\$[./A-Za-z0-9$=,]+$/, 'Only a crypt(3) password hash is accepted, never a clear password');

/** cloud-init (NoCloud) for cloud images; the VM's name is its hostname. */
export const CloudInitInput = z.object({
  /** The default user; cloud-init's distro default user when absent. */
  user: z
    .string()
    .trim()
    .regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'A user name holds lowercase letters, digits, - and _, at most 32 characters')
    .optional(),
  passwordHash: PasswordHash.optional(),
  /** OpenSSH public key lines ("ssh-ed25519 AAAA… comment"). */
  sshKeys: z.array(z.string().trim().min(1)).default([]),
  /** Raw user-data: a #cloud-config YAML mapping; the fields above are merged into it. */
  userData: z
    .string()
    .max(64 * 1024)
    .optional(),
});
export type CloudInitInput = z.input<typeof CloudInitInput>;

export const ComposeRequest = z.object({
  hostId: z.string().min(1),
  /** The VM's name; LabDeck makes one up when absent. */
  hostname: VmName.optional(),
  cores: z.number().int().min(1).max(4096).default(1),
  /** MAAS insisted on ≥1024; LabDeck allows tiny lab guests. */
  memoryMiB: z
    .number()
    .int()
    .min(16)
    .max(16 * 1024 * 1024)
    .default(2048),
  /** Default: the host's arch from its snapshot. */
  arch: z.string().trim().min(1).optional(),
  /** MAAS's storage grammar: `[label:]size[(tag,…)]`, comma-separated, GB; empty = root:8(local). */
  storage: z.string().default(''),
  /** MAAS's interface grammar: `label:key=value[,…][;…]`; empty = the install mode's default NIC. */
  interfaces: z.string().default(''),
  /** Default: the pod's defaultMacvlanMode. */
  macvlanMode: MacvlanMode.optional(),
  /** Per constraint label (the unconstrained NIC is label '0'). */
  perNicModes: z.record(z.string(), MacvlanMode).optional(),
  start: z.boolean().default(false),
  /** Default: the pod's, else the first combination the host's probe saw start ('kvm' before 'qemu'). */
  virtType: VirtType.optional(),
  cpuMode: CpuMode.optional(),
  /** For cpuMode 'custom': a model domcapabilities lists as usable. */
  cpuModel: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'A CPU model name like Haswell-noTSX or qemu64')
    .optional(),
  /** Default: network boot (as before install sources existed). */
  install: InstallSource.optional(),
  /** Only with a cloud-image install (a seed without an image that reads it would do nothing). */
  cloudInit: CloudInitInput.optional(),
  /** false → <rom enabled='no'/> on every NIC (no iPXE; what cheap lab guests want). */
  nicRom: z.boolean().default(true),
  /** The MACs the reviewed plan showed, one per NIC in plan order, so the VM defined is the one reviewed. */
  macs: z
    .array(z.string().regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i, 'MAC addresses look like 52:54:00:12:34:56'))
    .optional(),
});
export type ComposeRequest = z.input<typeof ComposeRequest>;

/** A dry run may reuse the host's last snapshot when it is young enough (the wizard's live plan). */
export const ComposePlanRequest = ComposeRequest.extend({
  maxSnapshotAgeMs: z.number().int().min(0).max(600_000).optional(),
});
export type ComposePlanRequest = z.input<typeof ComposePlanRequest>;
export type ComposeRequestParsed = z.output<typeof ComposeRequest>;

// ---------------------------------------------------------------- the plan

export const PlanAttachment = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bridge'), source: z.string() }),
  z.object({ type: z.literal('direct'), dev: z.string(), mode: MacvlanMode }),
  z.object({ type: z.literal('network'), network: z.string() }),
]);

export const PlanCandidate = z.object({
  name: z.string(),
  kind: z.enum([...interfaceKinds, 'network']),
  outcome: z.enum(['chosen', 'lost', 'no-match', 'unusable']),
  reason: z.string(),
});

export const PlanNic = z.object({
  label: z.string(),
  ifname: z.string(),
  mac: z.string(),
  attach: PlanAttachment,
  hostInterface: z.string().nullable(),
  requestedIps: z.array(z.string()),
  reservation: z.object({ network: z.string(), ip: z.string() }).nullable(),
  dhcp: z.object({ available: z.boolean(), source: z.enum(['libvirt', 'mark']).nullable(), detail: z.string() }),
  why: z.object({ rule: z.string(), summary: z.string(), candidates: z.array(PlanCandidate) }),
});
export type PlanNic = z.infer<typeof PlanNic>;

export const PlanDisk = z.object({
  name: z.string(),
  label: z.string().nullable(),
  sizeBytes: z.number().nonnegative(),
  tags: z.array(z.string()),
  boot: z.boolean(),
  pool: z.string(),
  /** Why this pool, in a sentence. */
  reason: z.string(),
  volume: z.string(),
  path: z.string(),
  format: z.string(),
});

/** What the plan will install from, resolved against the host. */
export const PlanInstall = z.object({
  kind: z.enum(installKinds),
  /** In a sentence: "Boot disk: qcow2 overlay on default/tiny.img (raw, 20 MB), grown to 8 GB." */
  summary: z.string(),
  /** The base image or ISO, when there is one. */
  source: z
    .object({
      pool: z.string(),
      volume: z.string(),
      path: z.string(),
      format: z.string(),
      capacityBytes: z.number().nonnegative(),
    })
    .optional(),
  /** The NoCloud seed (cloud images): its volume, and who builds it. */
  seed: z
    .object({
      pool: z.string(),
      volume: z.string(),
      path: z.string(),
      /** 'host': with the tool named; 'labdeck': built here and uploaded. */
      builder: z.enum(['host', 'labdeck']),
      tool: z.string().optional(),
      metaData: z.string(),
      /** The password hash is shown as "<hash>" here. */
      userData: z.string(),
      networkConfig: z.string().optional(),
    })
    .optional(),
  bootOrder: z.array(z.enum(['cdrom', 'disk', 'network'])),
});
export type PlanInstall = z.infer<typeof PlanInstall>;

export const planWarningCodes = [
  'macvtap-host-isolation',
  'vepa-needs-switch',
  'passthrough-parent-in-use',
  'interface-down',
  'network-inactive',
  'no-dhcp',
  'ip-not-reservable',
  'ip-in-use',
  'mode-ignored',
] as const;
export const PlanWarning = z.object({
  code: z.enum(planWarningCodes),
  label: z.string().optional(),
  message: z.string(),
});

export const PlanCommand = z.object({
  kind: z.enum(['create-volume', 'resize-volume', 'build-seed', 'upload-seed', 'reserve-ip', 'define', 'start']),
  description: z.string(),
  /** The exact command line, quoted as the remote shell gets it. */
  command: z.string(),
  /** What is fed on stdin (the domain XML for define). */
  stdin: z.string().optional(),
  /** The command that undoes it when a later step fails; null when there is nothing to undo. */
  rollback: z.string().nullable(),
});
export type PlanCommand = z.infer<typeof PlanCommand>;

export const ComposePlan = z.object({
  hostId: z.string(),
  hostName: z.string(),
  name: z.string(),
  virtType: VirtType,
  cpuMode: CpuMode,
  cpuModel: z.string().optional(),
  /** Why this virt type and CPU mode (the request's, the pod's, or what the host's probe saw start). */
  cpuReason: z.string(),
  arch: z.string(),
  install: PlanInstall,
  cores: z.number().int(),
  memoryMiB: z.number().int(),
  start: z.boolean(),
  /** The pod's (or the request's) macvtap mode and where it came from. */
  macvlanMode: MacvlanMode,
  installMode: z.enum(['manual', 'deployed']),
  nics: z.array(PlanNic),
  disks: z.array(PlanDisk),
  warnings: z.array(PlanWarning),
  /** Reasons compose would refuse now (a VM or volume of that name exists). */
  conflicts: z.array(z.string()),
  domainXml: z.string(),
  commands: z.array(PlanCommand),
  /** When the snapshot the plan is based on was taken. */
  snapshotTakenAt: z.string(),
});
export type ComposePlan = z.infer<typeof ComposePlan>;

// ---------------------------------------------------------------- jobs

export const stepStatuses = ['pending', 'running', 'done', 'failed', 'rolled-back', 'cancelled'] as const;
export const StepStatus = z.enum(stepStatuses);
export type StepStatus = z.infer<typeof StepStatus>;

export const JobStep = z.object({
  id: z.number().int(),
  /** 'lock', 'plan', 'check', 'create-volume', 'reserve-ip', 'define', 'start', 'verify' … */
  kind: z.string(),
  description: z.string(),
  command: z.string().optional(),
  status: StepStatus,
  /** When it failed: the message, the command and its stderr. */
  error: AppErrorShape.optional(),
  /** Bytes moved so far, for steps that transfer data (uploads). */
  progress: z.object({ doneBytes: z.number().nonnegative(), totalBytes: z.number().nonnegative() }).optional(),
  /** The undo command, and how it went, once rollback ran. */
  rollback: z
    .object({ command: z.string(), status: z.enum(['pending', 'done', 'failed']), error: AppErrorShape.optional() })
    .optional(),
});
export type JobStep = z.infer<typeof JobStep>;

export const jobStates = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const JobState = z.enum(jobStates);
export type JobState = z.infer<typeof JobState>;

export const JobView = z.object({
  id: z.string(),
  kind: z.enum(['compose', 'upload']),
  hostId: z.string(),
  title: z.string(),
  state: JobState,
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().optional(),
  steps: z.array(JobStep),
  /** Why it failed (with the failing command and stderr), or what cancelled it. */
  error: AppErrorShape.optional(),
  /** The composed VM's name (set as soon as it is known). */
  domain: z.string().optional(),
  /** Things the rollback could not undo: the user must clean them up by hand. */
  leftBehind: z.array(z.string()).default([]),
});
export type JobView = z.infer<typeof JobView>;
