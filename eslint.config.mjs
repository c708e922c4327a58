// Lint rules, and the process boundaries of DESIGN.md enforced as import restrictions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronOnly = {
  paths: [{ name: 'electron', message: 'Only main/index.ts, main/electron/ and preload/index.ts may import electron.' }],
};
// The shipped app (main, preload, db: tsconfig.build.json) never reaches into the demo, the scripts
// or the tests.
const shippedOnly = [{ group: ['**/scripts/**', '**/test/**'], message: 'Shipped code (main, preload, db) never imports scripts/ or test/ (demo seeding, demo data, tests).' }];
const noIo = [
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https',
  'child_process', 'node:child_process', 'better-sqlite3', 'axios', 'dgram', 'node:dgram',
].map((name) => ({ name, message: 'Pure domain code (main/sts, main/tariffs/pricing) does no I/O.' }));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-console/**', 'build/**', 'release/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', electronOnly],
    },
  },
  {
    // Playwright scripts: code in page.evaluate runs in the browser.
    files: ['docs/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['main/**', 'preload/**', 'db/**'],
    rules: { 'no-restricted-imports': ['error', { paths: electronOnly.paths, patterns: shippedOnly }] },
  },
  {
    files: ['main/index.ts', 'main/electron/**', 'preload/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: shippedOnly }] },
  },
  {
    // Storage is the lower layer: main/ builds on db/, never the other way round.
    files: ['db/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: electronOnly.paths,
        patterns: [...shippedOnly, { group: ['**/main/**'], message: 'db/ never imports main/: storage is the lower layer (docs/architecture.md).' }],
      }],
    },
  },
  {
    // Pure domain code: no I/O, no adapters. It may read the stored shapes' TYPES from db/.
    files: ['main/sts/**', 'main/tariffs/pricing/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [...electronOnly.paths, ...noIo],
        patterns: [
          ...shippedOnly,
          { group: ['**/db/**'], allowTypeImports: true, message: 'Pure domain code may import only TYPES from db/.' },
          { group: ['**/vendors/**', '**/outbox/**', '**/printing/**', '**/host/**', '**/ipc/**'], message: 'Pure domain code imports no adapters.' },
        ],
      }],
    },
  },
  {
    // SQL lives in db/repos, next to the schema it depends on: main/ calls repository functions
    // and gets its handle types (ReadDb, WriteDb) from db/open. `exec` is matched only on
    // database-like receivers, since main/ also calls RegExp.prototype.exec.
    files: ['main/**'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "ImportDeclaration[source.value='better-sqlite3']", message: 'main/ does not open SQLite itself: take ReadDb/WriteDb from db/open; SQLite-specific code goes in db/.' },
        { selector: 'ImportDeclaration[source.value=/repos\\/stmt$/]', message: 'The statement cache is for db/repos: put the SQL in a repository function there.' },
        { selector: "CallExpression[callee.property.name=/^(prepare|pragma)$/]", message: 'No SQL in main/: put the statement in a repository function in db/repos and call that.' },
        { selector: "CallExpression[callee.property.name='exec'][callee.object.name=/^(db|w|r|write|read|database|conn|lock|check|cur)$/]", message: 'No SQL in main/: put the statement in a repository function in db/repos and call that.' },
        { selector: "CallExpression[callee.property.name='exec'][callee.object.property.name=/^(db|write|read)$/]", message: 'No SQL in main/: put the statement in a repository function in db/repos and call that.' },
      ],
    },
  },
  {
    // The head office's console in the browser: it reaches the service only over its HTTP API, and
    // takes from head-office/console only what is shared with the browser (wire, roles, password-rules).
    files: ['head-office/console/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [...electronOnly.paths, ...['fastify', 'pg', '@fastify/cookie', '@fastify/static'].map((name) => ({ name, message: 'The console runs in a browser: it talks to the head office only over HTTP (/console/api).' }))],
        patterns: [
          { group: ['**/main/**', '**/db/**', '**/test/**', 'node:*', '**/preload/**', '**/guard', '**/passwords', '**/*-routes'], message: 'The console runs in a browser: from head-office/console it takes only wire, roles and password-rules.' },
        ],
      }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: electronOnly.paths,
        patterns: [
          { group: ['**/main/**', '**/db/**', '**/test/**', 'node:*', '**/preload/index*'], message: 'The renderer talks to main only through the contract.' },
          // The contract's files (the index and preload/contract/*) import zod and hold the schemas
          // main validates with: the renderer takes their types only. preload/contract/roles imports
          // nothing, so the role ranking may be used as a value.
          {
            regex: '(^|/)preload/contract(/(?!roles$).*)?$',
            allowTypeImports: true,
            message: 'Only TYPES from preload/contract.ts and preload/contract/ may cross into the renderer (use import type); values only from preload/contract/roles.',
          },
        ],
      }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
);
