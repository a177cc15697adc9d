import { randomUUID } from 'node:crypto';
import { parseSnapshotOutput } from '../../../../shared/snapshot/parse-snapshot';
import { parseUuidList } from '../../../../shared/snapshot/parse-uuid-list';
import { SNAPSHOT_SCRIPT } from '../../../../shared/snapshot/snapshot-script';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { withoutErrors } from '../../../../shared/snapshot/virsh-text';
import { virsh, virshLine } from '../../../../shared/virsh';
import type { ResidentSession, SessionCommand, SessionSection } from './virsh-session';

const ENV =
  'LC_ALL=C; export LC_ALL; PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin; export PATH; COLUMNS=4096; export COLUMNS';

/**
 * The resident virsh: interactive, stderr merged so an error lands in its command's section. On a
 * local URI (the host's own daemon, a Unix socket) libvirt keepalives only cost wakeups: a dead
 * daemon closes the socket anyway.
 */
export const virshSessionArgv = (uri: string): string[] => [
  'sh',
  '-c',
  `${ENV}; ${KEEPALIVE} exec virsh $ka --connect "$1" 2>&1`,
  'labdeck-virsh-session',
  uri,
];
export const KEEPALIVE = 'case $1 in *:///*) ka="-k 0" ;; *) ka= ;; esac;';
export const VIRSH_SESSION_NOTE =
  'resident virsh session (read-only queries on stdin: uri, *-list --uuid, version, nodeinfo, net-/pool-dumpxml, net-dhcp-leases, vol-list, dumpxml, domstate, domifaddr, …)';

/** The resident shell: the snapshot script's functions defined once, `host_sections` run per read. */
export const shellSessionArgv = (): string[] => ['sh', '-c', 'exec sh -s 2>&1', 'labdeck-shell-session'];
export const SHELL_SESSION_NOTE =
  "resident shell session (the snapshot script's host_sections per read: uname, id, getconf, /proc/meminfo, ip -j -d addr, /proc/net/arp)";

const MAIN_CALL = '\nmain "$@"\nexit 0\n';
export function shellSessionSetup(): string {
  if (!SNAPSHOT_SCRIPT.endsWith(MAIN_CALL)) throw new Error('SNAPSHOT_SCRIPT no longer ends with its main call');
  return `${ENV}\n${SNAPSHOT_SCRIPT.slice(0, -MAIN_CALL.length)}\n`;
}

/** The list sections, with the very commands the snapshot script runs (UUIDs are safe on virsh's line). */
const { domain, network, pool, volume, host } = virsh;
const LISTS: SessionCommand[] = [
  { name: 'uri', cmd: virshLine(host.uri()) },
  { name: 'net-all', cmd: virshLine(network.list({ all: true, uuid: true })) },
  { name: 'net-active', cmd: virshLine(network.list({ uuid: true })) },
  { name: 'net-autostart', cmd: virshLine(network.list({ all: true, autostart: true, uuid: true })) },
  { name: 'net-persistent', cmd: virshLine(network.list({ all: true, persistent: true, uuid: true })) },
  { name: 'pool-all', cmd: virshLine(pool.list({ all: true, uuid: true })) },
  { name: 'pool-active', cmd: virshLine(pool.list({ uuid: true })) },
  { name: 'pool-autostart', cmd: virshLine(pool.list({ all: true, autostart: true, uuid: true })) },
  { name: 'pool-persistent', cmd: virshLine(pool.list({ all: true, persistent: true, uuid: true })) },
  { name: 'dom-all', cmd: virshLine(domain.list({ all: true, uuid: true })) },
  { name: 'dom-active', cmd: virshLine(domain.list({ uuid: true })) },
];
const HEAD: SessionCommand[] = [
  { name: 'version', cmd: virshLine(host.version({ daemon: true })) },
  { name: 'nodeinfo', cmd: virshLine(host.nodeinfo()) },
];

