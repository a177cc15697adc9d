import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '../fixtures/app';
import { addLabHost } from '../pages/host-detail';

const cli = path.resolve(__dirname, '../../dist/cli/labdeck.cjs');

test('a command the labdeck CLI runs shows up in Operations without a reload, and its full command opens', async ({
  page,
  lab,
  dataDir,
  sshDir,
  shot,
}) => {
  const h = lab.hosts.find((x) => x.kind === 'qemu')!;
  await addLabHost(page, lab, h);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Operations' }).click();
  const audit = page.getByRole('table', { name: 'Audit log' });
  await expect(audit.getByRole('row', { name: /host snapshot script/ }).first()).toBeVisible();

  // Another process on the same data folder (the web host's), as a user in a terminal would be.
  const vm = `e2e-ops-cli-${process.pid.toString(36)}`;
  const r = spawnSync(process.execPath, [cli, 'vm', 'ip', h.name, vm], {
    env: { ...process.env, LABDECK_DATA_DIR: path.join(dataDir, 'data'), LABDECK_SSH_DIR: sshDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.status, r.stderr).not.toBe(0); // no such VM: its domuuid lookup is what we look for
  expect(r.stderr).toContain(vm);

  const row = audit.getByRole('row', { name: new RegExp(`domuuid --domain ${vm}`) });
  await expect(row).toBeVisible();
  const more = row.getByRole('button', { name: 'Show full command' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(row.getByText(`virsh --connect qemu:///system domuuid --domain ${vm}`)).toBeVisible();
  await shot('23-operations-cli-entry');
});
