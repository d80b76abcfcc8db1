import type { Match } from '../domain/football/match';
import type { Triple } from '../domain/football/outcome';
import { describeRejection } from '../domain/betting/value-bets';
import { describePriceSource, priceOf } from '../domain/betting/price-source';
import { isMarketInformed, probabilityLabelOf } from '../domain/betting/strategy';
import { strategyOf } from './strategy-settings';
import { stakingLabelOf } from './staking-label';
import { brierScore, logLoss, rankedProbabilityScore } from '../domain/evaluation/scoring-rules';
import { calibrationTable } from '../domain/evaluation/calibration-table';
import { pairedBootstrap } from '../domain/evaluation/paired-bootstrap';
import { closingLineValueOf, drawdownFraction, roiOf, summarisePerformance } from '../domain/evaluation/performance-metrics';
import { judgeEdge } from '../domain/evaluation/verdict';
import { expectedBankrollBand, type BandWeek } from '../domain/season/expected-bankroll-band';
import { betByBetMaxDrawdown, betsToConfirmEdge, deflatedSignificance, longestLosingRun, weekBlockBootstrapRoi, weeklySharpeRatios, type TimedBet } from '../domain/evaluation/risk-figures';
import { testForecastEncompassing, type SlopeEstimate } from '../domain/evaluation/forecast-encompassing';
import { fairClose } from '../domain/betting/market-consensus';
import { strategyProbabilities } from '../domain/betting/strategy-inputs';
import type { Prediction } from '../domain/season/play-week';
import type { RunHistory } from '../domain/season/run-history';
import { isSettled, isStaked, type WeekBet } from '../domain/season/week-bet';
import type { RunRow } from '../ledger/run-repository';
import type { RunSettings } from './run-settings';
import { modelLabelOf, provenanceOf } from '../external-model/external-model-settings';
import { stakingConfigOf } from './run-config-mapping';
import type {
  BankrollPoint,
  BetCandidateView,
  DashboardView,
  MatchView,
  RetrainView,
  RunSummary,
  ScoreComparison,
  EncompassingView,
  RiskView,
  SearchView,
  StrategyView,
  WeeklyPerformanceRow,
  WeekView,
} from './season-views';

/**
 * The views the UI and the CLI report show, as pure projections of a run's history (read from
 * the ledger in one place, readRunHistory). Every figure comes from domain/evaluation; nothing
 * here recomputes the bankroll path, which is the ledger's bankroll_history.
 */

const BAND_PATHS = 2000;
/** At least 10,000 resamples for every bootstrap interval shown (issue 12): fewer leave visible Monte Carlo noise in the interval ends. */
const BOOTSTRAP_RESAMPLES = 10_000;
/** A path counts as ruined once it has lost half the starting bankroll. */
const RUIN_FRACTION = 0.5;

export function runSummaryOf(run: RunRow, history: Pick<RunHistory, 'weeks'>): RunSummary {
  const performance = history.weeks;
  const weeksPlayed = performance.length;
  const stakedCents = sum(performance.map((p) => p.stakedCents));
  const profitCents = sum(performance.map((p) => p.profitCents));
  const provenance = provenanceOf(run.settings);
  const modelSource = modelLabelOf(run.settings);
  return {
    id: run.id,
    name: run.name,
    createdAt: run.createdAt,
    settings: run.settings,
    status: weeksPlayed === 0 ? 'new' : weeksPlayed >= run.weekCount ? 'finished' : 'in-progress',
    weeksPlayed,
    weekCount: run.weekCount,
    startingBankrollCents: run.startingBankrollCents,
    bankrollCents: performance.at(-1)?.bankrollEndCents ?? run.startingBankrollCents,
    profitCents,
    stakedCents,
    roi: roiOf(profitCents, stakedCents),
    bets: sum(performance.map((p) => p.betsPlaced)),
    dataFingerprint: run.dataFingerprint,
    ...(provenance.length > 0 ? { provenance } : {}),
    ...(modelSource !== run.settings.modelKind ? { modelSource } : {}),
  };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : sum(xs) / xs.length;
}

