import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../fixtures/app';
import { ComposeWizard } from '../pages/compose-wizard';
import { addLabHost, openHostScreen, openTab, rowNamed } from '../pages/host-detail';

// Export to Ansible from the compose wizard's Review step, a VM's menu and the Networks tab:
// the files are shown before saving, and saving writes them into the folder given.

const VM = 'it-ansible-ui';
const IP = '192.168.122.62';

test('Review step: the export shows the playbook with the reviewed domain XML and saves into a folder', async ({ page, lab, shot }) => {
  test.setTimeout(150_000);
  const h = lab.hosts.find((x) => x.kind === 'qemu')!;
  const out = mkdtempSync(path.join(os.tmpdir(), 'labdeck-e2e-ansible-'));
  try {
    await addLabHost(page, lab, h);
    const w = new ComposeWizard(page);
    await w.openFromNav();
    await w.choosePod(h.name);
    await w.next();
    await w.fillResources({ hostname: VM, memoryMiB: 32, storage: 'root:0.05', nicRom: false });
    await w.next();
    await w.passInstall();
    await w.constraintText.fill(`eth0:ip=${IP}`);
    await expect(w.planFor(w.livePlan, 'eth0').getByRole('heading')).toHaveText('eth0 → libvirt network default', { timeout: 30_000 });
    await w.next();

    await page.getByRole('button', { name: `Export ${VM} to Ansible` }).click();
    const dialog = page.getByRole('dialog', { name: `Export ${VM} to Ansible` });
    const play = dialog.getByRole('region', { name: 'Contents of playbook.yml' }).or(dialog.getByLabel('Contents of playbook.yml'));
    await expect(play).toContainText('community.libvirt.virt', { timeout: 30_000 });
    await expect(play).toContainText(`<name>${VM}</name>`);
    await expect(play).toContainText(`ip='${IP}'`);
    await shot('ansible-01-review-export');

    await dialog.getByRole('tab', { name: 'inventory.yml' }).click();
    await expect(dialog.getByLabel('Contents of inventory.yml')).toContainText(`ansible_host: ${h.address}`);
    await dialog.getByRole('textbox', { name: 'Save to folder' }).fill(out);
    await dialog.getByRole('button', { name: 'Save the export to the folder' }).click();
    await expect(dialog.getByRole('alert').filter({ hasText: 'Saved' })).toContainText(`Saved 3 files to ${out}`);
    await shot('ansible-02-saved');
    expect(readFileSync(path.join(out, 'playbook.yml'), 'utf8')).toContain(`<name>${VM}</name>`);
    expect(existsSync(path.join(out, 'inventory.yml'))).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("a VM's menu and the Networks tab export too", async ({ page, lab, shot }) => {
  test.setTimeout(120_000);
  const h = lab.hosts.find((x) => x.kind === 'qemu')!;
  await addLabHost(page, lab, h);
  await openHostScreen(page, h.name);
  const vms = (await openTab(page, 'VMs')).getByRole('table', { name: 'VMs' });
  const vm = lab.qemu.shutoffDomain;
  await rowNamed(vms, vm).getByRole('button', { name: `More actions for ${vm}` }).click();
  await page.getByRole('menuitem', { name: 'Export to Ansible…' }).click();
  const dialog = page.getByRole('dialog', { name: `Export ${vm} to Ansible` });
  await expect(dialog.getByLabel('Contents of playbook.yml')).toContainText(`<name>${vm}</name>`, { timeout: 30_000 });
  await shot('ansible-03-vm-menu-export');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await openTab(page, 'Networks');
  await page.getByRole('button', { name: 'Export the networks of this host to Ansible' }).click();
  const nets = page.getByRole('dialog', { name: 'Export the networks of this host to Ansible' });
  await expect(nets.getByLabel('Contents of playbook.yml')).toContainText('Network maas is defined', { timeout: 30_000 });
  await shot('ansible-04-networks-export');
});
