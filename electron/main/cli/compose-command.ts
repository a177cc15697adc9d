import { macvlanModes, type HostView, type MacvlanMode } from '../../../shared/contract';
import type { ComposeRequest, JobView } from '../../../shared/contract/compose';
import { intFlag, textFlag, UsageError, type Args } from './args';
import { hostNamed, type CliEngine } from './cli-engine';
import { cloudInitFromFlags, cpuFromFlag, installFromFlag } from './install-flags';
import { addressLines, noAddressMessage } from './vm-ip-command';
import { jobSummary, planText, stepLines } from './print';

function modeOf(text: string, flag: string): MacvlanMode {
  if (!(macvlanModes as readonly string[]).includes(text))
    throw new UsageError(`${flag}: '${text}' is not one of ${macvlanModes.join(', ')}.`);
  return text as MacvlanMode;
}

/** `--nic-mode eth0=private,eth1=vepa` → { eth0: 'private', eth1: 'vepa' }. */
function perNicModes(text: string | undefined): Record<string, MacvlanMode> | undefined {
  if (text === undefined) return undefined;
  const out: Record<string, MacvlanMode> = {};
  for (const pair of text.split(',').filter(Boolean)) {
    const [label, mode] = pair.split('=', 2);
    if (!label || mode === undefined) throw new UsageError(`--nic-mode takes label=mode[,label=mode…], not '${pair}'.`);
    out[label] = modeOf(mode, '--nic-mode');
  }
  return out;
}

/** The compose request the flags describe (validated by the engine like any other request). */
export function requestFromFlags(args: Args, host: Pick<HostView, 'id'>, start: boolean): ComposeRequest {
  const macvlan = textFlag(args, 'macvlan-mode');
  const virtType = textFlag(args, 'virt-type');
  if (virtType !== undefined && virtType !== 'kvm' && virtType !== 'qemu')
    throw new UsageError(`--virt-type is kvm or qemu, not '${virtType}'.`);
  return {
    hostId: host.id,
    hostname: textFlag(args, 'hostname'),
    cores: intFlag(args, 'cores'),
    memoryMiB: intFlag(args, 'memory'),
    arch: textFlag(args, 'arch'),
    storage: textFlag(args, 'storage') ?? '',
    interfaces: textFlag(args, 'interfaces') ?? '',
    macvlanMode: macvlan === undefined ? undefined : modeOf(macvlan, '--macvlan-mode'),
    perNicModes: perNicModes(textFlag(args, 'nic-mode')),
    start,
    virtType,
    ...cpuFromFlag(textFlag(args, 'cpu-mode')),
    install: installFromFlag(textFlag(args, 'install')),
    cloudInit: cloudInitFromFlags(args),
    nicRom: !args.flags.has('no-nic-rom'),
  };
}

/**
 * First contact (the CLI's reads never prompt: nobody answers them in a terminal); later commands
 * reuse the connection this opens, so they never ask either.
 */
async function connect({ call }: CliEngine, host: HostView): Promise<void> {
  await call('hosts.refresh', { id: host.id });
}

/** `labdeck plan`: prints what compose would do and changes nothing. */
export async function planCommand(engine: CliEngine, args: Args): Promise<number> {
  const host = await hostNamed(engine.call, textFlag(args, 'host'));
  const req = requestFromFlags(args, host, args.flags.has('start'));
  await connect(engine, host);
  const plan = await engine.call('compose.plan', req);
  console.log(args.flags.has('json') ? JSON.stringify(plan, null, 2) : planText(plan));
  return 0;
}

/** `labdeck compose`: runs the compose job, printing each step; Ctrl-C cancels and rolls back. */
export async function composeCommand(engine: CliEngine, args: Args): Promise<number> {
  const { call, core } = engine;
  const host = await hostNamed(call, textFlag(args, 'host'));
  const req = requestFromFlags(args, host, args.flags.has('start'));
  const json = args.flags.has('json');
  const waitIpS = intFlag(args, 'wait-ip');
  if (waitIpS !== undefined && !req.start)
    throw new UsageError('--wait-ip needs --start (a VM that is not started gets no address).');
  if (waitIpS !== undefined && waitIpS > 600) throw new UsageError('--wait-ip is at most 600 seconds.');
  await connect(engine, host);
  const seen = new Map<number, string>();
  let jobId = '';
  const unsubscribe = core.bus.subscribe((event, payload) => {
    if (event !== 'job.progress' || json) return;
    const job = payload as JobView;
    if (job.id !== jobId) return;
    for (const s of job.steps) {
      const key = `${s.status}/${s.rollback?.status ?? ''}`;
      if (seen.get(s.id) === key || s.status === 'pending') continue;
      seen.set(s.id, key);
      console.log(stepLines(s).join('\n'));
    }
  });
  const onSigint = () => {
    console.error('Cancelling; undoing what was done…');
    void call('jobs.cancel', { jobId }).catch(() => undefined);
  };
  process.on('SIGINT', onSigint);
  try {
    jobId = (await call('compose.start', req)).jobId;
    const job = await core.jobs.wait(jobId);
    if (job.state !== 'succeeded' || waitIpS === undefined || !req.start) {
      if (json) console.log(JSON.stringify(job, null, 2));
      else console.log(jobSummary(job));
      return job.state === 'succeeded' ? 0 : 1;
    }
    // --wait-ip: the composed guest's addresses, as `labdeck vm ip --wait` would print them.
    if (!json) console.log(jobSummary(job));
    const ips = await call('domains.addresses', { hostId: host.id, domain: job.domain ?? '', waitMs: waitIpS * 1000 });
    if (json) console.log(JSON.stringify({ job, addresses: ips }, null, 2));
    else for (const line of addressLines(ips)) console.log(line);
    const why = noAddressMessage(ips, waitIpS);
    if (why) console.error(why);
    return why ? 1 : 0;
  } finally {
    unsubscribe();
    process.off('SIGINT', onSigint);
  }
}
