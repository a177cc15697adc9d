/** The options each `labdeck` command reads; anything else on its command line is a usage error. */

/** Read by every command (`--json` works everywhere the CLI prints). */
export const COMMON_OPTIONS = ['inventory', 'json', 'help'] as const;

/** The compose request's options, as `requestFromFlags` and `cloudInitFromFlags` read them. */
export const COMPOSE_OPTIONS = [
  'host',
  'hostname',
  'cores',
  'memory',
  'arch',
  'virt-type',
  'cpu-mode',
  'install',
  'user',
  'ssh-key',
  'password-file',
  'user-data',
  'storage',
  'interfaces',
  'macvlan-mode',
  'nic-mode',
  'no-nic-rom',
  'start',
] as const;

const NETWORK_COMMON = ['host', 'dry-run', 'cut-off'];
const NETWORK_OPTIONS: Record<string, readonly string[]> = {
  create: ['name', 'kind', 'subnet', 'dhcp', 'bridge', 'mode', 'dev', 'no-autostart', 'no-start'],
  preset: ['bridge', 'name'],
  edit: ['network', 'dhcp', 'add-host', 'remove-host', 'autostart'],
  stop: ['network'],
  delete: ['network'],
};

/**
 * The options `labdeck CMD SUB…` accepts, with the name to show in messages; undefined for an
 * unknown command (reported as such by the caller).
 */
export function knownOptions(cmd: string, rest: readonly string[]): { command: string; options: string[] } | undefined {
  const own = ((): readonly string[] | undefined => {
    switch (cmd) {
      case 'hosts':
      case 'refresh':
      case 'constraints':
        return [];
      case 'plan':
        return COMPOSE_OPTIONS;
      case 'compose':
        return [...COMPOSE_OPTIONS, 'wait-ip'];
      case 'export':
        return [...COMPOSE_OPTIONS, 'vm', 'networks', 'network', 'plan', 'out'];
      case 'vm':
        return ['wait'];
      case 'console':
        return ['force', 'linger'];
      case 'network': {
        const sub = NETWORK_OPTIONS[rest[0] ?? ''];
        // An unknown subcommand gets the network usage text; accept every network option until then.
        return [...NETWORK_COMMON, ...(sub ?? Object.values(NETWORK_OPTIONS).flat())];
      }
      default:
        return undefined;
    }
  })();
  if (!own) return undefined;
  const sub = rest[0];
  const named =
    sub !== undefined && (cmd === 'vm' || cmd === 'export' || (cmd === 'network' && sub in NETWORK_OPTIONS));
  const command = named ? `${cmd} ${sub}` : cmd;
  return { command, options: [...new Set([...COMMON_OPTIONS, ...own])] };
}
