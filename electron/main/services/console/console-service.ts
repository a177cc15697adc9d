import type { Client, ClientChannel, PseudoTtyOptions } from 'ssh2';
import type { Duplex } from 'node:stream';
import {
  AppError,
  SerialConsoleOpen,
  VncConsoleOpen,
  type HostConfig,
  type StreamKind,
} from '../../../../shared/contract';
import { consoleFacts, SERIAL_BANNER, serialFailure, type VncTarget } from '../../../../shared/console/console-xml';
import { quoteArgv } from '../../../../shared/remote/shell-quote';
import { virsh, virshArgv } from '../../../../shared/virsh';
import type { AuditLog } from '../audit/audit-log';
import type { HostService } from '../hosts/host-service';
import { endpointOf, type RemoteRunner } from '../remote/remote-runner';
import type { ConnectionPool } from '../ssh/connection-pool';
import { endpointKey } from '../ssh/endpoint';
import type { EngineStream } from '../streams/stream-session';
import { channelStream } from './channel-stream';

/** The pool lane consoles ride on: a second connection per host, so commands never wait behind them. */
export const CONSOLE_LANE = 'console';
/** Below sshd's default MaxSessions (10): serial consoles are sessions, VNC tunnels are not. */
const MAX_SERIAL_PER_HOST = 8;
const ATTACH_TIMEOUT_MS = 15_000;
const ATTACH_GRACE_MS = 600;
/** virsh console's escape character (Ctrl-]): detaches cleanly before the channel closes. */
const VIRSH_ESCAPE = Buffer.from([0x1d]);

export type ConsoleSessionView = {
  id: number;
  kind: StreamKind;
  hostId: string;
  domain: string;
  openedAt: string;
  by: string;
};

