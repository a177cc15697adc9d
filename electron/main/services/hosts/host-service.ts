import { randomUUID } from 'node:crypto';
import {
  AppError,
  formatZodError,
  HostConfig,
  HostInput,
  toErrorShape,
  type AppErrorShape,
  type HostStatus,
  type HostView,
  type PodSettingsPatch,
} from '../../../../shared/contract';
import { factsFromSnapshot } from '../../../../shared/snapshot/facts';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { HostMarks } from '../../../../shared/compose/marks';
import type { EventBus } from '../event-bus';
import type { InventoryStore } from '../inventory/inventory-store';
import type { RemoteRunner } from '../remote/remote-runner';
import { readSnapshot } from './snapshot-reader';
import { statusFromError } from './status-from-error';

type Live = {
  status: HostStatus;
  statusMessage?: string;
  lastError?: AppErrorShape;
  refreshing: boolean;
  snapshot?: HostSnapshot;
  inFlight?: Promise<HostSnapshot>;
  live?: boolean;
  lastChangeAt?: string;
};

/** Where refreshes read a host from (the live sessions when up; else the one-exec script). */
export type SnapshotSource = (
  host: HostConfig,
  o: { interactive: boolean; signal?: AbortSignal },
) => Promise<HostSnapshot>;

/** Inventory entries plus their live state; every change is pushed as a `host.changed` event. */
export class HostService {
  private readonly live = new Map<string, Live>();
  private source: SnapshotSource = (host, o) => readSnapshot(this.runner, host, o);

  constructor(
    private readonly store: InventoryStore,
    private readonly runner: RemoteRunner,
    private readonly bus: EventBus,
  ) {}

  private liveOf(id: string): Live {
    let l = this.live.get(id);
    if (!l) {
      l = { status: 'unknown', refreshing: false };
      this.live.set(id, l);
    }
    return l;
  }

  private config(id: string): HostConfig {
    const h = this.store.current.hosts.find((x) => x.id === id);
    if (!h) throw new AppError({ kind: 'notFound', message: `No host with id ${id} in the inventory.` });
    return h;
  }

  view(id: string): HostView {
    const stored = this.config(id);
    const { status, statusMessage, lastError, refreshing, live, lastChangeAt, snapshot } = this.liveOf(id);
    // The newest snapshot's facts at once; the inventory file catches up in the background.
    const h =
      snapshot && (!stored.lastSeen || snapshot.takenAt > stored.lastSeen) ? withSnapshot(stored, snapshot) : stored;
    return { ...h, status, statusMessage, lastError, refreshing, live, lastChangeAt };
  }

  setSnapshotSource(source: SnapshotSource): void {
    this.source = source;
  }

  /** The live indicator of a host (see LiveHosts); pushed as host.changed. */
  setLive(id: string, patch: { live?: boolean; lastChangeAt?: string }): void {
    if (!this.store.current.hosts.some((h) => h.id === id)) return;
    const l = this.liveOf(id);
    if (l.live === patch.live && (patch.lastChangeAt === undefined || l.lastChangeAt === patch.lastChangeAt)) return;
    Object.assign(l, patch.lastChangeAt === undefined ? { live: patch.live } : patch);
    this.emit(id);
  }

  list(): HostView[] {
    return this.store.current.hosts.map((h) => this.view(h.id));
  }

  configs(): HostConfig[] {
    return this.store.current.hosts;
  }

  latestSnapshot(id: string): HostSnapshot | undefined {
    this.config(id);
    return this.live.get(id)?.snapshot;
  }

  /** The user's marks on this host (spaces, fabrics, VLANs, external DHCP); empty when none. */
  marks(id: string): HostMarks {
    this.config(id);
    const r = HostMarks.safeParse(this.store.current.marks[id] ?? {});
    return r.success ? r.data : HostMarks.parse({});
  }

  async setMarks(id: string, marks: HostMarks): Promise<HostMarks> {
    this.config(id);
    await this.store.update((doc) => ({ ...doc, marks: { ...doc.marks, [id]: marks } }));
    // Other windows showing this host re-read it on host.changed.
    this.emit(id);
    return this.marks(id);
  }

  private emit(id: string): void {
    if (this.store.current.hosts.some((h) => h.id === id)) this.bus.emit('host.changed', this.view(id));
  }

