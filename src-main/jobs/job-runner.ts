import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import type { TaskProgress } from '../app/edgeline-service';
import { fail, ok, type Result } from '../ipc/result';
import type { FromWorkerMessage, ToWorkerMessage } from './job-protocol';
import type { JobStatus } from './job-status';
import { startWorker } from './worker-entry';

export interface JobRunnerOptions {
  /** Module the worker runs; it must call hostTasks(). A `.ts` URL works under vitest/tsx. */
  readonly workerUrl: URL;
  /** Passed to the worker as `workerData` (e.g. the database file it opens). */
  readonly workerData: unknown;
  /** How long a cancelled job may take to notice its AbortSignal before the worker is stopped. */
  readonly cancelGraceMs?: number;
  /** Settled jobs kept for jobs:wait lookups; older ones are forgotten. */
  readonly keepSettled?: number;
}

interface JobRecord {
  status: JobStatus;
  readonly lockKey: string;
  /** Shared with the worker: a cancel is visible to a task in the middle of synchronous work. */
  readonly cancelFlag: Int32Array;
  readonly waiters: Set<() => void>;
  cancelTimer?: NodeJS.Timeout;
}

const STARTING: TaskProgress = { fraction: 0, message: 'Starting' };

/**
 * Runs long tasks (download, step, run-to-end) in one worker thread so the Electron main process
 * and the HTTP server stay responsive. Jobs are identified by id, report progress, can be
 * cancelled, and are serialised per lock key: a second mutating job on the same run is refused
 * with 'busy' rather than queued, so the UI never acts on a stale week.
 */
export class JobRunner<TTask extends { readonly kind: string }> {
  private worker: Worker | null = null;
  private readonly jobs = new Map<string, JobRecord>();
  private readonly cancelGraceMs: number;
  private readonly keepSettled: number;
  private closed = false;

  constructor(private readonly options: JobRunnerOptions) {
    this.cancelGraceMs = options.cancelGraceMs ?? 10_000;
    this.keepSettled = options.keepSettled ?? 100;
  }

  /** Starts a job unless another job holding the same lock key is still running. */
  start(task: TTask, lockKey: string): Result<{ readonly jobId: string }> {
    if (this.closed) return fail('failed', 'The job runner is closed');
    for (const [jobId, record] of this.jobs) {
      if (record.lockKey === lockKey && record.status.state === 'running') {
        return fail('busy', `Job ${jobId} (${record.status.kind}) is still running for ${lockKey}; wait for it or cancel it first`);
      }
    }
    const jobId = randomUUID();
    const cancelFlag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    this.jobs.set(jobId, {
      status: { jobId, kind: task.kind, state: 'running', progress: STARTING },
      lockKey,
      cancelFlag,
      waiters: new Set(),
    });
    this.post({ type: 'start', jobId, task, cancelFlag });
    return ok({ jobId });
  }

  /** The running job holding a lock key, if any (e.g. so reset can refuse while a step is in flight). */
  runningJobFor(lockKey: string): JobStatus | undefined {
    for (const record of this.jobs.values()) {
      if (record.lockKey === lockKey && record.status.state === 'running') return record.status;
    }
    return undefined;
  }

  status(jobId: string): JobStatus | undefined {
    return this.jobs.get(jobId)?.status;
  }

  /** Resolves with the status once the job settles, or with its current status after timeoutMs. */
  wait(jobId: string, timeoutMs: number): Promise<JobStatus | undefined> {
    const record = this.jobs.get(jobId);
    if (record === undefined || record.status.state !== 'running') return Promise.resolve(record?.status);
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        record.waiters.delete(done);
        resolve(record.status);
      };
      const timer = setTimeout(done, timeoutMs);
      record.waiters.add(done);
    });
  }

  /** Asks the job to stop; it settles as 'cancelled' when the task notices the abort (or after the grace period). */
  cancel(jobId: string): JobStatus | undefined {
    const record = this.jobs.get(jobId);
    if (record === undefined || record.status.state !== 'running') return record?.status;
    // The flag reaches a task busy in a model fit at once; the message (which waits for the
    // worker's event loop) aborts the task's AbortSignal for work that awaits, like a download.
    Atomics.store(record.cancelFlag, 0, 1);
    this.post({ type: 'cancel', jobId });
    record.cancelTimer ??= setTimeout(() => {
      if (record.status.state !== 'running') return;
      this.settle(jobId, { ...record.status, state: 'cancelled' });
      this.stopWorker(`Worker stopped because job ${jobId} did not stop within ${this.cancelGraceMs} ms of being cancelled`);
    }, this.cancelGraceMs);
    return record.status;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const record of this.jobs.values()) clearTimeout(record.cancelTimer);
    const worker = this.worker;
    this.worker = null;
    this.failRunning('The app is shutting down');
    if (worker !== null) await worker.terminate();
  }

  private post(message: ToWorkerMessage<TTask>): void {
    this.ensureWorker().postMessage(message);
  }

  private ensureWorker(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = startWorker(this.options.workerUrl, this.options.workerData);
    worker.on('message', (message: FromWorkerMessage) => this.receive(message));
    worker.on('error', (error) => {
      if (this.worker === worker) this.stopWorker(`The job worker crashed: ${error.message}`);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) {
        this.worker = null;
        this.failRunning(`The job worker exited unexpectedly (code ${code})`);
      }
    });
    this.worker = worker;
    return worker;
  }

  private stopWorker(reason: string): void {
    const worker = this.worker;
    this.worker = null;
    this.failRunning(reason);
    void worker?.terminate();
  }

  private failRunning(message: string): void {
    for (const [jobId, record] of this.jobs) {
      if (record.status.state === 'running') this.settle(jobId, { ...record.status, state: 'failed', error: { code: 'failed', message } });
    }
  }

  private receive(message: FromWorkerMessage): void {
    const record = this.jobs.get(message.jobId);
    if (record === undefined || record.status.state !== 'running') return;
    switch (message.type) {
      case 'progress':
        record.status = { ...record.status, progress: message.progress };
        return;
      case 'done':
        this.settle(message.jobId, { ...record.status, state: 'succeeded', progress: { fraction: 1, message: 'Done' }, result: message.value });
        return;
      case 'failed':
        this.settle(
          message.jobId,
          message.error.code === 'cancelled'
            ? { ...record.status, state: 'cancelled' }
            : { ...record.status, state: 'failed', error: message.error },
        );
        return;
      default: {
        const unexpected: never = message;
        throw new Error(`Unknown message from the job worker: ${JSON.stringify(unexpected)}`);
      }
    }
  }

  private settle(jobId: string, status: JobStatus): void {
    const record = this.jobs.get(jobId);
    if (record === undefined) return;
    clearTimeout(record.cancelTimer);
    record.status = status;
    for (const waiter of [...record.waiters]) waiter();
    this.forgetOldJobs();
  }

  private forgetOldJobs(): void {
    const settled = [...this.jobs].filter(([, record]) => record.status.state !== 'running');
    for (const [jobId] of settled.slice(0, Math.max(0, settled.length - this.keepSettled))) this.jobs.delete(jobId);
  }
}
