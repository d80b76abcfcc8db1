import type { JobResult, JobTicket, Result, TaskProgress } from '../../src-main/ipc/renderer-contract';
import type { EdgelineApi } from './edgeline-api';

/**
 * Long-polls jobs:wait until the job settles, reporting progress between polls. Each poll
 * returns as soon as the job finishes or after `pollMs`, so progress is at most that stale.
 * The ticket a job channel answered with carries the job's kind, so the result is typed by it.
 */
export async function waitForJob<K extends JobTicket['kind']>(
  api: EdgelineApi,
  ticket: JobTicket<K>,
  onProgress?: (progress: TaskProgress) => void,
  pollMs = 500,
): Promise<Result<JobResult<K>>> {
  const { jobId, kind } = ticket;
  for (;;) {
    const polled = await api.invoke('jobs:wait', { jobId, timeoutMs: pollMs });
    if (!polled.ok) return polled;
    const status = polled.value;
    if (status.kind !== kind) return { ok: false, error: { code: 'failed', message: `Job ${jobId} is a ${status.kind} job, expected ${kind}` } };
    switch (status.state) {
      case 'running':
        onProgress?.(status.progress);
        continue;
      case 'succeeded':
        return { ok: true, value: status.result as JobResult<K> };
      case 'failed':
        return { ok: false, error: status.error };
      case 'cancelled':
        return { ok: false, error: { code: 'cancelled', message: 'Cancelled' } };
      default: {
        const unexpected: never = status;
        throw new Error(`Unknown job state ${JSON.stringify(unexpected)}`);
      }
    }
  }
}
