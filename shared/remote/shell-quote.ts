/**
 * POSIX sh quoting. Every remote argument goes through here, so names with `;`, `$( )`, quotes,
 * spaces or newlines reach the remote program as data, never as shell syntax.
 */
export function quoteArg(arg: string): string {
  if (arg === '') return "''";
  // Plain words need no quotes; keeping them bare makes the audit log readable.
  if (/^[A-Za-z0-9_\-+=.,/:@%]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function quoteArgv(argv: readonly string[]): string {
  if (argv.length === 0) throw new Error('empty argv');
  return argv.map(quoteArg).join(' ');
}
