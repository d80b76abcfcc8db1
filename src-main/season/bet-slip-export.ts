import type { Match } from '../domain/football/match';
import { closingLineValueOf } from '../domain/evaluation/performance-metrics';
import type { StakedBet, WeekBet } from '../domain/season/week-bet';
import { toCsvText, type CsvCell } from './csv-text';

/**
 * A season's bet slips as CSV: one row per placed bet, by week, then kick-off (date, time,
 * match id) as a bettor would read a slip. Money is written from integer cents as exact decimals with two
 * places; "bankroll_after" starts from the bankroll the week opened with (the ledger's bankroll
 * history) and runs through the week's settled bets in order, so the week's last slip shows the
 * bankroll the week closed with. A bet still open has result "open" and no profit yet.
 * "model_probability" is the probability the bet was decided on; "probability_source" says
 * whether it is the model's own or market-informed (a consensus or pooled strategy).
 */
export const BET_SLIP_COLUMNS = [
  'week', 'date', 'kickoff', 'match', 'selection', 'outcome', 'odds_taken', 'model_probability', 'probability_source', 'market_probability', 'edge',
  'kelly_fraction', 'stake', 'result', 'profit', 'bankroll_after', 'closing_odds', 'clv', 'model_version', 'data_fingerprint',
] as const;

export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`Money must be whole cents, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
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
        b.week, match.date, match.kickoff, `${match.homeTeam} v ${match.awayTeam}`, selection, b.outcome, b.decimalOdds,
        round(b.modelProbability, 6), probabilitySource, round(b.marketProbability, 6), round(b.edge, 6), round(b.appliedKelly, 6),
        formatCents(b.stakeCents), b.status === 'settled' ? (b.won ? 'won' : 'lost') : 'open', profitCents === null ? null : formatCents(profitCents),
        formatCents(bankroll), b.closingOdds, clv === null ? null : round(clv, 6), b.modelVersion, dataFingerprint,
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
