import { randomBytes } from 'node:crypto';
import { AppError, type HostConfig } from '../../../../shared/contract';
import {
  ComposePlanRequest,
  ComposeRequest,
  type ComposePlan,
  type ComposeRequestParsed,
} from '../../../../shared/contract/compose';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import type { HostService } from '../hosts/host-service';
import type { JobService } from '../jobs/job-service';
import type { KeyedLock } from '../jobs/keyed-lock';
import { commandError, type RemoteRunner } from '../remote/remote-runner';
import { buildPlan, hostArch, type BuiltPlan, type PlanInputs } from './build-plan';
import type { VirtCapabilitiesService } from '../hosts/virt-capabilities';
import { parseVolumeXml, type VolumeInfo } from '../../../../shared/snapshot/parse-vol-xml';
import { composeJob } from './compose-job';
import type { ComposeJournal } from './compose-journal';
import { parseComposeGrammar } from './grammar';
import { hostReadOnlyReason } from '../../../../shared/snapshot/read-only';
import { virsh, virshArgv } from '../../../../shared/virsh';

const random = (n: number) => new Uint8Array(randomBytes(n));

/** Dry runs and real runs of compose on a pod; the real run is a job (see compose-job.ts). */
export class ComposeService {
  constructor(
    private readonly deps: {
      hosts: HostService;
      runner: RemoteRunner;
      jobs: JobService;
      lock: KeyedLock;
      virt: VirtCapabilitiesService;
      stepTimeoutMs?: number;
      journal?: ComposeJournal;
    },
  ) {}

  private host(id: string): HostConfig {
    const h = this.deps.hosts.configs().find((x) => x.id === id);
    if (!h) throw new AppError({ kind: 'notFound', message: `No host with id ${id} in the inventory.` });
    return h;
  }

  /**
   * Virt type and CPU mode: the request's, else the pod's, else what the host's start probe saw
   * start. The probe runs only when something is left to decide (cached for the session).
   */
  private async virt(
    host: HostConfig,
    req: ComposeRequestParsed,
    arch: string,
    signal?: AbortSignal,
  ): Promise<PlanInputs['virt']> {
    const pod = host.pod;
    const virtType = req.virtType ?? pod.virtType;
    const explicitMode =
      req.cpuMode ?? (req.virtType === undefined || req.virtType === pod.virtType ? pod.cpuMode : undefined);
    const cpuModel = req.cpuModel ?? (req.cpuMode === undefined ? pod.cpuModel : undefined);
    const said = req.virtType !== undefined ? 'as asked' : pod.virtType !== undefined ? "the pod's default" : undefined;
    if (virtType !== undefined && explicitMode !== undefined) {
      return {
        virtType,
        cpuMode: explicitMode,
        ...(cpuModel ? { cpuModel } : {}),
        reason: `${virtType} with ${explicitMode === 'custom' ? `CPU model ${cpuModel ?? '?'}` : `CPU mode ${explicitMode}`}: ${req.cpuMode !== undefined ? 'as asked' : "the pod's default"}.`,
      };
    }
    // Plain emulation needs no probe: the emulator's default CPU always works under TCG.
    if (virtType === 'qemu' && explicitMode === undefined)
      return { virtType, cpuMode: 'default', reason: `qemu (${said}) with the emulator's default CPU.` };
    const caps = await this.deps.virt.get(host, arch, { signal });
    const rec = caps.recommended;
    if (virtType === undefined || virtType === rec.virtType) {
      const cpuMode = explicitMode ?? rec.cpuMode;
      return {
        virtType: rec.virtType,
        cpuMode,
        ...(cpuMode === 'custom' && cpuModel ? { cpuModel } : {}),
        reason:
          explicitMode === undefined
            ? rec.reason
            : `${rec.virtType} (${said ?? 'what starts here'}) with CPU mode ${cpuMode}.`,
      };
    }
    // kvm asked for, but the probe recommends qemu: the first kvm mode that started, else host-model.
    const started = caps.probes.find((p) => p.virtType === virtType && p.started);
    const cpuMode = explicitMode ?? started?.cpuMode ?? 'host-model';
    return {
      virtType,
      cpuMode,
      reason: `${virtType} (${said ?? ''}) with CPU mode ${cpuMode}${started ? ', which started in the start probe' : '; the start probe saw no kvm mode start here'}.`,
    };
  }

