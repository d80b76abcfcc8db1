import type { Outcome, Triple } from '../domain/football/outcome';
import type { RunSettings } from './run-settings';
import type { CalibrationBin } from '../domain/evaluation/calibration-table';
import type { RejectionCode } from '../domain/betting/value-bets';
import type { PerformanceSummary } from '../domain/evaluation/performance-metrics';
import type { Verdict } from '../domain/evaluation/verdict';

/**
 * What the renderer sees of a run. These are plain JSON values: they cross the IPC boundary
 * (Electron or HTTP) unchanged. Money is integer cents; ratios are plain fractions (0.05 = 5%).
 */

export type RunStatus = 'new' | 'in-progress' | 'finished';

export interface RunSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly settings: RunSettings;
  readonly status: RunStatus;
  readonly weeksPlayed: number;
  readonly weekCount: number;
  readonly startingBankrollCents: number;
  readonly bankrollCents: number;
  readonly profitCents: number;
  readonly stakedCents: number;
  readonly roi: number | null;
  readonly bets: number;
  /** sha256 over the matches the run uses (training seasons and holdout), so a result can be tied to its data. */
  readonly dataFingerprint: string;
}

/** Why a candidate was not bet (the betting core's codes); `rejectionText` says it in words. */
export type { RejectionCode } from '../domain/betting/value-bets';

export interface BetCandidateView {
  readonly matchId: string;
  readonly outcome: Outcome;
  readonly decimalOdds: number;
  readonly modelProbability: number;
  readonly marketProbability: number;
  readonly edge: number;
  readonly fullKelly: number;
  readonly appliedKelly: number;
  readonly stakeCents: number;
  readonly placed: boolean;
  readonly rejection: RejectionCode | null;
  /** A sentence the UI can show as is ("Edge 1.2% is below the 3.0% threshold"). */
  readonly rejectionText: string | null;
  /** Still positive expected value under every margin-removal method. */
  readonly robustAcrossMethods: boolean;
  /** Filled once the week is settled. */
  readonly won: boolean | null;
  readonly profitCents: number | null;
  readonly closingOdds: number | null;
  readonly closingLineValue: number | null;
}

export interface MatchView {
  readonly matchId: string;
  readonly date: string;
  readonly kickoff: string | null;
  readonly homeTeam: string;
  readonly awayTeam: string;
  readonly decimalOdds: Triple | null;
  readonly modelProbabilities: Triple;
  readonly marketProbabilities: Triple | null;
  readonly result: Outcome;
  readonly homeGoals: number;
  readonly awayGoals: number;
}

export interface AlertView {
  readonly week: number;
  readonly kind: 'model-worse-than-market' | 'drawdown' | 'roi';
  readonly message: string;
}

export interface RetrainView {
  readonly week: number;
  readonly reason: 'scheduled' | 'degradation' | 'initial';
  readonly modelVersion: number;
  /** Brier of the new model and of the one it replaced on the matches played since (null until measured). */
  readonly challengerBrier: number | null;
  readonly championBrier: number | null;
  readonly matchesCompared: number;
}

export interface WeeklyPerformanceRow {
  readonly week: number;
  readonly weekStart: string;
  readonly weekEnd: string;
  readonly matches: number;
  readonly valueBetsFound: number;
  readonly betsPlaced: number;
  readonly wins: number;
  readonly stakedCents: number;
  readonly profitCents: number;
  /** That week's profit / staked; null when nothing was staked. */
  readonly roi: number | null;
  readonly bankrollStartCents: number;
  readonly bankrollEndCents: number;
  readonly modelBrier: number;
  readonly marketBrier: number | null;
  readonly cumulativeModelBrier: number;
  readonly cumulativeMarketBrier: number | null;
  readonly drawdown: number;
  readonly meanClv: number | null;
  readonly modelVersion: number;
}

export interface WeekView {
  readonly runId: string;
  readonly week: number;
  readonly weekCount: number;
  readonly performance: WeeklyPerformanceRow;
  readonly matches: readonly MatchView[];
  readonly candidates: readonly BetCandidateView[];
  readonly alerts: readonly AlertView[];
  readonly retrain: RetrainView | null;
}

export interface BankrollPoint {
  readonly week: number;
  readonly bankrollCents: number;
  readonly peakCents: number;
  readonly drawdown: number;
  /** Monte Carlo band of where the bankroll should be if the model's probabilities were right. */
  readonly expectedP05Cents: number;
  readonly expectedP50Cents: number;
  readonly expectedP95Cents: number;
  /** Bankroll of the same run with the initial model never retrained (null when not computed). */
  readonly staticModelBankrollCents: number | null;
}

/** Reliability bins pooled over H, D and A (mean forecast and frequency are null for an empty bin). */
export type { CalibrationBin } from '../domain/evaluation/calibration-table';

export interface ScoreComparison {
  readonly matches: number;
  readonly modelBrier: number;
  readonly marketBrier: number | null;
  readonly modelRps: number;
  readonly marketRps: number | null;
  readonly modelLogLoss: number;
  /** Paired bootstrap over matches of model Brier - market Brier (negative = model better). */
  readonly brierDifference: { readonly mean: number; readonly lower: number; readonly upper: number; readonly significant: boolean } | null;
}

/**
 * The dashboard's headline numbers: the betting core's performance summary (same names, same
 * definitions) plus the bankroll and the model's risk of ruin.
 */
export type DashboardKpis = Pick<
  PerformanceSummary,
  | 'profitCents'
  | 'stakedCents'
  | 'roi'
  | 'roiInterval'
  | 'bets'
  | 'wins'
  | 'winRate'
  | 'averageOdds'
  | 'valueBetsFound'
  | 'valueBetsPlaced'
  | 'maxDrawdown'
  | 'maxDrawdownCents'
  | 'longestLosingStreak'
  | 'sharpe'
  /** null when the season has no closing odds: unavailable, not zero. */
  | 'clv'
> & {
  readonly bankrollCents: number;
  readonly startingBankrollCents: number;
  readonly growth: number;
  /** Share of the model's own Monte Carlo paths that lose half the starting bankroll; null before any week. */
  readonly riskOfRuin: number | null;
};

export interface DashboardView {
  readonly run: RunSummary;
  /** The headline: does the run show an edge over the market, and the figures that say so. */
  readonly verdict: Verdict;
  readonly kpis: DashboardKpis;
  readonly scores: ScoreComparison;
  readonly weeks: readonly WeeklyPerformanceRow[];
  readonly bankroll: readonly BankrollPoint[];
  readonly calibration: readonly CalibrationBin[];
  readonly alerts: readonly AlertView[];
  readonly retrains: readonly RetrainView[];
}
