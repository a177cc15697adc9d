import type { HostConfig } from '../../../../shared/contract';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { virshArgsOf, virshArgv, virshLine, type VirshArgs } from '../../../../shared/virsh';
import type { EventBus } from '../event-bus';
import { endpointOf, type RemoteRunner, type RunOptions } from '../remote/remote-runner';
import type { ExecResult } from '../ssh/exec-channel';
import type { ConnectionPool } from '../ssh/connection-pool';
import { EventStream, EVENTS_NOTE, eventsArgv, type HostEvent } from './event-stream';
import type { HostService } from './host-service';
import {
  SessionSnapshotReader,
  SHELL_SESSION_NOTE,
  shellSessionArgv,
  shellSessionSetup,
  VIRSH_SESSION_NOTE,
  virshSessionArgv,
  type ReadScope,
} from './session-snapshot';
import { sshTransportOpener, type TransportOpener } from './session-transport';
import { readSnapshot } from './snapshot-reader';
import { ResidentSession } from './virsh-session';

export type LiveOptions = {
  /** Per command in the resident virsh session. */
  commandTimeoutMs: number;
  /** Events arriving within this window are applied as one re-read. */
  debounceMs: number;
  /** Restart delays after a session or watcher died (doubling up to the max). */
  restartMs: number;
  maxRestartMs: number;
  /** Called when a resident process starts, for the audit log (one entry per process, not per query). */
  onResidentStart?: (host: HostConfig, argv: readonly string[], note: string) => void;
  /** Tests: another transport (a local process). */
  open?: TransportOpener;
};

type HostLive = {
  id: string;
  key: string;
  sh: ResidentSession;
  virsh: ResidentSession;
  reader: SessionSnapshotReader;
  events: EventStream;
  scope?: ReadScope;
  timer?: NodeJS.Timeout;
  pumping: boolean;
  restartTimer?: NodeJS.Timeout;
  failures: number;
  stopped: boolean;
  /** The pending re-read was asked for by an event (not a first read or a resync). */
  changed: boolean;
  followUps: Set<NodeJS.Timeout>;
  resyncTimer?: NodeJS.Timeout;
};

/** virsh commands that only read (the route takes nothing else). */
const READ_ONLY = new Set([
  'uri',
  'version',
  'nodeinfo',
  'hostname',
  'capabilities',
  'domcapabilities',
  'sysinfo',
  'list',
  'dominfo',
  'domstate',
  'domuuid',
  'domname',
  'domid',
  'dumpxml',
  'domifaddr',
  'domiflist',
  'domblklist',
  'domstats',
  'net-list',
  'net-info',
  'net-dumpxml',
  'net-dhcp-leases',
  'net-uuid',
  'net-name',
  'pool-list',
  'pool-info',
  'pool-dumpxml',
  'vol-list',
  'vol-info',
  'vol-dumpxml',
  'vol-path',
  'vol-key',
  'iface-list',
  'iface-dumpxml',
  'nodedev-list',
  'nodedev-dumpxml',
]);
/** Arguments that read the same on virsh's own command line as in argv (no quoting, no comments). */
const PLAIN_ARG = /^[A-Za-z0-9_.:=/@%+,-]+$/;

const RESYNC_DELAY_MS = 1000;
/** After a guest starts: when to read it again for its DHCP lease / ARP entry. */
const ADDRESS_FOLLOW_UPS_MS = [5_000, 15_000, 30_000, 60_000];

const configKey = (h: HostConfig) => JSON.stringify([h.address, h.port, h.user, h.auth, h.jump, h.libvirtUri]);

function merge(a: ReadScope | undefined, b: ReadScope): ReadScope {
  if (!a) return { ...b, domains: b.domains ? [...b.domains] : undefined };
  return {
    all: a.all || b.all,
    host: a.host || b.host,
    networks: a.networks || b.networks,
    pools: a.pools || b.pools,
    domains: [...(a.domains ?? []), ...(b.domains ?? [])],
  };
}

function scopeOf(e: HostEvent): ReadScope {
  switch (e.kind) {
    case 'domain':
      return { domains: [e.name] };
    case 'network':
      return { networks: true };
    case 'pool':
      return { pools: true };
    case 'link':
      return { host: true };
    case 'resync':
      return { all: true };
  }
}

/**
 * Keeps every host live: a resident virsh session and a resident shell (refreshes and read-only
 * queries go through them, no exec per read), and an event channel whose events trigger targeted
 * re-reads pushed as host.changed. The one-exec snapshot script remains the fallback whenever the
 * sessions cannot answer. Background work: it never prompts.
 */
export class LiveHosts {
  private readonly hostsLive = new Map<string, HostLive>();
  private unsubscribe?: () => void;
  private running = false;

  constructor(
    private readonly hosts: HostService,
    private readonly runner: RemoteRunner,
    private readonly pool: ConnectionPool,
    private readonly bus: EventBus,
    private readonly o: LiveOptions,
  ) {}

