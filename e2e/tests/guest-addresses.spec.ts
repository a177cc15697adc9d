import { expect, test } from '../fixtures/app';
import type { LabDescription, LabHost } from '../lab/lab-description';
import { addLabHost, openHostScreen, openTab, rowNamed, topologyNode } from '../pages/host-detail';

const labhost = (lab: LabDescription): LabHost => lab.hosts.find((x) => x.kind === 'qemu')!;

/**
 * Guest addresses where the user looks for them. The lab's VMs boot no OS, so today they show the
 * empty states: "no address yet" for the running VM, "—" for the shut-off one.
 */
test.describe('guest addresses on labhost1', () => {
  test('the VMs table has an Addresses column; topology details show them too', async ({ page, lab, shot }) => {
    const h = labhost(lab);
    await addLabHost(page, lab, h);
    await openHostScreen(page, h.name);

    const vms = (await openTab(page, 'VMs')).getByRole('table', { name: 'VMs' });
    await expect(vms.getByRole('columnheader', { name: 'Addresses' })).toBeVisible();
    const headers = await vms.getByRole('columnheader').allInnerTexts();
    const col = headers.findIndex((t) => t.trim() === 'Addresses');
    await expect(
      rowNamed(vms, lab.qemu.runningDomain)
        .getByRole('cell')
        .nth(col - 1),
    ).toHaveText('no address yet');
    await expect(
      rowNamed(vms, lab.qemu.shutoffDomain)
        .getByRole('cell')
        .nth(col - 1),
    ).toHaveText('—');
    await shot('guest-addresses-01-vms-tab');

    await openTab(page, 'Topology');
    await topologyNode(page, `VM ${lab.qemu.runningDomain}`).click();
    const details = page.getByRole('complementary', { name: `Details of VM ${lab.qemu.runningDomain}` });
    await expect(details.getByText('Addresses', { exact: true })).toBeVisible();
    await expect(details.getByText('no address yet', { exact: true })).toBeVisible();
    await shot('guest-addresses-02-topology');
  });
});
