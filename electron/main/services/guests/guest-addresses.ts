import { randomUUID } from 'node:crypto';
import { AppError, type HostConfig } from '../../../../shared/contract';
import type { addressOrigins, GuestAddress, GuestAddresses } from '../../../../shared/contract/guests';

type AddressOrigin = (typeof addressOrigins)[number];
import { activeStates, parseDomState } from '../../../../shared/snapshot/parse-domstate';
import {
  parseDomIfAddrOutput,
  parseDomIfList,
  parseProcNetArp,
  type DomIfAddr,
  type DomIfListRow,
} from '../../../../shared/snapshot/parse-domifaddr';
import type { DomainState, HostSnapshot } from '../../../../shared/snapshot/types';
import { virshErrors } from '../../../../shared/snapshot/virsh-text';
import { virsh, virshArgv } from '../../../../shared/virsh';
import { commandError } from '../remote/remote-runner';
import type { RunOptions } from '../remote/remote-runner';
import type { ExecResult } from '../ssh/exec-channel';
import { addressesSettled, arpRowsForNics, countText, mergeAddresses, triedNote, type SourceResult } from './merge';

/**
 * A guest's addresses from every source libvirt has — its network's DHCP lease, the host's ARP
 * table, the QEMU guest agent — in ONE exec per look:
 *
 *   sh -s -- URI UUID NONCE     (GUEST_ADDRESS_SCRIPT on stdin)
 *
 * which runs one virsh process with the chain `domstate; domiflist; domifaddr --source lease;
 * domifaddr --source arp; domifaddr --source agent` (delimited by `echo`, stderr merged) and then
 * reads /proc/net/arp. The domain goes in as its UUID (checked against a strict pattern by the script
 * as well), never as a name: virsh re-parses its command string, so a name would be shell-like syntax
 * there. The name is resolved to the UUID once, from the host's latest snapshot or `virsh domuuid`
 * (argv, quoted).
 *
 * /proc/net/arp: libvirt's own `--source arp` reads the same table through netlink, and libvirt 9.0
 * with newer kernels fails at that ("internal error: wrong nlmsg len", Debian 12). When it fails,
 * the host's table read by the script stands in (matched to the domain's NICs by MAC), and `tried`
 * says so.
 *
 * With waitMs it looks again about once a second (one look at a time: the next starts a second after
 * the previous ended, so slow looks never pile up) until the addresses are settled (see merge.ts),
 * the domain is not running, the time is up or the signal aborts. Concurrent waits on the same
 * domain share each look.
 */

export const GUEST_ADDRESS_SCRIPT = `# LabDeck guest addresses, format 1. Usage: sh -s -- LIBVIRT_URI DOMAIN_UUID NONCE
main() {
  uri=$1 u=$2 nonce=$3
  case $u in ????????-????-????-????-????????????) ;; *) echo "not a UUID: $u" >&2; exit 2 ;; esac
  case $u in *[!0-9a-fA-F-]*) echo "not a UUID: $u" >&2; exit 2 ;; esac
  case $nonce in ""|*[!0-9a-fA-F-]*) echo "bad nonce" >&2; exit 2 ;; esac
  LC_ALL=C; export LC_ALL
  PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin; export PATH
  M="@@@lga:$nonce"
  echo "$M begin"
  virsh --connect "$uri" "echo $M state; domstate --domain $u; echo $M iflist; domiflist --domain $u; \\
echo $M lease; domifaddr --domain $u --source lease; echo $M arp; domifaddr --domain $u --source arp; \\
echo $M agent; domifaddr --domain $u --source agent" 2>&1 </dev/null
  echo "$M neigh"
  cat /proc/net/arp 2>&1 </dev/null
  echo "$M end"
}
main "$@"
exit 0
`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One look, parsed. */
export interface AddressLook {
  state: DomainState;
  /** virsh could not find the domain (deleted, or the UUID was stale). */
  missing: boolean;
  nics: DomIfListRow[];
  sources: SourceResult[];
  addresses: GuestAddress[];
  tried: GuestAddresses['tried'];
}

/** Splits the script's output at `@@@lga:NONCE name` lines. */
export function splitLook(stdout: string, nonce: string): Map<string, string> {
  const marker = `@@@lga:${nonce} `;
  const out = new Map<string, string>();
  let name: string | undefined;
  let lines: string[] = [];
  const close = () => {
    if (name !== undefined) out.set(name, lines.join('\n'));
  };
  for (const line of stdout.split('\n')) {
    if (line.startsWith(marker)) {
      close();
      name = line.slice(marker.length).trim();
      lines = [];
    } else lines.push(line);
  }
  close();
  return out;
}