  /**
   * Connects and reads the host before saving: a host that cannot be reached, or whose key the user
   * refuses, is not added and the inventory does not change.
   */
  async add(input: HostInput): Promise<HostView> {
    const result = HostInput.safeParse(input);
    if (!result.success) throw new AppError({ kind: 'validation', message: formatZodError(result.error) });
    const parsed = result.data;
    this.assertUniqueName(parsed.name);
    const candidate = HostConfig.parse({ ...parsed, id: randomUUID(), addedAt: new Date().toISOString() });
    const snapshot = await readSnapshot(this.runner, candidate, { interactive: true });
    this.assertUniqueName(parsed.name);
    const stored = withSnapshot(candidate, snapshot);
    await this.store.update((doc) => ({ ...doc, hosts: [...doc.hosts, stored] }));
    Object.assign(this.liveOf(stored.id), statusOfSnapshot(snapshot), { snapshot, refreshing: false });
    this.emit(stored.id);
    return this.view(stored.id);
  }

  async update(id: string, patch: Partial<HostInput> & { pod?: PodSettingsPatch }): Promise<HostView> {
    const current = this.config(id);
    if (patch.name && patch.name.trim() !== current.name) this.assertUniqueName(patch.name.trim());
    const { pod, ...rest } = patch;
    // null in the patch clears that default (back to "automatic").
    const mergedPod = Object.fromEntries(Object.entries({ ...current.pod, ...pod }).filter(([, v]) => v !== null));
    const next = HostConfig.parse({ ...current, ...rest, pod: mergedPod });
    await this.store.update((doc) => ({ ...doc, hosts: doc.hosts.map((h) => (h.id === id ? next : h)) }));
    this.emit(id);
    return this.view(id);
  }

  async remove(id: string): Promise<boolean> {
    this.config(id);
    await this.store.update((doc) => {
      const marks = { ...doc.marks };
      delete marks[id];
      return { ...doc, hosts: doc.hosts.filter((h) => h.id !== id), marks };
    });
    this.live.delete(id);
    this.bus.emit('host.removed', { id });
    return true;
  }

  /**
   * Reads a host's snapshot and records the outcome. Concurrent refreshes of one host share the
   * same exec. Resolves with the snapshot or throws the typed error (also recorded on the host).
   */
  refresh(
    id: string,
    o: {
      interactive: boolean;
      /** A read of its own (an event's targeted re-read): runs after a refresh in flight, never merged into it. */
      read?: (host: HostConfig) => Promise<HostSnapshot>;
      /** No "refreshing" state shown while it runs (live updates). */
      quiet?: boolean;
    },
  ): Promise<HostSnapshot> {
    const l = this.liveOf(id);
    if (l.inFlight && o.read) return l.inFlight.catch(() => undefined).then(() => this.refresh(id, o));
    if (l.inFlight) return l.inFlight;
    const host = this.config(id);
    if (!o.quiet) {
      l.refreshing = true;
      if (l.status === 'unknown') l.status = 'connecting';
      this.emit(id);
    }
    const run = (o.read ? o.read(host) : this.source(host, o))
      .then((snapshot) => {
        Object.assign(l, statusOfSnapshot(snapshot), { snapshot, lastError: undefined });
        // Not awaited: views show the new facts from memory (see view()); writes stay in order.
        this.store
          .update((doc) => ({
            ...doc,
            hosts: doc.hosts.map((h) => (h.id === id ? withSnapshot(h, snapshot) : h)),
          }))
          .catch(() => undefined); // the host may have been removed meanwhile
        return snapshot;
      })
      .catch((err: unknown) => {
        const shape = toErrorShape(err);
        // Host events go to every window on each change: keep a hostile host's stderr short there.
        const lastError =
          shape.stderr && shape.stderr.length > 4000
            ? { ...shape, stderr: `${shape.stderr.slice(0, 4000)}\n[…]` }
            : shape;
        Object.assign(l, { status: statusFromError(shape), statusMessage: shape.message, lastError });
        throw err;
      })
      .finally(() => {
        l.refreshing = false;
        l.inFlight = undefined;
        this.emit(id);
      });
    l.inFlight = run;
    return run;
  }

  private assertUniqueName(name: string): void {
    if (this.store.current.hosts.some((h) => h.name.toLowerCase() === name.toLowerCase())) {
      throw new AppError({ kind: 'validation', message: `A host named "${name}" is already in the inventory.` });
    }
  }
}

function withSnapshot(h: HostConfig, s: HostSnapshot): HostConfig {
  return { ...h, kind: s.kind, lastFacts: factsFromSnapshot(s), lastSeen: s.takenAt };
}

function statusOfSnapshot(s: HostSnapshot): Pick<Live, 'status' | 'statusMessage' | 'lastError'> {
  const err = s.libvirt?.error;
  if (err) {
    return {
      status: 'noLibvirt',
      statusMessage: err.hint ?? err.message,
      lastError: { kind: 'noLibvirt', message: err.message, hint: err.hint },
    };
  }
  return { status: 'online', statusMessage: undefined, lastError: undefined };
}
