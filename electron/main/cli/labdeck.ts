import path from 'node:path';
import { toErrorShape } from '../../../shared/contract';
import { createCore, defaultDataDir } from '../core';
import { parseArgs, UsageError } from './args';
import { composeCommand, planCommand } from './compose-command';
import { constraintsParse } from './constraints-command';
import { exportCommand } from './export-command';
import { vmIpCommand } from './vm-ip-command';
import { consoleCommand } from './console-command';
import { networkCommand } from './network-command';
import { makeConsoleTerminalSafe } from './terminal-safe';

/**
 * `labdeck`: the same engine, headless. It reads the same inventory as the app
 * (`--inventory FILE` picks another data folder's file).
 */
const USAGE = `usage:
  labdeck hosts [--json]                  list the inventory
  labdeck refresh NAME [--json]           read a host's snapshot over SSH
  labdeck constraints parse TEXT          parse interface constraints, print them as JSON
  labdeck plan --host NAME [compose options] [--json]
                                          what compose would do, and why; changes nothing
  labdeck compose --host NAME [compose options] [--start [--wait-ip SECONDS]] [--json]
                                          compose the VM (Ctrl-C cancels and rolls back)
  labdeck export ansible --host NAME [--vm NAME]… [--networks | --network NAME…] [--plan [compose options]] [--out DIR]
                                          an Ansible (community.libvirt) inventory + playbook that makes
                                          the same VMs/networks; a second run changes nothing
  labdeck network create|preset maas|edit|stop|delete --host NAME … [--dry-run] [--json]
                                          create and change libvirt networks: shows the XML diff, the
                                          commands and the effect on composes first (labdeck network help)
  labdeck vm ip HOST VM [--wait SECONDS] [--json]
                                          the VM's addresses (lease, ARP, guest agent), one per line:
                                          address/prefix, MAC, origin; exit 1 when none (within --wait)
  labdeck console HOST VM [--force] [--linger SECONDS]
                                          the VM's serial console over SSH (Ctrl-] detaches); with stdin
                                          not a terminal, pipes bytes both ways and detaches once stdin
                                          ended and the console was quiet --linger s (default 2)
compose options:
  --hostname NAME  --cores N  --memory MiB  --arch ARCH
  --virt-type kvm|qemu   --cpu-mode host-passthrough|host-model|default|custom:MODEL
  --install network|none|iso:POOL/VOLUME|cloud-image:POOL/VOLUME[:overlay|:copy]
  --user NAME  --ssh-key FILE (repeatable)  --password-file FILE  --user-data FILE   (cloud images)
  --storage 'root:8(local),data:20'       --interfaces 'eth0:name=br0;eth1:space=lan'
  --macvlan-mode bridge|private|vepa|passthrough   --nic-mode eth0=private,…   --no-nic-rom
options:
  --inventory FILE   inventory file (default: the app's, in ${defaultDataDir()})`;

function printError(err: unknown): void {
  const s = toErrorShape(err);
  const lines = [s.message];
  if (s.command) lines.push(`$ ${s.command}`);
  if (s.stderr) lines.push(s.stderr.trimEnd());
  if (s.hint) lines.push(s.hint);
  console.error(lines.join('\n'));
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const [cmd, ...rest] = args.positional;
  const inv = args.flags.get('inventory');
  const dataDir = typeof inv === 'string' ? path.dirname(path.resolve(inv)) : defaultDataDir();
  const json = args.flags.has('json');
  if (!cmd || cmd === 'help' || args.flags.has('help')) {
    console.log(USAGE);
    return cmd ? 0 : 2;
  }
  // Pure grammar work: no inventory or connection needed.
  if (cmd === 'constraints') {
    if (rest[0] !== 'parse' || rest[1] === undefined) {
      console.error(`usage: labdeck constraints parse TEXT`);
      return 2;
    }
    return constraintsParse(rest[1]);
  }
  const core = await createCore({ dataDir, mode: 'cli', backgroundRefresh: false });
  try {
    if (cmd === 'hosts') {
      const hosts = core.hosts.list();
      if (json) console.log(JSON.stringify(hosts, null, 2));
      else for (const h of hosts) console.log(`${h.name}\t${h.user}@${h.address}:${h.port}\t${h.kind}\t${h.libvirtUri}`);
      return 0;
    }
    if (cmd === 'refresh') {
      const h = core.hosts.configs().find((x) => x.name === rest[0]);
      if (!h) {
        console.error(`No host named "${rest[0] ?? ''}" in ${path.join(dataDir, 'inventory.json')}.`);
        return 2;
      }
      const snap = await core.hosts.refresh(h.id, { interactive: false });
      console.log(json ? JSON.stringify(snap, null, 2) : `${h.name}: ${snap.hostname}, ${snap.interfaces.length} interfaces`);
      return 0;
    }
    if (cmd === 'plan') return await planCommand(core, args);
    if (cmd === 'compose') return await composeCommand(core, args);
    if (cmd === 'export') return await exportCommand(core, args, rest);
    if (cmd === 'vm' && rest[0] === 'ip') return await vmIpCommand(core, args, rest.slice(1));
    if (cmd === 'console') return await consoleCommand(core, args, rest);
    if (cmd === 'network') return await networkCommand(core, args, rest);
    console.error(`Unknown command "${cmd}".\n${USAGE}`);
    return 2;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(err.message);
      return 2;
    }
    printError(err);
    // A request the engine refused (bad grammar, bad numbers) is a usage error too.
    return toErrorShape(err).kind === 'validation' ? 2 : 1;
  } finally {
    await core.dispose();
  }
}

// Everything printed may hold host-controlled text: no raw control characters reach the terminal.
makeConsoleTerminalSafe();
main(process.argv.slice(2)).then((code) => process.exit(code));
