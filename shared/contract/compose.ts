import { z } from 'zod';
import { AppErrorShape } from './errors';
import { MacvlanMode } from './host';
import { interfaceKinds } from '../snapshot/types';

/**
 * Composing a VM on a pod, and the jobs that run long operations. Everything that crosses the
 * boundary has a schema here, so the renderer checks the plan it shows as strictly as the request.
 */

/** A DNS label (MAAS hostnames are), which also keeps volume names and virsh arguments plain. */
export const VmName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/, 'A VM name holds letters, digits and inner dashes, at most 63 characters');

export const virtTypes = ['kvm', 'qemu'] as const;

export const ComposeRequest = z.object({
  hostId: z.string().min(1),
  /** The VM's name; LabDeck makes one up when absent. */
  hostname: VmName.optional(),
  cores: z.number().int().min(1).max(4096).default(1),
  /** MAAS insisted on ≥1024; LabDeck allows tiny lab guests. */
  memoryMiB: z.number().int().min(16).max(16 * 1024 * 1024).default(2048),
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
  /** 'kvm' when the host offers it (domcapabilities), else 'qemu' (TCG). */
  virtType: z.enum(virtTypes).optional(),
  /** false → <rom enabled='no'/> on every NIC (no iPXE; what cheap lab guests want). */
  nicRom: z.boolean().default(true),
  /** The MACs the reviewed plan showed, one per NIC in plan order, so the VM defined is the one reviewed. */
  macs: z.array(z.string().regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i, 'MAC addresses look like 52:54:00:12:34:56')).optional(),
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
export const PlanWarning = z.object({ code: z.enum(planWarningCodes), label: z.string().optional(), message: z.string() });

export const PlanCommand = z.object({
  kind: z.enum(['create-volume', 'reserve-ip', 'define', 'start']),
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
  virtType: z.enum(virtTypes),
  arch: z.string(),
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
  kind: z.enum(['compose']),
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
