import type { NetworkChange, NetworkChangePlan, NetworkKind, NetworkSpec } from '../../../shared/contract/networks';
import { networkKinds } from '../../../shared/contract/networks';
import { normalizeMacvlanMode } from '../../../shared/compose/macvlan-modes';
import { maasPreset } from '../../../shared/networks/presets';
import { textFlag, UsageError, type Args } from './args';
import { hostNamed, type CliEngine } from './cli-engine';

export const NETWORK_USAGE = `usage:
  labdeck network create --host H --name N --kind nat|route|isolated|bridge|macvtap
        [--subnet 10.77.0.1/24] [--dhcp START-END] [--bridge BR] [--mode bridge|private|vepa|passthrough] [--dev IFACE]…
        [--no-autostart] [--no-start]
  labdeck network preset maas --host H [--bridge BR] [--name maas]     MAAS-ready: DHCP off, NAT (or bridged to BR)
  labdeck network edit --host H --network N [--dhcp START-END|off] [--add-host MAC,IP[,NAME]]… [--remove-host IP]…
        [--autostart on|off]
  labdeck network stop|delete --host H --network N
every one: [--dry-run] (show the plan only)  [--cut-off VM,…] (accept that these running VMs lose their link)  [--json]`;

const list = (args: Args, name: string): string[] =>
  (args.lists.get(name) ?? [])
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);

function range(text: string): { start: string; end: string } {
  const m = /^\s*([^-\s]+)\s*-\s*([^-\s]+)\s*$/.exec(text);
  if (!m) throw new UsageError(`--dhcp takes START-END (e.g. 10.77.0.100-10.77.0.200) or off, not '${text}'.`);
  return { start: m[1]!, end: m[2]! };
}

/** Parses the command line into a network change (no host contact). */
export function networkChangeFromArgs(
  sub: string | undefined,
  rest: string[],
  args: Args,
  snapshot: Parameters<typeof maasPreset>[0] | null,
): NetworkChange {
  switch (sub) {
    case 'create': {
      const kind = textFlag(args, 'kind');
      if (!kind || !(networkKinds as readonly string[]).includes(kind))
        throw new UsageError(`--kind is one of ${networkKinds.join(', ')}.\n${NETWORK_USAGE}`);
      const name = textFlag(args, 'name');
      if (!name) throw new UsageError(`--name is required.\n${NETWORK_USAGE}`);
      const dhcp = textFlag(args, 'dhcp');
      const modeText = textFlag(args, 'mode');
      const mode = modeText === undefined ? undefined : normalizeMacvlanMode(modeText);
      if (mode === null)
        throw new UsageError(`--mode is one of bridge, private, vepa, passthrough, not '${modeText ?? ''}'.`);
      const spec: NetworkSpec = {
        name,
        kind: kind as NetworkKind,
        dhcp: dhcp && dhcp !== 'off' ? range(dhcp) : null,
        devices: list(args, 'dev'),
        autostart: !args.flags.has('no-autostart'),
        start: !args.flags.has('no-start'),
      };
      const subnet = textFlag(args, 'subnet');
      const bridge = textFlag(args, 'bridge');
      if (subnet) spec.ipv4 = subnet;
      if (bridge) spec.bridge = bridge;
      if (mode) spec.macvtapMode = mode;
      return { op: 'create', spec };
    }
    case 'preset': {
      if (rest[0] !== 'maas') throw new UsageError(`The preset is 'maas'.\n${NETWORK_USAGE}`);
      if (!snapshot) throw new UsageError('The host has no snapshot.');
      const bridge = textFlag(args, 'bridge');
      return {
        op: 'create',
        spec: maasPreset(
          snapshot,
          bridge ? { kind: 'bridge', bridge } : { kind: 'nat' },
          textFlag(args, 'name') ?? 'maas',
        ),
      };
    }
    case 'edit': {
      const network = textFlag(args, 'network');
      if (!network) throw new UsageError(`--network is required.\n${NETWORK_USAGE}`);
      const dhcp = textFlag(args, 'dhcp');
      const autostart = textFlag(args, 'autostart');
      if (autostart !== undefined && autostart !== 'on' && autostart !== 'off')
        throw new UsageError('--autostart is on or off.');
      const addHosts = (args.lists.get('add-host') ?? []).map((v) => {
        const [mac, ip, name] = v.split(',').map((s) => s.trim());
        if (!mac || !ip) throw new UsageError(`--add-host takes MAC,IP[,NAME], not '${v}'.`);
        return { mac, ip, ...(name ? { name } : {}) };
      });
      return {
        op: 'edit',
        network,
        ...(dhcp !== undefined ? { dhcp: dhcp === 'off' ? null : range(dhcp) } : {}),
        addHosts,
        removeHosts: list(args, 'remove-host').map((ip) => ({ ip })),
        ...(autostart !== undefined ? { autostart: autostart === 'on' } : {}),
      };
    }
    case 'stop':
    case 'delete': {
      const network = textFlag(args, 'network');
      if (!network) throw new UsageError(`--network is required.\n${NETWORK_USAGE}`);
      return { op: sub, network };
    }
    default:
      throw new UsageError(NETWORK_USAGE);
  }
}

