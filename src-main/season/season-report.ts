import type { LedgerDatabase } from '../ledger/ledger-database';
import {
  lastPlayedWeek,
  readAlerts,
  readBets,
  readPerformance,
  readPredictions,
  readRunModels,
  type BetRow,
  type PredictionRow,
  type RunRow,
  type WeekPerformanceRow,
} from '../ledger/run-repository';
import type { Match } from '../domain/football/match';
import type { Triple } from '../domain/football/outcome';
import { describeRejection } from '../domain/betting/value-bets';
import { brierScore, logLoss, rankedProbabilityScore } from '../domain/evaluation/scoring-rules';
import { calibrationTable } from '../domain/evaluation/calibration-table';
import { pairedBootstrap } from '../domain/evaluation/paired-bootstrap';
import { summarisePerformance } from '../domain/evaluation/performance-metrics';
import { judgeEdge } from '../domain/evaluation/verdict';
import { expectedBankrollBand } from '../domain/season/expected-bankroll-band';
import { runSettingsSchema, type RunSettings } from './run-settings';
import { stakingConfigOf } from './run-config-mapping';
import type {
  AlertView,
  BankrollPoint,
  BetCandidateView,
  DashboardView,
  MatchView,
  RejectionCode,
  RetrainView,
  RunSummary,
  ScoreComparison,
  WeeklyPerformanceRow,
  WeekView,
} from './season-views';

/** Reads a run back from the ledger into the views the UI and the CLI report show. Nothing is recomputed but summaries. */

const BAND_PATHS = 2000;
const BOOTSTRAP_RESAMPLES = 2000;
/** A path counts as ruined once it has lost half the starting bankroll. */
const RUIN_FRACTION = 0.5;

export function settingsOf(run: RunRow): RunSettings {
  return runSettingsSchema.parse(JSON.parse(run.settingsJson));
}

export function runSummaryOf(db: LedgerDatabase, run: RunRow): RunSummary {
  const performance = readPerformance(db, run.id);
  const weeksPlayed = performance.length;
  const stakedCents = sum(performance.map((p) => p.stakedCents));
  const profitCents = sum(performance.map((p) => p.profitCents));
  return {
    id: run.id,
    name: run.name,
    createdAt: run.createdAt,
    settings: settingsOf(run),
    status: weeksPlayed === 0 ? 'new' : weeksPlayed >= run.weekCount ? 'finished' : 'in-progress',
    weeksPlayed,
    weekCount: run.weekCount,
    startingBankrollCents: run.startingBankrollCents,
    bankrollCents: performance.at(-1)?.bankrollEndCents ?? run.startingBankrollCents,
    profitCents,
    stakedCents,
    roi: stakedCents > 0 ? profitCents / stakedCents : null,
    bets: sum(performance.map((p) => p.betsPlaced)),
    dataFingerprint: run.dataFingerprint,
  };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : sum(xs) / xs.length;
}

function clvOf(bet: Pick<BetRow, 'decimalOdds' | 'closingFairProbability'>): number | null {
  return bet.closingFairProbability === null ? null : bet.decimalOdds * bet.closingFairProbability - 1;
}

function weeklyRows(performance: readonly WeekPerformanceRow[], bets: readonly BetRow[], startingBankrollCents: number): WeeklyPerformanceRow[] {
  let peak = startingBankrollCents;
  let modelBrierSum = 0;
  let marketBrierSum = 0;
  let matches = 0;
  let pricedWeeks = true;
  return performance.map((p) => {
    peak = Math.max(peak, p.bankrollEndCents);
    modelBrierSum += p.modelBrier * p.matches;
    matches += p.matches;
    if (p.marketBrier === null) pricedWeeks = false;
    else marketBrierSum += p.marketBrier * p.matches;
    const clvs = bets.filter((b) => b.week === p.week && b.placed).flatMap((b) => {
      const clv = clvOf(b);
      return clv === null ? [] : [clv];
    });
    return {
      week: p.week,
      weekStart: p.weekStart,
      weekEnd: p.weekEnd,
      matches: p.matches,
      valueBetsFound: p.valueBetsFound,
      betsPlaced: p.betsPlaced,
      wins: p.wins,
      stakedCents: p.stakedCents,
      profitCents: p.profitCents,
      roi: p.stakedCents > 0 ? p.profitCents / p.stakedCents : null,
      bankrollStartCents: p.bankrollStartCents,
      bankrollEndCents: p.bankrollEndCents,
      modelBrier: p.modelBrier,
      marketBrier: p.marketBrier,
      cumulativeModelBrier: modelBrierSum / matches,
      cumulativeMarketBrier: pricedWeeks ? marketBrierSum / matches : null,
      drawdown: peak === 0 ? 0 : (peak - p.bankrollEndCents) / peak,
      meanClv: mean(clvs),
      modelVersion: p.modelVersion,
    };
  });
}

