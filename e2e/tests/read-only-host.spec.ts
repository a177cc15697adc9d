import { expect, test } from '../fixtures/app';
import { addLabHost, openHostScreen, openTab, rowNamed } from '../pages/host-detail';

// Issue 12, item 2: a libvirt test-driver host keeps no change, so the host view says so up front and
// its VM, network and compose actions are off, each with the reason.
test('a test-driver host is read-only: said up front, actions off with the reason', async ({ page, lab, shot }) => {
  const h = lab.hosts.find((x) => x.name === 'labtest1')!;
  await addLabHost(page, lab, h);
  const compose = page
    .getByRole('row', { name: new RegExp(h.name) })
    .getByRole('button', { name: `Compose VM on ${h.name}` });
  await expect(compose).toBeDisabled();
  await openHostScreen(page, h.name);
  await expect(page.getByTestId('read-only-notice')).toContainText(/Read-only host.*test driver/);
  await expect(page.getByRole('button', { name: `Compose VM on ${h.name}` })).toBeDisabled();

  const vms = (await openTab(page, 'VMs')).getByRole('table', { name: 'VMs' });
  const start = rowNamed(vms, 'labtest1-vm2').getByRole('button', { name: 'Start labtest1-vm2' });
  await expect(start).toBeDisabled();
  await expect(start.locator('xpath=..')).toHaveAttribute('title', /test driver/);
  await shot('host-read-only');

  const nets = (await openTab(page, 'Networks')).getByRole('table', { name: 'Networks' });
  await expect(
    rowNamed(nets, 'isolated').getByRole('button', { name: /^(Start|Stop) network isolated$/ }),
  ).toBeDisabled();
  await expect(page.getByRole('button', { name: 'New network' })).toBeDisabled();
});
