import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../fixtures/app';
import type { LabDescription, LabHost } from '../lab/lab-description';
import { addLabHost, openHostScreen, openTab, rowNamed } from '../pages/host-detail';

// A network of this spec's own, so `default` and `maas` stay as other suites expect them.
const NET = `e2e-resv-${process.pid.toString(36)}`;
const MAC = '52:54:00:0a:0b:2e';
const IP = '10.231.12.7';

const labhost = (lab: LabDescription): LabHost => lab.hosts.find((x) => x.kind === 'qemu')!;
const virsh = (h: LabHost, args: string[]): string =>
  execFileSync('ip', ['netns', 'exec', h.namespace, 'virsh', '--connect', h.libvirtUri, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
/** net-define from a file (the namespace shares our filesystem). */
function defineNetwork(h: LabHost, xml: string): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-resv-'));
  try {
    writeFileSync(path.join(dir, 'net.xml'), xml);
    virsh(h, ['net-define', '--file', path.join(dir, 'net.xml')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const removeNetwork = (h: LabHost): void => {
  for (const args of [
    ['net-destroy', '--network', NET],
    ['net-undefine', '--network', NET],
  ]) {
    try {
      virsh(h, args);
    } catch {
      // not there
    }
  }
};

test('Networks tab: Remove reservation names the entry, removes it live and saved, and Operations shows the net-update', async ({
  page,
  lab,
  shot,
}) => {
  const h = labhost(lab);
  removeNetwork(h);
  defineNetwork(
    h,
    `<network><name>${NET}</name><ip address='10.231.12.1' netmask='255.255.255.0'><dhcp><range start='10.231.12.100' end='10.231.12.150'/><host mac='${MAC}' name='fixed' ip='${IP}'/></dhcp></ip></network>`,
  );
  virsh(h, ['net-start', '--network', NET]);
  try {
    await addLabHost(page, lab, h);
    await openHostScreen(page, h.name);
    const panel = await openTab(page, 'Networks');
    const row = rowNamed(panel.getByRole('table', { name: 'Networks' }), NET);
    await row.getByRole('button', { name: `Show leases and static hosts of ${NET}` }).click();
    const hosts = panel.getByRole('table', { name: `Static DHCP hosts of ${NET}` });
    await hosts.getByRole('button', { name: `Remove reservation ${IP} (${MAC})` }).click();

    const dialog = page.getByRole('dialog', { name: `Remove reservation ${IP}?` });
    await expect(dialog).toContainText(`${IP} for MAC ${MAC} (name fixed) from network ${NET}`);
    await expect(dialog).toContainText('No VM on this host uses this MAC.');
    await shot('40-remove-reservation-dialog');
    await dialog.getByRole('button', { name: 'Remove reservation' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Removed the reservation of ${IP} from ${NET}`)).toBeVisible();
    await expect(panel.getByText('Static DHCP hosts (0)')).toBeVisible();

    expect(virsh(h, ['net-dumpxml', '--network', NET])).not.toContain('<host ');
    expect(virsh(h, ['net-dumpxml', '--network', NET, '--inactive'])).not.toContain('<host ');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Operations' }).click();
    const audit = page.getByRole('table', { name: 'Audit log' });
    await expect(
      audit.getByRole('row', {
        name: new RegExp(`net-update --network ${NET} --command delete --section ip-dhcp-host`),
      }),
    ).toBeVisible();
  } finally {
    removeNetwork(h);
  }
});
