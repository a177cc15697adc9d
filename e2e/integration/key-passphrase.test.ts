import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import { hostInput, lab, testHosts, startCore, type TestCore } from './harness';

const dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-key-'));
const key = path.join(dir, 'id_ed25519');
// The lab's key, re-encrypted with a passphrase: LabDeck must ask for it through the UI.
copyFileSync(lab().clientKey, key);
execFileSync('ssh-keygen', ['-q', '-p', '-P', '', '-N', 'correct horse', '-f', key]);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let c: TestCore | undefined;
afterEach(async () => {
  await c?.cleanup();
  c = undefined;
});

describe('encrypted key files', () => {
  it('asks for the passphrase, again after a wrong one, then connects', async () => {
    c = await startCore({ secrets: ['wrong', 'correct horse'] });
    const [h] = testHosts();
    const view = await c.hosts.add(hostInput(h!, lab(), { auth: { method: 'key', keyPath: key } }));
    expect(view.status).toBe('online');
    const asked = c.prompts_seen.filter((p) => p.kind === 'secret');
    expect(asked).toHaveLength(2);
    expect(asked[0]).toMatchObject({ secretKind: 'passphrase', keyPath: key, retry: false });
    expect(asked[1]).toMatchObject({ retry: true });
  });

  it('cancelling the passphrase adds nothing', async () => {
    c = await startCore({ secrets: [null] });
    const [h] = testHosts();
    const err = await c.hosts
      .add(hostInput(h!, lab(), { auth: { method: 'key', keyPath: key } }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).shape.kind).toBe('cancelled');
    expect(c.hosts.list()).toHaveLength(0);
  });
});
