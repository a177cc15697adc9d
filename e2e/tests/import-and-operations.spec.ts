import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures/app';

test('hosts come in from ~/.ssh/config, and every command they cost is in Operations', async ({
  page,
  lab,
  sshDir,
  shot,
}) => {
  const [a, b] = lab.hosts.filter((h) => h.kind === 'test');
  const config = [a!, b!]
    .map(
      (h) =>
        `Host ${h.name}\n  HostName ${h.address}\n  Port ${h.port}\n  User ${h.user}\n  IdentityFile ${lab.clientKey}\n`,
    )
    .join('\n');
  writeFileSync(path.join(sshDir, 'config'), `${config}\nHost *\n  ServerAliveInterval 30\n`);
  // Keys already in the user's known_hosts are trusted without a prompt.
  writeFileSync(path.join(sshDir, 'known_hosts'), [a!, b!].map((h) => `${h.address} ${h.hostKeyPublic}\n`).join(''));

  await page.getByRole('button', { name: 'Import from ~/.ssh/config' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import from ~/.ssh/config' });
  const list = dialog.getByRole('list', { name: 'Hosts in ~/.ssh/config' });
  await expect(list.getByText(a!.name)).toBeVisible();
  await expect(list.getByText(b!.name)).toBeVisible();
  await dialog.getByLabel(/Select all new hosts/).check();
  await shot('20-import-dialog');
  await dialog.getByRole('button', { name: /Add selected \(2\)/ }).click();
  await expect(dialog.getByLabel(`${a!.name} added`)).toBeVisible();
  await expect(dialog.getByLabel(`${b!.name} added`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();

  for (const h of [a!, b!])
    await expect(page.getByRole('row', { name: new RegExp(h.name) }).getByText('online')).toBeVisible();
  await shot('21-imported-hosts');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Operations' }).click();
  const audit = page.getByRole('table', { name: 'Audit log' });
  await expect(audit.getByRole('row', { name: /sh -s -- qemu:\/\/\/system/ }).first()).toBeVisible();
  await expect(audit.getByRole('row', { name: /host snapshot script/ }).first()).toBeVisible();
  await shot('22-operations');
});