/** Parses one look's output (pure; exported for tests). */
export function parseLook(stdout: string, nonce: string): AddressLook {
  const s = splitLook(stdout, nonce);
  if (!s.has('begin') || !s.has('end'))
    throw new Error(`the address script's output was cut short: ${stdout.slice(0, 300)}`);
  // Output between "begin" and the first virsh marker: virsh failed before running the chain.
  const connect = virshErrors(s.get('begin') ?? '');
  if (connect.length > 0 && !s.has('state')) throw new Error(connect.join(' — '));
  const stateBody = s.get('state') ?? '';
  const missing = virshErrors(stateBody).some((e) => /failed to get domain|Domain not found/i.test(e));
  const state = parseDomState(stateBody);
  const nics = parseDomIfList(s.get('iflist') ?? '');
  const sources: SourceResult[] = (['lease', 'arp', 'agent'] as const).map((origin) => ({
    origin,
    outcome: parseDomIfAddrOutput(s.get(origin) ?? ''),
  }));

  const rows: { origin: AddressOrigin; rows: DomIfAddr[] }[] = [];
  const tried: GuestAddresses['tried'] = [];
  for (const src of sources) {
    const o = src.outcome;
    if (src.origin === 'arp' && !o.ok && o.reason !== 'notRunning' && activeStates.has(state)) {
      // libvirt's ARP reader failed: the host's table, read in the same exec, says the same.
      const fallback = arpRowsForNics(parseProcNetArp(s.get('neigh') ?? ''), nics);
      rows.push({ origin: 'arp', rows: fallback });
      tried.push({
        origin: 'arp',
        ok: true,
        note: `${countText(fallback.length)} from /proc/net/arp (libvirt: ${o.message})`,
      });
      continue;
    }
    const srcRows = o.ok ? o.addresses : [];
    rows.push({ origin: src.origin, rows: srcRows });
    tried.push(triedNote(src, srcRows.length));
  }
  const addresses = mergeAddresses(
    rows,
    nics.map((n) => n.mac),
  );
  return { state, missing, nics, sources, addresses, tried };
}

/** MACs of the domain's NICs that sit on a libvirt network handing out IPv4 leases. */
export function dhcpNicMacs(nics: DomIfListRow[], snapshot: HostSnapshot | undefined): string[] {
  const dhcpNets = new Set(
    (snapshot?.libvirt?.networks ?? [])
      .filter(
        (n) =>
          n.active &&
          n.ips.some(
            (ip) => ip.family === 'ipv4' && ip.dhcp && (ip.dhcp.ranges.length > 0 || ip.dhcp.hosts.length > 0),
          ),
      )
      .map((n) => n.name),
  );
  return nics.filter((n) => n.type === 'network' && n.source !== undefined && dhcpNets.has(n.source)).map((n) => n.mac);
}

export type Clock = {
  now(): number;
  /** Resolves after ms, or rejects when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
};

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(cancelled());
      const t = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(t);
        reject(cancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

function cancelled(): AppError {
  return new AppError({ kind: 'cancelled', message: 'Stopped waiting for an address.' });
}

export type GuestAddressDeps = {
  hosts: { configs(): HostConfig[]; latestSnapshot(id: string): HostSnapshot | undefined };
  runner: { exec(host: HostConfig, argv: readonly string[], o?: RunOptions): Promise<ExecResult> };
  clock?: Clock;
  /** Pause between looks while waiting; 1000 by default. */
  pollMs?: number;
};

export type ReadOptions = {
  waitMs?: number;
  signal?: AbortSignal;
  /** May the SSH layer ask the user (host key, passphrase)? true for the app, false for the CLI. */
  interactive?: boolean;
};

const LOOK_TIMEOUT_MS = 30_000;

type Shared = { promise: Promise<AddressLook>; controller: AbortController; users: number };

export class GuestAddressService {
  private readonly clock: Clock;
  private readonly pollMs: number;
  private readonly inflight = new Map<string, Shared>();

  constructor(private readonly deps: GuestAddressDeps) {
    this.clock = deps.clock ?? realClock;
    this.pollMs = deps.pollMs ?? 1000;
  }

  private host(hostId: string): HostConfig {
    const host = this.deps.hosts.configs().find((h) => h.id === hostId);
    if (!host) throw new AppError({ kind: 'notFound', message: `No host with id ${hostId}.` });
    const snap = this.deps.hosts.latestSnapshot(hostId);
    if (snap && snap.kind === 'machine')
      throw new AppError({ kind: 'noLibvirt', message: `${host.name} has no virsh, so it has no VMs.` });
    return host;
  }

