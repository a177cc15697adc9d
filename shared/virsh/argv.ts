import { quoteArgv } from '../remote/shell-quote';

/**
 * One virsh command after the connection: the command and its options, every user value behind a
 * named option (`--domain NAME`, `--pool P`), so a value starting with '-' stays a value.
 */
export type VirshArgs = string[];

/** The whole argv that runs `args` against `uri`: the only place that spells virsh's head. */
export const virshArgv = (uri: string, args: readonly string[]): string[] => ['virsh', '--connect', uri, ...args];

/** The command after the head of a virshArgv for `uri`, or undefined for any other argv. */
export function virshArgsOf(argv: readonly string[], uri: string): VirshArgs | undefined {
  return argv[0] === 'virsh' && argv[1] === '--connect' && argv[2] === uri ? argv.slice(3) : undefined;
}

/** One line of virsh's own shell (the resident session, a `;`-chain): sh quoting, which virsh's parser reads the same way. */
export const virshLine = (args: readonly string[]): string => quoteArgv(args);

/** Several commands as one `;`-chain (one virsh process runs them in order, going on after a failure). */
export const virshChain = (commands: readonly (readonly string[])[]): string => commands.map(virshLine).join('; ');

/** `--flag` when on, nothing otherwise. */
export const flag = (name: string, on: boolean | undefined): string[] => (on ? [name] : []);
/** `--option value` when the value is given, nothing otherwise. */
export const option = (name: string, value: string | undefined): string[] => (value !== undefined ? [name, value] : []);
