import type { TaskProgress } from '../app/edgeline-service';
import type { AppError } from '../ipc/result';

/**
 * Where a background job is. The renderer long-polls this (jobs:wait) and switches on `state`;
 * `kind` travels with every state so a result can be typed by the kind that produced it.
 */
export type JobStatus<K extends string = string, R = unknown> =
  | { readonly jobId: string; readonly kind: K; readonly state: 'running'; readonly progress: TaskProgress }
  | { readonly jobId: string; readonly kind: K; readonly state: 'succeeded'; readonly progress: TaskProgress; readonly result: R }
  | { readonly jobId: string; readonly kind: K; readonly state: 'failed'; readonly progress: TaskProgress; readonly error: AppError }
  | { readonly jobId: string; readonly kind: K; readonly state: 'cancelled'; readonly progress: TaskProgress };

export type JobState = JobStatus['state'];

export function isSettled(status: JobStatus): boolean {
  return status.state !== 'running';
}
