import type { SessionTransport, TransportOpener } from './session-transport';

export type HostEvent =
  | { kind: 'domain'; name: string; event: string; detail: string }
  | { kind: 'network'; name: string; event: string; detail: string }
  | { kind: 'pool'; name: string; event: string; detail: string }
  | { kind: 'link' }
  /** A watcher restarted (libvirtd came back): events may have been missed, so everything is read again soon. */
  | { kind: 'resync'; why: string };

/**
 * One channel per host with every watcher in it, each line tagged: libvirt's domain, network and
 * pool lifecycle events (`virsh … event --loop`, each its own libvirt connection) and the kernel's
 * link/address changes (`ip -o monitor`). A watcher that ends (libvirtd restarted) is started again
 * after a pause (doubling while it keeps failing, up to a minute). No libvirt keepalives on a local
 * URI (a dead daemon closes the socket). Everything is killed when the channel's stdin closes
 * (LabDeck closed it, or the SSH connection died).
 */
export const EVENTS_SCRIPT = `LC_ALL=C; export LC_ALL; PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin; export PATH
uri=$1
case $uri in *:///*) ka='-k 0' ;; *) ka= ;; esac
watch() {
  tag=$1; shift
  n=0 d=1
  while :; do
    if [ "$n" -gt 0 ]; then printf 'R %s watcher restarted\\n' "$tag"; fi
    t0=$(date +%s)
    "$@" </dev/null 2>&1 | while IFS= read -r l; do printf '%s %s\\n' "$tag" "$l"; done
    n=$((n + 1))
    # A watcher that ran a while is restarted after a second; one that keeps failing, ever more slowly.
    if [ $(($(date +%s) - t0)) -ge 60 ]; then d=1; fi
    sleep "$d"
    d=$((d * 2)); [ "$d" -le 60 ] || d=60
  done
}
if command -v virsh >/dev/null 2>&1; then
  watch D virsh $ka --connect "$uri" event --all --loop --timestamp &
  watch N virsh $ka --connect "$uri" net-event --event lifecycle --loop --timestamp &
  watch P virsh $ka --connect "$uri" pool-event --event lifecycle --loop --timestamp &
fi
if command -v ip >/dev/null 2>&1; then watch I ip -o monitor link address & fi
printf 'READY\\n'
cat >/dev/null
kill 0
`;

export const eventsArgv = (uri: string): string[] => ['sh', '-c', EVENTS_SCRIPT, 'labdeck-events', uri];
export const EVENTS_NOTE =
  'resident event watchers: virsh event --all --loop, net-event/pool-event --event lifecycle --loop, ip -o monitor link address';

const LINE = /^(\S+ \S+: )?event '([^']*)' for (domain|network|storage pool) '(.*)': ?(.*)$/;

/** Parses one tagged line of EVENTS_SCRIPT; undefined for noise (virsh's own messages). */
export function parseEventLine(line: string): HostEvent | undefined {
  const tag = line.slice(0, 1);
  const rest = line.slice(2);
  if (tag === 'I') return rest.trim() ? { kind: 'link' } : undefined;
  if (tag === 'R') return { kind: 'resync', why: rest };
  if (tag === 'D' || tag === 'N' || tag === 'P') {
    const m = LINE.exec(rest);
    if (!m) return undefined;
    const kind = m[3] === 'domain' ? 'domain' : m[3] === 'network' ? 'network' : 'pool';
    return { kind, name: m[4]!, event: m[2]!, detail: m[5] ?? '' };
  }
  return undefined;
}

export class EventStream {
  private t?: SessionTransport;
  private buf = '';
  private stopped = false;
  private ready = false;

  constructor(
    private readonly o: {
      uri: string;
      open: TransportOpener;
      onEvent: (e: HostEvent) => void;
      /** up=true once the watchers run; false when the channel ends. */
      onState: (up: boolean, why?: string) => void;
      /** From READY to live (the watchers registering). */
      settleMs?: number;
    },
  ) {}

  get up(): boolean {
    return this.ready && !!this.t && !this.t.closed;
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.ready = false;
    this.buf = '';
    const t = await this.o.open(eventsArgv(this.o.uri), {
      onData: (text) => {
        if (this.t !== t) return;
        this.buf += text;
        let nl: number;
        while ((nl = this.buf.indexOf('\n')) >= 0) {
          const line = this.buf.slice(0, nl).replace(/\r$/, '');
          this.buf = this.buf.slice(nl + 1);
          if (line === 'READY') {
            // The watchers need a moment to register with libvirt: only then is the host live
            // (and LabDeck reads it once more, for what changed in between).
            const settle = setTimeout(() => {
              if (this.t !== t) return;
              this.ready = true;
              this.o.onState(true);
            }, this.o.settleMs ?? 1000);
            settle.unref?.();
            continue;
          }
          const e = parseEventLine(line);
          if (e) this.o.onEvent(e);
        }
      },
      onClose: (why) => {
        if (this.t !== t) return;
        this.t = undefined;
        this.ready = false;
        if (!this.stopped) this.o.onState(false, why);
      },
    });
    this.t = t;
  }

  stop(): void {
    this.stopped = true;
    this.t?.close();
    this.t = undefined;
  }
}
