import { randomBytes } from 'node:crypto';
import { AppError, type HostConfig } from '../../../../shared/contract';
import { ComposePlanRequest, ComposeRequest, type ComposePlan, type ComposeRequestParsed } from '../../../../shared/contract/compose';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import type { HostService } from '../hosts/host-service';
import type { JobService } from '../jobs/job-service';
import type { KeyedLock } from '../jobs/keyed-lock';
import { commandError, type RemoteRunner } from '../remote/remote-runner';
import { buildPlan, hostArch, virshArgv, type BuiltPlan } from './build-plan';
import { composeJob } from './compose-job';
import { parseComposeGrammar } from './grammar';

const random = (n: number) => new Uint8Array(randomBytes(n));

/** Dry runs and real runs of compose on a pod; the real run is a job (see compose-job.ts). */
export class ComposeService {
  /** hostId/arch → whether KVM is offered: asked once per session, it does not change under us. */
  private readonly virtTypes = new Map<string, Promise<'kvm' | 'qemu'>>();

  constructor(
    private readonly deps: { hosts: HostService; runner: RemoteRunner; jobs: JobService; lock: KeyedLock; stepTimeoutMs?: number },
  ) {}

  private host(id: string): HostConfig {
    const h = this.deps.hosts.configs().find((x) => x.id === id);
    if (!h) throw new AppError({ kind: 'notFound', message: `No host with id ${id} in the inventory.` });
    return h;
  }

  /** 'kvm' when libvirt offers it for this arch (domcapabilities), else plain emulation. */
  private virtType(host: HostConfig, arch: string, signal?: AbortSignal): Promise<'kvm' | 'qemu'> {
    const key = `${host.id}/${arch}`;
    let p = this.virtTypes.get(key);
    if (!p) {
      const argv = virshArgv(host, ['domcapabilities', '--virttype', 'kvm', '--arch', arch]);
      p = this.deps.runner.exec(host, argv, { signal, timeoutMs: 30_000 }).then((r) => {
        // Only a real answer is remembered; a cancelled or timed-out question is asked again.
        if (r.outcome === 'cancelled' || r.outcome === 'timeout') throw commandError(host, argv, r);
        return r.outcome === 'ok' ? 'kvm' : 'qemu';
      });
      this.virtTypes.set(key, p);
      p.catch(() => this.virtTypes.delete(key));
    }
    return p;
  }

  private async build(host: HostConfig, req: ComposeRequestParsed, name: string, snapshot: HostSnapshot, signal?: AbortSignal): Promise<BuiltPlan> {
    const virtType = req.virtType ?? (await this.virtType(host, req.arch ?? hostArch(snapshot), signal));
    return buildPlan({ host, snapshot, marks: this.deps.hosts.marks(host.id), req, name, virtType, random });
  }

  /**
   * What compose would do; changes nothing on the host. The snapshot is read fresh unless the
   * caller accepts one up to `maxSnapshotAgeMs` old (the live plan, redone on every keystroke pause).
   */
  async plan(input: ComposePlanRequest): Promise<ComposePlan> {
    const { maxSnapshotAgeMs, ...rest } = ComposePlanRequest.parse(input);
    const req = ComposeRequest.parse(rest);
    const host = this.host(req.hostId);
    parseComposeGrammar(req); // fail on a typo before reaching the host
    const cached = this.deps.hosts.latestSnapshot(host.id);
    const young = cached && maxSnapshotAgeMs !== undefined && Date.now() - Date.parse(cached.takenAt) <= maxSnapshotAgeMs;
    const snapshot = young ? cached : await this.deps.hosts.refresh(host.id, { interactive: true });
    return (await this.build(host, req, req.hostname ?? newName(), snapshot)).plan;
  }

  /** Starts a compose job; grammar mistakes are refused here, everything else shows in the job. */
  start(input: ComposeRequest): { jobId: string } {
    const req = ComposeRequest.parse(input);
    const host = this.host(req.hostId);
    parseComposeGrammar(req);
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
