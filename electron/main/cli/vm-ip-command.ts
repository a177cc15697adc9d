import type { GuestAddresses } from '../../../shared/contract/guests';
import { intFlag, UsageError, type Args } from './args';
import { hostNamed, type CliEngine } from './cli-engine';

export const VM_IP_USAGE = 'usage: labdeck vm ip HOST VM [--wait SECONDS] [--json]';

const MAX_WAIT_S = 600;

/** One line per address: "address/prefix<TAB>MAC<TAB>origin". */
export function addressLines(r: GuestAddresses): string[] {
  return r.addresses.map((a) =>
    [a.prefixLen !== undefined ? `${a.address}/${a.prefixLen}` : a.address, a.mac || '-', a.origin].join('\t'),
  );
}

/** Why there is no address, in one line for stderr; undefined when there are addresses. */
export function noAddressMessage(r: GuestAddresses, waitS: number): string | undefined {
  if (r.addresses.length > 0) return undefined;
  const tried = r.tried.map((t) => `${t.origin}: ${t.note ?? (t.ok ? 'answered' : 'no answer')}`).join('; ');
  if (
    r.state !== 'running' &&
    r.state !== 'idle' &&
    r.state !== 'paused' &&
    r.state !== 'in shutdown' &&
    r.state !== 'pmsuspended'
  ) {
    return `${r.domain} is ${r.state}: a VM that is not running has no address.`;
  }
  if (waitS === 0) return `${r.domain} has no address yet (${tried}). Use --wait SECONDS to wait for one.`;
  return `${r.domain}: no address after ${waitS} s — a VM on a network without DHCP, or an OS that does not ask, gets none; see its console. (${tried})`;
}

/**
 * `labdeck vm ip HOST VM [--wait SECONDS] [--json]`: the VM's addresses from lease, ARP and agent.
 * Exit 0 with at least one address, 1 with none (not running, or none within --wait), 2 on usage.
 * Ctrl-C stops waiting.
 */
export async function vmIpCommand({ call }: CliEngine, args: Args, positional: string[]): Promise<number> {
  const [hostName, vm, ...extra] = positional;
  if (!hostName || !vm || extra.length > 0) throw new UsageError(VM_IP_USAGE);
  const waitS = intFlag(args, 'wait') ?? 0;
  if (waitS > MAX_WAIT_S) throw new UsageError(`--wait is at most ${MAX_WAIT_S} seconds.`);
  const host = await hostNamed(call, hostName, 'HOST');

  // First contact (without prompts in the CLI); the snapshot also says which NICs sit on a DHCP network.
  await call('hosts.refresh', { id: host.id });
  // Ctrl-C stops waiting: the answer is no longer awaited and the engine is closed on the way out.
  let onSigint = (): void => undefined;
  const interrupted = new Promise<'interrupted'>((resolve) => (onSigint = () => resolve('interrupted')));
  process.on('SIGINT', onSigint);
  try {
    const r = await Promise.race([
      call('domains.addresses', { hostId: host.id, domain: vm, waitMs: waitS * 1000 }),
      interrupted,
    ]);
    if (r === 'interrupted') {
      console.error('Stopped waiting.');
      return 130;
    }
    if (args.flags.has('json')) console.log(JSON.stringify(r, null, 2));
    else for (const line of addressLines(r)) console.log(line);
    const why = noAddressMessage(r, waitS);
    if (why) console.error(why);
    return why ? 1 : 0;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
