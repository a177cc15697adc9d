import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnsibleExportService } from './ansible-export-service';

const service = new AnsibleExportService({} as ConstructorParameters<typeof AnsibleExportService>[0]);
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'labdeck-export-save-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('saving an Ansible export', () => {
  it('writes text and base64 files into the folder (made when missing); seeds are 0600', async () => {
    const dir = path.join(tmp(), 'new', 'folder');
    const r = await service.save({
      dir,
      files: [
        { path: 'playbook.yml', content: '---\n- hosts: x\n', encoding: 'utf8' },
        { path: 'files/vm/vm-cidata.iso', content: Buffer.from([1, 2, 3]).toString('base64'), encoding: 'base64' },
      ],
    });
    expect(r).toEqual({ dir, written: ['playbook.yml', 'files/vm/vm-cidata.iso'] });
    expect(readFileSync(path.join(dir, 'playbook.yml'), 'utf8')).toBe('---\n- hosts: x\n');
    expect([...readFileSync(path.join(dir, 'files/vm/vm-cidata.iso'))]).toEqual([1, 2, 3]);
    expect(statSync(path.join(dir, 'files/vm/vm-cidata.iso')).mode & 0o777).toBe(0o600);
  });

  it('refuses paths leaving the folder and relative folders', async () => {
    const dir = tmp();
    await expect(service.save({ dir, files: [{ path: '../evil', content: 'x', encoding: 'utf8' }] })).rejects.toThrow();
    await expect(
      service.save({ dir, files: [{ path: '/etc/evil', content: 'x', encoding: 'utf8' }] }),
    ).rejects.toThrow();
    await expect(
      service.save({ dir: 'relative/dir', files: [{ path: 'a', content: 'x', encoding: 'utf8' }] }),
    ).rejects.toThrow(/absolute/);
  });
});