  /** Becomes the hosts' snapshot source and follows the inventory. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.hosts.setSnapshotSource((host, o) => this.read(host, o));
    this.runner.setReadOnlyRoute((host, argv, o) => this.route(host, argv, o));
    this.unsubscribe = this.bus.subscribe((name, payload) => {
      if (name === 'host.removed') this.stopHost((payload as { id: string }).id);
      if (name === 'host.changed') this.sync();
    });
    this.sync();
  }

  stop(): void {
    this.running = false;
    this.runner.setReadOnlyRoute(undefined);
    this.unsubscribe?.();
    for (const id of [...this.hostsLive.keys()]) this.stopHost(id);
  }

  isLive(id: string): boolean {
    return this.hostsLive.get(id)?.events.up ?? false;
  }

  /** The host's resident sessions (tests, benchmark). */
  sessions(id: string) {
    const h = this.hostsLive.get(id);
    return h && { virsh: h.virsh, sh: h.sh, reader: h.reader };
  }

  /** Counters for tests and the benchmark. */
  stats(id: string) {
    const h = this.hostsLive.get(id);
    return h && { virsh: { ...h.virsh.stats }, sh: { ...h.sh.stats }, reads: { ...h.reader.stats }, live: h.events.up };
  }

  /**
   * A read-only virsh command, answered by the host's resident session when it has one (else an
   * exec, as always): stdout, or the typed error.
   */
  virshRead(host: HostConfig, args: VirshArgs, o: { timeoutMs?: number } = {}): Promise<string> {
    return this.runner.run(host, virshArgv(host.libvirtUri, args), { interactive: false, timeoutMs: o.timeoutMs });
  }

  /**
   * RemoteRunner's read-only route: `virsh --connect URI <read-only command> <plain args>` on a
   * host with a running session goes through it. The session merges stderr into stdout, so virsh's
   * `error: …` lines are split back out and make the result a failure, as the exec would.
   */
  private route(host: HostConfig, argv: readonly string[], o: RunOptions): Promise<ExecResult> | undefined {
    const h = this.hostsLive.get(host.id);
    if (!h || h.stopped || !h.virsh.up || h.key !== configKey(host) || o.stdin !== undefined || o.signal?.aborted)
      return undefined;
    const args = virshArgsOf(argv, host.libvirtUri);
    if (!args || !READ_ONLY.has(args[0] ?? '') || !args.every((a) => PLAIN_ARG.test(a))) return undefined;
    const started = Date.now();
    return h.virsh
      .run([{ name: 'q', cmd: virshLine(args) }], {
        timeoutMs: Math.min(o.timeoutMs ?? this.o.commandTimeoutMs, this.o.commandTimeoutMs),
      })
      .then(([s]) => {
        const lines = (s?.body ?? '').split('\n');
        const errors = lines.filter((l) => l.startsWith('error: '));
        const failed = errors.length > 0;
        return {
          exitCode: failed ? 1 : 0,
          signal: null,
          stdout: lines.filter((l) => !l.startsWith('error: ')).join('\n'),
          stderr: failed ? `${errors.join('\n')}\n` : '',
          durationMs: Date.now() - started,
          outcome: failed ? 'failed' : 'ok',
        };
      });
  }

  private async read(host: HostConfig, o: { interactive: boolean; signal?: AbortSignal }): Promise<HostSnapshot> {
    const h = this.hostsLive.get(host.id);
    if (h && !h.stopped && h.key === configKey(host) && (h.events.up || h.virsh.up)) {
      try {
        return await h.reader.read({ all: true });
      } catch {
        h.reader.invalidate();
        // Whatever went wrong, the script says it the way the user knows (and may prompt if asked).
      }
    }
    return readSnapshot(this.runner, host, o);
  }

  private sync(): void {
    if (!this.running) return;
    const configs = this.hosts.configs();
    const ids = new Set(configs.map((c) => c.id));
    for (const id of [...this.hostsLive.keys()]) if (!ids.has(id)) this.stopHost(id);
    for (const c of configs) {
      const h = this.hostsLive.get(c.id);
      if (h && h.key === configKey(c)) continue;
      if (h) this.stopHost(c.id);
      this.startHost(c);
    }
  }

  private config(id: string): HostConfig | undefined {
    return this.hosts.configs().find((c) => c.id === id);
  }

