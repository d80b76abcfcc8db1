import type { TaskProgress } from '../../src-main/app/edgeline-service';
import type { EdgelineTaskKind, EdgelineTaskResults } from '../../src-main/jobs/edgeline-task';
import type { Result } from '../../src-main/ipc/result';
import type { EdgelineApi } from './edgeline-api';

/**
 * Long-polls jobs:wait until the job settles, reporting progress between polls. Each poll
 * returns as soon as the job finishes or after `pollMs`, so progress is at most that stale.
 */
export async function waitForJob<K extends EdgelineTaskKind>(
  api: EdgelineApi,
  kind: K,
  jobId: string,
  onProgress?: (progress: TaskProgress) => void,
  pollMs = 500,
): Promise<Result<EdgelineTaskResults[K]>> {
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
        return { ok: true, value: status.result as EdgelineTaskResults[K] };
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
