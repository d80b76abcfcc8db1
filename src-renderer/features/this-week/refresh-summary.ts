import type { AppError, LiveRefreshOutcome } from '../../../src-main/ipc/renderer-contract';
import { formatMoney } from '../../format/money';

/** What one Refresh did, in a bettor's words: the headline and one line per thing that happened. */
export interface RefreshSummary {
  readonly headline: string;
  readonly lines: readonly string[];
  /** Whether anything asks for the user's eyes (alerts), so the summary can be announced as such. */
  readonly alert: boolean;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Whole currency units from `weekly`'s outcome (it reports money in pounds, the ledger in cents). */
const money = (pounds: number, signed = false): string => formatMoney(Math.round(pounds * 100), { signed });

export function summariseRefresh({ outcome }: LiveRefreshOutcome): RefreshSummary {
  const lines: string[] = [];
  for (const w of outcome.settled) {
    lines.push(`Week ${w.week} settled (${w.weekStart} to ${w.weekEnd}): ${plural(w.bets, 'bet')}, ${money(w.staked)} staked, ${money(w.profit, true)}; bankroll ${money(w.bankroll)}.`);
  }
  for (const v of outcome.voided) lines.push(`${v.match} (${v.date}) was not played on its date: the bet of ${money(v.stake)} is void and the stake returned.`);
  // weekly's own words ("model v2 fitted before week 5 (scheduled: ...)"), the initial fit included.
  for (const r of outcome.retrained) lines.push(`${r.charAt(0).toUpperCase()}${r.slice(1)}.`);
  const staked = outcome.open.reduce((s, b) => s + Math.round(b.stake * 100), 0);
  const openLine =
    outcome.openWeek === null
      ? 'No week is open: the fixtures list has no match of this league after the last settled week yet.'
      : outcome.open.length === 0
        ? `Week ${outcome.openWeek.week} is open: no bet passes the strategy's filters this week.`
        : `Week ${outcome.openWeek.week} is open: ${plural(outcome.open.length, 'bet')} to place, ${formatMoney(staked)} in all.`;
  lines.push(openLine);
  const alerts = outcome.alerts.length;
  let headline: string;
  if (!outcome.changed) headline = 'Nothing new: the site has no new results or fixtures since the last Refresh, and the ledger is unchanged.';
  else if (outcome.settled.length > 0 && outcome.openWeek !== null) headline = `${plural(outcome.settled.length, 'week')} settled and week ${outcome.openWeek.week} priced.`;
  else if (outcome.settled.length > 0) headline = `${plural(outcome.settled.length, 'week')} settled.`;
  else if (outcome.newBets && outcome.openWeek !== null) headline = `Week ${outcome.openWeek.week} priced and staked.`;
  else headline = 'New data imported; no week settled and no new bets.';
  if (alerts > 0) headline = `${headline} ${plural(alerts, 'alert')} to read.`;
  return { headline, lines: outcome.changed ? lines : [openLine], alert: alerts > 0 };
}

/**
 * A failed Refresh in the user's terms. A download or file error names the URL, line and column
 * already; what the user also needs is that the ledger did not take half of it.
 */
export function refreshErrorOf(error: AppError): AppError {
  switch (error.code) {
    case 'busy':
      return { code: 'busy', message: 'This live run is already being refreshed (perhaps started before you left this screen): wait for it to finish, then Refresh again to see what it did.' };
    case 'invalid-input':
    case 'conflict':
    case 'unauthorized':
      return error;
    case 'not-found':
    case 'failed':
    case 'cancelled':
    case 'unsupported':
    case 'unknown-channel':
      return { code: error.code, message: `Refresh failed: ${error.message}. Nothing of the failed step was written: the ledger is as it was. Refresh again once it is fixed.` };
    default: {
      const unexpected: never = error.code;
      return { code: 'failed', message: String(unexpected) };
    }
  }
}
