import { expect, test } from '../fixtures/app';
import { addLabHost, openHostScreen, openTab, rowNamed } from '../pages/host-detail';

// Issue 12, items 6, 9 and 10: the 30-VM host is usable (search, state filter, sort), Resume for
// paused VMs, a real shortcuts dialog, a theme switch, and controls and headers announced by name.
test.describe('the VM table on the crowded host, shortcuts and theme', () => {
  test('search, state filter and sort on labtest2; Resume on a paused VM; named headers', async ({
    page,
    lab,
    shot,
  }) => {
    const crowded = lab.hosts.find((x) => x.name === 'labtest2')!;
    await addLabHost(page, lab, crowded);
    await page.getByRole('row', { name: /labtest2/ }).click();
    // The button says where it goes.
    await expect(page.getByRole('button', { name: 'Open host view of labtest2' })).toBeVisible();
    await openHostScreen(page, crowded.name);

    const panel = await openTab(page, 'VMs');
    const vms = panel.getByRole('table', { name: 'VMs' });
    const bodyRows = vms.locator('tbody').getByRole('row');
    await expect(bodyRows).toHaveCount(30);
    for (const name of [
      'Name',
      'State',
      'Addresses',
      'vCPUs',
      'Memory',
      'Disks',
      'NICs (attachment, MAC, host device, IP)',
      'Actions',
    ]) {
      await expect(vms.getByRole('columnheader', { name, exact: true })).toBeVisible();
    }

    // Sorted by name, numbers in order (vm2 before vm10); a click on the header reverses it.
    const nameHeader = vms.getByRole('columnheader', { name: 'Name', exact: true });
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(bodyRows.nth(0).getByRole('rowheader')).toHaveText('labtest2-vm1');
    await expect(bodyRows.nth(1).getByRole('rowheader')).toHaveText('labtest2-vm2');
    await nameHeader.getByRole('button', { name: 'Name' }).click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(bodyRows.nth(0).getByRole('rowheader')).toHaveText('labtest2-vm30');
    await nameHeader.getByRole('button', { name: 'Name' }).click();

    // Search by name (or disk path, MAC, IP).
    const search = page.getByRole('searchbox', { name: 'Search VMs' });
    await search.fill('vm13');
    await expect(bodyRows).toHaveCount(1);
    await expect(rowNamed(vms, 'labtest2-vm13')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '1 of 30 VMs' })).toBeVisible();
    await search.fill('');
    await expect(bodyRows).toHaveCount(30);

    // State filter: only the paused ones, each with Resume as its button (no Start, no Shut down).
    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: /^paused \(\d+\)$/ }).click();
    const paused = await bodyRows.count();
    expect(paused).toBeGreaterThan(0);
    expect(paused).toBeLessThan(30);
    for (let i = 0; i < paused; i++) {
      const row = bodyRows.nth(i);
      await expect(row).toContainText('paused');
      const name = (await row.getByRole('rowheader').innerText()).trim();
      await expect(row.getByRole('button', { name: `Resume ${name}` })).toBeVisible();
    }
    await shot('vm-table-01-paused-filter');

    // Running ones: "Shut down" on one line, never wrapped.
    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: /^running \(\d+\)$/ }).click();
    const shutDown = bodyRows.first().getByRole('button', { name: /^Shut down / });
    const box = await shutDown.boundingBox();
    expect(box!.height).toBeLessThan(40);
    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: 'All states' }).click();
    await expect(bodyRows).toHaveCount(30);
    await shot('vm-table-02-all');

    // Networks: every column header has a name (the expand column included).
    const nets = (await openTab(page, 'Networks')).getByRole('table', { name: 'Networks' });
    const headers = nets.getByRole('columnheader');
    const n = await headers.count();
    for (let i = 0; i < n; i++) expect((await headers.nth(i).innerText()).trim(), `header ${i}`).not.toBe('');
    await expect(nets.getByRole('columnheader', { name: 'Details' })).toBeAttached();

    // No focusable div on the screen; every button has a name.
    expect(await page.locator('div[tabindex]:not([tabindex="-1"])').count()).toBe(0);
    const unnamed = await page
      .locator('button')
      .evaluateAll((els) =>
        els
          .filter(
            (b) =>
              !(
                b.getAttribute('aria-label') ||
                b.getAttribute('aria-labelledby') ||
                b.textContent?.trim() ||
                b.getAttribute('title')
              ),
          )
          .map((b) => b.outerHTML.slice(0, 120)),
      );
    expect(unnamed).toEqual([]);
  });

  test('? opens the shortcuts dialog; Shortcuts is a button; light, dark and system themes', async ({ page, shot }) => {
    await expect(page.getByRole('button', { name: 'Shortcuts' })).toBeVisible();
    await page.locator('body').press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    const table = dialog.getByRole('table', { name: 'Keyboard shortcuts' });
    for (const what of ['Show this list of shortcuts', 'Search hosts', 'Refresh all hosts', 'Add a host']) {
      await expect(table.getByRole('cell', { name: what })).toBeVisible();
    }
    await shot('shortcuts-01-dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await page.getByRole('button', { name: 'Shortcuts' }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);

    const bg = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await bg();
    await page.getByRole('button', { name: 'Theme: Same as the system' }).click();
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeVisible();
    expect(await bg()).not.toBe(light);
    await shot('shortcuts-02-dark-theme');
    // The choice survives a reload and wins over the OS setting.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeVisible();
    expect(await bg()).not.toBe(light);
    await page.getByRole('button', { name: 'Theme: Dark' }).click();
    await page.getByRole('menuitemradio', { name: 'Same as the system' }).click();
    await expect.poll(bg).toBe(light);
  });
});
