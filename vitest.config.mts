import { defineConfig } from 'vitest/config';

// Two projects: pure unit tests (no I/O beyond local processes) and lab integration tests.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'lab',
          include: ['e2e/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One lab, shared state (sshd restarts, libvirt objects): run files one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
