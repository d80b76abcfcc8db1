import { parentPort } from 'node:worker_threads';
import type { TaskOptions } from '../app/edgeline-service';
import { errorToAppError } from '../ipc/error-to-app-error';
import type { FromWorkerMessage, ToWorkerMessage } from './job-protocol';

/**
 * Runs inside a worker thread: receives tasks from the JobRunner, runs each with an AbortSignal
 * and a progress callback, and posts the outcome back. Several tasks may be in flight at once;
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
        const { jobId, task } = message;
        const controller = new AbortController();
        controllers.set(jobId, controller);
        const onProgress = (progress: { fraction: number; message: string }): void =>
          post({ type: 'progress', jobId, progress: { fraction: progress.fraction, message: progress.message } });
        Promise.resolve()
          .then(() => runTask(task, { signal: controller.signal, onProgress }))
          .then(
            (value) => post({ type: 'done', jobId, value }),
            (error: unknown) =>
              post({
                type: 'failed',
                jobId,
                error: controller.signal.aborted ? { code: 'cancelled', message: 'Cancelled' } : errorToAppError(error),
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
