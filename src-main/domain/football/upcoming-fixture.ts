import type { DecimalOdds1x2, Match } from './match';

/** The pre-match price groups a fixtures file can carry (closing prices only exist once a match is played). */
export const PRE_MATCH_SOURCES = ['b365', 'pinnacle', 'avg', 'max'] as const;
export type PreMatchSource = (typeof PRE_MATCH_SOURCES)[number];

/**
 * A match still to be played, as football-data's fixtures file lists it: the identity a played
 * match will have (the same id, so the result file's row "becomes" this fixture) and the
 * pre-match prices on offer when the file was imported.
 */
export interface UpcomingFixture extends Pick<Match, 'id' | 'div' | 'season' | 'date' | 'kickoff' | 'homeTeam' | 'awayTeam' | 'homeTeamId' | 'awayTeamId'> {
  readonly odds: Readonly<Partial<Record<PreMatchSource, DecimalOdds1x2>>>;
}

/**
 * The football-data season code of a match date: leagues run August to May, so July or later
 * opens the season of that year ('2023-08-12' -> '2324', '2024-05-19' -> '2324').
 */
export function seasonOfDate(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const start = Number(isoDate.slice(5, 7)) >= 7 ? year : year - 1;
  return `${String(start % 100).padStart(2, '0')}${String((start + 1) % 100).padStart(2, '0')}`;
}