const netCmds = (u: string, active: boolean): SessionCommand[] => [
  { name: 'net-xml', arg: u, cmd: virshLine(network.dumpxml(u)) },
  ...(active ? [{ name: 'net-leases', arg: u, cmd: virshLine(network.dhcpLeases(u)) }] : []),
];
const poolCmds = (u: string, active: boolean): SessionCommand[] => [
  { name: 'pool-xml', arg: u, cmd: virshLine(pool.dumpxml(u)) },
  ...(active ? [{ name: 'vol-list', arg: u, cmd: virshLine(volume.list(u, { details: true })) }] : []),
];
const domCmds = (u: string, active: boolean): SessionCommand[] => [
  { name: 'dom-xml', arg: u, cmd: virshLine(domain.dumpxml(u)) },
  { name: 'dom-state', arg: u, cmd: virshLine(domain.domstate(u)) },
  ...(active ? [{ name: 'dom-ifaddr', arg: u, cmd: virshLine(domain.domifaddr(u, { source: 'lease' })) }] : []),
];

/** What changed, as far as an event tells: only that is read again. */
export type ReadScope = {
  host?: boolean;
  /** Domain names from events; new or vanished domains are found from the lists. */
  domains?: string[];
  networks?: boolean;
  pools?: boolean;
  all?: boolean;
};

export class SessionUnusableError extends Error {}

const key = (s: { name: string; arg?: string }) => (s.arg ? `${s.name} ${s.arg}` : s.name);
const xmlName = (xml: string): string | undefined => {
  const m = /<name>([^<]*)<\/name>/.exec(xml);
  return m?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
};

/**
 * Reads a host's snapshot through its resident sessions and hands exactly the text the snapshot
 * script would print to the same parser: the result is the same HostSnapshot. The last answers are
 * kept, so an event re-reads only the lists and the objects it names.
 */
export class SessionSnapshotReader {
  private host?: { nonce: string; text: string };
  private virsh?: Map<string, string>;
  readonly stats = { full: 0, targeted: 0 };

  constructor(
    private readonly sh: ResidentSession,
    private readonly virshSession: ResidentSession,
  ) {}

  /** Forget the cache: the next read is a full one. */
  invalidate(): void {
    this.host = undefined;
    this.virsh = undefined;
  }

  async read(scope: ReadScope = { all: true }): Promise<HostSnapshot> {
    const all = scope.all || !this.host || !this.virsh;
    const hasVirsh = (h: { nonce: string; text: string }) => h.text.includes(`@@@lds:${h.nonce} virsh present`);
    const hostP = all || scope.host || !this.host ? this.readHost() : Promise.resolve(this.host);
    // Both sessions at once: virsh is asked unless the last look found none (then only if it appeared).
    const readVirsh = () => (all || !this.virsh ? this.readVirshAll() : this.readVirshTargeted(scope, this.virsh));
    const early = !this.host || hasVirsh(this.host) ? readVirsh() : undefined;
    early?.catch(() => undefined);
    const host = await hostP.catch((err: unknown) => {
      throw new SessionUnusableError(`the resident shell failed: ${(err as Error).message}`);
    });
    const virsh = hasVirsh(host) ? await (early ?? readVirsh()) : undefined;
    const text = assemble(host, virsh);
    const snapshot = parseSnapshotOutput(text, new Date().toISOString());
    this.host = host;
    this.virsh = virsh;
    if (all) this.stats.full++;
    else this.stats.targeted++;
    return snapshot;
  }

  private async readHost(): Promise<{ nonce: string; text: string }> {
    const nonce = randomUUID();
    const [s] = await this.sh.run([
      {
        name: 'host',
        cmd: `M='@@@lds:${nonce}'; host_sections; if command -v virsh >/dev/null 2>&1; then sec virsh present; else sec virsh absent; fi`,
      },
    ]);
    return { nonce, text: s?.body ?? '' };
  }

  private async lists(extra: SessionCommand[]): Promise<SessionSection[]> {
    const r = await this.virshSession.run([...LISTS, ...extra]);
    const uri = withoutErrors(r.find((s) => s.name === 'uri')?.body ?? '').trim();
    // No answer to `uri`: libvirt is not reachable through this session; the script reports why.
    if (!uri)
      throw new SessionUnusableError(
        `virsh answered no URI: ${(r.find((s) => s.name === 'uri')?.body ?? '').trim().slice(0, 300)}`,
      );
    return r;
  }

