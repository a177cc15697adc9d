import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, runBench, startWebHost } from './bench-kit';

/** An inventory of N hosts with facts, as the app stores it; addresses are never contacted. */
function inventory(n: number): string {
  const hosts = Array.from({ length: n }, (_, i) => ({
    id: `bench-${i}`,
    name: `kvm-${String(i).padStart(4, '0')}`,
    address: `127.0.0.1`,
    port: 10000 + i,
    user: 'root',
    auth: { method: 'agent' },
    libvirtUri: 'qemu:///system',
    tags: [`rack${i % 12}`],
    kind: 'pod',
    pod: { defaultMacvlanMode: 'bridge', installMode: 'manual' },
    lastFacts: {
      hostname: `kvm-${i}`,
      cpus: 32,
      memoryKiB: 256 * 1024 * 1024,
      domainsTotal: i % 40,
      domainsRunning: i % 17,
      networksTotal: 3,
      networksActive: 2,
      libvirtVersion: '9.0.0',
      hypervisor: 'QEMU 7.2.0',
    },
    addedAt: new Date(0).toISOString(),
  }));
  return JSON.stringify({ schemaVersion: 1, hosts, marks: {} });
}

async function startApp(n: number): Promise<{ url: string; stop: () => void; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-table-'));
  mkdirSync(path.join(dir, 'data'));
  writeFileSync(path.join(dir, 'data', 'inventory.json'), inventory(n));
  const web = await startWebHost(dir, { LABDECK_BACKGROUND_REFRESH: '0' });
  return { ...web, dir };
}

async function measure(page: Page, url: string, n: number) {
  const t0 = Date.now();
  await page.goto(url);
  await page.getByRole('row', { name: /kvm-0000/ }).waitFor();
  const firstRows = Date.now() - t0;
  const domRows = await page.getByRole('row').count();
  // Scroll through the whole table and count frames longer than 50 ms (janky ones).
  const scroll = await page.evaluate(async () => {
    const scroller = [...document.querySelectorAll<HTMLElement>('*')].find(
      (e) => e.scrollHeight > e.clientHeight + 100 && getComputedStyle(e).overflowY !== 'visible',
    );
    if (!scroller) return { frames: 0, long: 0, ms: 0 };
    let frames = 0;
    let long = 0;
    let last = performance.now();
    const start = last;
    for (let y = 0; y < scroller.scrollHeight; y += 400) {
      scroller.scrollTop = y;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const now = performance.now();
      if (now - last > 50) long++;
      last = now;
      frames++;
    }
    return { frames, long, ms: performance.now() - start };
  });
  const heap = await page.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
  );
  return { n, firstRows, domRows, heapMiB: heap / 1024 / 1024, ...scroll };
}

/** The same scroll over a plain, non-virtualised HTML table of 1000 rows: what the browser itself costs here. */
async function plainTableStepMs(page: Page): Promise<number> {
  const rows = Array.from(
    { length: 1000 },
    (_, i) =>
      `<tr><td>kvm-${i}</td><td>root@127.0.0.1:22</td><td>online</td><td>32</td><td>1 / 2</td><td>2 / 3</td></tr>`,
  ).join('');
  await page.setContent(
    `<div id="s" style="height:800px;overflow:auto"><table style="width:100%">${rows}</table></div>`,
  );
  return page.evaluate(async () => {
    const s = document.getElementById('s')!;
    let n = 0;
    const t = performance.now();
    for (let y = 0; y < s.scrollHeight; y += 400) {
      s.scrollTop = y;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      n++;
    }
    return (performance.now() - t) / n;
  });
}

async function main(): Promise<void> {
  const browser = await launchChromium([
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--enable-precise-memory-info',
  ]);
  const results = [];
  for (const n of [10, 1000]) {
    const app = await startApp(n);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    results.push(await measure(page, app.url, n));
    await page.close();
    app.stop();
    rmSync(app.dir, { recursive: true, force: true });
  }
  const floorPage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const floorMs = await plainTableStepMs(floorPage);
  await browser.close();
  const [small, big] = results as [Awaited<ReturnType<typeof measure>>, Awaited<ReturnType<typeof measure>>];
  console.log('Inventory table benchmark (web build, Chromium)');
  for (const r of results) {
    console.log(
      `  ${r.n} hosts: first rows ${r.firstRows} ms, rows in DOM ${r.domRows}, JS heap ${r.heapMiB.toFixed(1)} MiB, scroll ${r.frames} steps with ${r.long} frames > 50 ms`,
    );
  }
  console.log(
    `(e) first rows, 1000 vs 10 hosts     ratio ${(big.firstRows / small.firstRows).toFixed(2)}x   goal <= 2x   ${big.firstRows <= 2 * small.firstRows ? 'met' : 'MISSED'}`,
  );
  console.log(
    `(f) rows in DOM, 1000 vs 10 hosts    ratio ${(big.domRows / small.domRows).toFixed(2)}x   (virtualized: stays small)`,
  );
  console.log(`(g) JS heap, 1000 vs 10 hosts        ratio ${(big.heapMiB / small.heapMiB).toFixed(2)}x`);
  const stepMs = big.ms / Math.max(1, big.frames);
  console.log(
    `(h) scroll step, 1000 hosts: ${stepMs.toFixed(0)} ms; a plain HTML table in the same browser: ${floorMs.toFixed(0)} ms`,
  );
  console.log(`    ratio ${(stepMs / floorMs).toFixed(2)}x   goal <= 3x   ${stepMs <= 3 * floorMs ? 'met' : 'MISSED'}`);
}

runBench(main);
