import { describe, expect, it } from 'vitest';
import { checkOptions, nearestOption, parseArgs, UsageError } from './args';
import { knownOptions } from './known-options';

function check(argv: string[]): string | undefined {
  const args = parseArgs(argv);
  const [cmd, ...rest] = args.positional;
  const known = knownOptions(cmd!, rest);
  if (!known) return 'unknown command';
  try {
    checkOptions(args, known.options, known.command);
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
}

describe('unknown options are usage errors naming the nearest valid one', () => {
  it('compose --macvlan-mod is refused with --macvlan-mode named', () => {
    const msg = check(['compose', '--host', 'h', '--macvlan-mod', 'private']);
    expect(msg).toMatch(/^labdeck compose: unknown option --macvlan-mod\. Did you mean --macvlan-mode\?/);
  });

  it('plan --bogus is refused and the plan options are listed', () => {
    const msg = check(['plan', '--host', 'h', '--bogus']);
    expect(msg).toContain('labdeck plan: unknown option --bogus.');
    expect(msg).toContain('Options of labdeck plan: ');
    expect(msg).toContain('--interfaces');
    expect(msg).not.toContain('--wait-ip'); // compose only
  });

  it('typos by transposition and a missing letter', () => {
    expect(check(['compose', '--hsot', 'h'])).toContain('Did you mean --host?');
    expect(check(['compose', '--storge', 'root:8'])).toContain('Did you mean --storage?');
    expect(check(['vm', 'ip', 'h', 'v', '--wiat', '5'])).toContain(
      'labdeck vm ip: unknown option --wiat. Did you mean --wait?',
    );
  });

  it('options are per command: --wait-ip belongs to compose, --force to console', () => {
    expect(check(['compose', '--host', 'h', '--wait-ip', '5', '--start'])).toBeUndefined();
    expect(check(['plan', '--host', 'h', '--wait-ip', '5'])).toContain('labdeck plan: unknown option --wait-ip');
    expect(check(['console', 'h', 'v', '--force', '--linger', '1'])).toBeUndefined();
    expect(check(['hosts', '--force'])).toContain('labdeck hosts: unknown option --force');
  });

  it('network subcommands have their own options', () => {
    expect(
      check([
        'network',
        'create',
        '--host',
        'h',
        '--name',
        'n',
        '--kind',
        'nat',
        '--subnet',
        '10.0.0.1/24',
        '--dry-run',
      ]),
    ).toBeUndefined();
    expect(
      check(['network', 'edit', '--host', 'h', '--network', 'n', '--add-host', 'm,1.2.3.4', '--cut-off', 'vm']),
    ).toBeUndefined();
    expect(check(['network', 'edit', '--host', 'h', '--network', 'n', '--kind', 'nat'])).toContain(
      'labdeck network edit: unknown option --kind',
    );
    expect(check(['network', 'stop', '--host', 'h', '--netwrok', 'n'])).toContain('Did you mean --network?');
  });

  it('export takes the compose options with --plan, and --inventory/--json work everywhere', () => {
    expect(
      check([
        'export',
        'ansible',
        '--host',
        'h',
        '--plan',
        '--storage',
        'root:8',
        '--out',
        'd',
        '--json',
        '--inventory',
        'x.json',
      ]),
    ).toBeUndefined();
    expect(check(['export', 'ansible', '--host', 'h', '--vms', 'a'])).toContain(
      'labdeck export ansible: unknown option --vms. Did you mean --vm?',
    );
    expect(check(['constraints', 'parse', 'x', '--json'])).toBeUndefined();
    expect(check(['refresh', 'h', '--inventry', 'x'])).toContain('Did you mean --inventory?');
  });

  it('an unknown command is left to the caller', () => {
    expect(check(['frobnicate'])).toBe('unknown command');
  });

  it('nearestOption prefers a prefix', () => {
    expect(nearestOption('macvlan', ['macvlan-mode', 'memory'])).toBe('macvlan-mode');
    expect(nearestOption('user', ['user', 'user-data'])).toBe('user');
  });
});
