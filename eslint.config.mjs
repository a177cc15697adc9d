import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

// Raw IPC lives in exactly two adapter files; the Electron-free core and shared/ never import electron.
const IPC_ADAPTERS = ['electron/main/desktop/ipc-main-adapter.ts', 'electron/preload/index.ts'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'e2e/.artifacts/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Raw IPC only in the two adapter files (ipc-main-adapter.ts, preload/index.ts).',
            },
          ],
        },
      ],
    },
  },
  { files: IPC_ADAPTERS, rules: { 'no-restricted-imports': 'off' } },
  {
    files: [
      'electron/main/services/**',
      'electron/main/core.ts',
      'electron/main/handlers.ts',
      'electron/main/dispatch.ts',
      'electron/main/web/**',
      'electron/main/cli/**',
      'shared/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The core is Electron-free: only electron/main/desktop and the preload may import electron.',
            },
          ],
        },
      ],
    },
  },
  // Playwright fixtures declare "no dependencies" with an empty pattern.
  { files: ['e2e/fixtures/**'], rules: { 'no-empty-pattern': 'off' } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The renderer talks to the engine through renderer/src/api only.' }] },
      ],
    },
  },
  {
    // Every engine call goes through the typed commands of renderer/src/api/commands (useCommands()).
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/api/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='invoke']",
          message:
            'Call the engine through useCommands() / commandsFor(client) (renderer/src/api/commands), not client.invoke.',
        },
      ],
    },
  },
  // Formatting is Prettier's (npm run format); ESLint keeps to correctness.
  prettier,
);
