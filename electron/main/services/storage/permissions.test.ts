import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../core';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Issue 10, defect 10: an existing data dir and its files keep loose modes unless LabDeck fixes them.
describe('data folder permissions at start', () => {
  it('chmods the data dir to 0700 and audit.jsonl, known_hosts, inventory to 0600', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-perm-'));
    const data = path.join(dir, 'data');
    mkdirSync(data, { mode: 0o755 });
    chmodSync(data, 0o755);
    for (const f of ['audit.jsonl', 'known_hosts', 'inventory.json.bak', 'secrets.json']) {
      writeFileSync(path.join(data, f), f === 'secrets.json' ? '{}' : '');
      chmodSync(path.join(data, f), 0o644);
    }
    const core = await createCore({
      dataDir: data,
      sshDir: path.join(dir, 'ssh'),
      mode: 'cli',
      backgroundRefresh: false,
    });
    await core.dispose();
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(data)).toBe(0o700);
    for (const f of ['audit.jsonl', 'known_hosts', 'inventory.json.bak', 'secrets.json'])
      expect(mode(path.join(data, f)), f).toBe(0o600);
  });
});
