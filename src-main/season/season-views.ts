import type { Outcome, Triple } from '../domain/football/outcome';
import type { Alert } from '../domain/season/monitoring';
import type { WeekPerformance } from '../domain/season/play-week';
import type { PlacedBet, RejectedCandidate, SettledBet } from '../domain/season/week-bet';
import type { RunSettings } from './run-settings';
import type { CalibrationBin } from '../domain/evaluation/calibration-table';
import type { PerformanceSummary } from '../domain/evaluation/performance-metrics';
import type { ProvenanceLabel } from '../external-model/external-model-settings';
import type { Verdict } from '../domain/evaluation/verdict';

/**
 * What the renderer sees of a run. These are plain JSON values: they cross the IPC boundary
 * (Electron or HTTP) unchanged. Money is integer cents; ratios are plain fractions (0.05 = 5%).
 */

export type RunStatus = 'new' | 'in-progress' | 'finished';

/** Where a live run stands in the season it follows (docs/live-season.md); a replay has none. */
export interface LiveRunStatus {
  readonly div: string;
  readonly season: string;
  /** The week priced and staked, waiting for its results; null until the fixtures list has a week after the last settled one. */
  readonly openWeek: { readonly week: number; readonly weekStart: string } | null;
}

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
  /** Present only when the results need a label: "market-informed", "look-ahead not verifiable". */
  readonly provenance?: readonly ProvenanceLabel[];
  /** Present only when the run is not priced by a built-in model: "external: NAME", "imported: FILE". */
  readonly modelSource?: string;
  /** Present only on a live run: it is played by This week → Refresh, never stepped. */
  readonly live?: LiveRunStatus;
}

/** Why a candidate was not bet (the betting core's codes); `rejectionText` says it in words. */
export type { RejectionCode } from '../domain/betting/value-bets';

export type { Book, PlacedBet, RejectedCandidate, SettledBet, WeekBet } from '../domain/season/week-bet';

/**
 * A candidate of the week as the UI shows it: the ledger's bet (rejected, placed or settled)
 * with its rejection said in words and its closing-line value.
 */
export type BetCandidateView =
  | (RejectedCandidate & { readonly rejectionText: string; readonly closingLineValue: number | null })
  | (PlacedBet & { readonly closingLineValue: number | null })
  | (SettledBet & { readonly closingLineValue: number | null });

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

/** An alert as monitoring raised it. */
export type AlertView = Alert;

export interface RetrainView {
  readonly week: number;
  readonly reason: 'scheduled' | 'degradation' | 'initial';
  readonly modelVersion: number;
  /** Brier of the new model and of the one it replaced on the matches played since (null until measured). */
  readonly challengerBrier: number | null;
  readonly championBrier: number | null;
  readonly matchesCompared: number;
}

/** A played week as the weekly table shows it: the ledger's row plus what is derived from the run so far. */
export interface WeeklyPerformanceRow extends Omit<WeekPerformance, 'staticBankrollEndCents' | 'modelRps' | 'marketRps' | 'modelBehindMarket' | 'inDrawdown'> {
  /** That week's profit / staked; null when nothing was staked. */
  readonly roi: number | null;
  readonly cumulativeModelBrier: number;
  readonly cumulativeMarketBrier: number | null;
  readonly drawdown: number;
  readonly meanClv: number | null;
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
  | 'breakEvenWinRate'
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

/** The run's strategy as every view shows it: what its bet probabilities are and what its price assumes. */
export interface StrategyView {
  readonly name: string;
  /** True when the bet probabilities read prices; they are then labelled market-informed. */
  readonly marketInformed: boolean;
  /** "model", or "market-informed: ..." saying which market. */
  readonly probabilities: string;
  /** The price bets are struck at and what it assumes (the best price assumes accounts at every book). */
  readonly price: string;
  /** The staking: Kelly multiplier or flat fraction, and the calibration error Kelly shrinks by, when it does. */
  readonly staking: string;
  /** Which close closing-line value is measured against. */
  readonly closeForClv: string;
}

/** Risk figures that do not flatter (docs/betting.md "Risk figures in the reports"); each labelled companion sits beside its honest figure. */
export interface RiskView {
  /** Weekly Sharpe on log returns (DESIGN.md); the arithmetic version is the labelled companion. */
  readonly sharpe: { readonly logReturn: number | null; readonly arithmetic: number | null };
  /** Max drawdown over the bankroll after every settled bet in kick-off order; the weekly-close figure beside it. */
  readonly maxDrawdown: { readonly betByBet: number; readonly betByBetCents: number; readonly weeklyClose: number };
  /** Most consecutive lost bets in kick-off order. */
  readonly longestLosingRun: number;
  /** 95% ROI intervals: bets resampled, and whole betting weeks resampled (bets of a week are not independent). */
  readonly roiIntervals: {
    readonly resamples: number;
    readonly bets: readonly [number, number] | null;
    readonly weekBlocks: { readonly lower: number; readonly upper: number; readonly weeks: number } | null;
  };
  /** At the observed ROI and spread: the one-sided p-value, and the bets a 95% test would need to confirm the edge (null when ROI <= 0). */
  readonly edge: { readonly pValue: number; readonly zScore: number; readonly betsNeeded: number | null } | null;
  /** Risk of ruin (half the bankroll lost) with results drawn from the strategy's own probabilities, and from the market's fair close ("if the market is right"). */
  readonly riskOfRuin: { readonly own: number | null; readonly marketFairClose: number | null };
  /** The final bankroll's 5-50-95% band under the market's fair close; null without closing prices. */
  readonly fairCloseBandEnd: { readonly p05Cents: number; readonly p50Cents: number; readonly p95Cents: number } | null;
}

/** Does the model carry information the market lacks? The encompassing regression on the run's matches. */
export interface EncompassingView {
  readonly matches: number;
  /** null when the regression cannot be fitted (the verdict says why). */
  readonly modelSlope: { readonly estimate: number; readonly lower: number; readonly upper: number } | null;
  readonly marketSlope: { readonly estimate: number; readonly lower: number; readonly upper: number } | null;
  readonly modelAddsInformation: boolean;
  /** One sentence; also says why when the test cannot be run. */
  readonly verdict: string;
}

/** The run's place in the search log of its season, and its edge's significance deflated for every configuration tried there. */
export interface SearchView {
  /** "configuration k of n tried on this season" (this ledger's search log). */
  readonly configuration: number;
  readonly of: number;
  /** One-sided p-value of ROI > 0 at the observed ROI and spread; null without two staked bets. */
  readonly pValue: number | null;
  /** Šidák-deflated for n tries: 1 − (1 − p)^n. */
  readonly deflatedPValue: number | null;
  readonly sentence: string;
}

export interface DashboardView {
  readonly run: RunSummary;
  /** The headline: does the run show an edge over the market, and the figures that say so. */
  readonly verdict: Verdict;
  /** null when the ledger has no search-log entry for the run (a run created before the log existed). */
  readonly search: SearchView | null;
  readonly strategy: StrategyView;
  readonly risk: RiskView;
  readonly encompassing: EncompassingView | null;
  readonly kpis: DashboardKpis;
  readonly scores: ScoreComparison;
  readonly weeks: readonly WeeklyPerformanceRow[];
  readonly bankroll: readonly BankrollPoint[];
  readonly calibration: readonly CalibrationBin[];
  readonly alerts: readonly AlertView[];
  readonly retrains: readonly RetrainView[];
}
