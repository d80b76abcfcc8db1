import { brierGap } from './retrain-policy';

/**
 * Weekly health checks on a run. An alert is raised when a measure crosses its threshold
 * (not on every week it stays beyond it), so the timeline marks the moments something changed.
 */
export interface MonitoringThresholds {
  /** Rolling model Brier minus market Brier above which the model is flagged. */
  readonly brierGap: number;
  /** Number of most recent matches the rolling Brier comparison uses. */
  readonly windowMatches: number;
  /** Drawdown from the running peak (fraction) above which the bankroll is flagged. */
  readonly drawdown: number;
}

export interface MonitoringState {
  readonly modelBehindMarket: boolean;
  readonly inDrawdown: boolean;
}

export interface MonitoringInput {
  readonly week: number;
  /** Every per-match Brier of the run's active model so far, oldest first (this week included). */
  readonly modelBriers: readonly number[];
  readonly marketBriers: readonly (number | null)[];
  /** Current drawdown from the running peak, 0..1. */
  readonly drawdown: number;
}

export interface Alert {
  readonly week: number;
  readonly kind: 'model-worse-than-market' | 'drawdown';
  readonly message: string;
}

export const INITIAL_MONITORING_STATE: MonitoringState = { modelBehindMarket: false, inDrawdown: false };

export function monitorWeek(
  input: MonitoringInput,
  previous: MonitoringState,
  thresholds: MonitoringThresholds,
): { state: MonitoringState; alerts: Alert[] } {
  const alerts: Alert[] = [];
  const window = Math.max(1, thresholds.windowMatches);
  const recent = brierGap(input.modelBriers.slice(-window), input.marketBriers.slice(-window));
  const modelBehindMarket = recent !== null && recent.matches >= window && recent.gap > thresholds.brierGap;
  if (modelBehindMarket && !previous.modelBehindMarket && recent !== null) {
    alerts.push({
      week: input.week,
      kind: 'model-worse-than-market',
      message: `Model Brier is ${recent.gap.toFixed(4)} worse than the market over the last ${recent.matches} matches (threshold ${thresholds.brierGap}).`,
    });
  }
  const inDrawdown = input.drawdown > thresholds.drawdown;
  if (inDrawdown && !previous.inDrawdown) {
    alerts.push({
      week: input.week,
      kind: 'drawdown',
      message: `Bankroll is ${(input.drawdown * 100).toFixed(1)}% below its peak (threshold ${(thresholds.drawdown * 100).toFixed(0)}%).`,
    });
  }
  return { state: { modelBehindMarket, inDrawdown }, alerts };
}
