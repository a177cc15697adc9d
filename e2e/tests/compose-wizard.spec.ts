import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';
import type { LabDescription } from '../lab/lab-description';
import { fillAddHost, submitAddHost } from '../pages/add-host-dialog';
import { ComposeWizard } from '../pages/compose-wizard';

const VM = 'e2e-wizard-vm';

/** virsh on the lab's real libvirt, inside labhost1's namespace (tests run as root). */
function virsh(namespace: string, ...args: string[]): string {
  return execFileSync('ip', ['netns', 'exec', namespace, 'virsh', '-c', 'qemu:///system', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const virshMaybe = (namespace: string, ...args: string[]): string | null => {
  try {
    return virsh(namespace, ...args);
  } catch {
    return null;
  }
};

/** Removes the test VM and any volume named after it, whatever state a failed run left them in. */
function removeVm(namespace: string, pool: string): void {
  virshMaybe(namespace, 'destroy', '--domain', VM);
  virshMaybe(namespace, 'undefine', '--domain', VM, '--remove-all-storage', '--nvram');
  const vols = virshMaybe(namespace, 'vol-list', '--pool', pool) ?? '';
  for (const line of vols.split('\n').slice(2)) {
    const vol = line.trim().split(/\s+/)[0];
    if (vol?.startsWith(VM)) virshMaybe(namespace, 'vol-delete', '--vol', vol, '--pool', pool);
  }
}

async function addLabHost(page: Page, lab: LabDescription): Promise<string> {
  const h = lab.hosts.find((x) => x.kind === 'qemu')!;
  await fillAddHost(page, lab, h);
  await submitAddHost(page);
  const prompt = page.getByRole('dialog', { name: 'Unknown host key' });
  await prompt.getByRole('button', { name: 'Accept and remember' }).click();
  await expect(page.getByRole('row', { name: new RegExp(h.name) }).getByText('online')).toBeVisible();
  return h.name;
}

test.describe('compose wizard', () => {
  // An uncaught error in the page blanks the app; the steps would then fail far from the cause.
  let pageErrors: string[] = [];
  test.beforeEach(({ lab, page }) => {
    removeVm(lab.qemu.host, lab.qemu.pool);
    pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(`${e.message}\n${e.stack ?? ''}`));
  });
  test.afterEach(({ lab }) => {
    removeVm(lab.qemu.host, lab.qemu.pool);
    expect(pageErrors, 'errors thrown in the page').toEqual([]);
  });

  test('composes a macvtap VM in private mode on labhost1, built point-and-click', async ({ page, lab, shot }) => {
    test.setTimeout(180_000);
    const ns = lab.qemu.host;
    const host = await addLabHost(page, lab);
    const w = new ComposeWizard(page);

    // Pod
    await w.openFromNav();
    await w.choosePod(host);
    await expect(page.getByText('Installed by hand').first()).toBeVisible();
    await shot('compose-01-pod');
    await page.getByRole('button', { name: `Pod settings for ${host}` }).click();
    const settings = page.getByRole('dialog', { name: `Pod settings — ${host}` });
    await expect(settings.getByRole('combobox', { name: 'Default macvtap mode' })).toBeVisible();
    await expect(settings.getByRole('radiogroup', { name: 'Install mode' })).toBeVisible();
    await shot('compose-02-pod-settings');
    await settings.getByRole('button', { name: 'Cancel' }).click();
    await w.next();

    // Resources
    await w.fillResources({ hostname: VM, memoryMiB: 64, storage: 'root:0.01', nicRom: false });
    await w.select(page, 'Pool for root', /^default/);
    await expect(page.getByRole('textbox', { name: 'Storage', exact: true })).toHaveValue('root:0.01(default)');
    await expect(page.getByRole('list', { name: 'Storage pools' })).toContainText('free of');
    await shot('compose-03-resources');
    await w.next();

    // Install: network boot, as before install sources existed.
    await w.passInstall();

    // Interfaces: a typo first — the position, the hint, and no way on.
    await w.constraintText.fill('eth0:spce=lab');
    // The reason sits under the field and is tied to it (aria-describedby), with its position.
    await expect(w.constraintText).toHaveAccessibleDescription(
      /position 5: key 'spce' is not known — did you mean 'space'\?/,
    );
    await expect(w.nextButton).toBeDisabled();
    await shot('compose-04-interfaces-typo');
    // Well-formed but impossible: the engine's plan refuses, saying what the host has.
    await w.constraintText.fill('eth0:name=nosuch');
    // The previous plan (with its own warnings) stays on screen, dimmed, until the refusal arrives.
    await expect(w.livePlan.getByRole('alert').filter({ hasText: 'Compose would refuse' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(w.livePlan.getByRole('alert')).toHaveCount(1);
    await expect(w.nextButton).toBeDisabled();
    await shot('compose-04b-interfaces-no-match');
    await w.constraintText.fill('');

    // … then the visual builder: eth0 where name is eth1, in private mode; the text follows.
    const nic = await w.addNic({ label: 'eth0', key: 'name', operator: 'is', value: 'eth1' });
    await expect(w.constraintText).toHaveValue('eth0:name=eth1');
    await w.pickMode(nic, 'private');
    const planned = w.planFor(w.livePlan, 'eth0');
    await expect(planned.getByRole('heading')).toHaveText('eth0 → macvtap on eth1, mode private', { timeout: 30_000 });
    await expect(planned).toContainText('The host cannot reach this guest');
    await expect(w.livePlan.getByRole('status')).toContainText('as of');
    await expect(page.getByRole('table', { name: `Host interfaces on ${host}` })).toContainText('eth1');
    await shot('compose-05-interfaces-plan');
    await page.getByRole('table', { name: `Host interfaces on ${host}` }).scrollIntoViewIfNeeded();
    await shot('compose-05b-host-interfaces');
    await w.next();

    // Review
    const xml = page.getByRole('region', { name: 'Domain XML' });
    await expect(xml).toContainText(/<interface type=["']direct["']>/, { timeout: 30_000 });
    await expect(xml).toContainText(/<source dev=["']eth1["'] mode=["']private["']/);
    const commands = page.getByRole('list', { name: 'Commands' });
    await expect(commands).toContainText('vol-create-as');
    await expect(commands).toContainText('define');
    await expect(commands).toContainText('Undone if a later step fails by:');
    await shot('compose-06-review');
    await xml.scrollIntoViewIfNeeded();
    await shot('compose-06b-review-xml');
    await commands.scrollIntoViewIfNeeded();
    await shot('compose-06c-review-commands');
    await page.getByRole('button', { name: 'Compose VM' }).click();

    // Compose → Done
    await expect(page.getByRole('list', { name: 'Compose steps' })).toBeVisible();
    await shot('compose-07-progress');
    await expect(page.getByText(`${VM} is composed on ${host}`)).toBeVisible({ timeout: 90_000 });
    await shot('compose-08-done');

    // On the host: a direct (macvtap) NIC on eth1 in private mode.
    const dumped = virsh(ns, 'dumpxml', VM);
    const iface = /<interface type='direct'>[\s\S]*?<\/interface>/.exec(dumped)?.[0] ?? '';
    expect(iface).toContain("mode='private'");
    expect(iface).toContain("dev='eth1'");

    await page.getByRole('button', { name: 'Go to the VM' }).click();
    await expect(page.getByRole('table', { name: 'VMs' })).toContainText(VM);
    await shot('compose-09-vm-on-host');
  });

  test('a VM that cannot start: the failed step with its command and stderr, then the rollback', async ({
    page,
    lab,
    shot,
  }) => {
    test.setTimeout(180_000);
    const ns = lab.qemu.host;
    const host = await addLabHost(page, lab);
    const w = new ComposeWizard(page);

    // From the inventory row straight to Resources, the pod already chosen.
    await page
      .getByRole('row', { name: new RegExp(host) })
      .getByRole('button', { name: `Compose VM on ${host}` })
      .click();
    await expect(page.getByRole('heading', { name: 'Compose a VM' })).toBeVisible();
    // ~7.6 TiB: qemu cannot allocate it, so `virsh start` fails after the volume and the define succeeded.
    await w.fillResources({ hostname: VM, memoryMiB: 8_000_000, storage: 'root:0.01', nicRom: false });
    await expect(page.getByText(/the VM can be defined but will not start/)).toBeVisible();
    await page.getByLabel('Start the VM once it is defined').check();
    await w.next();
    await w.passInstall();

    // No constraints: the install-mode rule (by hand → network maas), which has no DHCP — said plainly.
    const planned = w.planFor(w.livePlan, 'eth0');
    await expect(planned.getByRole('heading')).toHaveText('eth0 → libvirt network maas', { timeout: 30_000 });
    await expect(planned).toContainText('No DHCP on this segment');
    await shot('compose-10-default-nic-no-dhcp');
    await w.next();
    await page.getByRole('button', { name: 'Compose VM' }).click();

    const failure = page.getByRole('alert').filter({ hasText: 'Compose failed at' });
    await expect(failure).toContainText(`Compose failed at: Start VM ${VM}.`, { timeout: 90_000 });
    await expect(failure).toContainText('Rolled back');
    const steps = page.getByRole('list', { name: 'Compose steps' });
    const start = steps.getByRole('listitem', { name: `Start VM ${VM}. — failed` });
    await expect(start).toContainText(`virsh --connect qemu:///system start --domain ${VM}`);
    await expect(start).toContainText('cannot set up guest memory');
    await expect(steps.getByRole('listitem', { name: /^Define VM .* — done, then undone$/ })).toContainText('undefine');
    await expect(steps.getByRole('listitem', { name: /^Create the boot disk .* — done, then undone$/ })).toContainText(
      'vol-delete',
    );
    await shot('compose-11-failed-rolled-back');

    // Nothing left on the host.
    expect(virshMaybe(ns, 'dominfo', VM)).toBeNull();
    expect(virsh(ns, 'vol-list', '--pool', lab.qemu.pool)).not.toContain(VM);

    await page.getByRole('button', { name: 'Back to review' }).click();
    await expect(page.getByRole('region', { name: 'Domain XML' })).toBeVisible();
  });
});
