import { describe, expect, it } from 'vitest';
import type { LiveRefreshOutcome, WeeklyOutcome } from '../../../src-main/ipc/renderer-contract';
import { refreshErrorOf, summariseRefresh } from './refresh-summary';

const quiet: WeeklyOutcome = { runId: 'r', settled: [], open: [], openWeek: null, alerts: [], revisions: [], voided: [], retrained: [], changed: false, newBets: false };
const bet = { match: 'Arsenal v Man City', date: '2023-10-08', kickoff: '16:30', selection: 'away', odds: 2.6, stake: 115, edge: 0.041, pricesImportedAt: '2023-10-03T07:30:00.000Z' };
const of = (outcome: Partial<WeeklyOutcome>): LiveRefreshOutcome => ({ outcome: { ...quiet, ...outcome }, runName: 'Live E0 2324', reportFile: null, notification: null });

describe('summariseRefresh', () => {
  it('says "nothing new" when the ledger did not change, and what stays open', () => {
    expect(summariseRefresh(of({ openWeek: { week: 7, weekStart: '2023-10-03', pricesImportedAt: '' }, open: [bet] }))).toEqual({
      headline: 'Nothing new: the site has no new results or fixtures since the last Refresh, and the ledger is unchanged.',
      lines: ['Week 7 is open: 1 bet to place, £115.00 in all.'],
      alert: false,
    });
  });

  it('names each settled week with its money, the open week with its bets, and counts the alerts', () => {
    const summary = summariseRefresh(
      of({
        changed: true,
        newBets: true,
        settled: [{ week: 6, weekStart: '2023-09-26', weekEnd: '2023-10-02', bets: 4, staked: 412, profit: -37.5, bankroll: 10233.1 }],
        openWeek: { week: 7, weekStart: '2023-10-03', pricesImportedAt: '' },
        open: [bet, { ...bet, match: 'Spurs v Liverpool', stake: 80.25 }],
        alerts: ['Week 6: drawdown 21% from the peak'],
        retrained: ['model v2 fitted before week 7 (scheduled: every 4 weeks)'],
      }),
    );
    expect(summary).toEqual({
      headline: '1 week settled and week 7 priced. 1 alert to read.',
      lines: [
        'Week 6 settled (2023-09-26 to 2023-10-02): 4 bets, £412.00 staked, \u2212£37.50; bankroll £10,233.10.',
        'Model v2 fitted before week 7 (scheduled: every 4 weeks).',
        'Week 7 is open: 2 bets to place, £195.25 in all.',
      ],
      alert: true,
    });
  });

  it('reads a first Refresh that opened a week, a week with no bet, a void bet and a season waiting for fixtures', () => {
    expect(summariseRefresh(of({ changed: true, newBets: true, openWeek: { week: 1, weekStart: '2023-08-08', pricesImportedAt: '' } }))).toMatchObject({
      headline: 'Week 1 priced and staked.',
      lines: ["Week 1 is open: no bet passes the strategy's filters this week."],
    });
    expect(summariseRefresh(of({ changed: true, voided: [bet], alerts: ['x'] }))).toEqual({
      headline: 'New data imported; no week settled and no new bets. 1 alert to read.',
      lines: [
        'Arsenal v Man City (2023-10-08) was not played on its date: the bet of £115.00 is void and the stake returned.',
        'No week is open: the fixtures list has no match of this league after the last settled week yet.',
      ],
      alert: true,
    });
  });
});

describe('refreshErrorOf', () => {
  it('tells the user that a failed download changed nothing, keeping the URL', () => {
    expect(refreshErrorOf({ code: 'failed', message: 'http://127.0.0.1:9/fixtures.csv: HTTP 503 Service Unavailable, 3 attempts' })).toEqual({
      code: 'failed',
      message: 'Refresh failed: http://127.0.0.1:9/fixtures.csv: HTTP 503 Service Unavailable, 3 attempts. Nothing of the failed step was written: the ledger is as it was. Refresh again once it is fixed.',
    });
  });

  it('passes a refusal of the form through as it is', () => {
    const refusal = { code: 'invalid-input' as const, message: 'Live run settings, trainingSeasons: ...' };
    expect(refreshErrorOf(refusal)).toBe(refusal);
  });

  it('says a Refresh already running is one, not a job id and a lock key', () => {
    expect(refreshErrorOf({ code: 'busy', message: 'Job 1f2e (live-refresh) is still running for run:abc; wait for it or cancel it first' })).toEqual({
      code: 'busy',
      message: 'This live run is already being refreshed (perhaps started before you left this screen): wait for it to finish, then Refresh again to see what it did.',
    });
  });
});