function weeklyRows(history: RunHistory): WeeklyPerformanceRow[] {
  let modelBrierSum = 0;
  let marketBrierSum = 0;
  let matches = 0;
  let pricedWeeks = true;
  return history.weeks.map((p, i) => {
    modelBrierSum += p.modelBrier * p.matches;
    matches += p.matches;
    if (p.marketBrier === null) pricedWeeks = false;
    else marketBrierSum += p.marketBrier * p.matches;
    const bankroll = history.bankroll[i]!;
    const clvs = history.bets.filter((b) => b.week === p.week && isStaked(b)).flatMap((b) => {
      const clv = closingLineValueOf(b);
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
      roi: roiOf(p.profitCents, p.stakedCents),
      bankrollStartCents: p.bankrollStartCents,
      bankrollEndCents: p.bankrollEndCents,
      modelBrier: p.modelBrier,
      marketBrier: p.marketBrier,
      cumulativeModelBrier: modelBrierSum / matches,
      cumulativeMarketBrier: pricedWeeks ? marketBrierSum / matches : null,
      drawdown: drawdownFraction(bankroll.peakCents, bankroll.bankrollCents),
      meanClv: mean(clvs),
      modelVersion: p.modelVersion,
    };
  });
}

function matchViewOf(match: Match, prediction: Prediction | undefined, decimalOdds: Triple | null): MatchView {
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

function candidateViewOf(bet: WeekBet, settings: RunSettings): BetCandidateView {
  const closingLineValue = closingLineValueOf(bet);
  if (bet.status !== 'rejected') return { ...bet, closingLineValue };
  const rejectionText = describeRejection(bet.rejection, { edge: bet.edge, decimalOdds: bet.decimalOdds, staking: stakingConfigOf(settings) });
  return { ...bet, rejectionText, closingLineValue };
}

function retrainViews({ models, predictions }: RunHistory): RetrainView[] {
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

/**
 * One week as the playback screen shows it. Reads the history's bets and predictions of `week`
 * and later only (a retrain's comparison runs over the weeks after it), so a history read with
 * `fromWeek: week` gives the same view as the whole one.
 */
export function weekViewOf(run: RunRow, history: RunHistory, matchesById: ReadonlyMap<string, Match>, week: number): WeekView {
  const played = history.weeks.length;
  if (!Number.isInteger(week) || week < 1 || week > played) {
    throw new Error(`Run "${run.name}" has played weeks 1 to ${played}; week ${week} is not in the ledger`);
  }
  const row = weeklyRows(history)[week - 1]!;
  const matches = history.predictions
    .filter((p) => p.week === week && p.role === 'active')
    .map((p) => {
      const match = matchesById.get(p.matchId);
      if (!match) throw new Error(`Match ${p.matchId} of run "${run.name}" is no longer in the matches table`);
      return matchViewOf(match, p, priceOf(match, run.settings.priceSource));
    });
  return {
    runId: run.id,
    week,
    weekCount: run.weekCount,
    performance: row,
    matches,
    candidates: history.bets.filter((b) => b.week === week).map((b) => candidateViewOf(b, run.settings)),
    alerts: history.alerts.filter((a) => a.week === week),
    retrain: retrainViews(history).find((r) => r.week === week) ?? null,
  };
}

function scoreComparisonOf(predictions: readonly Prediction[], matchesById: ReadonlyMap<string, Match>, seed: number): ScoreComparison {
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

function riskViewOf(
  run: RunRow,
  history: RunHistory,
  matchesById: ReadonlyMap<string, Match>,
  betsInterval: readonly [number, number] | null,
  weeklyCloseDrawdown: number,
  ownRuin: number,
  fairCloseBand: { points: readonly { p05Cents: number; p50Cents: number; p95Cents: number }[]; riskOfRuin: number } | null,
): RiskView {
  const timed: TimedBet[] = history.bets.filter(isSettled).map((b) => {
    const match = matchesById.get(b.matchId)!;
    return { week: b.week, date: match.date, kickoff: match.kickoff, matchId: b.matchId, stakeCents: b.stakeCents, profitCents: b.profitCents, won: b.won };
  });
  const bootstrap = { resamples: BOOTSTRAP_RESAMPLES, seed: run.settings.seed, level: 0.95 };
  const drawdown = betByBetMaxDrawdown(run.startingBankrollCents, timed);
  const confirmation = betsToConfirmEdge(timed);
  const weekBlocks = weekBlockBootstrapRoi(timed, bootstrap);
  const end = fairCloseBand?.points.at(-1);
  return {
    sharpe: weeklySharpeRatios(run.startingBankrollCents, history.bankroll, run.weekCount),
    maxDrawdown: { betByBet: drawdown.fraction, betByBetCents: drawdown.cents, weeklyClose: weeklyCloseDrawdown },
    longestLosingRun: longestLosingRun(timed),
    roiIntervals: { resamples: BOOTSTRAP_RESAMPLES, bets: betsInterval, weekBlocks: weekBlocks && { lower: weekBlocks.lower, upper: weekBlocks.upper, weeks: weekBlocks.weeks } },
    edge: confirmation && { pValue: confirmation.pValue, zScore: confirmation.zScore, betsNeeded: confirmation.betsNeeded },
    riskOfRuin: { own: history.weeks.length ? ownRuin : null, marketFairClose: fairCloseBand?.riskOfRuin ?? null },
    fairCloseBandEnd: end ? { p05Cents: end.p05Cents, p50Cents: end.p50Cents, p95Cents: end.p95Cents } : null,
  };
}

export function searchViewOf(position: { readonly configuration: number; readonly of: number }, pValue: number | null): SearchView {
  const deflated = pValue === null ? null : deflatedSignificance(pValue, position.of).sidak;
  const tried = `Configuration ${position.configuration} of ${position.of} tried on this season`;
  return {
    ...position,
    pValue,
    deflatedPValue: deflated,
    sentence:
      pValue === null || deflated === null
        ? `${tried}.`
        : `${tried}: one-sided p = ${pValue.toFixed(3)} for ROI > 0, ${deflated.toFixed(3)} deflated (Šidák) for ${position.of} ${position.of === 1 ? 'try' : 'tries'}.`,
  };
}

/** Fewer matches than this and the three-parameter-per-outcome regression says nothing. */
const ENCOMPASSING_MIN_MATCHES = 50;

/** The model's own forecasts (never market-informed) against the market they are compared with in the Brier figures. */
function encompassingViewOf(predictions: readonly Prediction[], matchesById: ReadonlyMap<string, Match>): EncompassingView | null {
  const observations = predictions.flatMap((p) => (p.marketProbabilities ? [{ market: p.marketProbabilities, model: p.probabilities, result: matchesById.get(p.matchId)!.result }] : []));
  if (observations.length < ENCOMPASSING_MIN_MATCHES) return null;
  try {
    const r = testForecastEncompassing(observations, { level: 0.95 });
    const slope = (x: SlopeEstimate) => ({ estimate: x.estimate, lower: x.lower, upper: x.upper });
    return { matches: r.matches, modelSlope: slope(r.modelSlope), marketSlope: slope(r.marketSlope), modelAddsInformation: r.modelAddsInformation, verdict: r.verdict };
  } catch (error) {
    return { matches: observations.length, modelSlope: null, marketSlope: null, modelAddsInformation: false, verdict: `The encompassing test cannot be run on these matches: ${(error as Error).message}.` };
  }
}

/** Shown wherever CLV is: DESIGN.md's close, the same order settleWeek reads closes in. */
export const CLV_CLOSE_LABEL = "Pinnacle close (PSC*) made fair with the run's margin method; the average close (AvgC*) where Pinnacle's is missing";

export function strategyViewOf(settings: RunSettings): StrategyView {
  const strategy = strategyOf(settings);
  return {
    name: strategy.name,
    marketInformed: isMarketInformed(strategy.probabilitySource),
    probabilities: probabilityLabelOf(strategy.probabilitySource),
    price: describePriceSource(strategy.priceSource),
    staking: stakingLabelOf(settings),
    closeForClv: CLV_CLOSE_LABEL,
  };
}

/** The dashboard of a run's history, built in one go. */
export function dashboardOf(
  run: RunRow,
  history: RunHistory,
  matchesById: ReadonlyMap<string, Match>,
  searchPosition: SearchPosition | null = null,
): DashboardView {
  const slices = dashboardSlices(run, history, matchesById, searchPosition);
  for (;;) {
    const next = slices.next();
    if (next.done === true) return next.value;
  }
}

type SearchPosition = { readonly configuration: number; readonly of: number };

/**
 * The same dashboard, built in slices: it yields after each resampling (the two expected bands,
 * the ROI bootstrap, the paired score bootstrap, the risk figures), 10-60 ms each on a 20-week
 * run here, so a caller on a busy event loop can let other requests through between them (the
 * main process answers a Cancel while it builds a dashboard for the screen).
 */
export function* dashboardSlices(
  run: RunRow,
  history: RunHistory,
  matchesById: ReadonlyMap<string, Match>,
  searchPosition: SearchPosition | null = null,
): Generator<void, DashboardView, void> {
  const settings = run.settings;
  const performance = history.weeks;
  const placed = history.bets.filter(isSettled);
  const predictions = history.predictions.filter((p) => p.role === 'active');
  const weeks = weeklyRows(history);
  const predictionByMatch = new Map(predictions.map((p) => [p.matchId, p]));

  const strategy = strategyOf(settings);
  const bandWeeks: BandWeek[] = performance.map((p) => {
    const weekBets = placed.filter((b) => b.week === p.week);
    const matchIds = [...new Set(weekBets.map((b) => b.matchId))];
    return {
      week: p.week,
      matches: matchIds.map((id) => {
        const match = matchesById.get(id)!;
        // The band draws results from the probabilities the bets were decided on: the model's, or the strategy's market-informed ones.
        const own = strategyProbabilities(strategy.probabilitySource, match, predictionByMatch.get(id)!.probabilities, strategy.marginMethod) ?? predictionByMatch.get(id)!.probabilities;
        return {
          modelProbabilities: own,
          fairClosingProbabilities: fairClose(match, strategy.marginMethod)?.probabilities ?? null,
          bets: weekBets
            .filter((b) => b.matchId === id)
            .map((b) => ({ outcome: b.outcome, stakeFraction: b.stakeCents / p.bankrollStartCents, decimalOdds: b.decimalOdds })),
        };
      }),
    };
  });
  const bandOptions = { paths: BAND_PATHS, seed: settings.seed, ruinFraction: RUIN_FRACTION };
  const band = expectedBankrollBand(bandWeeks, run.startingBankrollCents, bandOptions);
  yield;
  const everyBetHasClose = bandWeeks.every((w) => w.matches.every((m) => m.fairClosingProbabilities !== null));
  const fairCloseBand = performance.length > 0 && everyBetHasClose ? expectedBankrollBand(bandWeeks, run.startingBankrollCents, { ...bandOptions, truth: 'fair-close' }) : null;
  yield;

  const bankroll: BankrollPoint[] = history.bankroll.map((b, i) => ({
    week: b.week,
    bankrollCents: b.bankrollCents,
    peakCents: b.peakCents,
    drawdown: drawdownFraction(b.peakCents, b.bankrollCents),
    expectedP05Cents: band.points[i]!.p05Cents,
    expectedP50Cents: band.points[i]!.p50Cents,
    expectedP95Cents: band.points[i]!.p95Cents,
    staticModelBankrollCents: performance[i]!.staticBankrollEndCents,
  }));

  const metrics = summarisePerformance({
    startingBankrollCents: run.startingBankrollCents,
    bets: placed,
    bankrollHistory: history.bankroll,
    valueBetsFound: sum(performance.map((p) => p.valueBetsFound)),
    weeksInSeason: run.weekCount,
    bootstrap: { resamples: BOOTSTRAP_RESAMPLES, seed: settings.seed, level: 0.95 },
  });
  yield;

  const results = predictions.map((p) => matchesById.get(p.matchId)!.result);
  const calibration = calibrationTable(predictions.map((p) => p.probabilities), results, 10);
  const scores = scoreComparisonOf(predictions, matchesById, settings.seed);
  yield;
  const last = bankroll.at(-1);

  const risk = riskViewOf(run, history, matchesById, metrics.roiInterval, metrics.maxDrawdown, band.riskOfRuin, fairCloseBand);
  yield;
  const encompassing = encompassingViewOf(predictions, matchesById);
  return {
    run: runSummaryOf(run, history),
    verdict: judgeEdge({
      matches: scores.matches,
      bets: metrics.bets,
      brierDifference: scores.brierDifference,
      clv: metrics.clv,
      roi: metrics.roi,
      roiInterval: metrics.roiInterval,
      bankroll: last === undefined ? null : { finalCents: last.bankrollCents, p05Cents: last.expectedP05Cents, p50Cents: last.expectedP50Cents, p95Cents: last.expectedP95Cents },
    }),
    search: searchPosition && searchViewOf(searchPosition, risk.edge?.pValue ?? null),
    strategy: strategyViewOf(settings),
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
      breakEvenWinRate: metrics.breakEvenWinRate,
      valueBetsFound: metrics.valueBetsFound,
      valueBetsPlaced: metrics.valueBetsPlaced,
      maxDrawdown: metrics.maxDrawdown,
      maxDrawdownCents: metrics.maxDrawdownCents,
      longestLosingStreak: metrics.longestLosingStreak,
      sharpe: metrics.sharpe,
      clv: metrics.clv,
      riskOfRuin: performance.length ? band.riskOfRuin : null,
    },
    risk,
    encompassing,
    scores,
    weeks,
    bankroll,
    calibration: calibration.find((c) => c.outcome === 'pooled')?.bins ?? [],
    alerts: history.alerts,
    retrains: retrainViews(history),
  };
}

