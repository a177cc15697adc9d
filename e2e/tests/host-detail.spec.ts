import { readFileSync } from 'node:fs';
import { expect, test } from '../fixtures/app';
import type { LabDescription, LabHost } from '../lab/lab-description';
import {
  addLabHost,
  connections,
  domstate,
  ensureShutOff,
  openHostScreen,
  openTab,
  rowNamed,
  topologyNode,
  virsh,
} from '../pages/host-detail';

const labhost = (lab: LabDescription): LabHost => lab.hosts.find((x) => x.kind === 'qemu')!;

test.describe('the host screen against labhost1', () => {
  test('overview, topology, interfaces, networks, storage and VMs, by their names', async ({ page, lab, shot }) => {
    const h = labhost(lab);
    await addLabHost(page, lab, h);
    await openHostScreen(page, h.name);

    // Overview: versions, summary cards, capacity, and the macvtap warning in plain words.
    await expect(page.getByText(/QEMU 7\.2/).first()).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Summary' }).getByRole('button', { name: /^Networks: 2 active, 0 stopped$/ }),
    ).toBeVisible();
    await expect(page.getByRole('progressbar', { name: /^Storage: .* used/ })).toBeVisible();
    const warnings = page.getByRole('list', { name: 'Warnings' });
    await expect(
      warnings.getByText(
        /lab-shutoff's NIC 52:54:00:1a:b0:03 is a macvtap on eth1, vepa mode: this host and lab-shutoff cannot reach each other/,
      ),
    ).toBeVisible();
    await expect(warnings.getByText(/Network maas has no DHCP that LabDeck knows of/)).toBeVisible();
    await shot('host-01-overview');

    // Topology: every node by its accessible name, the links in words, the macvtap mode on its line.
    await openTab(page, 'Topology');
    for (const label of [
      'interface eth0',
      'interface eth1',
      'interface eth2',
      'bridge br0',
      'bridge virbr0',
      'bridge virbr1',
      'network default',
      'network maas',
      'VM lab-running',
      'VM lab-shutoff',
    ]) {
      await expect(topologyNode(page, label)).toBeVisible();
    }
    await expect(topologyNode(page, 'interface lo')).toHaveCount(0);
    for (const text of [
      'eth2 → br0 (port)',
      'br0 → lab-running (bridge)',
      'eth1 → lab-shutoff (macvtap vepa)',
      'virbr0 → default (network bridge)',
      'default → lab-running',
      'maas → lab-shutoff',
    ]) {
      await expect(connections(page).getByText(text, { exact: true })).toBeVisible();
    }
    await expect(page.getByRole('img', { name: 'eth1 → lab-shutoff (macvtap vepa)' })).toBeAttached();
    await expect(page.getByTestId('topology-canvas').getByText('macvtap vepa', { exact: true })).toBeVisible();
    await expect(topologyNode(page, 'network default').getByText('DHCP', { exact: true })).toBeVisible();
    await expect(topologyNode(page, 'network maas').getByText('no DHCP', { exact: true })).toBeVisible();
    await topologyNode(page, 'VM lab-shutoff').click();
    const details = page.getByRole('complementary', { name: 'Details of VM lab-shutoff' });
    await expect(details.getByRole('listitem').filter({ hasText: 'on eth1' })).toContainText(
      /macvtap vepa\s*on eth1\s*52:54:00:1a:b0:03/,
    );
    await expect(details.getByText(/cannot reach each other/)).toBeVisible();
    await shot('host-02-topology');
    // The app follows the OS theme: the picture must read in dark mode too.
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot('host-02b-topology-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Keyboard works too: Tab to a node, Enter selects it.
    await topologyNode(page, 'bridge br0').focus();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('complementary', { name: 'Details of bridge br0' }).getByText('eth2, vnet1'),
    ).toBeVisible();

    // Exports: a standalone SVG with the same names and labels, and a PNG.
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    expect(svgDownload.suggestedFilename()).toBe('labhost1-topology.svg');
    const svg = readFileSync(await svgDownload.path(), 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('macvtap vepa');
    expect(svg).toContain('lab-shutoff');
    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    expect(pngDownload.suggestedFilename()).toBe('labhost1-topology.png');
    expect(
      readFileSync(await pngDownload.path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    // Interfaces: nothing hidden, lo and taps last, who uses what, the warning on eth1's row.
    const ifaces = (await openTab(page, 'Interfaces')).getByRole('table', { name: 'Host interfaces' });
    await expect(rowNamed(ifaces, 'br0')).toContainText('ports eth2, vnet1');
    await expect(rowNamed(ifaces, 'br0')).toContainText('VM lab-running (bridge)');
    await expect(rowNamed(ifaces, 'eth2')).toContainText('port of br0');
    await expect(rowNamed(ifaces, 'eth1')).toContainText('VM lab-shutoff (macvtap vepa)');
    await expect(
      rowNamed(ifaces, 'eth1').getByRole('img', { name: /^Warning: .*cannot reach each other/ }),
    ).toBeVisible();
    await expect(rowNamed(ifaces, 'virbr0')).toContainText('network default');
    await expect(rowNamed(ifaces, 'virbr1')).toContainText('network maas');
    await expect(rowNamed(ifaces, 'eth0')).toContainText('10.99.1.2/24');
    await expect(ifaces.getByRole('row').last()).toContainText('lo');
    await shot('host-03-interfaces');

    // Networks: DHCP where the network is shown: default's range, maas without.
    const nets = (await openTab(page, 'Networks')).getByRole('table', { name: 'Networks' });
    await expect(rowNamed(nets, 'default')).toContainText('libvirt DHCP');
    await expect(rowNamed(nets, 'default')).toContainText('192.168.122.100 – 192.168.122.200');
    await expect(rowNamed(nets, 'default')).toContainText('NAT');
    await expect(rowNamed(nets, 'maas')).toContainText('no DHCP');
    await page.getByRole('button', { name: 'Show leases and static hosts of default' }).click();
    // (Guests earlier suites booted on default may still hold leases there.)
    await expect(page.getByText(/^Current leases \(\d+\)$/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Hide leases and static hosts of default' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await expect(page.locator('.MuiCollapse-entered')).toBeVisible(); // the row has finished opening
    await shot('host-04-networks');

    // Storage: the pool's bar and its volume.
    const storage = await openTab(page, 'Storage');
    await expect(storage.getByRole('progressbar', { name: /^Allocation: .* used/ })).toBeVisible();
    await expect(storage.getByRole('table', { name: 'Volumes in default' })).toContainText('lab-disk.qcow2');
    await shot('host-05-storage');

    // VMs: state, NICs with attachment, source, mode and MAC; the macvtap warning on the row.
    const vms = (await openTab(page, 'VMs')).getByRole('table', { name: 'VMs' });
    await expect(rowNamed(vms, 'lab-running')).toContainText('running');
    await expect(rowNamed(vms, 'lab-running')).toContainText(/network\s*default\s*52:54:00:1a:b0:01/);
    await expect(rowNamed(vms, 'lab-running')).toContainText(/bridge\s*br0\s*52:54:00:1a:b0:02/);
    await expect(rowNamed(vms, 'lab-shutoff')).toContainText('shut off');
    await expect(rowNamed(vms, 'lab-shutoff')).toContainText(/macvtap vepa\s*on eth1\s*52:54:00:1a:b0:03/);
    await expect(rowNamed(vms, 'lab-shutoff')).toContainText(/network\s*maas\s*52:54:00:1a:b0:04/);
    await expect(rowNamed(vms, 'lab-shutoff').getByRole('img', { name: /^Warning: / })).toBeVisible();
    await shot('host-06-vms');
  });

  test('marks: external DHCP on a bridge changes what DHCP is shown; bad input saves nothing', async ({
    page,
    lab,
    shot,
  }) => {
    const h = labhost(lab);
    await addLabHost(page, lab, h);
    await openHostScreen(page, h.name);
    const marks = await openTab(page, 'Marks');

    // Bad input first: a VLAN id out of range and a CIDR that is not one.
    await marks.getByLabel('VLAN id for br0').fill('5000');
    await marks.getByRole('button', { name: 'Save marks' }).click();
    await expect(marks.getByText(/Nothing was saved: one row needs fixing/)).toBeVisible();
    await expect(marks.getByText('VLAN id is a whole number 0–4094 (0 = untagged)')).toBeVisible();
    await marks.getByLabel('Add a subnet (CIDR)').fill('10.7.0.0');
    await marks.getByRole('button', { name: 'Add subnet' }).click();
    await expect(marks.getByText('"10.7.0.0" is not a CIDR — write it like 10.0.0.0/24')).toBeVisible();
    await shot('host-07-marks-invalid');
    await marks.getByRole('button', { name: 'Discard changes' }).click();
    await expect(marks.getByLabel('VLAN id for br0')).toHaveValue('');

    // A valid mark: maas's bridge is served by an external DHCP server (MAAS, say).
    await marks.getByLabel('Space for br0').fill('lab');
    await marks.getByLabel('External DHCP on virbr1').check();
    await marks.getByRole('button', { name: 'Save marks' }).click();
    await expect(page.getByText('Saved the marks of labhost1')).toBeVisible();
    await expect(marks.getByText('No changes')).toBeVisible();
    await shot('host-08-marks-saved');

    const nets = (await openTab(page, 'Networks')).getByRole('table', { name: 'Networks' });
    await expect(rowNamed(nets, 'maas')).toContainText('external DHCP (marked)');
    await openTab(page, 'Topology');
    await expect(topologyNode(page, 'network maas').getByText('ext. DHCP', { exact: true })).toBeVisible();
    await openTab(page, 'Overview');
    await expect(page.getByRole('list', { name: 'Warnings' }).getByText(/Network maas has no DHCP/)).toHaveCount(0);

    // Marks survive leaving and coming back (they are the engine's, not the page's).
    await page.getByRole('button', { name: 'Back to inventory' }).click();
    await openHostScreen(page, h.name);
    await openTab(page, 'Marks');
    await expect(page.getByLabel('Space for br0')).toHaveValue('lab');
    await expect(page.getByLabel('External DHCP on virbr1')).toBeChecked();
  });

  test('a VM started and forced off from the UI, as virsh sees it; a failure shows command and stderr', async ({
    page,
    lab,
    shot,
  }) => {
    const h = labhost(lab);
    const vm = lab.qemu.shutoffDomain;
    ensureShutOff(h, vm);
    try {
      await addLabHost(page, lab, h);
      await openHostScreen(page, h.name);
      const vms = (await openTab(page, 'VMs')).getByRole('table', { name: 'VMs' });

      // Start asks nothing (it destroys nothing): one click runs it.
      await rowNamed(vms, vm)
        .getByRole('button', { name: `Start ${vm}` })
        .click();
      await expect(page.getByRole('dialog', { name: `Start ${vm}?` })).toHaveCount(0);
      await expect(rowNamed(vms, vm)).toContainText('running', { timeout: 60_000 });
      expect(domstate(h, vm)).toBe('running');
      await expect(
        page.getByText(new RegExp(`Started ${vm} — ran virsh --connect qemu:///system start (--domain )?${vm}`)),
      ).toBeVisible();
      await shot('host-09-vm-started');

      await rowNamed(vms, vm)
        .getByRole('button', { name: `More actions for ${vm}` })
        .click();
      await page.getByRole('menuitem', { name: 'Force off' }).click();
      const off = page.getByRole('dialog', { name: `Force off ${vm}?` });
      await expect(off).toContainText('like pulling the plug');
      await shot('host-10-force-off-confirm');
      await off.getByRole('button', { name: 'Force off' }).click();
      await expect(off).toHaveCount(0, { timeout: 60_000 });
      await expect(rowNamed(vms, vm)).toContainText('shut off');
      expect(domstate(h, vm)).toBe('shut off');

      // Its network is stopped behind LabDeck's back (the VM stays shut off, so Start stays): Start
      // fails, and the notice says how. (Starting the VM itself behind its back would race the live
      // update that turns the button into Shut down.)
      virsh(h, 'net-destroy', 'maas');
      try {
        await rowNamed(vms, vm)
          .getByRole('button', { name: `Start ${vm}` })
          .click();
        const again = page.getByRole('alert').filter({ hasText: 'Start lab-shutoff failed' });
        await expect(again).toBeVisible({ timeout: 60_000 });
        await expect(again.getByLabel('Command')).toContainText(
          new RegExp(`virsh --connect qemu:///system start (--domain )?${vm}`),
        );
        await expect(again.getByLabel('stderr')).toContainText(/maas/);
        await shot('host-11-start-failed');
        await again.getByRole('button', { name: 'Close' }).click();
      } finally {
        virsh(h, 'net-start', 'maas');
      }

      // Someone starts it behind LabDeck's back: it shows once the host is read again (host.changed → new snapshot).
      virsh(h, 'start', vm);
      await page.getByRole('button', { name: `Refresh ${h.name}` }).click();
      await expect(rowNamed(vms, vm)).toContainText('running');

      // Delete asks, offers the volumes too (lab-shutoff has none), and is cancelled here: the lab needs the VM.
      await rowNamed(vms, vm)
        .getByRole('button', { name: `More actions for ${vm}` })
        .click();
      await page.getByRole('menuitem', { name: 'Delete…' }).click();
      const del = page.getByRole('dialog', { name: `Delete ${vm}?` });
      await expect(del).toContainText('forcing it off first. This cannot be undone.');
      await expect(del.getByLabel('Also delete its volumes')).toBeDisabled();
      await shot('host-13-delete-confirm');
      await del.getByRole('button', { name: 'Cancel' }).click();

      await rowNamed(vms, vm)
        .getByRole('button', { name: `More actions for ${vm}` })
        .click();
      await page.getByRole('menuitem', { name: 'Force off' }).click();
      await page
        .getByRole('dialog', { name: `Force off ${vm}?` })
        .getByRole('button', { name: 'Force off' })
        .click();
      await expect(rowNamed(vms, vm)).toContainText('shut off', { timeout: 60_000 });
      expect(domstate(h, vm)).toBe('shut off');
    } finally {
      ensureShutOff(h, vm);
    }
    expect(domstate(h, vm)).toBe('shut off');
  });

  test('a host with 30 VMs stays readable (the lab host labtest2)', async ({ page, lab, shot }) => {
    const crowded = lab.hosts.find((x) => x.name === 'labtest2')!;
    await addLabHost(page, lab, crowded);
    await openHostScreen(page, crowded.name);
    await openTab(page, 'Topology');
    await expect(page.getByRole('button', { name: /^VM / })).toHaveCount(30);
    await expect(connections(page).getByText('eth1 → labtest2-vm2 (macvtap vepa)', { exact: true })).toBeVisible();
    // Drawn at full size, never zoomed out to fit: the names keep their normal size.
    const box = await topologyNode(page, 'VM labtest2-vm1').boundingBox();
    expect(box?.width).toBeGreaterThan(170);
    await page.setViewportSize({ width: 1400, height: 2400 });
    await shot('host-12-topology-30-vms');
  });

  test('network autostart turned on and off from the UI, as virsh sees it', async ({ page, lab, shot }) => {
    const h = labhost(lab);
    const autostart = (): string => /Autostart:\s+(\w+)/.exec(virsh(h, 'net-info', 'maas'))?.[1] ?? '?';
    try {
      await addLabHost(page, lab, h);
      await openHostScreen(page, h.name);
      const nets = (await openTab(page, 'Networks')).getByRole('table', { name: 'Networks' });
      await expect(rowNamed(nets, 'maas').getByRole('cell').nth(2)).toHaveText('off');

      await page.getByRole('button', { name: 'More actions for network maas' }).click();
      await page.getByRole('menuitem', { name: 'Turn on autostart' }).click();
      const on = page.getByRole('dialog', { name: 'Turn on autostart for maas?' });
      await expect(on).toContainText('whenever the host boots');
      await shot('host-14-network-autostart-confirm');
      await on.getByRole('button', { name: 'Turn on' }).click();
      await expect(on).toHaveCount(0, { timeout: 60_000 });
      await expect(rowNamed(nets, 'maas').getByRole('cell').nth(2)).toHaveText('on');
      expect(autostart()).toBe('yes');

      await page.getByRole('button', { name: 'More actions for network maas' }).click();
      await page.getByRole('menuitem', { name: 'Turn off autostart' }).click();
      await page
        .getByRole('dialog', { name: 'Turn off autostart for maas?' })
        .getByRole('button', { name: 'Turn off' })
        .click();
      await expect(rowNamed(nets, 'maas').getByRole('cell').nth(2)).toHaveText('off', { timeout: 60_000 });
      expect(autostart()).toBe('no');
    } finally {
      virsh(h, 'net-autostart', 'maas', '--disable');
    }
  });
});
