import os from 'node:os';
import path from 'node:path';
import { AuditLog } from './services/audit/audit-log';
import { EventBus } from './services/event-bus';
import { ComposeService } from './services/compose/compose-service';
import { ComposeJournal } from './services/compose/compose-journal';
import { GuestAddressService } from './services/guests/guest-addresses';
import { AnsibleExportService } from './services/export/ansible-export-service';
import { HostActions } from './services/hosts/host-actions';
import { HostService } from './services/hosts/host-service';
import { VirtCapabilitiesService } from './services/hosts/virt-capabilities';
import { RefreshScheduler } from './services/hosts/refresh-scheduler';
import { HostReads } from './services/hosts/host-reads';
import { Recovery } from './services/compose/recovery';
import { LiveHosts } from './services/hosts/live-hosts';
import { InventoryStore } from './services/inventory/inventory-store';
import { JobService } from './services/jobs/job-service';
import { KeyedLock } from './services/jobs/keyed-lock';
import { PromptBroker } from './services/prompts/prompt-broker';
import { endpointOf, RemoteRunner } from './services/remote/remote-runner';
import { ConnectionPool } from './services/ssh/connection-pool';
import { endpointKey } from './services/ssh/endpoint';
import { Credentials } from './services/ssh/credentials';
import { HostKeyStore } from './services/ssh/host-key-store';
import { SecretStore, type SecretCipher } from './services/ssh/secret-store';
import { VolumeUploads } from './services/volumes/volume-upload';
import { NetworkService } from './services/networks/network-service';
import { ConsoleService } from './services/console/console-service';
import { StreamSession, type StreamSink } from './services/streams/stream-session';
import { tightenPermissions } from './services/storage/permissions';
import type { ExecResult } from './services/ssh/exec-channel';
import type { AuditEntry } from '../../shared/contract';

export type CoreOptions = {
  dataDir: string;
  /** The inventory file (default: inventory.json in dataDir); the CLI's --inventory FILE. */
  inventoryFile?: string;
  /** Where the user's OpenSSH files live (known_hosts, config); tests point this at their own folder. */
  sshDir?: string;
  cipher?: SecretCipher;
  /** Why there is no cipher (no keyring, or only Electron's basic_text): told to the user. */
  cipherUnavailableReason?: string;
  mode: 'desktop' | 'web' | 'cli';
  /** Periodic background refresh; off for the CLI and for tests that count execs. */
  backgroundRefresh?: boolean;
  /** Resident sessions and event watchers per host (defaults to backgroundRefresh). */
  live?: boolean;
  timeouts?: Partial<{
    connectMs: number;
    handshakeMs: number;
    idleMs: number;
    keepaliveMs: number;
    refreshIntervalMs: number;
  }>;
};

/** A probe's expected "no" (non-zero exit, stderr as foreseen) is recorded as `probe`, not `failed`. */
export function auditOutcome(
  r: Pick<ExecResult, 'outcome' | 'exitCode' | 'stderr'>,
  probe: RegExp | undefined,
): AuditEntry['outcome'] {
  return r.outcome === 'failed' && r.exitCode !== null && probe !== undefined && probe.test(r.stderr)
    ? 'probe'
    : r.outcome;
}

export const defaultDataDir = (): string =>
  process.env.LABDECK_DATA_DIR ??
  path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'LabDeck');

/** "alice (web)": who opened a console, for the audit log. */
function whoOpens(mode: string): string {
  let user = process.env.USER ?? 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry: keep $USER
  }
  return `${user} (${mode === 'desktop' ? 'desktop app' : mode === 'web' ? 'browser' : 'CLI'})`;
}

export const defaultSshDir = (): string => process.env.LABDECK_SSH_DIR ?? path.join(os.homedir(), '.ssh');

