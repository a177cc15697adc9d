import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateInventory } from '../../../../shared/inventory/document';
import { InventoryStore } from './inventory-store';

const dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const host = (name: string) => ({
  id: name,
  name,
  address: '10.0.0.1',
  port: 22,
  user: 'root',
  auth: { method: 'agent' as const },
  libvirtUri: 'qemu:///system',
  tags: [],
  kind: 'unknown' as const,
  pod: { defaultMacvlanMode: 'bridge' as const, installMode: 'manual' as const },
  addedAt: '2026-01-01T00:00:00.000Z',
});

describe('InventoryStore', () => {
  it('starts empty and persists updates', async () => {
    const file = path.join(dir, 'a', 'inventory.json');
    const s = new InventoryStore(file);
    expect((await s.load()).hosts).toEqual([]);
    await s.update((d) => ({ ...d, hosts: [host('one')] }));
    const again = new InventoryStore(file);
    expect((await again.load()).hosts.map((h) => h.name)).toEqual(['one']);
  });

  it('refuses an invalid change and keeps the old state', async () => {
    const file = path.join(dir, 'b', 'inventory.json');
    const s = new InventoryStore(file);
    await s.load();
    await s.update((d) => ({ ...d, hosts: [host('ok')] }));
    await expect(s.update((d) => ({ ...d, hosts: [{ ...host('bad'), port: -1 }] }))).rejects.toThrow();
    expect(s.current.hosts.map((h) => h.name)).toEqual(['ok']);
    expect(migrateInventory(JSON.parse(readFileSync(file, 'utf8'))).hosts.map((h) => h.name)).toEqual(['ok']);
  });

  it('moves a corrupt file aside, restores the last good copy, and says so', async () => {
    const file = path.join(dir, 'c', 'inventory.json');
    const s = new InventoryStore(file);
    await s.load();
    await s.update((d) => ({ ...d, hosts: [host('first')] }));
    await s.update((d) => ({ ...d, hosts: [host('first'), host('second')] }));
    writeFileSync(file, '{"schemaVersion": 1, "hosts": [tru');
    const again = new InventoryStore(file);
    const doc = await again.load();
    expect(doc.hosts.map((h) => h.name)).toEqual(['first']);
    expect(again.notices[0]).toMatch(/unreadable.*moved to inventory\.json\.corrupt-.*restored/);
    expect(readdirSync(path.dirname(file)).some((f) => f.startsWith('inventory.json.corrupt-'))).toBe(true);
    // What was done, for the CLI to tell on stderr: the full path it went to, and that .bak came back.
    expect(again.movedAside?.restoredFromBackup).toBe(true);
    expect(again.movedAside?.movedTo).toMatch(new RegExp(`^${path.dirname(file)}/inventory\\.json\\.corrupt-`));
    expect(readFileSync(again.movedAside!.movedTo, 'utf8')).toBe('{"schemaVersion": 1, "hosts": [tru');
  });

  it('starts empty (and says so) when neither the file nor the backup is readable', async () => {
    const file = path.join(dir, 'd', 'inventory.json');
    const s = new InventoryStore(file);
    await s.load();
    await s.update((d) => ({ ...d, hosts: [host('x')] }));
    writeFileSync(file, 'garbage');
    writeFileSync(`${file}.bak`, 'garbage');
    const again = new InventoryStore(file);
    expect((await again.load()).hosts).toEqual([]);
    expect(again.notices[0]).toMatch(/no good backup/);
    expect(again.movedAside).toMatchObject({ restoredFromBackup: false });
    expect(new InventoryStore(path.join(dir, 'never', 'inventory.json')).movedAside).toBeUndefined();
  });

  it('never loses the previous state when killed with SIGKILL mid-write', async () => {
    const writer = path.join(dir, 'crash-writer.cjs');
    buildSync({
      entryPoints: [path.join(__dirname, 'crash-writer.test-util.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: writer,
      logLevel: 'silent',
    });
    const file = path.join(dir, 'e', 'inventory.json');
    for (let round = 0; round < 8; round++) {
      const child = spawn(process.execPath, [writer, file], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      // Whatever moment the kill hit, the file is a complete, valid document.
      const doc = migrateInventory(JSON.parse(readFileSync(file, 'utf8')));
      expect(doc.hosts[0]?.name).toMatch(/^gen-\d+$/);
      const s = new InventoryStore(file);
      await s.load();
      expect(s.notices).toEqual([]);
    }
  });
});
