import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../fixtures/app';
import type { LabDescription, LabHost } from '../lab/lab-description';
import { addLabHost, openHostScreen, openTab, rowNamed, topologyNode, virsh } from '../pages/host-detail';

const labhost = (lab: LabDescription): LabHost => lab.hosts.find((x) => x.kind === 'qemu')!;

/** A tiny guest of our own, defined from the host's shell: 32 MiB, no disk, no NIC, TCG. */
function defineTiny(h: LabHost, name: string): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'live-e2e-'));
  try {
    const file = path.join(dir, 'dom.xml');
    writeFileSync(
      file,
      `<domain type='qemu'><name>${name}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type><boot dev='hd'/></os><devices/></domain>`,
    );
    virsh(h, 'define', file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function removeTiny(h: LabHost, name: string): void {
  for (const cmd of ['destroy', 'undefine']) {
    try {
      execFileSync('ip', ['netns', 'exec', h.namespace, 'virsh', '-c', h.libvirtUri, cmd, '--domain', name], {
        stdio: 'ignore',
      });
    } catch {
      // not running / not defined
    }
  }
}

test.describe('live hosts', () => {
  test("a VM defined, started, stopped and undefined from the host's shell shows up without a click", async ({
    page,
    lab,
    shot,
  }) => {
    // Adding the host, then five state changes seen through the browser: slow on a busy 2-core runner.
    test.slow();
    const h = labhost(lab);
    const name = `live-e2e-${randomBytes(3).toString('hex')}`;
    await addLabHost(page, lab, h);
    // The inventory says the host is live.
    await expect(page.getByRole('row', { name: new RegExp(h.name) }).getByTestId('live-indicator')).toBeVisible();
    await openHostScreen(page, h.name);
    await expect(page.getByTestId('live-indicator').first()).toBeVisible();
    const vms = (await openTab(page, 'VMs')).getByRole('table', { name: 'VMs' });
    try {
      defineTiny(h, name);
      await expect(rowNamed(vms, name)).toContainText('shut off');
      virsh(h, 'start', '--domain', name);
      await expect(rowNamed(vms, name)).toContainText('running');
      await expect(page.getByText(/last change/)).toBeVisible();
      await shot('live-01-vm-started-from-shell');
      await openTab(page, 'Topology');
      await expect(topologyNode(page, `VM ${name}`)).toBeVisible();
      await openTab(page, 'VMs');
      virsh(h, 'destroy', '--domain', name);
      await expect(rowNamed(vms, name)).toContainText('shut off');
      virsh(h, 'undefine', '--domain', name);
      await expect(rowNamed(vms, name)).toHaveCount(0);
    } finally {
      removeTiny(h, name);
    }
  });
});
