import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';
import type { LabHost } from '../lab/lab-description';
import { ComposeWizard } from '../pages/compose-wizard';
import { addLabHost, openHostScreen, openTab, rowNamed, virshIfThere } from '../pages/host-detail';

// Each view has an address: a reload keeps the place (host tab, wizard step and draft), back and
// forward move between views, and "Go to the VM" lands on that VM's row, picked out.

const VM = 'e2e-nav-vm';

function cleanup(h: LabHost): void {
  const tryVirsh = (...a: string[]) => virshIfThere(h, ...a);
  tryVirsh('destroy', VM);
  tryVirsh('undefine', VM, '--remove-all-storage', '--nvram');
  for (const line of tryVirsh('vol-list', '--pool', 'default').split('\n')) {
    const vol = line.trim().split(/\s+/)[0];
    if (vol?.startsWith(VM)) tryVirsh('vol-delete', '--pool', 'default', vol);
  }
}

const hash = (page: Page): Promise<string> => page.evaluate(() => window.location.hash);
const tab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: 'Host sections' }).getByRole('tab', { name: new RegExp(`^${name}\\b`) });

test('reload keeps the host tab and the wizard draft; Go to the VM picks its row out; back returns', async ({
  page,
  lab,
  shot,
}) => {
  test.setTimeout(240_000);
  const h = lab.hosts.find((x) => x.kind === 'qemu')!;
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  cleanup(h);
  try {
    await addLabHost(page, lab, h);
    expect(await hash(page)).toBe('#/inventory');

    // A host's Networks tab has an address; a reload opens it again.
    await openHostScreen(page, h.name);
    await openTab(page, 'Networks');
    await expect(tab(page, 'Networks')).toHaveAttribute('aria-selected', 'true');
    expect(await hash(page)).toMatch(/^#\/hosts\/[^/]+\/networks$/);
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: h.name })).toBeVisible();
    await expect(tab(page, 'Networks')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel').getByRole('table', { name: 'Networks' })).toBeVisible();
    await shot('nav-01-networks-after-reload');

    // Back: the Overview tab, then the inventory; forward: Overview again.
    await page.goBack();
    await expect(tab(page, 'Overview')).toHaveAttribute('aria-selected', 'true');
    await page.goBack();
    await expect(page.getByRole('table', { name: 'Hosts' })).toBeVisible();
    await page.goForward();
    await expect(tab(page, 'Overview')).toHaveAttribute('aria-selected', 'true');

    // An address that means nothing: the inventory, without a crash.
    await page.evaluate(() => {
      window.location.hash = '#/hosts/%zz/nowhere';
    });
    await expect.poll(() => hash(page)).toBe('#/inventory');
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Inventory' }),
    ).toHaveAttribute('aria-current', 'page');

    // The wizard: a name typed on Resources survives a reload, on the same step.
    const w = new ComposeWizard(page);
    await w.openFromNav();
    await w.choosePod(h.name);
    await w.next();
    await w.fillResources({ hostname: VM, memoryMiB: 32, storage: 'root:0.01', nicRom: false });
    await w.select(page, 'Pool for root', /^default/);
    expect(await hash(page)).toMatch(/^#\/compose\/[^/]+\/resources$/);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Compose a VM' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Hostname' })).toHaveValue(VM);
    await expect(page.getByRole('textbox', { name: 'Memory (MiB)' })).toHaveValue('32');
    await expect(page.getByRole('textbox', { name: 'Storage', exact: true })).toHaveValue('root:0.01(default)');
    await shot('nav-02-wizard-after-reload');

    // Compose it, then Go to the VM: the VMs tab with its row picked out.
    await w.next();
    await w.passInstall();
    await w.constraintText.fill('eth0:name=eth1');
    await expect(w.planFor(w.livePlan, 'eth0').getByRole('heading')).toContainText('eth0 →', { timeout: 30_000 });
    await w.next();
    await expect(page.getByRole('list', { name: 'Commands' })).toContainText('define', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Compose VM' }).click();
    await expect(page.getByText(`${VM} is composed on ${h.name}`)).toBeVisible({ timeout: 120_000 });
    expect(await hash(page)).toMatch(/^#\/compose\/[^/]+\/done$/);
    await page.getByRole('button', { name: 'Go to the VM' }).click();

    await expect(tab(page, 'VMs')).toHaveAttribute('aria-selected', 'true');
    const row = rowNamed(page.getByRole('table', { name: 'VMs' }), VM);
    await expect(row).toHaveAttribute('aria-current', 'true');
    await expect(row).toHaveClass(/Mui-selected/);
    await expect(row).toBeFocused();
    await expect(row).toBeInViewport();
    expect(await hash(page)).toMatch(new RegExp(`^#/hosts/[^/]+/vms/${VM}$`));
    await shot('nav-03-go-to-vm');

    // Back: the Done step as it was.
    await page.goBack();
    await expect(page.getByText(`${VM} is composed on ${h.name}`)).toBeVisible();
    await shot('nav-04-back-to-done');
    expect(pageErrors, 'errors thrown in the page').toEqual([]);
  } finally {
    cleanup(h);
  }
});
