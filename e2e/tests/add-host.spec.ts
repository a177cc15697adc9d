import { expect, test } from '../fixtures/app';
import { fillAddHost, submitAddHost } from '../pages/add-host-dialog';

test.describe('adding a KVM host', () => {
  test('unknown key → fingerprint prompt → the host with its real facts', async ({ page, lab, shot }) => {
    const h = lab.hosts.find((x) => x.kind === 'qemu')!;
    await expect(page.getByText(/No hosts yet/)).toBeVisible();
    await shot('01-empty-inventory');
    await fillAddHost(page, lab, h);
    await shot('02-add-host-dialog');
    await submitAddHost(page);

    const prompt = page.getByRole('dialog', { name: 'Unknown host key' });
    await expect(prompt).toBeVisible();
    await expect(prompt.getByText(h.hostKeyFingerprint)).toBeVisible();
    await shot('03-host-key-prompt');
    await prompt.getByRole('button', { name: 'Accept and remember' }).click();

    const row = page.getByRole('row', { name: /labhost1/ });
    await expect(row).toBeVisible();
    await expect(row.getByText('online')).toBeVisible();
    await expect(row).toContainText('2 / 2'); // networks active / total
    await expect(row).toContainText('1 / 2'); // VMs running / total
    await shot('04-inventory-with-lab-host');

    await row.click();
    const details = page.getByRole('complementary', { name: /labhost1/ });
    await expect(details.getByText('labhost1').first()).toBeVisible();
    await expect(details.getByText(/QEMU/)).toBeVisible();
    await shot('05-host-facts');
  });

  test('a changed host key is refused with both fingerprints', async ({ page, lab, sshDir, shot }) => {
    const [a, b] = lab.hosts.filter((x) => x.kind === 'test');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      `${sshDir}/known_hosts`,
      `[${a!.address}]:${a!.port} ${b!.hostKeyPublic}\n${a!.port === 22 ? `${a!.address} ${b!.hostKeyPublic}\n` : ''}`,
    );
    const dialog = await fillAddHost(page, lab, a!);
    await submitAddHost(page);
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText(/changed/i);
    await expect(alert).toContainText(b!.hostKeyFingerprint);
    await expect(alert).toContainText(a!.hostKeyFingerprint);
    await expect(page.getByRole('dialog', { name: 'Unknown host key' })).toHaveCount(0);
    await shot('06-host-key-changed');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('row', { name: new RegExp(a!.name) })).toHaveCount(0);
  });

  test('a wrong port or a dead host fails clearly and in bounded time', async ({ page, lab, shot }) => {
    const h = lab.hosts.find((x) => x.kind === 'qemu')!;
    const dialog = await fillAddHost(page, lab, h, {
      address: lab.closedEndpoint.address,
      port: lab.closedEndpoint.port,
    });
    await submitAddHost(page);
    await expect(dialog.getByRole('alert')).toContainText(/refused/i);
    await shot('07-connection-refused');

    await dialog.getByLabel('Address').fill(lab.deadEndpoint.address);
    await dialog.getByLabel('Port').fill(String(lab.deadEndpoint.port));
    await submitAddHost(page);
    await expect(dialog.getByRole('alert')).toContainText(/No answer/i, { timeout: 15_000 });
    await shot('08-dead-host');
  });
});