  /** The ISO or base image an install names, read from libvirt (not the snapshot, which lacks formats). */
  private async sourceVolume(
    host: HostConfig,
    req: ComposeRequestParsed,
    signal?: AbortSignal,
  ): Promise<VolumeInfo | undefined> {
    const src = req.install;
    if (!src || (src.kind !== 'iso' && src.kind !== 'cloud-image')) return undefined;
    const argv = virshArgv(host.libvirtUri, virsh.volume.dumpxml({ pool: src.pool, vol: src.volume }));
    const r = await this.deps.runner.exec(host, argv, { signal, timeoutMs: 30_000 });
    if (r.outcome === 'cancelled' || r.outcome === 'timeout') throw commandError(host, argv, r);
    // A missing volume is resolveInstall's to explain (it lists what the pool has).
    return r.outcome === 'ok' ? parseVolumeXml(r.stdout) : undefined;
  }

  private async build(
    host: HostConfig,
    req: ComposeRequestParsed,
    name: string,
    snapshot: HostSnapshot,
    signal?: AbortSignal,
  ): Promise<BuiltPlan> {
    const arch = req.arch ?? hostArch(snapshot);
    const [virt, sourceVolume] = await Promise.all([
      this.virt(host, req, arch, signal),
      this.sourceVolume(host, req, signal),
    ]);
    return buildPlan({
      host,
      snapshot,
      marks: this.deps.hosts.marks(host.id),
      req,
      name,
      virt,
      ...(sourceVolume ? { sourceVolume } : {}),
      random,
    });
  }

  /**
   * What compose would do; changes nothing on the host. The snapshot is read fresh unless the
   * caller accepts one up to `maxSnapshotAgeMs` old (the live plan, redone on every keystroke pause).
   */
  async plan(input: ComposePlanRequest): Promise<ComposePlan> {
    return (await this.builtPlan(input)).plan;
  }

  /** plan() with its steps and the seed's unredacted files (for the Ansible export); changes nothing. */
  async builtPlan(input: ComposePlanRequest): Promise<BuiltPlan> {
    const { maxSnapshotAgeMs, ...rest } = ComposePlanRequest.parse(input);
    const req = ComposeRequest.parse(rest);
    const host = this.host(req.hostId);
    parseComposeGrammar(req); // fail on a typo before reaching the host
    const cached = this.deps.hosts.latestSnapshot(host.id);
    const young =
      cached && maxSnapshotAgeMs !== undefined && Date.now() - Date.parse(cached.takenAt) <= maxSnapshotAgeMs;
    const snapshot = young ? cached : await this.deps.hosts.refresh(host.id, { interactive: true });
    return this.build(host, req, req.hostname ?? newName(), snapshot);
  }

  /** Starts a compose job; grammar mistakes are refused here, everything else shows in the job. */
  start(input: ComposeRequest): { jobId: string } {
    const req = ComposeRequest.parse(input);
    const host = this.host(req.hostId);
    parseComposeGrammar(req);
    // A host whose changes do not stick is refused before a job exists (the plan says so too).
    const readOnly = hostReadOnlyReason(host.libvirtUri, this.deps.hosts.latestSnapshot(host.id));
    if (readOnly)
      throw new AppError({
        kind: 'validation',
        message: `${host.name} is read-only: compose would change nothing there. ${readOnly}`,
      });
    const name = req.hostname ?? newName();
    const job = this.deps.jobs.start({
      kind: 'compose',
      hostId: host.id,
      title: `Compose ${name} on ${host.name}`,
      queued: this.deps.lock.busy(host.id),
      run: composeJob(
        {
          hosts: this.deps.hosts,
          runner: this.deps.runner,
          lock: this.deps.lock,
          stepTimeoutMs: this.deps.stepTimeoutMs,
          journal: this.deps.journal,
          plan: (h, r, n, s, signal) => this.build(h, r, n, s, signal),
        },
        host,
        req,
        name,
      ),
    });
    return { jobId: job.id };
  }
}

/** MAAS made up a name when none was given; a short random one keeps volume names readable. */
function newName(): string {
  return `vm-${randomBytes(3).toString('hex')}`;
}
