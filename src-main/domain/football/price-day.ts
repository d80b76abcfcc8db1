import type { Match } from './match';
import { addDays, bettingWeekStart, daysBetween } from './betting-week';

/**
 * The price day of a match (DESIGN.md "Cutoff (price day)"): football-data takes its pre-match
 * prices on Friday afternoon for Friday-to-Monday matches and on Tuesday for Tuesday-to-Thursday
 * matches. A prediction may use only results from before that day, so the model knows what the
 * price knew and nothing more. The price day always falls in the match's own betting week
 * (which opens on Tuesday), so the week stays the unit of staking and settlement.
 */
export function priceDayOf(isoDate: string): string {
  const weekStart = bettingWeekStart(isoDate);
  // 0 = Tuesday .. 2 = Thursday (midweek round, priced that Tuesday); 3 = Friday .. 6 = Monday.
  const sinceTuesday = daysBetween(weekStart, isoDate);
  return sinceTuesday <= 2 ? weekStart : addDays(weekStart, 3);
}

/** Every match that kicked off before `match`'s price day: all a prediction of it may use. */
export function matchesBeforePriceDay<M extends Pick<Match, 'date'>>(matches: readonly M[], match: Pick<Match, 'date'>): M[] {
  const cutoff = priceDayOf(match.date);
  return matches.filter((m) => m.date < cutoff);
}
