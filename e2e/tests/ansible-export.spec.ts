import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../fixtures/app';
import { ComposeWizard } from '../pages/compose-wizard';
import { addLabHost, openHostScreen, openTab, rowNamed, virshIfThere } from '../pages/host-detail';
import type { LabHost } from '../lab/lab-description';

// Export to Ansible from the compose wizard's Review step, a VM's menu and the Networks tab:
// the files are shown before saving, and saving writes them into the folder given.

const VM = 'it-ansible-ui';
const IP = '192.168.122.62';

/** Removes what the Done-step part composes: the VM, its volume and its reservation. */
function cleanup(h: LabHost): void {
  const tryVirsh = (...a: string[]) => virshIfThere(h, ...a);
  tryVirsh('destroy', VM);
  tryVirsh('undefine', VM, '--nvram');
  tryVirsh('vol-delete', '--pool', 'default', `${VM}-root.qcow2`);
  for (const m of tryVirsh('net-dumpxml', 'default').matchAll(/<host [^>]*ip='([^']+)'[^>]*\/>/g)) {
    if (m[1] === IP) tryVirsh('net-update', 'default', 'delete', 'ip-dhcp-host', m[0], '--live', '--config');
  }
}

test('Review and Done steps: the export shows the playbook with the reviewed domain XML, saves into a folder, and exports the composed VM', async ({
  page,
  lab,
  shot,
}) => {
  test.setTimeout(240_000);
  const h = lab.hosts.find((x) => x.kind === 'qemu')!;
  const out = mkdtempSync(path.join(os.tmpdir(), 'labdeck-e2e-ansible-'));
  cleanup(h);
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
    await expect(w.planFor(w.livePlan, 'eth0').getByRole('heading')).toHaveText('eth0 → libvirt network default', {
      timeout: 30_000,
    });
    await w.next();

    await page.getByRole('button', { name: `Export ${VM} to Ansible` }).click();
    const dialog = page.getByRole('dialog', { name: `Export ${VM} to Ansible` });
    const play = dialog
      .getByRole('region', { name: 'Contents of playbook.yml' })
      .or(dialog.getByLabel('Contents of playbook.yml'));
    await expect(play).toContainText('community.libvirt.virt', { timeout: 30_000 });
    await expect(play).toContainText(`ip='${IP}'`);
    await expect(play).toContainText(`xml/domains/${VM}.xml`);
    await shot('ansible-01-review-export');
    await dialog.getByRole('tab', { name: `xml/domains/${VM}.xml` }).click();
    await expect(dialog.getByLabel(`Contents of xml/domains/${VM}.xml`)).toContainText(`<name>${VM}</name>`);
    await shot('ansible-01b-review-domain-xml');

    await dialog.getByRole('tab', { name: 'inventory.yml' }).click();
    await expect(dialog.getByLabel('Contents of inventory.yml')).toContainText(`ansible_host: ${h.address}`);
    await dialog.getByRole('textbox', { name: 'Save to folder' }).fill(out);
    await dialog.getByRole('button', { name: 'Save the export to the folder' }).click();
    await expect(dialog.getByRole('alert').filter({ hasText: 'Saved' })).toContainText(`Saved 6 files to ${out}`);
    await shot('ansible-02-saved');
    expect(readFileSync(path.join(out, 'xml', 'domains', `${VM}.xml`), 'utf8')).toContain(`<name>${VM}</name>`);
    expect(existsSync(path.join(out, 'inventory.yml'))).toBe(true);
    const reviewed = /<mac address=["']([0-9a-f:]+)["']/.exec(
      readFileSync(path.join(out, 'xml', 'domains', `${VM}.xml`), 'utf8'),
    )?.[1];
    expect(reviewed).toBeDefined();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Compose it, then export the composed VM from the Done step: the same MAC as reviewed.
    await page.getByRole('button', { name: 'Compose VM' }).click();
    await expect(page.getByText(`${VM} is composed on ${h.name}`)).toBeVisible({ timeout: 120_000 });
    await page.getByRole('button', { name: `Export ${VM} to Ansible` }).click();
    const done = page.getByRole('dialog', { name: `Export ${VM} to Ansible` });
    await expect(done.getByLabel('Contents of playbook.yml')).toContainText(`ip='${IP}'`, { timeout: 30_000 });
    await done.getByRole('tab', { name: `xml/domains/${VM}.xml` }).click();
    await expect(done.getByLabel(`Contents of xml/domains/${VM}.xml`)).toContainText(
      new RegExp(`<mac address=["']${reviewed}["']`),
    );
    await shot('ansible-05-done-export');
    await done.getByRole('button', { name: 'Close' }).click();
  } finally {
    rmSync(out, { recursive: true, force: true });
    cleanup(h);
  }
});

test("a VM's menu and the Networks tab export too", async ({ page, lab, shot }) => {
  test.setTimeout(120_000);
  const h = lab.hosts.find((x) => x.kind === 'qemu')!;
  await addLabHost(page, lab, h);
  await openHostScreen(page, h.name);
  const vms = (await openTab(page, 'VMs')).getByRole('table', { name: 'VMs' });
  const vm = lab.qemu.shutoffDomain;
  await rowNamed(vms, vm)
    .getByRole('button', { name: `More actions for ${vm}` })
    .click();
  await page.getByRole('menuitem', { name: 'Export to Ansible…' }).click();
  const dialog = page.getByRole('dialog', { name: `Export ${vm} to Ansible` });
  await expect(dialog.getByLabel('Contents of playbook.yml')).toContainText(`VM ${vm} is defined`, { timeout: 30_000 });
  await dialog.getByRole('tab', { name: `xml/domains/${vm}.xml` }).click();
  await expect(dialog.getByLabel(`Contents of xml/domains/${vm}.xml`)).toContainText(`<name>${vm}</name>`);
  await shot('ansible-03-vm-menu-export');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await openTab(page, 'Networks');
  await page.getByRole('button', { name: 'Export the networks of this host to Ansible' }).click();
  const nets = page.getByRole('dialog', { name: 'Export the networks of this host to Ansible' });
  await expect(nets.getByLabel('Contents of playbook.yml')).toContainText('Network maas is defined', {
    timeout: 30_000,
  });
  await shot('ansible-04-networks-export');
});
