import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * `electron-vite dev` only: React Fast Refresh injects an inline script and talks to Vite over a
 * websocket, which the production CSP in index.html forbids. The built app keeps the strict policy.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'edgeline-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: http://localhost:*" />`),
  };
}

/**
 * Three builds: main (Electron main process, the headless server and the job worker — each its
 * own entry so the worker can be started from a file), preload (CommonJS: a sandboxed renderer
 * cannot load an ES module preload) and the React renderer.
 */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve(root, 'src-main/main.ts'),
          serve: resolve(root, 'src-main/cli/serve.ts'),
          'job-worker': resolve(root, 'src-main/jobs/edgeline-job-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot require() packages: bundle everything.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(root, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react(), relaxCspForDevServer()],
    build: {
      minify: true,
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
});
