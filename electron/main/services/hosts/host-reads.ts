import { AppError, toErrorShape, type AppErrorShape } from '../../../../shared/contract';
import type { VirtCapabilities } from '../../../../shared/contract/guests';
import type { HostMarks } from '../../../../shared/compose/marks';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { hostArch } from '../compose/build-plan';
import type { HostService } from './host-service';
import type { VirtCapabilitiesService } from './virt-capabilities';

export type HostReadsDeps = {
  hosts: HostService;
  /** Told each outcome: a manual read that worked resets the host's backoff. */
  scheduler: { noteResult(id: string, ok: boolean): void };
  virt: VirtCapabilitiesService;
  /** False for the CLI: nobody is there to answer a host-key or password prompt. */
  interactive: boolean;
};

/**
 * The reads a user asks for (Refresh, Refresh all, Re-read host, a view's first look). Each is
 * awaited and its failure reaches the caller with the command and stderr; the host's status
 * records it too (host.changed), so nothing is swallowed.
 */
export class HostReads {
  constructor(private readonly d: HostReadsDeps) {}

  /** One host, or every host without an id; rejects when any read failed, naming the hosts. */
  async refresh(id?: string): Promise<{ refreshed: number }> {
    if (id !== undefined) {
      await this.read(id);
      return { refreshed: 1 };
    }
    const hosts = this.d.hosts.configs().map((h) => ({ id: h.id, name: h.name }));
    const results = await Promise.allSettled(hosts.map((h) => this.read(h.id)));
    const failed = hosts.flatMap((h, i) => {
      const r = results[i]!;
      return r.status === 'rejected' ? [{ name: h.name, shape: toErrorShape(r.reason) }] : [];
    });
    if (failed.length > 0) throw new AppError(summarise(failed, hosts.length));
    return { refreshed: hosts.length };
  }

  /** The last snapshot (read first when there is none yet, or when asked to), with the host's marks. */
  async snapshot(id: string, refresh: boolean): Promise<{ snapshot: HostSnapshot; marks: HostMarks }> {
    const last = this.d.hosts.latestSnapshot(id);
    const snapshot = refresh || !last ? await this.read(id) : last;
    return { snapshot, marks: this.d.hosts.marks(id) };
  }

  /** What the host offers and what really starts there, for the given arch (the host's own by default). */
  async virtCapabilities(hostId: string, arch: string | undefined, refresh: boolean): Promise<VirtCapabilities> {
    const host = this.d.hosts.configs().find((h) => h.id === hostId);
    if (!host) throw new AppError({ kind: 'notFound', message: `No host with id ${hostId} in the inventory.` });
    const snapshot = this.d.hosts.latestSnapshot(hostId) ?? (await this.read(hostId));
    return this.d.virt.get(host, arch ?? hostArch(snapshot), { refresh });
  }

  /**
   * After a change the user did not watch happen (a recovery rollback): re-read in the background.
   * A failure is recorded on the host and shown there; the change itself already succeeded.
   */
  refreshInBackground(id: string): void {
    this.d.hosts.refresh(id, { interactive: false }).catch(() => undefined);
  }

  private read(id: string): Promise<HostSnapshot> {
    return this.d.hosts.refresh(id, { interactive: this.d.interactive }).then(
      (snapshot) => {
        this.d.scheduler.noteResult(id, true);
        return snapshot;
      },
      (err: unknown) => {
        this.d.scheduler.noteResult(id, false);
        throw err instanceof AppError ? err : new AppError(toErrorShape(err));
      },
    );
  }
}

/** One error for "Refresh all": every failed host by name; the first failure's command and stderr. */
function summarise(failed: { name: string; shape: AppErrorShape }[], total: number): AppErrorShape {
  const first = failed[0]!.shape;
  if (failed.length === 1 && total === 1) return first;
  const which = failed.map((f) => `${f.name}: ${f.shape.message}`).join('; ');
  return {
    ...first,
    message: `${failed.length} of ${total} hosts could not be read — ${which}`,
    ...(failed.length > 1
      ? { hint: `The command and stderr shown are ${failed[0]!.name}'s; each host's row shows its own.` }
      : {}),
  };
}