function matchViewOf(match: Match, prediction: PredictionRow | undefined, decimalOdds: Triple | null): MatchView {
  return {
    matchId: match.id,
    date: match.date,
    kickoff: match.kickoff,
    homeTeam: match.homeTeam,
    awayTeam: match.awayTeam,
    decimalOdds,
    modelProbabilities: prediction?.probabilities ?? [Number.NaN, Number.NaN, Number.NaN],
    marketProbabilities: prediction?.marketProbabilities ?? null,
    result: match.result,
    homeGoals: match.homeGoals,
    awayGoals: match.awayGoals,
  };
}

function candidateViewOf(bet: BetRow, settings: RunSettings): BetCandidateView {
  const rejection = bet.rejection as RejectionCode | null;
  return {
    matchId: bet.matchId,
    outcome: bet.outcome,
    decimalOdds: bet.decimalOdds,
    modelProbability: bet.modelProbability,
    marketProbability: bet.marketProbability,
    edge: bet.edge,
    fullKelly: bet.fullKelly,
    appliedKelly: bet.appliedKelly,
    stakeCents: bet.stakeCents,
    placed: bet.placed,
    rejection,
    rejectionText: rejection === null ? null : describeRejection(rejection, { edge: bet.edge, decimalOdds: bet.decimalOdds, staking: stakingConfigOf(settings) }),
    robustAcrossMethods: bet.robust,
    won: bet.won,
    profitCents: bet.placed ? bet.profitCents : null,
    closingOdds: bet.closingOdds,
    closingLineValue: clvOf(bet),
  };
}

function retrainViews(db: LedgerDatabase, runId: string): RetrainView[] {
  const models = readRunModels(db, runId);
  const predictions = readPredictions(db, runId);
  return models.map((m) => {
    // The challenger is model m; the champion it replaced keeps pricing (role 'champion') until the next refit.
    const championRows = predictions.filter((p) => p.role === 'champion' && p.modelVersion === m.version - 1);
    const weeks = new Set(championRows.map((p) => p.week));
    const challengerRows = predictions.filter((p) => p.role === 'active' && p.modelVersion === m.version && weeks.has(p.week));
    return {
      week: m.fittedBeforeWeek,
      reason: m.reason,
      modelVersion: m.version,
      challengerBrier: mean(challengerRows.map((p) => p.brier)),
      championBrier: mean(championRows.map((p) => p.brier)),
      matchesCompared: championRows.length,
    };
  });
}

export function weekViewOf(db: LedgerDatabase, run: RunRow, matchesById: ReadonlyMap<string, Match>, week: number): WeekView {
  const played = lastPlayedWeek(db, run.id);
  if (!Number.isInteger(week) || week < 1 || week > played) {
    throw new Error(`Run "${run.name}" has played weeks 1 to ${played}; week ${week} is not in the ledger`);
  }
  const settings = settingsOf(run);
  const allPerformance = readPerformance(db, run.id);
  const bets = readBets(db, run.id);
  const row = weeklyRows(allPerformance, bets, run.startingBankrollCents)[week - 1]!;
  const predictions = readPredictions(db, run.id, { week, role: 'active' });
  const matches = predictions.map((p) => {
    const match = matchesById.get(p.matchId);
    if (!match) throw new Error(`Match ${p.matchId} of run "${run.name}" is no longer in the matches table`);
    return matchViewOf(match, p, match.odds[settings.priceSource] ?? null);
  });
  const retrain = retrainViews(db, run.id).find((r) => r.week === week) ?? null;
  return {
    runId: run.id,
    week,
    weekCount: run.weekCount,
    performance: row,
    matches,
    candidates: bets.filter((b) => b.week === week).map((b) => candidateViewOf(b, settings)),
    alerts: readAlerts(db, run.id, week).map(alertViewOf),
    retrain,
  };
}

function alertViewOf(a: { week: number; kind: string; message: string }): AlertView {
  return { week: a.week, kind: a.kind as AlertView['kind'], message: a.message };
}

function scoreComparisonOf(predictions: readonly PredictionRow[], matchesById: ReadonlyMap<string, Match>, seed: number): ScoreComparison {
  const results = predictions.map((p) => matchesById.get(p.matchId)!.result);
  const forecasts = predictions.map((p) => p.probabilities);
  const priced = predictions.map((p, i) => ({ p, result: results[i]! })).filter((x) => x.p.marketProbabilities !== null);
  const allPriced = priced.length === predictions.length && predictions.length > 0;
  const market = priced.map((x) => x.p.marketProbabilities!);
  return {
    matches: predictions.length,
    modelBrier: predictions.length ? brierScore(forecasts, results) : 0,
    marketBrier: allPriced ? brierScore(market, results) : null,
    modelRps: predictions.length ? rankedProbabilityScore(forecasts, results) : 0,
    marketRps: allPriced ? rankedProbabilityScore(market, results) : null,
    modelLogLoss: predictions.length ? logLoss(forecasts, results) : 0,
    brierDifference:
      priced.length >= 2
        ? (() => {
            const r = pairedBootstrap(priced.map((x) => x.p.brier), priced.map((x) => x.p.marketBrier!), { resamples: BOOTSTRAP_RESAMPLES, seed, level: 0.95 });
            return { mean: r.meanDifference, lower: r.lower, upper: r.upper, significant: r.significant };
          })()
        : null,
  };
}

