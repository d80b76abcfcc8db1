import type { Outcome, Triple } from './outcome';

/**
 * The 1X2 price groups a football-data.co.uk file can carry. Pre-match groups are the prices a
 * bet is placed at; the closing groups exist from 2019-20 and are used only after the fact
 * (closing-line value), never to decide a bet.
 */
export const ODDS_SOURCES = ['b365', 'pinnacle', 'avg', 'max', 'b365Close', 'pinnacleClose', 'avgClose', 'maxClose'] as const;
export type OddsSource = (typeof ODDS_SOURCES)[number];

/** Decimal odds for home, draw, away. */
export type DecimalOdds1x2 = Triple;

/** A played match as the rest of the app sees it: parsed, validated, with stable ids. */
export interface Match {
  /**
   * Stable id: `${div}-${season}-${homeTeamId}-${awayTeamId}-${meeting}`, the home fixture and its
   * order (1, 2 ...) among the pair's meetings at that ground in the season. Not the date: a file
   * that corrects a date must update the match, not add a second one.
   */
  readonly id: string;
  readonly div: string;
  /** football-data season code, e.g. '2324' for 2023-24. */
  readonly season: string;
  /** Match date (UK) as ISO yyyy-mm-dd. */
  readonly date: string;
  /** Kick-off 'HH:MM' (UK) where the file has a Time column, else null. */
  readonly kickoff: string | null;
  readonly homeTeam: string;
  readonly awayTeam: string;
  /** Stable team ids: the name lower-cased, accents and punctuation folded to '-'. */
  readonly homeTeamId: string;
  readonly awayTeamId: string;
  readonly homeGoals: number;
  readonly awayGoals: number;
  readonly result: Outcome;
  readonly halfTimeHomeGoals: number | null;
  readonly halfTimeAwayGoals: number | null;
  readonly homeShots: number | null;
  readonly awayShots: number | null;
  readonly homeShotsOnTarget: number | null;
  readonly awayShotsOnTarget: number | null;
  /** Only the groups present with all three prices valid (> 1). */
  readonly odds: Readonly<Partial<Record<OddsSource, DecimalOdds1x2>>>;
}

/** Fold a team name as written into a stable id ("Nott'm Forest" -> "nott-m-forest"). */
export function teamIdOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The id of the `meeting`-th (1-based, in date order) home fixture of a pair in a season. */
export function matchIdOf(m: Pick<Match, 'div' | 'season' | 'homeTeamId' | 'awayTeamId'>, meeting = 1): string {
  return `${m.div}-${m.season}-${m.homeTeamId}-${m.awayTeamId}-${meeting}`;
}
