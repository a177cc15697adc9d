/** `flags` keeps a flag's last value; `lists` every value of a flag given more than once (--ssh-key A --ssh-key B). */
export type Args = { positional: string[]; flags: Map<string, string | true>; lists: Map<string, string[]> };

/** Flags that never take a value, so `--json NAME` keeps NAME positional. */
const BOOLEAN_FLAGS = new Set([
  'json',
  'help',
  'force',
  'start',
  'no-nic-rom',
  'networks',
  'plan',
  'dry-run',
  'no-autostart',
  'no-start',
]);

/** `--k v`, `--k=v` and boolean flags; everything else is positional, in order. */
export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  const set = (k: string, v: string | true) => {
    flags.set(k, v);
    if (v !== true) lists.set(k, [...(lists.get(k) ?? []), v]);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const k = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (eq >= 0) set(k, a.slice(eq + 1));
      else if (!BOOLEAN_FLAGS.has(k) && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) set(k, argv[++i]!);
      else set(k, true);
    } else positional.push(a);
  }
  return { positional, flags, lists };
}

/** A flag's text value; undefined when absent, an error when given without a value. */
export function textFlag(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value.`);
  return v;
}

export function intFlag(args: Args, name: string): number | undefined {
  const v = textFlag(args, name);
  if (v === undefined) return undefined;
  if (!/^[0-9]+$/.test(v)) throw new UsageError(`--${name} takes a whole number, not '${v}'.`);
  return Number(v);
}

/** Wrong usage: the CLI prints it and exits 2. */
export class UsageError extends Error {}

/** Edit distance (insert, delete, substitute, swap of neighbours) between two option names. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The known option nearest to `name` (a prefix counts as near: --macvlan-mod → --macvlan-mode). */
export function nearestOption(name: string, known: readonly string[]): string | undefined {
  let best: { k: string; score: number } | undefined;
  for (const k of known) {
    const score =
      k.startsWith(name) || name.startsWith(k) ? Math.abs(k.length - name.length) * 0.5 : editDistance(name, k);
    if (!best || score < best.score) best = { k, score };
  }
  return best?.k;
}

/**
 * Unknown options are errors: a typo must not silently fall back to a default. The message names
 * the nearest valid option of this command (and lists them all when nothing is close).
 */
export function checkOptions(args: Args, known: readonly string[], command: string): void {
  const unknown = [...args.flags.keys()].filter((k) => !known.includes(k));
  if (unknown.length === 0) return;
  const lines = unknown.map((k) => {
    const near = nearestOption(k, known);
    const close = near !== undefined && editDistance(k, near) <= Math.max(2, Math.floor(k.length / 3));
    const nearText =
      near === undefined ? '' : close || near.startsWith(k) ? ` Did you mean --${near}?` : ` (nearest: --${near})`;
    return `labdeck ${command}: unknown option --${k}.${nearText}`;
  });
  const all = [...known]
    .sort()
    .map((k) => `--${k}`)
    .join(' ');
  throw new UsageError(`${lines.join('\n')}\nOptions of labdeck ${command}: ${all}`);
}