export function dashboardOf(db: LedgerDatabase, run: RunRow, matchesById: ReadonlyMap<string, Match>): DashboardView {
  const settings = settingsOf(run);
  const performance = readPerformance(db, run.id);
  const bets = readBets(db, run.id);
  const placed = bets.filter((b) => b.placed);
  const predictions = readPredictions(db, run.id, { role: 'active' });
  const weeks = weeklyRows(performance, bets, run.startingBankrollCents);
  const predictionByMatch = new Map(predictions.map((p) => [p.matchId, p]));

  const band = expectedBankrollBand(
    performance.map((p) => {
      const weekBets = placed.filter((b) => b.week === p.week);
      const matchIds = [...new Set(weekBets.map((b) => b.matchId))];
      return {
        week: p.week,
        matches: matchIds.map((id) => ({
          modelProbabilities: predictionByMatch.get(id)!.probabilities,
          bets: weekBets
            .filter((b) => b.matchId === id)
            .map((b) => ({ outcome: b.outcome, stakeFraction: b.stakeCents / p.bankrollStartCents, decimalOdds: b.decimalOdds })),
        })),
      };
    }),
    run.startingBankrollCents,
    { paths: BAND_PATHS, seed: settings.seed, ruinFraction: RUIN_FRACTION },
  );

  let peakCents = run.startingBankrollCents;
  const bankroll: BankrollPoint[] = weeks.map((w, i) => ({
    week: w.week,
    bankrollCents: w.bankrollEndCents,
    peakCents: (peakCents = Math.max(peakCents, w.bankrollEndCents)),
    drawdown: w.drawdown,
    expectedP05Cents: band.points[i]!.p05Cents,
    expectedP50Cents: band.points[i]!.p50Cents,
    expectedP95Cents: band.points[i]!.p95Cents,
    staticModelBankrollCents: performance[i]!.staticBankrollEndCents,
  }));

  const metrics = summarisePerformance({
    startingBankrollCents: run.startingBankrollCents,
    bets: placed.map((b) => ({
      week: b.week,
      stakeCents: b.stakeCents,
      decimalOdds: b.decimalOdds,
      won: b.won === true,
      profitCents: b.profitCents,
      closingFairProbability: b.closingFairProbability,
    })),
    bankrollHistory: performance.map((p) => ({ week: p.week, bankrollCents: p.bankrollEndCents })),
    valueBetsFound: sum(performance.map((p) => p.valueBetsFound)),
    weeksInSeason: run.weekCount,
    bootstrap: { resamples: BOOTSTRAP_RESAMPLES, seed: settings.seed, level: 0.95 },
  });

  const results = predictions.map((p) => matchesById.get(p.matchId)!.result);
  const calibration = calibrationTable(predictions.map((p) => p.probabilities), results, 10);
  const scores = scoreComparisonOf(predictions, matchesById, settings.seed);
  const last = bankroll.at(-1);

  return {
    run: runSummaryOf(db, run),
    verdict: judgeEdge({
      matches: scores.matches,
      bets: metrics.bets,
      brierDifference: scores.brierDifference,
      clv: metrics.clv,
      roi: metrics.roi,
      roiInterval: metrics.roiInterval,
      bankroll: last === undefined ? null : { finalCents: last.bankrollCents, p05Cents: last.expectedP05Cents, p50Cents: last.expectedP50Cents, p95Cents: last.expectedP95Cents },
    }),
    kpis: {
      bankrollCents: metrics.endingBankrollCents,
      startingBankrollCents: run.startingBankrollCents,
      growth: metrics.bankrollGrowth,
      profitCents: metrics.profitCents,
      stakedCents: metrics.stakedCents,
      roi: metrics.roi,
      roiInterval: metrics.roiInterval,
      bets: metrics.bets,
      wins: metrics.wins,
      winRate: metrics.winRate,
      averageOdds: metrics.averageOdds,
      valueBetsFound: metrics.valueBetsFound,
      valueBetsPlaced: metrics.valueBetsPlaced,
      maxDrawdown: metrics.maxDrawdown,
      maxDrawdownCents: metrics.maxDrawdownCents,
      longestLosingStreak: metrics.longestLosingStreak,
      sharpe: metrics.sharpe,
      clv: metrics.clv,
      riskOfRuin: performance.length ? band.riskOfRuin : null,
    },
    scores,
    weeks,
    bankroll,
    calibration: calibration.find((c) => c.outcome === 'pooled')?.bins ?? [],
    alerts: readAlerts(db, run.id).map(alertViewOf),
    retrains: retrainViews(db, run.id),
  };
}

