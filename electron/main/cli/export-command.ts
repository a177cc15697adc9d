import { textFlag, UsageError, type Args } from './args';
import { hostNamed, type CliEngine } from './cli-engine';
import { requestFromFlags } from './compose-command';

export const EXPORT_USAGE = `usage: labdeck export ansible --host NAME [--vm NAME]… [--networks | --network NAME…] [--plan [compose options]] [--out DIR] [--json]
  --vm NAME     an existing VM, from its definition (repeatable)
  --networks    every libvirt network of the host, with its DHCP reservations
  --network N   only network N, with its DHCP reservations (repeatable)
  --plan        the VM compose would make from the compose options (as \`labdeck plan\` takes them)
  --out DIR     write inventory.yml, playbook.yml, README.md, xml/ (and seeds under files/) there;
                without it the inventory, playbook and XML documents are printed`;

/** `labdeck export ansible …`: an Ansible (community.libvirt) inventory + playbook; changes nothing on the host. */
export async function exportCommand({ call }: CliEngine, args: Args, rest: string[]): Promise<number> {
  if (rest[0] !== 'ansible') throw new UsageError(EXPORT_USAGE);
  const name = textFlag(args, 'host');
  if (!name) throw new UsageError(`--host NAME is required.\n${EXPORT_USAGE}`);
  const host = await hostNamed(call, name);
  const vms = args.lists.get('vm') ?? [];
  if (args.flags.get('vm') === true) throw new UsageError('--vm needs a VM name.');
  const networkNames = args.lists.get('network') ?? [];
  if (args.flags.get('network') === true) throw new UsageError('--network needs a network name.');
  const plan = args.flags.has('plan') ? requestFromFlags(args, host, args.flags.has('start')) : undefined;
  if (!plan && vms.length === 0 && networkNames.length === 0 && !args.flags.has('networks'))
    throw new UsageError(`Export what? Give --plan, --vm NAME or --networks.\n${EXPORT_USAGE}`);
  // First contact (without prompts in the CLI), as the other commands do.
  await call('hosts.refresh', { id: host.id });
  const res = await call('export.ansible', {
    hostId: host.id,
    vms,
    networks: args.flags.has('networks'),
    networkNames,
    ...(plan ? { plan } : {}),
  });
  const out = textFlag(args, 'out');
  const json = args.flags.has('json');
  if (out !== undefined) {
    const saved = await call('export.ansibleSave', { dir: out, files: res.files });
    if (json) console.log(JSON.stringify({ ...saved, summary: res.summary, notes: res.notes }, null, 2));
    else {
      console.log(`${res.summary} Written to ${saved.dir}: ${saved.written.join(', ')}`);
      for (const n of res.notes) console.log(`note: ${n}`);
      console.log(`Run: cd ${saved.dir} && ansible-playbook -i inventory.yml playbook.yml`);
    }
    return 0;
  }
  if (json) {
    console.log(JSON.stringify(res, null, 2));
    return 0;
  }
  const shown = (p: string) => p.endsWith('.yml') || p.startsWith('xml/');
  for (const f of res.files.filter((x) => x.encoding === 'utf8' && shown(x.path)))
    console.log(`# ---- ${f.path}\n${f.content}`);
  for (const n of res.notes) console.error(`note: ${n}`);
  const more = res.files.filter((x) => !(x.encoding === 'utf8' && shown(x.path)));
  if (more.length > 0) console.error(`(${more.map((f) => f.path).join(', ')} are written only with --out DIR)`);
  return 0;
}
