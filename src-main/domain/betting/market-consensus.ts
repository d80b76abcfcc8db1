import type { Match } from '../football/match';
import type { Triple } from '../football/outcome';
import { removeMargin, type MarginMethod } from './margin-removal';

/**
 * The market consensus of Kaunitz, Zhong and Kreiner (2017, "Beating the bookies with their own
 * numbers"): the fair probabilities of a reference book, used as the estimate of the truth, so a
 * strategy bets only where another price beats that consensus. Pinnacle is the sharpest book in
 * the files (lowest margin, takes big stakes); the average across books is the paper's choice
 * and exists in every season, Pinnacle from 2012-13.
 */
export const REFERENCE_BOOKS = ['pinnacle', 'avg'] as const;
export type ReferenceBook = (typeof REFERENCE_BOOKS)[number];

function asTriple(p: readonly number[]): Triple {
  return [p[0]!, p[1]!, p[2]!];
}

/** Fair pre-match probabilities of the reference book; null when the match has no such prices. */
export function marketConsensus(match: Pick<Match, 'id' | 'odds'>, reference: ReferenceBook, method: MarginMethod): Triple | null {
  const odds = match.odds[reference];
  if (odds === undefined) return null;
  return asTriple(removeMargin(odds, method).probabilities);
}

/** Which close a fair closing probability came from; shown with every CLV figure. */
export type ClosingSource = 'pinnacleClose' | 'avgClose';

export interface FairClose {
  readonly probabilities: Triple;
  readonly source: ClosingSource;
}

/**
 * The fair closing probabilities DESIGN.md prescribes for closing-line value: Pinnacle's close
 * (`PSC*`), the average close (`AvgC*`) where Pinnacle's is missing, margin removed with the
 * run's method. null when the match has neither: its CLV is unavailable, never 0.
 */
export function fairClose(match: Pick<Match, 'odds'>, method: MarginMethod): FairClose | null {
  for (const source of ['pinnacleClose', 'avgClose'] as const) {
    const odds = match.odds[source];
    if (odds !== undefined) return { probabilities: asTriple(removeMargin(odds, method).probabilities), source };
  }
  return null;
}
