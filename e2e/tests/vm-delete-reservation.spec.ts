import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../fixtures/app';
import type { LabHost } from '../lab/lab-description';
import { addLabHost, openHostScreen, openTab, rowNamed, virsh } from '../pages/host-detail';

// Issue 12, #1: a VM composed with ip= holds a DHCP <host> reservation; deleting the VM lists it and removes it.
const VM = 'e2e-delete-reserved';
const MAC = '52:54:00:e2:0d:01';
const IP = '192.168.122.241';
const HOST_XML = `<host mac='${MAC}' ip='${IP}'/>`;

function reserved(h: LabHost): boolean {
  return virsh(h, 'net-dumpxml', '--network', 'default').includes(IP);
}

function cleanup(h: LabHost): void {
  try {
    virsh(h, 'undefine', '--domain', VM);
  } catch {
    /* not there */
  }
  if (reserved(h))
    virsh(
      h,
      'net-update',
      '--network',
      'default',
      '--command',
      'delete',
      '--section',
      'ip-dhcp-host',
      '--xml',
      HOST_XML,
      '--live',
      '--config',
    );
}

test('deleting a VM removes its ip= DHCP reservation, and the delete dialog says so', async ({ page, lab, shot }) => {
  const h = lab.hosts.find((x) => x.kind === 'qemu')!;
  cleanup(h);
  // What compose with eth0:ip=… leaves: a NIC on network default and a <host> entry for its MAC.
  virsh(
    h,
    'net-update',
    '--network',
    'default',
    '--command',
    'add',
    '--section',
    'ip-dhcp-host',
    '--xml',
    HOST_XML,
    '--live',
    '--config',
  );
  const xml = `<domain type='qemu'><name>${VM}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>
    <os><type arch='x86_64'>hvm</type></os>
    <devices><interface type='network'><source network='default'/><mac address='${MAC}'/></interface></devices></domain>`;
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'labdeck-e2e-xml-')), `${VM}.xml`);
  writeFileSync(file, xml);
  virsh(h, 'define', file);
  try {
    await addLabHost(page, lab, h);
    await openHostScreen(page, h.name);
    const vms = (await openTab(page, 'VMs')).getByRole('table', { name: 'VMs' });
    await rowNamed(vms, VM)
      .getByRole('button', { name: `More actions for ${VM}` })
      .click();
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    const del = page.getByRole('dialog', { name: `Delete ${VM}?` });
    await expect(del.getByRole('list', { name: 'DHCP reservations' })).toContainText(
      `${IP} in network default (${MAC})`,
    );
    await shot('host-16-delete-with-reservation');
    await del.getByRole('button', { name: 'Delete VM' }).click();
    await expect(del).toHaveCount(0, { timeout: 60_000 });
    await expect(rowNamed(vms, VM)).toHaveCount(0);
    expect(reserved(h)).toBe(false);
  } finally {
    cleanup(h);
  }
});
