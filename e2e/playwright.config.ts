import { defineConfig } from '@playwright/test';
import type { AppFixtureOptions } from './fixtures/app';

// The same specs run in two projects: the browser build through the web host (runs here), and the
// desktop app through Electron (runs when an Electron binary is installed, and says why otherwise).
export default defineConfig<AppFixtureOptions>({
  testDir: './tests',
  outputDir: './.artifacts/test-results',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  // One retry in CI only: a 2-core runner under load can lose a browser; a real failure fails twice.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { outputFolder: './.artifacts/report', open: 'never' }]],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1400, height: 900 },
  },
  projects: [
    { name: 'web', use: { appMode: 'web' } },
    { name: 'electron', use: { appMode: 'electron' } },
  ],
});
