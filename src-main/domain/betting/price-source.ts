import type { DecimalOdds1x2, Match, OddsSource } from '../football/match';

/**
 * Which pre-match price a strategy bets at. `best` is the highest price across the books
 * football-data lists (`Max*`, `BbMx*` before 2019-20): it assumes an account at every book,
 * that the best price was still there when the bet was placed (it may be stale, or offered
 * only to small stakes), and that no book limits the account.
 */
export const PRICE_SOURCES = ['b365', 'pinnacle', 'avg', 'best'] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];

const ODDS_GROUP = { b365: 'b365', pinnacle: 'pinnacle', avg: 'avg', best: 'max' } as const satisfies Readonly<Record<PriceSource, OddsSource>>;

/** The pre-match odds group a price source reads. */
export function oddsGroupOf(source: PriceSource): (typeof ODDS_GROUP)[PriceSource] {
  return ODDS_GROUP[source];
}

/** The three prices a strategy would bet this match at; null when the file has none for the source. */
export function priceOf(match: Pick<Match, 'odds'>, source: PriceSource): DecimalOdds1x2 | null {
  return match.odds[ODDS_GROUP[source]] ?? null;
}

/** What a price source means and what it assumes, for the run form and the report. */
export function describePriceSource(source: PriceSource): string {
  switch (source) {
    case 'b365':
      return 'Bet365 pre-match prices.';
    case 'pinnacle':
      return 'Pinnacle pre-match prices.';
    case 'avg':
      return 'The average pre-match price across the listed books.';
    case 'best':
      return 'The best pre-match price across the listed books. Assumes an account at every book, prices that were still on offer (they may be stale or limited to small stakes) and no account limits.';
    default: {
      const unknown: never = source;
      throw new Error(`Unknown price source "${String(unknown)}"; expected one of ${PRICE_SOURCES.join(', ')}`);
    }
  }
}
