import type { TaskProgress } from '../app/edgeline-service';
import type { AppError } from '../ipc/result';

/** Messages between the JobRunner (parent) and the worker thread hosting the tasks. */
export type ToWorkerMessage<TTask> =
  /** `cancelFlag` is an Int32Array over a SharedArrayBuffer: the runner stores 1 in it on cancel. */
  | { readonly type: 'start'; readonly jobId: string; readonly task: TTask; readonly cancelFlag: Int32Array }
  | { readonly type: 'cancel'; readonly jobId: string };

export type FromWorkerMessage =
  | { readonly type: 'progress'; readonly jobId: string; readonly progress: TaskProgress }
  | { readonly type: 'done'; readonly jobId: string; readonly value: unknown }
  | { readonly type: 'failed'; readonly jobId: string; readonly error: AppError };
