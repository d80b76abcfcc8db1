import type { Match } from '../domain/football/match';
import { closingLineValueOf } from '../domain/evaluation/performance-metrics';
import type { StakedBet, WeekBet } from '../domain/season/week-bet';
import { toCsvText, type CsvCell } from './csv-text';

/**
 * A season's bet slips as CSV: one row per placed bet, by week, then kick-off (date, time,
 * match id) as a bettor reads a slip and as the Bet slips screen lists them. Written for a
 * spreadsheet's default import: money in pounds with two decimals (`_gbp`: the app shows money in
 * pounds; the ledger keeps whole pence), kick-off as one ISO date-and-time cell, probabilities,
 * edges, Kelly fractions and CLV as percentages (`_pct`: 15.0242 means 15.0242%) written as plain
 * decimals, which every spreadsheet reads as numbers without a locale guess. "bankroll_after_gbp"
 * starts from the bankroll the week opened with (the ledger's bankroll history) and runs through
 * the week's settled bets in order, so the week's last slip shows the bankroll the week closed
 * with. A bet still open has result "open" and no profit yet.
 */
export const BET_SLIP_COLUMNS = [
  'week', 'kickoff', 'match', 'selection', 'outcome', 'odds_taken', 'probability_pct', 'probability_source', 'market_probability_pct', 'edge_pct',
  'kelly_fraction_pct', 'stake_gbp', 'result', 'profit_gbp', 'bankroll_after_gbp', 'closing_odds', 'clv_pct', 'model_version', 'data_fingerprint',
] as const;

export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`Money must be whole cents, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A fraction as a percentage with four decimals (0.150242 -> 15.0242): the slip's precision, six decimals of the fraction. */
function percent(fraction: number): number {
  return Number((fraction * 100).toFixed(4));
}

/** "2023-08-12 12:30", or the date alone when the file gave no time (seasons before 2019-20). */
function kickoffCell(match: Pick<Match, 'date' | 'kickoff'>): string {
  return match.kickoff === null ? match.date : `${match.date} ${match.kickoff}`;
}

export function betSlipRows(
  bets: readonly WeekBet[],
  matchesById: ReadonlyMap<string, Pick<Match, 'date' | 'kickoff' | 'homeTeam' | 'awayTeam'>>,
  startingBankrollCents: number,
  bankrollHistory: readonly { readonly week: number; readonly bankrollCents: number }[],
  dataFingerprint: string,
  /** "model", or "market-informed: ..." when the strategy's bet probabilities read prices (StrategyView.probabilities). */
  probabilitySource: string,
): CsvCell[][] {
  const closingByWeek = new Map(bankrollHistory.map((b) => [b.week, b.bankrollCents]));
  const openingOf = (week: number): number => (week === 1 ? startingBankrollCents : (closingByWeek.get(week - 1) ?? Number.NaN));
  let bankroll = 0;
  let currentWeek = -1;
  const kickoffKey = (b: WeekBet): string => {
    const m = matchesById.get(b.matchId);
    return `${m?.date ?? ''} ${m?.kickoff ?? '99:99'} ${b.matchId} ${'HDA'.indexOf(b.outcome)}`;
  };
  return bets
    .filter((b): b is StakedBet => b.status !== 'rejected')
    .sort((a, b) => a.week - b.week || (kickoffKey(a) < kickoffKey(b) ? -1 : kickoffKey(a) > kickoffKey(b) ? 1 : 0))
    .map((b) => {
      if (b.week !== currentWeek) {
        currentWeek = b.week;
        bankroll = openingOf(b.week);
      }
      const profitCents = b.status === 'settled' ? b.profitCents : null;
      bankroll += profitCents ?? 0;
      const match = matchesById.get(b.matchId);
      if (!match) throw new Error(`Bet on ${b.matchId} refers to a match that is no longer in the ledger`);
      const selection = b.outcome === 'H' ? match.homeTeam : b.outcome === 'A' ? match.awayTeam : 'Draw';
      const clv = closingLineValueOf(b);
      return [
        b.week, kickoffCell(match), `${match.homeTeam} v ${match.awayTeam}`, selection, b.outcome, b.decimalOdds,
        percent(b.modelProbability), probabilitySource, percent(b.marketProbability), percent(b.edge), percent(b.appliedKelly),
        formatCents(b.stakeCents), b.status === 'settled' ? (b.won ? 'won' : 'lost') : 'open', profitCents === null ? null : formatCents(profitCents),
        formatCents(bankroll), b.closingOdds, clv === null ? null : percent(clv), b.modelVersion, dataFingerprint,
      ];
    });
}

/**
 * `provenance` (labels such as "market-informed") adds a last column repeating them on every
 * slip, so a slip copied out of the file still says what kind of model chose it.
 */
export function betSlipCsv(rows: readonly (readonly CsvCell[])[], options: { excelBom: boolean; provenance?: readonly string[] }): string {
  const labels = options.provenance ?? [];
  if (labels.length === 0) return toCsvText(BET_SLIP_COLUMNS, rows, options);
  return toCsvText([...BET_SLIP_COLUMNS, 'provenance'], rows.map((row) => [...row, labels.join('; ')]), options);
}
