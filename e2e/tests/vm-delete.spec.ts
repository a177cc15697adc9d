import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../fixtures/app';
import type { LabHost } from '../lab/lab-description';
import { addLabHost, openHostScreen, openTab, rowNamed, virsh } from '../pages/host-detail';

const VM = 'e2e-delete-me';
const VOLUME = 'e2e-delete-me.qcow2';

/** Succeeds when virsh finds the object; tests ask whether it is gone. */
function exists(h: LabHost, ...args: string[]): boolean {
  try {
    execFileSync('ip', ['netns', 'exec', h.namespace, 'virsh', '-c', h.libvirtUri, ...args], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

function cleanup(h: LabHost): void {
  if (exists(h, 'dominfo', VM)) virsh(h, 'undefine', VM);
  if (exists(h, 'vol-info', '--pool', 'default', VOLUME)) virsh(h, 'vol-delete', '--pool', 'default', VOLUME);
}

test('a VM deleted from the UI with its volumes is gone from the host, volumes included', async ({
  page,
  lab,
  shot,
}) => {
  const h = lab.hosts.find((x) => x.kind === 'qemu')!;
  cleanup(h);
  // A throw-away VM with one real volume, made behind LabDeck's back with virsh.
  virsh(h, 'vol-create-as', 'default', VOLUME, '1M', '--format', 'qcow2');
  const xml = `<domain type='qemu'><name>${VM}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>
    <os><type arch='x86_64'>hvm</type><boot dev='hd'/></os>
    <devices><disk type='file' device='disk'><driver name='qemu' type='qcow2'/>
    <source file='${path.join(lab.qemu.poolPath, VOLUME)}'/><target dev='vda' bus='virtio'/></disk></devices></domain>`;
  // The lab host shares this machine's filesystem, so a temp file is the simplest way in.
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'labdeck-e2e-xml-')), `${VM}.xml`);
  writeFileSync(file, xml);
  virsh(h, 'define', file);
  try {
    await addLabHost(page, lab, h);
    await openHostScreen(page, h.name);
    const vms = (await openTab(page, 'VMs')).getByRole('table', { name: 'VMs' });
    await expect(rowNamed(vms, VM)).toBeVisible();

    await rowNamed(vms, VM)
      .getByRole('button', { name: `More actions for ${VM}` })
      .click();
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    const del = page.getByRole('dialog', { name: `Delete ${VM}?` });
    await del.getByLabel('Also delete its volumes').check();
    await expect(del.getByRole('list', { name: 'Volumes' })).toContainText(VOLUME);
    await shot('host-15-delete-with-volumes');
    await del.getByRole('button', { name: 'Delete VM and volumes' }).click();
    await expect(del).toHaveCount(0, { timeout: 60_000 });
    await expect(rowNamed(vms, VM)).toHaveCount(0);

    expect(exists(h, 'dominfo', VM)).toBe(false);
    expect(exists(h, 'vol-info', '--pool', 'default', VOLUME)).toBe(false);
  } finally {
    cleanup(h);
  }
});
