import { existsSync } from 'node:fs';
import path from 'node:path';
import { toErrorShape } from '../../../shared/contract';
import { createCore, defaultDataDir } from '../core';
import { checkOptions, parseArgs, UsageError } from './args';
import { knownOptions } from './known-options';
import { composeCommand, planCommand } from './compose-command';
import { constraintsParse } from './constraints-command';
import { exportCommand } from './export-command';
import { vmIpCommand } from './vm-ip-command';
import { consoleCommand } from './console-command';
import { networkCommand } from './network-command';
import { makeConsoleTerminalSafe } from './terminal-safe';
import { cliEngine } from './cli-engine';

/**
 * `labdeck`: the same engine, headless. It reads the same inventory as the app
 * (`--inventory FILE` reads FILE; the rest of the data — known_hosts, audit log — is in FILE's folder).
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
  --inventory FILE   inventory file (default: the app's, in ${defaultDataDir()}); it must exist`;

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
  const json = args.flags.has('json');
  if (!cmd || cmd === 'help' || args.flags.has('help')) {
    console.log(USAGE);
    return cmd ? 0 : 2;
  }
  const known = knownOptions(cmd, rest);
  if (!known) {
    console.error(`Unknown command "${cmd}".\n${USAGE}`);
    return 2;
  }
  try {
    checkOptions(args, known.options, known.command);
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  // Pure grammar work: no inventory or connection needed.
  if (cmd === 'constraints') {
    if (rest[0] !== 'parse' || rest[1] === undefined) {
      console.error(`usage: labdeck constraints parse TEXT`);
      return 2;
    }
    return constraintsParse(rest[1]);
  }
  const inv = args.flags.get('inventory');
  if (inv === true) {
    console.error('--inventory needs a file name.');
    return 2;
  }
  const inventoryFile = inv === undefined ? undefined : path.resolve(inv);
  if (inventoryFile !== undefined && !existsSync(inventoryFile)) {
    console.error(`No inventory file at ${inventoryFile} (--inventory). Nothing was read.`);
    return 2;
  }
  const dataDir = inventoryFile ? path.dirname(inventoryFile) : defaultDataDir();
  const core = await createCore({
    dataDir,
    mode: 'cli',
    backgroundRefresh: false,
    ...(inventoryFile ? { inventoryFile } : {}),
  });
  try {
    // A corrupt inventory was moved aside by the store: say so, and where it went. Without a good
    // backup there is nothing to work on, so stop (exit 1) rather than act on an empty inventory.
    const aside = core.store.movedAside;
    if (aside) {
      const file = inventoryFile ?? path.join(dataDir, 'inventory.json');
      const what = `LabDeck: the inventory file ${file} was unreadable (${aside.reason}); it was moved to ${aside.movedTo}`;
      if (!aside.restoredFromBackup) {
        console.error(
          `${what}. No good backup (${file}.bak) exists, so the inventory is empty; nothing was done. Repair the moved file and move it back, or start afresh.`,
        );
        return 1;
      }
      console.error(`${what} and the last good copy (${file}.bak) was restored.`);
    }
    const engine = cliEngine(core);
    const { call } = engine;
    if (cmd === 'hosts') {
      const hosts = await call('hosts.list');
      if (json) console.log(JSON.stringify(hosts, null, 2));
      else
        for (const h of hosts) console.log(`${h.name}\t${h.user}@${h.address}:${h.port}\t${h.kind}\t${h.libvirtUri}`);
      return 0;
    }
    if (cmd === 'refresh') {
      const h = (await call('hosts.list')).find((x) => x.name === rest[0]);
      if (!h) {
        console.error(`No host named "${rest[0] ?? ''}" in ${inventoryFile ?? path.join(dataDir, 'inventory.json')}.`);
        return 2;
      }
      const { snapshot: snap } = await call('hosts.snapshot', { id: h.id, refresh: true });
      if (!snap) throw new Error(`${h.name} gave no snapshot.`);
      console.log(
        json ? JSON.stringify(snap, null, 2) : `${h.name}: ${snap.hostname}, ${snap.interfaces.length} interfaces`,
      );
      return 0;
    }
    if (cmd === 'plan') return await planCommand(engine, args);
    if (cmd === 'compose') return await composeCommand(engine, args);
    if (cmd === 'export') return await exportCommand(engine, args, rest);
    if (cmd === 'vm' && rest[0] === 'ip') return await vmIpCommand(engine, args, rest.slice(1));
    if (cmd === 'console') return await consoleCommand(engine, args, rest);
    if (cmd === 'network') return await networkCommand(engine, args, rest);
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
