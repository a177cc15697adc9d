import { expect, test } from '../fixtures/app';
import type { LabDescription, LabHost } from '../lab/lab-description';
import { addLabHost, openHostScreen, openTab, rowNamed } from '../pages/host-detail';
import { hostInput, startCore, type TestCore } from '../integration/harness';

const labhost = (lab: LabDescription): LabHost => lab.hosts.find((x) => x.kind === 'qemu')!;
const VM = `it-console-ui-${process.pid.toString(36)}`;
let c: TestCore | undefined;

/** A running tiny guest, composed through the real engine (the UI under test is another process). */
test.beforeAll(async () => {
  test.setTimeout(300_000);
  c = await startCore();
  const lab = (await import('../lab/lab-description')).readLab();
  await c.hosts.add(hostInput(labhost(lab)));
  const host = c.hosts.configs()[0]!;
  const { jobId } = c.compose.start({
    hostId: host.id,
    hostname: VM,
    cores: 1,
    memoryMiB: 112,
    virtType: 'qemu',
    storage: 'root:1',
    interfaces: 'eth0:name=virbr0',
    install: { kind: 'cloud-image', pool: 'default', volume: 'labdeck-tiny-cloud.img', clone: 'overlay' },
    cloudInit: { user: 'lab', sshKeys: [lab.clientPublicKey] },
    nicRom: false,
    start: true,
  } as never);
  const job = await c.jobs.wait(jobId);
  if (job.state !== 'succeeded') throw new Error(`compose failed: ${JSON.stringify(job).slice(0, 2000)}`);
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  if (!c) return;
  const host = c.hosts.configs()[0]!;
  await c.actions.domain(host.id, VM, 'delete', true).catch(() => undefined);
  await c.cleanup();
});

test.describe('consoles of a lab guest, over the SSH connection', () => {
  test('serial console: boot output, a typed command and its answer; screen: non-blank frames; closing leaves the VM running', async ({
    page,
    lab,
    shot,
  }) => {
    test.setTimeout(300_000);
    const h = labhost(lab);
    await addLabHost(page, lab, h);
    await openHostScreen(page, h.name);
    const vms = (await openTab(page, 'VMs')).getByRole('table', { name: 'VMs' });
    await expect(rowNamed(vms, VM)).toBeVisible({ timeout: 30_000 });

    await rowNamed(vms, VM)
      .getByRole('button', { name: `More actions for ${VM}` })
      .click();
    await page.getByRole('menuitem', { name: 'Serial console' }).click();
    const serial = page.getByRole('tabpanel', { name: `Console ${VM} — serial` });
    await expect(serial.getByRole('status')).toHaveText(new RegExp(`Connected to ${VM} on ${h.name}`), {
      timeout: 30_000,
    });
    const screenText = serial.locator('.xterm-rows');
    const term = serial.getByRole('textbox', { name: `Serial console of ${VM}` });

    // The guest boots right after the compose: its boot output arrives live (else reboot it to see it).
    const ready = await expect(screenText)
      .toContainText('labdeck-guest: ready', { timeout: 90_000 })
      .then(
        () => true,
        () => false,
      );
    if (!ready) {
      await term.pressSequentially('\nreboot\n', { delay: 20 });
      await expect(screenText).toContainText('labdeck-guest: ready', { timeout: 150_000 });
    }
    // A command typed in the terminal and its answer on a line of its own.
    await term.press('Enter');
    await term.pressSequentially('echo LD$((6*7))OK\n', { delay: 20 });
    await expect.poll(() => screenText.innerText(), { timeout: 60_000 }).toMatch(/^LD42OK\s*$/m);
    await shot('console-01-serial');

    // The screen: noVNC through the tunnel shows the guest's VGA text.
    await rowNamed(vms, VM)
      .getByRole('button', { name: `More actions for ${VM}` })
      .click();
    await page.getByRole('menuitem', { name: 'Screen (VNC)' }).click();
    const screen = page.getByRole('tabpanel', { name: `Console ${VM} — screen` });
    await expect(screen.getByRole('status')).toHaveText(new RegExp(`Screen of ${VM} on ${h.name}`), {
      timeout: 30_000,
    });
    const canvas = screen.locator('canvas');
    await expect
      .poll(
        () =>
          canvas.evaluate((el: HTMLCanvasElement) => {
            const ctx = el.getContext('2d');
            if (!ctx || el.width === 0) return 0;
            const d = ctx.getImageData(0, 0, el.width, el.height).data;
            let lit = 0;
            for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! > 150) lit++;
            return lit; // pixels of text on the dark VGA screen
          }),
        { timeout: 60_000 },
      )
      .toBeGreaterThan(200);
    await expect(screen.getByRole('button', { name: `Send Ctrl+Alt+Del to ${VM}` })).toBeEnabled();
    // Scaled to the dock: the whole guest screen lies inside its box, and the box inside the window.
    const fit = async () => {
      const [b, c2] = [
        await screen.getByRole('img', { name: `Screen of ${VM}` }).boundingBox(),
        await canvas.boundingBox(),
      ];
      const vh = page.viewportSize()!.height;
      if (!b || !c2) return 'not laid out';
      const r = (x: { x: number; y: number; width: number; height: number }) =>
        `${Math.round(x.x)},${Math.round(x.y)} ${Math.round(x.width)}×${Math.round(x.height)}`;
      const inside =
        c2.y >= b.y - 1 &&
        c2.y + c2.height <= b.y + b.height + 1 &&
        c2.x >= b.x - 1 &&
        c2.x + c2.width <= b.x + b.width + 1 &&
        b.y + b.height <= vh + 1;
      return inside ? 'fits' : `canvas ${r(c2)} in box ${r(b)}, window height ${vh}`;
    };
    await expect.poll(fit, { timeout: 10_000 }).toBe('fits');
    await shot('console-02-screen');

    // Closing the tabs detaches: the VM keeps running and no console process is left on the host.
    await page.getByRole('button', { name: `Close console ${VM} — screen` }).click();
    await page.getByRole('button', { name: `Close console ${VM} — serial` }).click();
    await expect(page.getByRole('region', { name: 'Consoles' })).toHaveCount(0);
    const host = c!.hosts.configs()[0]!;
    expect((await c!.runner.virsh(host, ['domstate', '--domain', VM])).trim()).toBe('running');
    await expect
      .poll(async () => (await c!.runner.exec(host, ['pgrep', '-f', `console --domain ${VM}`])).exitCode, {
        timeout: 15_000,
      })
      .toBe(1);
  });

  test('a WebSocket without the token gets nothing', async ({ page }) => {
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://${location.host}/ws`);
          ws.onopen = () => resolve('open');
          ws.onmessage = () => resolve('message');
          ws.onclose = () => resolve('closed');
        }),
    );
    expect(outcome).toBe('closed');
  });
});
