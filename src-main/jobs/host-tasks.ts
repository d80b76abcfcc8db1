import { parentPort } from 'node:worker_threads';
import type { TaskOptions, TaskProgress } from '../app/edgeline-service';
import { errorToAppError } from '../ipc/error-to-app-error';
import type { FromWorkerMessage, ToWorkerMessage } from './job-protocol';

/**
 * Runs inside a worker thread: receives tasks from the JobRunner, runs each with an AbortSignal,
 * a `shouldStop` poll of the runner's shared cancel flag and a progress callback, and posts the
 * outcome back. Several tasks may be in flight at once;
 * the runner's locks decide which may overlap.
 */
export function hostTasks<TTask>(runTask: (task: TTask, options: TaskOptions) => Promise<unknown>): void {
  const port = parentPort;
  if (port === null) throw new Error('hostTasks must be called inside a worker thread');
  const controllers = new Map<string, AbortController>();
  const post = (message: FromWorkerMessage): void => port.postMessage(message);

  port.on('message', (message: ToWorkerMessage<TTask>) => {
    switch (message.type) {
      case 'cancel':
        controllers.get(message.jobId)?.abort();
        return;
      case 'start': {
        const { jobId, task, cancelFlag } = message;
        const controller = new AbortController();
        controllers.set(jobId, controller);
        // Read between iterations of synchronous work, where the cancel message cannot arrive;
        // the first read that sees the flag aborts the signal too, so both say the same.
        const shouldStop = (): boolean => {
          if (!controller.signal.aborted && Atomics.load(cancelFlag, 0) === 1) controller.abort();
          return controller.signal.aborted;
        };
        // The whole progress crosses (a fit's own stage included), as plain data.
        const onProgress = (progress: TaskProgress): void =>
          post({ type: 'progress', jobId, progress: { fraction: progress.fraction, message: progress.message, ...(progress.stage === undefined ? {} : { stage: { fraction: progress.stage.fraction, message: progress.stage.message } }) } });
        Promise.resolve()
          .then(() => runTask(task, { signal: controller.signal, shouldStop, onProgress }))
          .then(
            (value) => post({ type: 'done', jobId, value }),
            (error: unknown) =>
              post({
                type: 'failed',
                jobId,
                error: shouldStop() ? { code: 'cancelled', message: 'Cancelled' } : errorToAppError(error),
              }),
          )
          .finally(() => controllers.delete(jobId));
        return;
      }
      default: {
        const unexpected: never = message;
        throw new Error(`Unknown message for the job worker: ${JSON.stringify(unexpected)}`);
      }
    }
  });
}
