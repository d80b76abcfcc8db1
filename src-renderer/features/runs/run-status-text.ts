import type { RunSummary } from '../../../src-main/ipc/renderer-contract';

/**
 * A run's status in words. A live run never "finishes" while its season is played: it reads
 * "live · week 7 open" while a week is staked and waiting for its results, and "live · waiting
 * for fixtures" until the fixtures list has its next week.
 */
export function runStatusText(run: Pick<RunSummary, 'status' | 'live'>): string {
  if (run.live === undefined) return run.status;
  return run.live.openWeek === null ? 'live · waiting for fixtures' : `live · week ${run.live.openWeek.week} open`;
}

/** The badge colour: a live run is in progress by nature. */
export function runStatusTone(run: Pick<RunSummary, 'status' | 'live'>): string {
  return run.live === undefined ? run.status : 'in-progress';
}

/** What Step, Play and Run to end say on a live run instead of acting. */
export const LIVE_RUN_STEP_MESSAGE = 'This is a live run: use This week → Refresh to settle its open week and price the next. Step, Play and Run to end replay seasons that are over.';
