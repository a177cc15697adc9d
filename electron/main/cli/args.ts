/** `flags` keeps a flag's last value; `lists` every value of a flag given more than once (--ssh-key A --ssh-key B). */
export type Args = { positional: string[]; flags: Map<string, string | true>; lists: Map<string, string[]> };

/** Flags that never take a value, so `--json NAME` keeps NAME positional. */
const BOOLEAN_FLAGS = new Set(['json', 'help', 'force', 'start', 'no-nic-rom', 'networks', 'plan', 'dry-run', 'no-autostart', 'no-start']);

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