function human(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function retryOpen<T>(open: () => Promise<T>): Promise<T> {
  return (async () => {
    // sshd frees a session slot a moment after a channel closes: a refusal right then is transient.
    for (let attempt = 0; ; attempt++) {
      try {
        return await open();
      } catch (err) {
        if (attempt >= 5 || !/open failed|Channel open failure/i.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
      }
    }
  })();
}

/**
 * Consoles over the SSH connection itself: a VM's serial port through a PTY exec of `virsh console`,
 * its VNC display through a forwarded channel to the host's loopback port or UNIX socket. Nothing
 * runs or listens on the host besides `virsh`; each session is two audit entries (opened, closed with
 * its byte counts), never its keystrokes.
 */
export class ConsoleService {
  private readonly sessions = new Map<number, ConsoleSessionView>();
  private nextId = 1;

  constructor(
    private readonly o: {
      hosts: HostService;
      runner: RemoteRunner;
      pool: ConnectionPool;
      audit: AuditLog;
      /** Who opens consoles here, for the audit log ("alice (web)"). */
      by: string;
    },
  ) {}

  /** Sessions open now (tests assert none leak). */
  list(): ConsoleSessionView[] {
    return [...this.sessions.values()];
  }

  open(kind: StreamKind, payload: unknown): Promise<EngineStream> {
    return kind === 'console.serial'
      ? this.openSerial(SerialConsoleOpen.parse(payload))
      : this.openVnc(VncConsoleOpen.parse(payload));
  }

  private host(id: string): HostConfig {
    const h = this.o.hosts.configs().find((x) => x.id === id);
    if (!h) throw new AppError({ kind: 'notFound', message: `No host with id ${id} in the inventory.` });
    return h;
  }

  /** The live XML and state; a VM that is not running gets a clear message, not virsh's. */
  private async facts(host: HostConfig, domain: string, what: string) {
    const [state, xml] = await Promise.all([
      this.o.runner.virsh(host, virsh.domain.domstate(domain), { interactive: true }),
      this.o.runner.virsh(host, virsh.domain.dumpxml(domain), { interactive: true }),
    ]);
    const s = state.trim();
    if (s !== 'running' && s !== 'paused' && s !== 'idle' && s !== 'in shutdown') {
      throw new AppError({
        kind: 'validation',
        message: `${domain} is ${s || 'not running'}: start it to use its ${what}.`,
      });
    }
    return consoleFacts(xml);
  }

  private serialCount(hostId: string): number {
    return [...this.sessions.values()].filter((s) => s.hostId === hostId && s.kind === 'console.serial').length;
  }

  private track(kind: StreamKind, host: HostConfig, domain: string, argv: string[], what: string) {
    const id = this.nextId++;
    const openedAt = new Date();
    this.sessions.set(id, { id, kind, hostId: host.id, domain, openedAt: openedAt.toISOString(), by: this.o.by });
    const base = { hostId: host.id, host: endpointKey(endpointOf(host)), argv, exitCode: null, stderrHead: '' };
    this.o.audit.append({
      ...base,
      stdinNote: `${what} of ${domain} opened by ${this.o.by}`,
      startedAt: openedAt.toISOString(),
      durationMs: 0,
      outcome: 'ok',
    });
    return (e: { reason: string; bytesIn: number; bytesOut: number; lost: boolean }) => {
      if (!this.sessions.delete(id)) return;
      this.o.audit.append({
        ...base,
        stdinNote: `${what} of ${domain} closed (${e.reason}) by ${this.o.by}: ${human(e.bytesIn)} to the host, ${human(e.bytesOut)} from it`,
        startedAt: openedAt.toISOString(),
        durationMs: Date.now() - openedAt.getTime(),
        outcome: e.lost ? 'failed' : 'ok',
      });
    };
  }

  private async openSerial(req: SerialConsoleOpen): Promise<EngineStream> {
    const host = this.host(req.hostId);
    const facts = await this.facts(host, req.domain, 'console');
    if (!facts.serial)
      throw new AppError({
        kind: 'validation',
        message: `${req.domain} has no serial port: add one (a <serial type='pty'>) to use its console.`,
      });
    if (this.serialCount(host.id) >= MAX_SERIAL_PER_HOST) {
      throw new AppError({
        kind: 'validation',
        message: `At most ${MAX_SERIAL_PER_HOST} serial consoles can be open on ${host.name} at once.`,
      });
    }
    const argv = virshArgv(host.libvirtUri, virsh.domain.console(req.domain, { force: req.force }));
    const lease = await this.o.pool.acquire(endpointOf(host), true, CONSOLE_LANE);
    let ch: ClientChannel;
    const pty: PseudoTtyOptions = { term: 'xterm-256color', cols: req.cols, rows: req.rows };
    try {
      ch = await retryOpen(
        () =>
          new Promise<ClientChannel>((resolve, reject) =>
            lease.client.exec(`exec ${quoteArgv(argv)}`, { pty }, (err, c) => (err ? reject(err) : resolve(c))),
          ),
      );
    } catch (err) {
      lease.release();
      throw new AppError({
        kind: 'connect',
        message: `Could not open a console channel on ${host.name}: ${(err as Error).message}`,
        command: quoteArgv(argv),
      });
    }
    let head: Buffer;
    try {
      head = await attached(ch, req.domain, quoteArgv(argv));
    } catch (err) {
      ch.destroy();
      lease.release();
      throw err;
    }
    const ended = this.track('console.serial', host, req.domain, argv, 'serial console');
    return channelStream(ch, {
      info: { domain: req.domain, host: host.name },
      client: lease.client,
      hostLabel: host.name,
      head,
      detachBytes: VIRSH_ESCAPE,
      onResize: (cols, rows) => ch.setWindow(rows, cols, 0, 0),
      endedReason: 'The console ended: the VM stopped, or another client took the console over.',
      onEnd: (e) => {
        ended(e);
        lease.release();
      },
    });
  }

  private async openVnc(req: VncConsoleOpen): Promise<EngineStream> {
    const host = this.host(req.hostId);
    const facts = await this.facts(host, req.domain, 'screen');
    const vnc = facts.vnc;
    if (!vnc)
      throw new AppError({ kind: 'validation', message: `${req.domain}: ${facts.vncProblem ?? 'no VNC display.'}` });
    const target =
      vnc.kind === 'unix'
        ? `unix:${vnc.path}`
        : vnc.address.includes(':')
          ? `[${vnc.address}]:${vnc.port}`
          : `${vnc.address}:${vnc.port}`;
    const lease = await this.o.pool.acquire(endpointOf(host), true, CONSOLE_LANE);
    let ch: Duplex;
    try {
      ch = await tunnel(lease.client, vnc);
    } catch (err) {
      lease.release();
      throw new AppError({
        kind: 'connect',
        message: `Could not reach the VNC display of ${req.domain} (${target}) on ${host.name}: ${(err as Error).message}`,
      });
    }
    const ended = this.track('console.vnc', host, req.domain, ['vnc-tunnel', target], 'graphical console');
    return channelStream(ch, {
      info: { domain: req.domain, host: host.name, target, passwordSet: vnc.passwordSet },
      client: lease.client,
      hostLabel: host.name,
      endedReason: 'The display closed: the VM stopped.',
      onEnd: (e) => {
        ended(e);
        lease.release();
      },
    });
  }
}

/** Reads until virsh's "Escape character is ^]" line; fails with a clear message if virsh exits first. */
function attached(ch: ClientChannel, domain: string, command: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let seen = Buffer.alloc(0);
    let graceTimer: NodeJS.Timeout | undefined;
    const done = (fn: () => void) => {
      clearTimeout(timer);
      clearTimeout(graceTimer);
      ch.removeListener('data', onData);
      ch.removeListener('close', onClose);
      ch.pause();
      fn();
    };
    const onData = (d: Buffer) => {
      seen = Buffer.concat([seen, d]);
      const text = seen.toString('latin1');
      const m = SERIAL_BANNER.exec(text);
      // virsh prints its banner before it learns the console is busy: an "error:" may follow it, and
      // then it exits. A short grace after the banner turns that into the clear message.
      if (m && !graceTimer) {
        graceTimer = setTimeout(() => {
          const after = seen.subarray(m.index + m[0].length);
          if (/^\s*error:/i.test(after.toString('latin1'))) return; // the close that follows says why
          done(() => resolve(after));
        }, ATTACH_GRACE_MS);
      } else if (seen.length > 64 * 1024)
        done(() =>
          reject(
            new AppError({
              kind: 'remote',
              message: `virsh console of ${domain} said too much before attaching.`,
              command,
            }),
          ),
        );
    };
    const onClose = () => {
      const f = serialFailure(seen.toString('utf8'), domain);
      done(() =>
        reject(
          new AppError({
            kind: 'remote',
            message: f.message,
            command,
            stderr: seen.toString('utf8').slice(0, 2000),
            ...(f.hint ? { hint: f.hint } : {}),
          }),
        ),
      );
    };
    const timer = setTimeout(
      () =>
        done(() =>
          reject(
            new AppError({
              kind: 'timeout',
              message: `virsh console of ${domain} did not attach within ${ATTACH_TIMEOUT_MS / 1000} s.`,
              command,
            }),
          ),
        ),
      ATTACH_TIMEOUT_MS,
    );
    ch.on('data', onData);
    ch.on('close', onClose);
  });
}

function tunnel(client: Client, t: VncTarget): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    if (t.kind === 'unix') client.openssh_forwardOutStreamLocal(t.path, (err, s) => (err ? reject(err) : resolve(s)));
    else client.forwardOut('127.0.0.1', 0, t.address, t.port, (err, s) => (err ? reject(err) : resolve(s)));
  });
}
