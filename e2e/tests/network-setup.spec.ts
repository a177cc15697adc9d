import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';
import type { LabDescription, LabHost } from '../lab/lab-description';
import { ComposeWizard } from '../pages/compose-wizard';
import { addLabHost, openHostScreen, openTab, rowNamed } from '../pages/host-detail';

const tag = process.pid.toString(36);
const MAAS_NET = `e2e-net-maas-${tag}`;
const MVT_NET = `e2e-net-mvt-${tag}`;
const VM = `e2e-net-vm-${tag}`;

/** A network's XML without DHCP host entries (other suites reserve addresses on `default` while this runs). */
const withoutHostEntries = (xml: string): string => xml.replace(/^\s*<host\s[^>]*\/>\n/gm, '');

const labhost = (lab: LabDescription): LabHost => lab.hosts.find((x) => x.kind === 'qemu')!;

function virsh(ns: string, ...args: string[]): string {
  return execFileSync('ip', ['netns', 'exec', ns, 'virsh', '-c', 'qemu:///system', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
const virshMaybe = (ns: string, ...args: string[]): string | null => {
  try {
    return virsh(ns, ...args);
  } catch {
    return null;
  }
};

/** virt-xml-validate on what libvirt holds for the network. */
function validateNetwork(ns: string, name: string): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-net-'));
  try {
    writeFileSync(path.join(dir, 'n.xml'), virsh(ns, 'net-dumpxml', '--network', name, '--inactive'));
    execFileSync('virt-xml-validate', [path.join(dir, 'n.xml'), 'network'], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cleanup(lab: LabDescription): void {
  const ns = labhost(lab).namespace;
  virshMaybe(ns, 'destroy', '--domain', VM);
  virshMaybe(ns, 'undefine', '--domain', VM, '--remove-all-storage', '--nvram');
  for (const n of [MAAS_NET, MVT_NET]) {
    virshMaybe(ns, 'net-destroy', '--network', n);
    virshMaybe(ns, 'net-undefine', '--network', n);
  }
}

async function openNetworks(page: Page, lab: LabDescription): Promise<void> {
  const h = labhost(lab);
  await addLabHost(page, lab, h);
  await openHostScreen(page, h.name);
  await openTab(page, 'Networks');
}

test.describe('network setup from the Networks tab', () => {
  let pageErrors: string[] = [];
  test.beforeEach(({ lab, page }) => {
    cleanup(lab);
    pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(`${e.message}\n${e.stack ?? ''}`));
  });
  test.afterEach(({ lab }) => {
    cleanup(lab);
    expect(pageErrors, 'errors thrown in the page').toEqual([]);
  });

  test('the MAAS-ready preset: planned with its reason, created, validated, used by a compose, refused while in use, removed', async ({
    page,
    lab,
    shot,
  }) => {
    test.setTimeout(240_000);
    const h = labhost(lab);
    const ns = h.namespace;
    const defaultBefore = withoutHostEntries(virsh(ns, 'net-dumpxml', '--network', 'default', '--inactive'));
    const maasBefore = virsh(ns, 'net-dumpxml', '--network', 'maas', '--inactive');
    await openNetworks(page, lab);

    await page.getByRole('button', { name: 'New network' }).click();
    const dialog = page.getByRole('dialog', { name: `New network on ${h.name}` });
    await dialog.getByRole('button', { name: 'MAAS-ready with NAT' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('maas');
    await expect(dialog.getByLabel('Why the MAAS preset')).toContainText(
      "MAAS asks for a separate libvirt network named 'maas' with DHCP disabled",
    );
    // The lab already has its maas: the preview says so, and nothing can be applied.
    await expect(dialog.getByLabel('Problems')).toContainText("already has a network named 'maas'", {
      timeout: 30_000,
    });
    await expect(dialog.getByRole('button', { name: 'Create network' })).toBeDisabled();
    await shot('network-01-maas-preset-name-taken');

    await dialog.getByRole('textbox', { name: 'Name' }).fill(MAAS_NET);
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await expect(preview.getByLabel('Network XML diff')).toContainText(`+ <network>`, { timeout: 30_000 });
    await expect(preview.getByLabel('Network XML diff')).toContainText(`<name>${MAAS_NET}</name>`);
    await expect(preview.getByLabel('Network XML diff')).not.toContainText('<dhcp>');
    await expect(preview.getByRole('list', { name: 'Commands' })).toContainText(
      'virsh --connect qemu:///system net-define --file /dev/stdin --validate',
    );
    await expect(preview.getByRole('list', { name: 'Commands' })).toContainText(
      `undone by: virsh --connect qemu:///system net-undefine --network ${MAAS_NET}`,
    );
    await expect(preview.getByRole('list', { name: 'Effect on composed VMs' })).toContainText(
      "lands on network 'maas'",
    );
    await expect(dialog.getByLabel('Problems')).toHaveCount(0);
    await shot('network-02-maas-preset-preview');
    await preview.getByRole('list', { name: 'Commands' }).scrollIntoViewIfNeeded();
    await shot('network-02b-maas-preset-commands');
    await dialog.getByRole('button', { name: 'Create network' }).click();
    await expect(dialog).toBeHidden({ timeout: 60_000 });

    const table = page.getByRole('table', { name: 'Networks' });
    await expect(rowNamed(table, MAAS_NET)).toContainText('active');
    // Autostart on, as planned (cells: expander, state, autostart, …; the name is the row header).
    await expect(rowNamed(table, MAAS_NET).getByRole('cell').nth(2)).toHaveText('on');
    const xml = virsh(ns, 'net-dumpxml', '--network', MAAS_NET);
    expect(xml).not.toContain('<dhcp>');
    expect(xml).toContain("<forward mode='nat'>");
    validateNetwork(ns, MAAS_NET);
    await shot('network-03-created');

    // Used by a compose: the network's own bridge as the constraint lands the NIC on it.
    const bridge = /<bridge name='([^']+)'/.exec(xml)?.[1] ?? '';
    const w = new ComposeWizard(page);
    await w.openFromNav();
    await w.choosePod(h.name);
    await w.next();
    await w.fillResources({ hostname: VM, memoryMiB: 32, storage: 'root:0.01', nicRom: false });
    await w.next();
    await w.passInstall();
    await w.constraintText.fill(`eth0:name=${bridge}`);
    await expect(w.planFor(w.livePlan, 'eth0').getByRole('heading')).toHaveText(`eth0 → libvirt network ${MAAS_NET}`, {
      timeout: 30_000,
    });
    await w.next();
    await page.getByRole('button', { name: 'Compose VM' }).click();
    await expect(page.getByText(`${VM} is composed on ${h.name}`)).toBeVisible({ timeout: 90_000 });
    expect(virsh(ns, 'dumpxml', '--domain', VM, '--inactive')).toContain(`<source network='${MAAS_NET}'/>`);

    // Delete while the VM uses it: refused, naming the VM.
    await page.getByRole('button', { name: 'Go to the VM' }).click();
    await openTab(page, 'Networks');
    await page.getByRole('button', { name: `More actions for network ${MAAS_NET}` }).click();
    await page.getByRole('menuitem', { name: 'Delete network…' }).click();
    const del = page.getByRole('dialog', { name: `Delete network ${MAAS_NET}` });
    await expect(del.getByLabel('Problems')).toContainText(`VMs use network '${MAAS_NET}': ${VM}`, { timeout: 30_000 });
    await expect(del.getByRole('button', { name: 'Delete network' })).toBeDisabled();
    await shot('network-04-delete-refused');
    await del.getByRole('button', { name: 'Cancel' }).click();

    // Without the VM: deleted from the UI.
    virsh(ns, 'undefine', '--domain', VM, '--remove-all-storage', '--nvram');
    await page.getByRole('button', { name: `More actions for network ${MAAS_NET}` }).click();
    await page.getByRole('menuitem', { name: 'Delete network…' }).click();
    await expect(del.getByRole('list', { name: 'Commands' })).toContainText(`net-undefine --network ${MAAS_NET}`, {
      timeout: 30_000,
    });
    await del.getByRole('button', { name: 'Delete network' }).click();
    await expect(del).toBeHidden({ timeout: 60_000 });
    await expect(rowNamed(table, MAAS_NET)).toHaveCount(0);
    expect(virshMaybe(ns, 'net-info', '--network', MAAS_NET)).toBeNull();

    // The lab's own networks are as they were.
    expect(withoutHostEntries(virsh(ns, 'net-dumpxml', '--network', 'default', '--inactive'))).toBe(defaultBefore);
    expect(virsh(ns, 'net-dumpxml', '--network', 'maas', '--inactive')).toBe(maasBefore);
  });

  test('a macvtap network on eth1, each mode explained; a bad subnet refused; DHCP edits previewed', async ({
    page,
    lab,
    shot,
  }) => {
    test.setTimeout(180_000);
    const h = labhost(lab);
    const ns = h.namespace;
    await openNetworks(page, lab);
    await page.getByRole('button', { name: 'New network' }).click();
    const dialog = page.getByRole('dialog', { name: `New network on ${h.name}` });
    const w = new ComposeWizard(page);

    // A subnet the host already uses: refused with where it is used.
    await dialog.getByRole('textbox', { name: 'Name' }).fill(MVT_NET);
    await dialog.getByRole('textbox', { name: 'Host address and prefix' }).fill('192.168.122.9/24');
    await expect(dialog.getByLabel('Problems')).toContainText(
      "overlaps 192.168.122.0/24, the libvirt network 'default'",
      { timeout: 30_000 },
    );
    await shot('network-05-overlap');

    await w.select(dialog, 'Kind', /^macvtap/);
    await w.select(dialog, 'macvtap mode', /^private/);
    await expect(dialog.getByText(/cannot talk to each other at all/).first()).toBeVisible();
    await dialog.getByRole('checkbox', { name: 'eth1' }).check();
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await expect(preview.getByLabel('Network XML diff')).toContainText(`<forward mode="private">`, { timeout: 30_000 });
    await expect(preview.getByLabel('Network XML diff')).toContainText('<interface dev="eth1"/>');
    await expect(preview.getByLabel('Notes')).toContainText('This host cannot reach a guest attached by macvtap');
    await shot('network-06-macvtap-preview');
    // The app follows the OS theme: the diff and warnings must read in dark mode too.
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot('network-06b-macvtap-preview-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByRole('button', { name: 'Create network' }).click();
    await expect(dialog).toBeHidden({ timeout: 60_000 });
    const table = page.getByRole('table', { name: 'Networks' });
    await expect(rowNamed(table, MVT_NET)).toContainText('private via eth1');
    validateNetwork(ns, MVT_NET);

    // Edit of the lab's default network: previewed only (Cancel), never applied here.
    await page.getByRole('button', { name: 'More actions for network default' }).click();
    await page.getByRole('menuitem', { name: 'Edit network…' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit network default' });
    await edit.getByLabel('DHCP (libvirt hands out addresses)').uncheck();
    await expect(edit.getByRole('region', { name: 'Preview' })).toContainText('restarts', { timeout: 30_000 });
    await expect(edit.getByRole('list', { name: 'Effect on composed VMs' })).toContainText('gets no address');
    await expect(edit.getByLabel('Network XML diff')).toContainText('- ');
    await shot('network-07-dhcp-off-preview');
    await edit.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: `More actions for network ${MVT_NET}` }).click();
    await page.getByRole('menuitem', { name: 'Delete network…' }).click();
    const del = page.getByRole('dialog', { name: `Delete network ${MVT_NET}` });
    await expect(del.getByRole('list', { name: 'Commands' })).toContainText(`net-undefine --network ${MVT_NET}`, {
      timeout: 30_000,
    });
    await del.getByRole('button', { name: 'Delete network' }).click();
    await expect(del).toBeHidden({ timeout: 60_000 });
    expect(virshMaybe(ns, 'net-info', '--network', MVT_NET)).toBeNull();
  });
});