/** The Electron-free engine: every service, wired once. Adapters (IPC, web, CLI) only translate. */
export async function createCore(o: CoreOptions) {
  const sshDir = o.sshDir ?? defaultSshDir();
  const t = {
    connectMs: 8000,
    handshakeMs: 15000,
    idleMs: 5 * 60_000,
    keepaliveMs: 15_000,
    refreshIntervalMs: 60_000,
    ...o.timeouts,
  };
  // Loose modes from older versions or restores: data folder 0700, its files 0600.
  await tightenPermissions(o.dataDir).catch(() => []);
  const bus = new EventBus();
  const prompts = new PromptBroker(bus);
  const secrets = new SecretStore(o.dataDir, o.cipher, o.cipherUnavailableReason);
  const hostKeys = new HostKeyStore({
    ownFile: path.join(o.dataDir, 'known_hosts'),
    userFiles: [path.join(sshDir, 'known_hosts'), path.join(sshDir, 'known_hosts2')],
    prompts,
  });
  const audit = new AuditLog(o.dataDir, bus);
  const pool = new ConnectionPool({
    hostKeys,
    credentials: new Credentials(prompts, secrets),
    connectTimeoutMs: t.connectMs,
    handshakeTimeoutMs: t.handshakeMs,
    keepaliveMs: t.keepaliveMs,
    idleMs: t.idleMs,
    maxChannels: 6,
    onExec: (endpoint, argv, r, hostId, stdinNote, probe) =>
      audit.append({
        hostId,
        host: endpointKey(endpoint),
        argv: [...argv],
        stdinNote,
        startedAt: new Date(Date.now() - r.durationMs).toISOString(),
        durationMs: r.durationMs,
        exitCode: r.exitCode,
        stderrHead: r.stderr.slice(0, 2000),
        outcome: auditOutcome(r, probe),
      }),
  });
  const runner = new RemoteRunner(pool);
  const store = new InventoryStore(o.inventoryFile ?? path.join(o.dataDir, 'inventory.json'));
  await store.load();
  const hosts = new HostService(store, runner, bus);
  const actions = new HostActions(hosts, runner);
  const jobs = new JobService(bus);
  // One lock per host for every change that must not interleave with another (composes today).
  const hostLocks = new KeyedLock();
  const virt = new VirtCapabilitiesService(runner);
  const journal = new ComposeJournal(path.join(o.dataDir, 'jobs'), {
    runner,
    lock: hostLocks,
    hosts: () => hosts.configs(),
  });
  const compose = new ComposeService({ hosts, runner, jobs, lock: hostLocks, virt, journal });
  const uploads = new VolumeUploads({ hosts, runner, jobs, lock: hostLocks });
  const guests = new GuestAddressService({ hosts, runner });
  const networks = new NetworkService({ hosts, runner, lock: hostLocks });
  const ansibleExport = new AnsibleExportService({ hosts, runner, compose });
  const consoles = new ConsoleService({ hosts, runner, pool, audit, by: whoOpens(o.mode) });
  /** One per adapter connection (a window, a WebSocket, the CLI): the streams it opened die with it. */
  const streamSession = (sink: StreamSink) => new StreamSession((kind, payload) => consoles.open(kind, payload), sink);
  const live = new LiveHosts(hosts, runner, pool, bus, {
    commandTimeoutMs: 30_000,
    debounceMs: 15,
    restartMs: 1000,
    maxRestartMs: 60_000,
    // One audit entry per resident process (its start), not one per query it answers.
    onResidentStart: (host, argv, stdinNote) =>
      audit.append({
        hostId: host.id,
        host: endpointKey(endpointOf(host)),
        argv: [...argv],
        stdinNote,
        startedAt: new Date().toISOString(),
        durationMs: 0,
        exitCode: null,
        stderrHead: '',
        outcome: 'ok',
      }),
  });
  // With live hosts, polling is a slow safety net; changes arrive as events.
  const scheduler = new RefreshScheduler(hosts, {
    intervalMs: t.refreshIntervalMs,
    jitter: 0.3,
    maxBackoffMs: 15 * 60_000,
    liveIntervalMs: 10 * 60_000,
    isLive: (id) => live.isLive(id),
  });
  // Hosts added or removed (by any adapter) get or lose their polling timer.
  bus.subscribe((event) => {
    if (event === 'host.changed' || event === 'host.removed') scheduler.sync();
  });
  // The CLI has nobody to answer a host-key or password prompt: its reads never ask.
  const interactive = o.mode !== 'cli';
  const reads = new HostReads({ hosts, scheduler, virt, interactive });
  const recovery = new Recovery(journal, (hostId) => reads.refreshInBackground(hostId));
  const background = o.backgroundRefresh ?? o.mode !== 'cli';
  if (o.live ?? background) live.start();
  if (background) scheduler.start();
  // The UI's list follows audit.jsonl, which the `labdeck` CLI appends to as well.
  if (o.mode !== 'cli') void audit.watch();

  return {
    mode: o.mode,
    dataDir: o.dataDir,
    sshDir,
    bus,
    prompts,
    hostKeys,
    audit,
    pool,
    runner,
    store,
    hosts,
    interactive,
    reads,
    recovery,
    actions,
    jobs,
    hostLocks,
    compose,
    journal,
    virt,
    uploads,
    guests,
    networks,
    ansibleExport,
    consoles,
    streamSession,
    scheduler,
    live,
    async dispose(): Promise<void> {
      scheduler.stop();
      live.stop();
      audit.stopWatching();
      // Running jobs are cancelled and roll back while the connections are still open.
      await jobs.shutdown();
      prompts.cancelAll();
      await pool.closeAll();
      await audit.flushed();
      await store.flushed();
    },
  };
}

export type Core = Awaited<ReturnType<typeof createCore>>;
