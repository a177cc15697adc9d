import { AppError } from '../contract/errors';

/**
 * POSIX sh quoting (the host's login shell must be of the sh family: sh, dash, bash, ksh, zsh; a
 * fish or csh login shell is detected at connect and refused with a clear error). Every remote argument goes through here, so names with `;`, `$( )`, quotes,
 * spaces or newlines reach the remote program as data, never as shell syntax.
 */
export function quoteArg(arg: string): string {
  // A NUL cannot be passed in an argument at all: the remote side would silently cut it there.
  if (arg.includes('\0'))
    throw new AppError({
      kind: 'validation',
      message: 'A remote argument contains a NUL character, which no command can receive.',
    });
  if (arg === '') return "''";
  // Plain words need no quotes; keeping them bare makes the audit log readable. A word starting
  // with `=` (zsh's =command expansion) or `~` (tilde expansion) is always quoted.
  if (/^[A-Za-z0-9_\-+.,/:@%][A-Za-z0-9_\-+=.,/:@%]*$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function quoteArgv(argv: readonly string[]): string {
  if (argv.length === 0) throw new Error('empty argv');
  return argv.map(quoteArg).join(' ');
}
