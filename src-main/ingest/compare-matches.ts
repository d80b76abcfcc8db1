import type { Match } from '../domain/football/match';

/** Chronological order used everywhere matches are listed: date, then kick-off (unknown first), then id. */
export function compareMatches(a: Pick<Match, 'date' | 'kickoff' | 'id'>, b: Pick<Match, 'date' | 'kickoff' | 'id'>): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ka = a.kickoff ?? '';
  const kb = b.kickoff ?? '';
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
