import { afterEach, describe, expect, it } from 'vitest';
import { JobRunner } from './job-runner';
import type { CountingTask } from './test-workers/counting-worker';

const workerUrl = new URL('./test-workers/counting-worker.ts', import.meta.url);
const runners: JobRunner<CountingTask>[] = [];

function makeRunner(cancelGraceMs = 2_000): JobRunner<CountingTask> {
  const runner = new JobRunner<CountingTask>({ workerUrl, workerData: { databaseFile: 'x.sqlite' }, cancelGraceMs });
  runners.push(runner);
  return runner;
}

function jobIdOf(result: ReturnType<JobRunner<CountingTask>['start']>): string {
  if (!result.ok) throw new Error(`expected a job id, got ${result.error.message}`);
  return result.value.jobId;
}

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.close()));
});

describe('JobRunner', () => {
  it('runs a task in a worker thread and returns its result with full progress', async () => {
    const runner = makeRunner();
    const jobId = jobIdOf(runner.start({ kind: 'count', to: 3, delayMs: 5 }, 'run-1'));
    const status = await runner.wait(jobId, 20_000);
    expect(status).toEqual({ jobId, kind: 'count', state: 'succeeded', progress: { fraction: 1, message: 'Done' }, result: { counted: 3 } });
  });

  it('passes workerData to the worker', async () => {
    const runner = makeRunner();
    const jobId = jobIdOf(runner.start({ kind: 'echo-worker-data' }, 'data'));
    const status = await runner.wait(jobId, 20_000);
    expect(status?.state === 'succeeded' && status.result).toEqual({ databaseFile: 'x.sqlite' });
  });

  it('reports progress while running and returns the running status when the wait times out', async () => {
    const runner = makeRunner();
    const jobId = jobIdOf(runner.start({ kind: 'count', to: 40, delayMs: 50 }, 'run-1'));
    let status = await runner.wait(jobId, 100);
    expect(status?.state).toBe('running');
    // Progress messages arrive asynchronously; poll until at least one number has been counted.
    for (let i = 0; i < 100 && status?.progress.fraction === 0; i += 1) status = await runner.wait(jobId, 50);
    expect(status?.state).toBe('running');
    expect(status?.progress.fraction).toBeGreaterThan(0);
    expect(status?.progress.message).toMatch(/^Counted \d+ of 40$/);
    // The stage of the work under way crosses from the worker with the rest.
    const counted = Number(/^Counted (\d+)/.exec(status!.progress.message)![1]);
    expect(status?.progress.stage).toEqual({ fraction: counted % 2, message: counted % 2 === 1 ? 'odd' : 'even' });
  });

  it('refuses a second job on the same lock key while the first runs, but allows another key', async () => {
    const runner = makeRunner();
    const first = jobIdOf(runner.start({ kind: 'count', to: 10, delayMs: 20 }, 'run-1'));
    const second = runner.start({ kind: 'count', to: 1, delayMs: 1 }, 'run-1');
    expect(second).toEqual({
      ok: false,
      error: { code: 'busy', message: `Job ${first} (count) is still running for run-1; wait for it or cancel it first` },
    });
    const other = jobIdOf(runner.start({ kind: 'count', to: 1, delayMs: 1 }, 'run-2'));
    expect((await runner.wait(other, 20_000))?.state).toBe('succeeded');
    expect((await runner.wait(first, 20_000))?.state).toBe('succeeded');
    expect(runner.start({ kind: 'count', to: 1, delayMs: 1 }, 'run-1').ok).toBe(true);
  });

  it('cancels a job through its AbortSignal', async () => {
    const runner = makeRunner();
    const jobId = jobIdOf(runner.start({ kind: 'count', to: 1000, delayMs: 20 }, 'run-1'));
    await runner.wait(jobId, 100);
    runner.cancel(jobId);
    const status = await runner.wait(jobId, 20_000);
    expect(status?.state).toBe('cancelled');
  });

  it('stops a task busy in synchronous work at its next poll, without waiting for it to yield or terminating the worker', async () => {
    // The grace period is longer than the test: only the shared flag can stop the spin in time.
    const runner = makeRunner(60_000);
    const jobId = jobIdOf(runner.start({ kind: 'spin', ms: 30_000 }, 'run-1'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cancelledAt = Date.now();
    runner.cancel(jobId);
    expect((await runner.wait(jobId, 20_000))?.state).toBe('cancelled');
    expect(Date.now() - cancelledAt).toBeLessThan(5_000);
    const echo = jobIdOf(runner.start({ kind: 'echo-worker-data' }, 'data'));
    expect((await runner.wait(echo, 20_000))?.state).toBe('succeeded');
  });

  it('stops the worker when a cancelled task ignores its signal, and starts a fresh one for the next job', async () => {
    const runner = makeRunner(200);
    const jobId = jobIdOf(runner.start({ kind: 'ignore-abort', ms: 60_000 }, 'run-1'));
    await runner.wait(jobId, 50);
    runner.cancel(jobId);
    expect((await runner.wait(jobId, 20_000))?.state).toBe('cancelled');
    const next = jobIdOf(runner.start({ kind: 'count', to: 2, delayMs: 1 }, 'run-1'));
    expect((await runner.wait(next, 20_000))?.state).toBe('succeeded');
  });

  it('turns a thrown error into a failed status carrying its message', async () => {
    const runner = makeRunner();
    const jobId = jobIdOf(runner.start({ kind: 'fail', message: 'Season 2324 has no matches for E0' }, 'run-1'));
    expect(await runner.wait(jobId, 20_000)).toEqual({
      jobId,
      kind: 'fail',
      state: 'failed',
      progress: { fraction: 0, message: 'Starting' },
      error: { code: 'failed', message: 'Season 2324 has no matches for E0' },
    });
  });

  it('fails running jobs when the worker crashes and recovers for the next job', async () => {
    const runner = makeRunner();
    const jobId = jobIdOf(runner.start({ kind: 'crash' }, 'run-1'));
    const status = await runner.wait(jobId, 20_000);
    expect(status?.state === 'failed' && status.error).toEqual({ code: 'failed', message: 'The job worker crashed: worker blew up' });
    const next = jobIdOf(runner.start({ kind: 'count', to: 1, delayMs: 1 }, 'run-1'));
    expect((await runner.wait(next, 20_000))?.state).toBe('succeeded');
  });

  it('answers undefined for a job id it never issued', async () => {
    const runner = makeRunner();
    expect(runner.status('nope')).toBeUndefined();
    expect(await runner.wait('nope', 10)).toBeUndefined();
    expect(runner.cancel('nope')).toBeUndefined();
  });
});
