import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The renderer is a sandboxed web page: it talks to the main side only through the IPC
    // contract, and sees of it only what src-main/ipc/renderer-contract.ts exposes. Tests may
    // start the real main side (the HTTP bridge test runs the server).
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)src-main/(?!ipc/renderer-contract$)',
              message: 'The renderer imports the main side only through src-main/ipc/renderer-contract (the IPC contract and its view types).',
            },
            { group: ['electron', 'node:*', 'better-sqlite3', '@tensorflow/*', 'fs', 'path', 'zod'], message: 'The renderer is a web page: no Node, Electron, database, TF.js or contract schemas.' },
          ],
        },
      ],
    },
  },
  {
    // Whatever this module exports by value lands in the renderer bundle: types only, but for
    // the dependency-free helpers listed here.
    files: ['src-main/ipc/renderer-contract.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\.\\./ingest/season-range$|\\.\\./domain/evaluation/break-even$|\\.\\./season/strategy-settings$)', allowTypeImports: true, message: 'renderer-contract re-exports types only (values would be bundled into the renderer).' }] },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain is plain TypeScript: betting math must run anywhere, so it may not reach for
    // Electron, Node built-ins, the database or TF.js.
    files: ['src-main/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'node:*', 'better-sqlite3', '@tensorflow/*', 'fs', 'path'], message: 'domain/ is pure TypeScript: keep I/O and frameworks at the edges.' },
          ],
        },
      ],
    },
  },
);
