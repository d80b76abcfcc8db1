import { Worker } from 'node:worker_threads';

/**
 * Starts a worker from a module URL. A built `.js` bundle starts directly; a `.ts` source file
 * (vitest, tsx) is loaded through a small bootstrap that registers tsx inside the worker first,
 * because `execArgv: ['--import', 'tsx']` does not apply the loader to the worker's own entry on Node 20.
 * The bootstrap resolves `tsx` from the working directory (the repo root in tests and tsx runs).
 */
export function startWorker(moduleUrl: URL, workerData: unknown): Worker {
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, { workerData });
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}
