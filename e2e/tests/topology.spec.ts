import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../fixtures/app';
import type { LabDescription, LabHost } from '../lab/lab-description';
import { addLabHost, openHostScreen, openTab, topologyNode, virsh } from '../pages/host-detail';
import type { Locator, Page } from '@playwright/test';

const shots = '/tmp/pw-topology';
mkdirSync(shots, { recursive: true });

const crowdedHost = (lab: LabDescription): LabHost => lab.hosts.find((x) => x.name === 'labtest2')!;
const qemuHost = (lab: LabDescription): LabHost => lab.hosts.find((x) => x.kind === 'qemu')!;

const canvas = (page: Page): Locator => page.getByTestId('topology-canvas');
const vmNodes = (page: Page): Locator => page.getByRole('button', { name: /^VM / });
const zoomLevel = (page: Page): Locator =>
  page.getByRole('toolbar', { name: 'Zoom' }).getByRole('button', { name: /^Zoom \d+ %/ });

async function chooseOption(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The edge label drawn just before a VM, level with it: the mode of that VM's own macvtap line. */
async function labelBeside(page: Page, vm: string): Promise<string> {
  // Boxes are null while React Flow re-renders a node or label: say "none yet" and let the caller poll.
  const node = await topologyNode(page, `VM ${vm}`).boundingBox();
  if (!node) return '';
  const labels = canvas(page).locator('.react-flow__edgelabel-renderer > div');
  const mid = node.y + node.height / 2;
  for (const l of await labels.all()) {
    const b = await l.boundingBox();
    if (!b) continue;
    if (
      b.x + b.width <= node.x + 1 &&
      node.x - (b.x + b.width) < 60 &&
      Math.abs(b.y + b.height / 2 - mid) < node.height / 2
    ) {
      return (await l.innerText()).replace(/\s+/g, ' ');
    }
  }
  return '';
}

test.describe('topology at size', () => {
  test('labtest2 (30 VMs): every macvtap line shows its own mode; zoom, fit and filters', async ({ page, lab }) => {
    const h = crowdedHost(lab);
    await addLabHost(page, lab, h);
    await openHostScreen(page, h.name);
    await openTab(page, 'Topology');
    await expect(vmNodes(page)).toHaveCount(30);
    await expect(page.getByRole('status').filter({ hasText: '30 VMs.' })).toBeVisible();

    // Ten macvtaps on eth1, five vepa and five bridge: ten labels, none merged into a count.
    await expect(canvas(page).getByText('macvtap vepa', { exact: true })).toHaveCount(5);
    await expect(canvas(page).getByText('macvtap bridge', { exact: true })).toHaveCount(5);
    await expect(canvas(page).getByText(/×/)).toHaveCount(0);
    await expect.poll(() => labelBeside(page, 'labtest2-vm2')).toBe('macvtap vepa');
    await expect.poll(() => labelBeside(page, 'labtest2-vm5')).toBe('macvtap bridge');
    await expect.poll(() => labelBeside(page, 'labtest2-vm3')).toBe('');
    // Memory is never cut off on a VM card.
    await expect(topologyNode(page, 'VM labtest2-vm1')).toContainText(/running\s*·\s*2 vCPU · 512 MiB/);
    await page.screenshot({ path: `${shots}/01-labtest2.png`, fullPage: true });

    // Zoom: starts at 100 %, steps out and in, fits the whole picture into the canvas.
    await expect(zoomLevel(page)).toHaveText('100 %');
    const fullWidth = (await topologyNode(page, 'VM labtest2-vm1').boundingBox())!.width;
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect(zoomLevel(page)).toHaveText('80 %');
    expect((await topologyNode(page, 'VM labtest2-vm1').boundingBox())!.width).toBeCloseTo(fullWidth * 0.8, 0);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(zoomLevel(page)).toHaveText('125 %');
    await page.getByRole('button', { name: 'Fit to view' }).click();
    await expect(zoomLevel(page)).not.toHaveText(/^(100|125) %$/);
    const frame = (await canvas(page).boundingBox())!;
    for (const n of await vmNodes(page).all()) {
      const b = (await n.boundingBox())!;
      expect(
        b.y >= frame.y - 1 && b.y + b.height <= frame.y + frame.height + 1,
        `${await n.getAttribute('aria-label')} inside the canvas`,
      ).toBe(true);
    }
    await page.screenshot({ path: `${shots}/02-fit-to-view.png` });
    await zoomLevel(page).click();
    await expect(zoomLevel(page)).toHaveText('100 %');

    // Filter by name: vm1 and vm10…vm19, and only their plumbing.
    await page.getByLabel('VM name').fill('vm1');
    await expect(vmNodes(page)).toHaveCount(11);
    await expect(page.getByRole('status').filter({ hasText: '11 of 30 VMs match.' })).toBeVisible();
    // … and by state: of those, vm10 and vm16 are paused, and both sit on br0 only.
    await chooseOption(page, 'VM state', 'paused');
    await expect(vmNodes(page)).toHaveCount(2);
    await expect(topologyNode(page, 'VM labtest2-vm10')).toBeVisible();
    await expect(topologyNode(page, 'VM labtest2-vm16')).toBeVisible();
    await expect(topologyNode(page, 'network default')).toHaveCount(0);
    await expect(topologyNode(page, 'bridge br0')).toBeVisible();
    await page.screenshot({ path: `${shots}/03-filter-name-state.png` });

    // By what the VMs are linked to: eth1's ten macvtap VMs, each line with its mode.
    await page.getByRole('button', { name: 'Clear filter' }).click();
    await expect(vmNodes(page)).toHaveCount(30);
    await chooseOption(page, 'Linked to', 'eth1 (NIC)');
    await expect(vmNodes(page)).toHaveCount(10);
    await expect(canvas(page).getByText('macvtap vepa', { exact: true })).toHaveCount(5);
    await expect(canvas(page).getByText('macvtap bridge', { exact: true })).toHaveCount(5);
    for (const [vm, mode] of [
      ['labtest2-vm8', 'vepa'],
      ['labtest2-vm11', 'bridge'],
    ]) {
      await expect.poll(() => labelBeside(page, vm!)).toBe(`macvtap ${mode}`);
    }
    await page.screenshot({ path: `${shots}/04-filter-eth1.png`, fullPage: true });
  });

  test('labhost1: a VM with a long name shows its memory in full, beside its own macvtap mode', async ({
    page,
    lab,
  }) => {
    const h = qemuHost(lab);
    const name = `topology-e2e-a-rather-long-virtual-machine-name-${randomBytes(2).toString('hex')}`;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'topology-e2e-'));
    try {
      const file = path.join(dir, 'dom.xml');
      writeFileSync(
        file,
        `<domain type='qemu'><name>${name}</name><memory unit='MiB'>1536</memory><vcpu>2</vcpu><os><type arch='x86_64'>hvm</type></os>` +
          `<devices><interface type='direct'><mac address='52:54:00:7e:00:01'/><source dev='eth1' mode='private'/><model type='virtio'/></interface></devices></domain>`,
      );
      virsh(h, 'define', file);
      await addLabHost(page, lab, h);
      await openHostScreen(page, h.name);
      await openTab(page, 'Topology');
      const card = topologyNode(page, `VM ${name}`);
      await expect(card).toBeVisible();
      // Two VMs on eth1, two modes, each on its own line.
      await expect.poll(() => labelBeside(page, name)).toBe('macvtap private');
      await expect.poll(() => labelBeside(page, lab.qemu.shutoffDomain)).toBe('macvtap vepa');
      const size = card.getByText(/2 vCPU · 1\.5 GiB/);
      await expect(size).toBeVisible();
      const c = (await card.boundingBox())!;
      const s = (await size.boundingBox())!;
      expect(s.x + s.width).toBeLessThanOrEqual(c.x + c.width);
      await page.screenshot({ path: `${shots}/05-labhost1-long-name.png`, fullPage: true });
    } finally {
      for (const cmd of ['destroy', 'undefine']) {
        try {
          execFileSync('ip', ['netns', 'exec', h.namespace, 'virsh', '-c', h.libvirtUri, cmd, '--domain', name], {
            stdio: 'ignore',
          });
        } catch {
          // not running / not defined
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