  private startHost(c: HostConfig): void {
    const id = c.id;
    const open = this.o.open ?? sshTransportOpener(this.pool, () => endpointOf(this.config(id) ?? c));
    const audited = (argv: readonly string[], note: string) => (up: boolean) => {
      const cur = this.config(id);
      if (up && cur) this.o.onResidentStart?.(cur, argv, note);
    };
    const virshArgv = virshSessionArgv(c.libvirtUri);
    const shArgv = shellSessionArgv();
    const virsh = new ResidentSession({
      dialect: 'virsh',
      argv: virshArgv,
      open,
      timeoutMs: this.o.commandTimeoutMs,
      label: c.name,
      onState: audited(virshArgv, VIRSH_SESSION_NOTE),
    });
    const sh = new ResidentSession({
      dialect: 'sh',
      argv: shArgv,
      setup: shellSessionSetup(),
      open,
      timeoutMs: this.o.commandTimeoutMs,
      label: c.name,
      onState: audited(shArgv, SHELL_SESSION_NOTE),
    });
    const h: HostLive = {
      id,
      key: configKey(c),
      sh,
      virsh,
      reader: new SessionSnapshotReader(sh, virsh),
      pumping: false,
      failures: 0,
      stopped: false,
      changed: false,
      followUps: new Set(),
      events: new EventStream({
        uri: c.libvirtUri,
        open,
        onEvent: (e) => this.onEvent(h, e),
        onState: (up, why) => this.onEventsState(h, up, why),
      }),
    };
    this.hostsLive.set(id, h);
    void this.bringUp(h);
  }

  private async bringUp(h: HostLive): Promise<void> {
    if (h.stopped) return;
    try {
      await h.events.start();
      const c = this.config(h.id);
      if (c) this.o.onResidentStart?.(c, eventsArgv(c.libvirtUri), EVENTS_NOTE);
      // The sessions start with the first read (right away: the picture may be old).
      this.request(h, { all: true });
    } catch {
      this.scheduleRestart(h);
    }
  }

  private onEventsState(h: HostLive, up: boolean, _why?: string): void {
    if (h.stopped) return;
    if (up) {
      h.failures = 0;
      this.hosts.setLive(h.id, { live: true });
      // Whatever changed while the watchers were registering.
      this.request(h, { all: true });
      return;
    }
    this.hosts.setLive(h.id, { live: false });
    h.reader.invalidate();
    // The connection may be gone: a refresh shows the host offline (or back) at once.
    this.hosts.refresh(h.id, { interactive: false }).catch(() => undefined);
    this.scheduleRestart(h);
  }

  private scheduleRestart(h: HostLive): void {
    if (h.stopped || h.restartTimer) return;
    const delay = Math.min(this.o.maxRestartMs, this.o.restartMs * 2 ** h.failures);
    h.failures++;
    h.restartTimer = setTimeout(() => {
      h.restartTimer = undefined;
      void this.bringUp(h);
    }, delay);
    h.restartTimer.unref?.();
  }

  private onEvent(h: HostLive, e: HostEvent): void {
    if (e.kind === 'resync') {
      // The watcher prints this as it starts again; read once it has had time to register (one
      // read for the watchers restarting together).
      if (h.resyncTimer) return;
      h.resyncTimer = setTimeout(() => {
        h.resyncTimer = undefined;
        this.request(h, { all: true });
      }, RESYNC_DELAY_MS);
      h.resyncTimer.unref?.();
      return;
    }
    this.request(h, scopeOf(e), true);
    // A guest that just started gets its address later, and no event says so: look again a few times.
    if (e.kind === 'domain' && e.event === 'lifecycle' && /^Started\b/.test(e.detail)) {
      for (const ms of ADDRESS_FOLLOW_UPS_MS) {
        const t: NodeJS.Timeout = setTimeout(() => {
          h.followUps.delete(t);
          this.request(h, { domains: [e.name], host: true });
        }, ms);
        t.unref?.();
        h.followUps.add(t);
      }
    }
  }

  private request(h: HostLive, scope: ReadScope, isChange = false): void {
    if (h.stopped) return;
    h.scope = merge(h.scope, scope);
    if (isChange) h.changed = true;
    if (h.timer || h.pumping) return;
    h.timer = setTimeout(() => {
      h.timer = undefined;
      void this.pump(h);
    }, this.o.debounceMs);
    h.timer.unref?.();
  }

  private async pump(h: HostLive): Promise<void> {
    if (h.pumping) return;
    h.pumping = true;
    try {
      while (h.scope && !h.stopped) {
        const scope = h.scope;
        h.scope = undefined;
        const changed = h.changed;
        h.changed = false;
        try {
          await this.hosts.refresh(h.id, {
            interactive: false,
            quiet: true,
            read: async (host) => {
              try {
                return await h.reader.read(scope);
              } catch {
                h.reader.invalidate();
                return readSnapshot(this.runner, host, { interactive: false });
              }
            },
          });
          if (changed) this.hosts.setLive(h.id, { live: h.events.up, lastChangeAt: new Date().toISOString() });
        } catch {
          // Recorded on the host by HostService (offline, …).
        }
      }
    } finally {
      h.pumping = false;
    }
  }

  private stopHost(id: string): void {
    const h = this.hostsLive.get(id);
    if (!h) return;
    h.stopped = true;
    if (h.timer) clearTimeout(h.timer);
    if (h.restartTimer) clearTimeout(h.restartTimer);
    for (const t of h.followUps) clearTimeout(t);
    if (h.resyncTimer) clearTimeout(h.resyncTimer);
    h.events.stop();
    h.virsh.close();
    h.sh.close();
    this.hostsLive.delete(id);
  }
}
