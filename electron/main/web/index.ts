import path from 'node:path';
import { createCore, defaultDataDir } from '../core';
import { createHandlers } from '../handlers';
import { installLastResort } from '../last-resort';
import { exitWithParent } from './exit-with-parent';
import { startWebHost } from './web-host';

/** `npm run web`: the same engine and renderer as the desktop app, in a browser on loopback. */
async function main(): Promise<void> {
  installLastResort();
  // LABDECK_BACKGROUND_REFRESH=0 keeps a large synthetic inventory (benchmarks) from dialling out.
  const core = await createCore({
    dataDir: defaultDataDir(),
    mode: 'web',
    backgroundRefresh: process.env.LABDECK_BACKGROUND_REFRESH !== '0',
    cipherUnavailableReason: 'LabDeck in the browser has no OS keyring: passwords stay in memory for this run only.',
  });
  const port = process.env.LABDECK_WEB_PORT ? Number(process.env.LABDECK_WEB_PORT) : 0;
  const host = await startWebHost({
    core,
    handlers: createHandlers(core),
    rendererDir: process.env.LABDECK_RENDERER_DIR ?? path.join(__dirname, '..', 'renderer'),
    port,
  });
  for (const n of core.store.notices) console.warn(`LabDeck: ${n}`);
  console.log(`LabDeck is running at ${host.url}`);
  console.log(`(data: ${core.dataDir}; loopback only; the token in the URL is required; Ctrl+C to stop)`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // A hung SSH teardown must not keep the process alive: exit regardless after a few seconds.
    setTimeout(() => process.exit(0), 5000).unref();
    await host.close().catch(() => undefined);
    await core.dispose().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('SIGHUP', () => void stop());
  // Never outlive the parent (a test fixture, a script, npm): no orphaned web hosts. A starter that
  // holds our stdin open can set LABDECK_EXIT_ON_STDIN_END=1 to stop us by closing it.
  exitWithParent(
    (why) => {
      // Closing stdin is how a starter asks us to stop; only an unexpected parent death is worth a line.
      if (!why.startsWith('stdin')) console.warn(`LabDeck: stopping, ${why}`);
      void stop();
    },
    { stdin: process.env.LABDECK_EXIT_ON_STDIN_END === '1' ? process.stdin : undefined },
  );
}

main().catch((err: unknown) => {
  console.error(`LabDeck could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
