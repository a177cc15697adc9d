import path from 'node:path';
import { createCore, defaultDataDir } from '../core';

/**
 * `labdeck`: the same engine, headless. It reads the same inventory as the app
 * (`--inventory FILE` picks another data folder's file).
 */
const USAGE = `usage:
  labdeck hosts [--json]                  list the inventory
  labdeck refresh NAME [--json]           read a host's snapshot over SSH
options:
  --inventory FILE   inventory file (default: the app's, in ${defaultDataDir()})`;

type Args = { positional: string[]; flags: Map<string, string | true> };

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (v !== undefined) flags.set(k, v);
      else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--') && k !== 'json') flags.set(k, argv[++i]!);
      else flags.set(k, true);
    } else positional.push(a);
  }
  return { positional, flags };
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
    console.error(`Unknown command "${cmd}".\n${USAGE}`);
    return 2;
  } catch (err) {
    const e = err as { shape?: { message: string; command?: string; stderr?: string } };
    console.error(e.shape ? `${e.shape.message}${e.shape.command ? `\n$ ${e.shape.command}` : ''}${e.shape.stderr ? `\n${e.shape.stderr}` : ''}` : String(err));
    return 1;
  } finally {
    await core.dispose();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
