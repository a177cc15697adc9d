/**
 * Import boundaries, checked by `npm run lint` (after ESLint). See ARCHITECTURE.md for the picture.
 *
 * ESLint (eslint.config.mjs) guards single imports of `electron` (raw IPC only in the two adapter
 * files; no `electron` in the core or shared/). This file guards the folders against each other, and
 * transitively where it matters: a service that imports some helper which imports the desktop adapter
 * is as wrong as a direct import.
 */

/** npm packages shared/ may use: pure, no I/O, run in Node and in the browser alike. */
const SHARED_NPM = ['zod', 'yaml', 'fast-xml-parser', '@noble/hashes'];
/** Test-only packages shared/ tests and their helpers (*.test.ts, *.test-util.ts) may use on top (not bundled). */
const SHARED_TEST_NPM = ['vitest', 'fast-check'];
const TEST_FILE = '\\.test(-util)?\\.tsx?$';
const npmPattern = (names) => `(^|/)node_modules/(${names.map((n) => n.replace(/[.]/g, '\\.')).join('|')})/`;

/**
 * Renderer features importing one another (renderer/src/features/A -> renderer/src/features/B): none.
 * Keep it so: a piece two features need goes to renderer/src/components/, format/ or hooks/; one
 * feature's entry point shown in another's screen (a button, a dialog, a view) is a slot in
 * components/feature-slots.tsx that the app shell fills. Do not add lines here.
 * The app-shell is not listed: it is the composition root and may import every feature.
 */
const KNOWN_CROSS_FEATURE = [];

const FEATURES = 'renderer/src/features/';

module.exports = {
  forbidden: [
    // ---- shared/: the contract and pure logic, no I/O, usable from every layer ----
    {
      name: 'shared-stays-inside-shared',
      comment: 'shared/ imports nothing outside shared/ (only the pure npm packages allowed below).',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: ['^shared/', '(^|/)node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'shared-no-node-builtins',
      comment: 'shared/ runs in the renderer too: no node:* / fs / child_process (tests excepted).',
      severity: 'error',
      from: { path: '^shared/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-only-pure-npm',
      comment: `shared/ may use only pure npm packages (${SHARED_NPM.join(', ')}); no electron, ssh2, ws…`,
      severity: 'error',
      from: { path: '^shared/', pathNot: TEST_FILE },
      to: { path: '(^|/)node_modules/', pathNot: npmPattern(SHARED_NPM) },
    },
    {
      name: 'shared-tests-only-pure-npm',
      comment: 'shared/ tests may add vitest and fast-check, nothing else from npm.',
      severity: 'error',
      from: { path: `^shared/.*${TEST_FILE}` },
      to: { path: '(^|/)node_modules/', pathNot: npmPattern([...SHARED_NPM, ...SHARED_TEST_NPM]) },
    },
    {
      name: 'shared-no-electron',
      comment: 'shared/ never imports electron (also when unresolvable, e.g. without the binary).',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: ['^electron$', '(^|/)node_modules/electron/'] },
    },
    // ---- the Electron-free engine ----
    {
      name: 'services-not-to-adapters',
      comment:
        'electron/main/services is the engine: it never reaches (directly or through other modules) the ' +
        'adapters electron/main/{desktop,web,cli}, the preload, or the renderer. Adapters call services, not the reverse.',
      severity: 'error',
      from: { path: '^electron/main/services/' },
      to: { path: ['^electron/main/(desktop|web|cli)/', '^electron/preload/', '^renderer/'], reachable: true },
    },
    {
      name: 'services-no-electron',
      comment: 'The engine never reaches the electron package, however indirectly.',
      severity: 'error',
      from: { path: '^electron/main/services/' },
      to: { path: ['^electron$', '(^|/)node_modules/electron/'], reachable: true },
    },
    // ---- the renderer ----
    {
      name: 'renderer-not-to-electron',
      comment: 'The renderer talks to the engine through renderer/src/api only; it never reaches electron/ (nor e2e/).',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', '^e2e/', '^electron$', '(^|/)node_modules/electron/'], reachable: true },
    },
    {
      name: 'renderer-common-not-to-features',
      comment:
        'renderer/src/{api,components,format,hooks,store} are used by features and never import a feature ' +
        '(so feature A cannot reach feature B through them either).',
      severity: 'error',
      from: { path: '^renderer/src/(api|components|format|hooks|store)/' },
      to: { path: `^${FEATURES}` },
    },
    {
      name: 'no-cross-feature-imports',
      comment:
        'A renderer feature does not import another feature: shared pieces go to renderer/src/components ' +
        'or renderer/src/format. The app-shell (composition root) may import screens. Known exceptions ' +
        'are listed in KNOWN_CROSS_FEATURE.',
      severity: 'error',
      from: { path: `^${FEATURES}([^/]+)/`, pathNot: [`^${FEATURES}app-shell/`] },
      to: { path: `^${FEATURES}`, pathNot: `^${FEATURES}$1/` },
    },
    // ---- tests stay out of what ships ----
    {
      name: 'production-not-to-tests',
      comment:
        'Tests and their helpers (*.test.ts, *.test-util.ts) are never imported by production code, so no bundle contains them.',
      severity: 'error',
      from: { path: '^(electron|renderer|shared)/', pathNot: TEST_FILE },
      to: { path: TEST_FILE },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|release)/' },
    tsPreCompilationDeps: true, // type-only imports count: a type from the desktop adapter is still a dependency
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
    knownViolations: KNOWN_CROSS_FEATURE.map(([from, to]) => ({
      type: 'dependency',
      from: `${FEATURES}${from}`,
      to: `${FEATURES}${to}`,
      rule: { severity: 'error', name: 'no-cross-feature-imports' },
    })),
    reporterOptions: { text: { highlightFocused: false } },
  },
};