  private async readVirshAll(): Promise<Map<string, string>> {
    const first = await this.lists(HEAD);
    const map = new Map(first.map((s) => [key(s), s.body]));
    const cmds: SessionCommand[] = [];
    const on = (n: string) => new Set(parseUuidList(map.get(n) ?? ''));
    const netsOn = on('net-active');
    const poolsOn = on('pool-active');
    const domsOn = on('dom-active');
    for (const u of parseUuidList(map.get('net-all') ?? '')) cmds.push(...netCmds(u, netsOn.has(u)));
    for (const u of parseUuidList(map.get('pool-all') ?? '')) cmds.push(...poolCmds(u, poolsOn.has(u)));
    for (const u of parseUuidList(map.get('dom-all') ?? '')) cmds.push(...domCmds(u, domsOn.has(u)));
    if (cmds.length > 0) for (const s of await this.virshSession.run(cmds)) map.set(key(s), s.body);
    return map;
  }

  private async readVirshTargeted(scope: ReadScope, old: Map<string, string>): Promise<Map<string, string>> {
    const first = await this.lists([]);
    const map = new Map<string, string>();
    for (const k of ['version', 'nodeinfo']) map.set(k, old.get(k) ?? '');
    for (const s of first) map.set(key(s), s.body);
    const list = (m: Map<string, string>, n: string) => new Set(parseUuidList(m.get(n) ?? ''));
    const names = new Set(scope.domains ?? []);
    const cmds: SessionCommand[] = [];
    const plan = (
      kind: 'net' | 'pool' | 'dom',
      cmdsOf: (u: string, active: boolean) => SessionCommand[],
      force: (u: string) => boolean,
    ) => {
      const allNow = list(map, `${kind}-all`);
      const onNow = list(map, `${kind}-active`);
      const onBefore = list(old, `${kind}-active`);
      for (const u of allNow) {
        const c = cmdsOf(u, onNow.has(u));
        const cached = c.every((x) => old.has(key(x)));
        if (!cached || force(u) || onNow.has(u) !== onBefore.has(u)) cmds.push(...c);
        else for (const x of c) map.set(key(x), old.get(key(x))!);
      }
    };
    plan('net', netCmds, () => !!scope.networks);
    plan('pool', poolCmds, () => !!scope.pools);
    plan('dom', domCmds, (u) => {
      const n = xmlName(old.get(`dom-xml ${u}`) ?? '');
      return n !== undefined && names.has(n);
    });
    if (cmds.length > 0) for (const s of await this.virshSession.run(cmds)) map.set(key(s), s.body);
    return map;
  }
}

/** The snapshot script's output, rebuilt from the sessions' answers in the script's own order. */
function assemble(host: { nonce: string; text: string }, virsh: Map<string, string> | undefined): string {
  const M = `@@@lds:${host.nonce}`;
  const out: string[] = [`LABDECK-SNAPSHOT 1 ${host.nonce}\n`, host.text.endsWith('\n') ? host.text : `${host.text}\n`];
  const sec = (name: string, body: string) =>
    out.push(`${M} ${name}\n`, body === '' || body.endsWith('\n') ? body : `${body}\n`);
  if (virsh) {
    sec('connect 0', '');
    for (const c of LISTS) sec(c.name, virsh.get(c.name) ?? '');
    sec('batch 1', '');
    for (const c of HEAD) sec(c.name, virsh.get(c.name) ?? '');
    const on = (n: string) => new Set(parseUuidList(virsh.get(n) ?? ''));
    const emit = (cmds: SessionCommand[]) => {
      for (const c of cmds) if (virsh.has(key(c))) sec(key(c), virsh.get(key(c))!);
    };
    const netsOn = on('net-active');
    const poolsOn = on('pool-active');
    const domsOn = on('dom-active');
    for (const u of parseUuidList(virsh.get('net-all') ?? '')) emit(netCmds(u, netsOn.has(u)));
    for (const u of parseUuidList(virsh.get('pool-all') ?? '')) emit(poolCmds(u, poolsOn.has(u)));
    for (const u of parseUuidList(virsh.get('dom-all') ?? '')) emit(domCmds(u, domsOn.has(u)));
  }
  out.push(`${M} end\n`);
  return out.join('');
}
