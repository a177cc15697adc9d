import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Files in the data folder that hold anything about the user's hosts. */
export const PRIVATE_FILES = [
  'inventory.json',
  'inventory.json.bak',
  'audit.jsonl',
  'audit.jsonl.1',
  'known_hosts',
  'secrets.json',
  'compose-journal.jsonl',
];

/**
 * Files LabDeck creates are 0600 in a 0700 folder, but a folder or file from an older version, a
 * copy or a restore may be looser: at start, take group and other access away (never add any).
 * Returns what was changed, for the log.
 */
export async function tightenPermissions(dataDir: string): Promise<string[]> {
  const changed: string[] = [];
  const tighten = async (p: string, mode: number) => {
    const st = await fs.lstat(p).catch(() => undefined);
    if (!st || st.isSymbolicLink()) return;
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return;
    if ((st.mode & 0o077) === 0) return;
    await fs.chmod(p, mode).then(
      () => changed.push(`${p} ${(st.mode & 0o777).toString(8)} → ${mode.toString(8)}`),
      () => undefined,
    );
  };
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  await tighten(dataDir, 0o700);
  for (const f of PRIVATE_FILES) await tighten(path.join(dataDir, f), 0o600);
  return changed;
}
