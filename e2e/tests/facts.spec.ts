import { expect, test } from '../fixtures/app';
import { addLabHost, openHostScreen, openTab } from '../pages/host-detail';

// Issue 12, item 11: the facts agree with each other and say what they count.
test('inventory headers stay apart with the side panel open; memory says what it counts; interface counts agree', async ({
  page,
  lab,
  shot,
}) => {
  const h = lab.hosts.find((x) => x.kind === 'qemu')!;
  await addLabHost(page, lab, h);

  // A header's label (with its sort arrow) must end inside its own cell, short of the padding.
  const spilling = () =>
    page.getByRole('columnheader').evaluateAll((cells) =>
      cells.flatMap((c) => {
        const cell = c.getBoundingClientRect();
        // A column the layout hides at this width has no box: nothing of it can spill.
        if (cell.width === 0) return [];
        const sort = c.querySelector('.MuiTableSortLabel-root');
        const range = document.createRange();
        range.selectNodeContents(c);
        const label = (sort ?? range).getBoundingClientRect();
        return label.left < cell.left || label.right > cell.right - 8
          ? [
              `${c.textContent}: label ${Math.round(label.left)}–${Math.round(label.right)} in cell ${Math.round(cell.left)}–${Math.round(cell.right)}`,
            ]
          : [];
      }),
    );
  // Wide, every column shown: each header fits its cell.
  await page.setViewportSize({ width: 2000, height: 800 });
  await expect(page.getByRole('columnheader', { name: 'libvirt' })).toBeVisible();
  expect(await spilling(), 'headers at 2000px').toEqual([]);

  // Side panel open: every header's text fits its own cell (nothing spills into the next one).
  await page
    .getByRole('row', { name: new RegExp(h.name) })
    .getByText(h.name, { exact: true })
    .click();
  const panel = page
    .getByRole('complementary', { name: `Details for ${h.name}` })
    .or(page.getByLabel(`Details for ${h.name}`));
  await expect(panel.first()).toBeVisible();
  for (const width of [1440, 1280, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    const headers = page.getByRole('columnheader');
    await expect(headers.first()).toBeVisible();
    expect(await spilling(), `headers at ${width}px`).toEqual([]);
  }
  await shot('inventory-panel-headers');

  // Memory: what the VMs were given, and the host's real use beside it.
  await expect(panel.first()).toContainText(/GiB given to running VMs/);
  await expect(panel.first()).toContainText(/Host memory in use\s*[\d.]+ [GM]iB, VMs included/);

  await page.setViewportSize({ width: 1440, height: 900 });
  await openHostScreen(page, h.name);
  await expect(page.getByRole('progressbar', { name: /^Memory given to running VMs: .* used/ })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: /^Host memory in use: .* used/ })).toBeVisible();

  // The Overview's interface count is the Interfaces tab's row count.
  const card = page.getByRole('list', { name: 'Summary' }).getByRole('button', { name: /^Host interfaces: / });
  const [, up, down] = /: (\d+) up, (\d+) down$/.exec((await card.getAttribute('aria-label')) ?? '') ?? [];
  const rows = (await openTab(page, 'Interfaces')).getByRole('table', { name: 'Host interfaces' }).locator('tbody tr');
  await expect(rows).toHaveCount(Number(up) + Number(down));
});
