import { setTimeout as sleep } from 'node:timers/promises';
import { workerData } from 'node:worker_threads';
import { hostTasks } from '../host-tasks';

/**
 * A small real worker for the JobRunner tests: counts with a pause between numbers, reporting
 * progress and honouring the AbortSignal, so cancel, progress, failures and crashes can be
 * exercised without a database.
 */
export type CountingTask =
  | { readonly kind: 'count'; readonly to: number; readonly delayMs: number }
  | { readonly kind: 'fail'; readonly message: string }
  | { readonly kind: 'ignore-abort'; readonly ms: number }
  /** Synchronous work (like a model fit) that polls shouldStop between iterations. */
  | { readonly kind: 'spin'; readonly ms: number }
  | { readonly kind: 'crash' }
  | { readonly kind: 'echo-worker-data' };

hostTasks<CountingTask>(async (task, { signal, shouldStop, onProgress }) => {
  switch (task.kind) {
    case 'count': {
      for (let i = 1; i <= task.to; i += 1) {
        await sleep(task.delayMs, undefined, { signal });
        onProgress?.({ fraction: i / task.to, message: `Counted ${i} of ${task.to}`, stage: { fraction: i % 2, message: i % 2 === 1 ? 'odd' : 'even' } });
      }
      return { counted: task.to };
    }
    case 'fail':
      throw new Error(task.message);
    case 'ignore-abort':
      await sleep(task.ms);
      return 'finished anyway';
    case 'spin': {
      const until = Date.now() + task.ms;
      let iterations = 0;
      while (Date.now() < until) {
        if (shouldStop?.() === true) throw new Error(`stopped after ${iterations} iterations`);
        iterations += 1;
      }
      return { iterations };
    }
    case 'crash':
      setImmediate(() => {
        throw new Error('worker blew up');
      });
      return new Promise(() => undefined);
    case 'echo-worker-data':
      return workerData;
    default: {
      const unexpected: never = task;
      throw new Error(`Unknown task ${JSON.stringify(unexpected)}`);
    }
  }
});
