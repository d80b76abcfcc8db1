import type { Alert } from './monitoring';
import type { Prediction, WeekPerformance } from './play-week';
import type { RetrainReason } from './retrain-policy';
import type { WeekBet } from './week-bet';

/**
 * Everything a run has played, as the ledger holds it: the one input every report, view and
 * export is projected from.
 */
export interface RunHistory {
  readonly startingBankrollCents: number;
  /** One row per played week, in week order. */
  readonly weeks: readonly WeekPerformance[];
  /** The bankroll after each played week and its running peak (the start included), in week order. */
  readonly bankroll: readonly { readonly week: number; readonly bankrollCents: number; readonly peakCents: number }[];
  /** The active book's candidates, by week, in the order each week decided them. */
  readonly bets: readonly WeekBet[];
  /** Every role's predictions (active, static, champion), by week. */
  readonly predictions: readonly Prediction[];
  readonly alerts: readonly Alert[];
  readonly models: readonly { readonly version: number; readonly fittedBeforeWeek: number; readonly reason: RetrainReason }[];
}