/** The plan as text: what, problems, notes, the XML diff, the commands with their undo, the compose effect. */
export function networkPlanText(p: NetworkChangePlan): string {
  const out: string[] = [`${p.hostName}: ${p.summary}`];
  for (const x of p.problems) out.push(`  ✗ ${x}`);
  for (const n of p.notes) out.push(`  • ${n}`);
  if (p.vmsCutOff.length) out.push(`  ! Running VMs that lose their link: ${p.vmsCutOff.join(', ')}`);
  if (p.diff.length) {
    out.push('network XML:');
    for (const l of p.diff) out.push(`${l.kind === 'add' ? '+' : l.kind === 'remove' ? '-' : ' '} ${l.text}`);
  }
  if (p.commands.length) {
    out.push('commands:');
    p.commands.forEach((c, i) => {
      out.push(
        `  ${i + 1}. ${c.description}`,
        `     $ ${c.command}${c.stdin !== undefined ? '   < the XML above' : ''}`,
      );
      if (c.rollback) out.push(`     undo: ${c.rollback}`);
    });
  }
  for (const e of p.composeEffects) {
    out.push(`${e.rule}:`, `  now:   ${e.before}`, `  after: ${e.after}${e.changed ? '' : ' (unchanged)'}`);
  }
  return out.join('\n');
}

/** `labdeck network …`: plans, prints, and (without --dry-run) applies. Exit 2 when refused. */
export async function networkCommand({ call }: CliEngine, args: Args, rest: string[]): Promise<number> {
  const [sub, ...more] = rest;
  const hostName = textFlag(args, 'host');
  if (!sub || !hostName) throw new UsageError(NETWORK_USAGE);
  const host = await hostNamed(call, hostName);
  // A preset is made for what the host has: read it first.
  const snapshot = sub === 'preset' ? (await call('hosts.snapshot', { id: host.id, refresh: true })).snapshot : null;
  const change = networkChangeFromArgs(sub, more, args, snapshot);
  const plan = await call('networks.plan', { hostId: host.id, change });
  const json = args.flags.has('json');
  if (!json) console.log(networkPlanText(plan));
  if (plan.problems.length) {
    if (json) console.log(JSON.stringify({ plan }, null, 2));
    console.error('Nothing was changed.');
    return 2;
  }
  if (args.flags.has('dry-run')) {
    if (json) console.log(JSON.stringify({ plan }, null, 2));
    return 0;
  }
  const result = await call('networks.apply', { hostId: host.id, change, acknowledgeVms: list(args, 'cut-off') });
  if (json) console.log(JSON.stringify({ plan: result.plan ?? plan, commands: result.commands }, null, 2));
  else console.log(`Done: ran ${result.commands.length} command(s).`);
  return 0;
}