  /** The domain's UUID: from the latest snapshot unless `fresh`, else `virsh domuuid` (argv, quoted). */
  private async uuidOf(host: HostConfig, domain: string, fresh: boolean, o: ReadOptions): Promise<string> {
    if (!fresh) {
      const d = this.deps.hosts.latestSnapshot(host.id)?.libvirt?.domains.find((x) => x.name === domain);
      if (d && UUID.test(d.uuid)) return d.uuid;
    }
    const argv = virshArgv(host.libvirtUri, virsh.domain.domuuid(domain));
    const r = await this.deps.runner.exec(host, argv, {
      timeoutMs: LOOK_TIMEOUT_MS,
      signal: o.signal,
      interactive: o.interactive,
    });
    const uuid = r.stdout.trim().split('\n')[0]?.trim() ?? '';
    if (r.outcome === 'ok' && UUID.test(uuid)) return uuid.toLowerCase();
    if (r.outcome === 'failed' && /failed to get domain|Domain not found/i.test(r.stderr)) {
      throw new AppError({ kind: 'notFound', message: `${host.name} has no VM named "${domain}".` });
    }
    throw commandError(host, argv, r);
  }

  private async lookOnce(host: HostConfig, uuid: string, o: ReadOptions, signal: AbortSignal): Promise<AddressLook> {
    const nonce = randomUUID();
    const argv = ['sh', '-s', '--', host.libvirtUri, uuid, nonce];
    const r = await this.deps.runner.exec(host, argv, {
      stdin: GUEST_ADDRESS_SCRIPT,
      stdinNote: 'guest address script: virsh domstate/domiflist/domifaddr --source lease|arp|agent, cat /proc/net/arp',
      timeoutMs: LOOK_TIMEOUT_MS,
      signal,
      interactive: o.interactive,
    });
    if (r.outcome !== 'ok') throw commandError(host, argv, r);
    try {
      return parseLook(r.stdout, nonce);
    } catch (err) {
      throw new AppError({
        kind: 'remote',
        message: `${host.name}: ${(err as Error).message}`,
        command: argv.join(' '),
        stderr: r.stderr,
      });
    }
  }

  /** One look, shared with every concurrent caller for the same domain; aborted when all callers abort. */
  private look(host: HostConfig, uuid: string, o: ReadOptions): Promise<AddressLook> {
    const key = `${host.id}|${uuid}`;
    let entry = this.inflight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const created: Shared = { controller, users: 0, promise: Promise.resolve(null as unknown as AddressLook) };
      created.promise = this.lookOnce(host, uuid, o, controller.signal).finally(() => {
        if (this.inflight.get(key) === created) this.inflight.delete(key);
      });
      created.promise.catch(() => undefined);
      this.inflight.set(key, created);
      entry = created;
    }
    const shared = entry;
    shared.users++;
    const signal = o.signal;
    return new Promise<AddressLook>((resolve, reject) => {
      let done = false;
      const leave = () => {
        done = true;
        shared.users--;
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        if (done) return;
        leave();
        if (shared.users === 0) {
          if (this.inflight.get(key) === shared) this.inflight.delete(key);
          shared.controller.abort();
        }
        reject(cancelled());
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (v) => {
          if (done) return;
          leave();
          resolve(v);
        },
        (err: unknown) => {
          if (done) return;
          leave();
          reject(err);
        },
      );
    });
  }

  /**
   * The domain's addresses now, or — with waitMs — once they are settled, the domain stops running
   * or the time is up (then `timedOut` when no usable address arrived at all).
   */
  async read(hostId: string, domain: string, o: ReadOptions = {}): Promise<GuestAddresses> {
    const host = this.host(hostId);
    const waitMs = Math.max(0, o.waitMs ?? 0);
    const started = this.clock.now();
    let uuid = await this.uuidOf(host, domain, false, o);
    let look = await this.look(host, uuid, o);
    if (look.missing) {
      // The snapshot's UUID may be stale (the VM was deleted and defined again under the same name).
      uuid = await this.uuidOf(host, domain, true, o);
      look = await this.look(host, uuid, o);
      if (look.missing) throw new AppError({ kind: 'notFound', message: `${host.name} has no VM named "${domain}".` });
    }
    const settled = (l: AddressLook) =>
      addressesSettled(l.addresses, dhcpNicMacs(l.nics, this.deps.hosts.latestSnapshot(hostId)));
    let outOfTime = false;
    while (waitMs > 0 && activeStates.has(look.state) && !settled(look)) {
      const left = started + waitMs - this.clock.now();
      if (left <= 0) {
        outOfTime = true;
        break;
      }
      await this.clock.sleep(Math.min(this.pollMs, left), o.signal);
      try {
        look = await this.look(host, uuid, o);
      } catch (err) {
        // A look that failed mid-wait (a dropped connection) is tried again; cancels and gone VMs end it.
        if (err instanceof AppError && (err.shape.kind === 'cancelled' || err.shape.kind === 'notFound')) throw err;
        if (o.signal?.aborted) throw cancelled();
        continue;
      }
      if (look.missing) throw new AppError({ kind: 'notFound', message: `${host.name}: the VM "${domain}" is gone.` });
    }
    return {
      domain,
      state: look.state,
      addresses: look.addresses,
      tried: look.tried,
      timedOut: outOfTime && look.addresses.length === 0,
      waitedMs: Math.max(0, Math.round(this.clock.now() - started)),
    };
  }
}
