import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

// One build serves both the Electron window (file/custom protocol) and the web host, hence the
// relative base: the bundle must work wherever index.html is loaded from.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // No external assets anywhere: fonts/images must be bundled or inlined so the CSP holds offline.
    assetsInlineLimit: 8192,
    sourcemap: true,
    // Loaded from disk/localhost, never over a slow network: one bundle is fine.
    chunkSizeWarningLimit: 1500,
    // noVNC awaits at module level (its H.264 probe); Electron's and current browsers' Chromium run ES2022.
    target: 'es2022',
  },
});
