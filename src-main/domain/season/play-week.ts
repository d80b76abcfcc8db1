import type { OddsSource } from '../football/match';
import { outcomeIndex, type Outcome, type Triple } from '../football/outcome';
import type { BettingWeek } from '../football/betting-week';
import { removeMargin } from '../betting/margin-removal';
import { decideWeekBets } from '../betting/value-bets';
import { oddsGroupOf, type PriceSource } from '../betting/price-source';
import type { Strategy } from '../betting/strategy';
import { strategyDecisionSettings, strategyWeekMatch } from '../betting/strategy-inputs';
import type { StakingConfig } from '../betting/stake-sizing';
import { settleBet } from '../betting/settlement';
import { matchBrierScore, matchLogLoss, matchRankedProbabilityScore } from '../evaluation/scoring-rules';
import { drawdownFraction } from '../evaluation/performance-metrics';
import { decideRetrain, type RetrainDecision, type RetrainPolicy } from './retrain-policy';
import { monitorWeek, type Alert, type MonitoringState, type MonitoringThresholds } from './monitoring';
import type { Book, PlacedBet, RejectedCandidate, WeekBet } from './week-bet';

/**
 * One betting week of a run as a pure function, in two halves. `decideWeek` runs at the week's
 * start: from the prices and each model's probabilities it prices the matches against the
 * market and decides every candidate bet (rejected with its reason, or placed with a stake).
 * `settleWeek` runs once the results are in: it settles the placed bets, scores the forecasts,
 * and closes the week's books, performance and monitoring. A simulated week is
 * `playWeek = settleWeek(decideWeek(...))`; nothing of the week's results reaches the decisions.
 */

/** Prices after the market closed: only settling reads them (closing-line value). */
export type ClosingSource = Extract<OddsSource, `${string}Close`>;

/** The pre-match odds groups of a match (`max` is the best price across books). */
export type PreMatchSource = Exclude<OddsSource, ClosingSource>;

export type PredictionRole = 'active' | 'static' | 'champion';

export interface WeekSettings {
  /** Where the bets' probabilities come from, the price they are struck at, the filters and the staking. */
  readonly strategy: Strategy;
  /** The run's caps, Kelly mode and stake unit; the strategy's filters and multiplier replace the rest. */
  readonly staking: StakingConfig;
  readonly monitoring: MonitoringThresholds;
  readonly retrain: RetrainPolicy;
}

/** What a run carries from one week into the next. */
export interface WeekState {
  readonly bankrollCents: number;
  /** Bankroll of the shadow book that always bets with the initial model. */
  readonly staticBankrollCents: number;
  /** Highest bankroll so far, the starting bankroll included. */
  readonly peakCents: number;
  readonly monitoring: MonitoringState;
}

/** The model versions pricing the week: the active one, the initial one (static book) and the one the active replaced. */
export interface WeekModels {
  readonly active: number;
  readonly static: number;
  readonly champion: number | null;
}

export interface WeekFixture {
  readonly matchId: string;
  /** Every pre-match price source known before the week starts; closing prices cannot be named here. */
  readonly prices: Readonly<Partial<Record<PreMatchSource, Triple>>>;
  readonly probabilities: { readonly active: Triple; readonly static: Triple; readonly champion: Triple | null };
}

export interface FixtureResult {
  readonly matchId: string;
  readonly result: Outcome;
  /** Closing prices for closing-line value. */
  readonly closingPrices: Readonly<Partial<Record<ClosingSource, Triple>>>;
}

export interface DecideWeekInput {
  readonly week: BettingWeek;
  readonly state: WeekState;
  readonly models: WeekModels;
  readonly fixtures: readonly WeekFixture[];
  readonly settings: WeekSettings;
  /** The calibration error of the strategy's own earlier forecasts, when its Kelly shrinks by it (never from this week or later). */
  readonly probabilityErrorSd?: number | null;
}

/** One model's forecast of one match, beside the market's margin-free probabilities. */
export interface Forecast {
  readonly week: number;
  readonly matchId: string;
  readonly role: PredictionRole;
  readonly modelVersion: number;
  readonly probabilities: Triple;
  readonly marketProbabilities: Triple | null;
}

/** A forecast scored against the result. */
export interface Prediction extends Forecast {
  readonly brier: number;
  readonly marketBrier: number | null;
}

export interface DecidedWeek {
  readonly input: DecideWeekInput;
  /** Active, then static, then champion forecasts, each in fixture order. */
  readonly forecasts: readonly Forecast[];
  /** The active book's candidates, then the static book's, each ordered as decideWeekBets orders them. */
  readonly bets: readonly (RejectedCandidate | PlacedBet)[];
}

export interface SettleWeekInput {
  readonly results: readonly FixtureResult[];
  /** Every scored prediction of the active model in earlier weeks, oldest first (monitoring looks back over them). */
  readonly pastActive: readonly Pick<Prediction, 'brier' | 'marketBrier'>[];
}

export interface WeekPerformance {
  readonly week: number;
  readonly weekStart: string;
  readonly weekEnd: string;
  readonly matches: number;
  /** Active-book candidates with a positive edge, placed or not. */
  readonly valueBetsFound: number;
  readonly betsPlaced: number;
  readonly wins: number;
  readonly stakedCents: number;
  readonly profitCents: number;
  readonly bankrollStartCents: number;
  readonly bankrollEndCents: number;
  readonly staticBankrollEndCents: number;
  readonly modelBrier: number;
  readonly marketBrier: number | null;
  readonly modelRps: number;
  readonly marketRps: number | null;
  readonly modelVersion: number;
  readonly modelBehindMarket: boolean;
  readonly inDrawdown: boolean;
}

/** The active model's scores on the week, for the model registry. */
export interface WeekEvaluation {
  readonly brier: number;
  readonly rps: number;
  readonly logLoss: number;
  readonly matches: number;
}

export interface PlayedWeek {
  readonly performance: WeekPerformance;
  readonly bankrollPeakCents: number;
  readonly predictions: readonly Prediction[];
  readonly bets: readonly WeekBet[];
  readonly alerts: readonly Alert[];
  readonly evaluation: WeekEvaluation;
  /** The state the next week starts from. */
  readonly state: WeekState;
}

/**
 * The close closing-line value is measured against, whatever book the bet was struck at
 * (DESIGN.md): Pinnacle's, the sharpest close in the files, and the average close where
 * Pinnacle's is missing. The same order as `fairClose` in betting/market-consensus.ts.
 */
const CLOSING_SOURCES: readonly ClosingSource[] = ['pinnacleClose', 'avgClose'];

/**
 * The book whose margin-free prices stand for "the market" in comparisons. Betting at the best
 * available price is a choice of where to bet, not a forecast: the max prices of several books
 * are not one market, so the average market is used to judge the model in that case.
 */
export function marketSourceOf(priceSource: PriceSource): PreMatchSource {
  return priceSource === 'best' ? 'avg' : oddsGroupOf(priceSource);
}

/**
 * Whether to refit before pricing week `week`: no model yet, the schedule, or the active model
 * falling behind the market on the matches it priced since its fit.
 */
export function decideWeekRetrain(
  week: number,
  active: { readonly version: number; readonly fittedBeforeWeek: number } | null,
  pastActive: readonly Pick<Prediction, 'modelVersion' | 'brier' | 'marketBrier'>[],
  policy: RetrainPolicy,
): RetrainDecision {
  if (active === null) return decideRetrain(null, policy);
  const since = pastActive.filter((p) => p.modelVersion === active.version);
  return decideRetrain(
    { weeksSinceFit: week - active.fittedBeforeWeek, modelBriers: since.map((p) => p.brier), marketBriers: since.map((p) => p.marketBrier) },
    policy,
  );
}

export function decideWeek(input: DecideWeekInput): DecidedWeek {
  const { week, state, models, fixtures, settings } = input;
  const marketSource = marketSourceOf(settings.strategy.priceSource);
  const marketP = fixtures.map((f) => {
    const odds = f.prices[marketSource];
    return odds ? (removeMargin(odds, settings.strategy.marginMethod).probabilities as unknown as Triple) : null;
  });
  const forecastsOf = (role: PredictionRole, modelVersion: number, pick: (f: WeekFixture) => Triple): Forecast[] =>
    fixtures.map((f, i) => ({ week: week.index, matchId: f.matchId, role, modelVersion, probabilities: pick(f), marketProbabilities: marketP[i] ?? null }));
  const forecasts = [
    ...forecastsOf('active', models.active, (f) => f.probabilities.active),
    ...forecastsOf('static', models.static, (f) => f.probabilities.static),
    ...(models.champion === null ? [] : forecastsOf('champion', models.champion, (f) => championOf(f))),
  ];
  const bets = [
    ...decideBook(input, 'active', state.bankrollCents, models.active, (f) => f.probabilities.active),
    ...decideBook(input, 'static', state.staticBankrollCents, models.static, (f) => f.probabilities.static),
  ];
  return { input, forecasts, bets };
}

function championOf(f: WeekFixture): Triple {
  if (f.probabilities.champion === null) throw new Error(`Match ${f.matchId} has no champion forecast, but the week has a champion model`);
  return f.probabilities.champion;
}

function decideBook(input: DecideWeekInput, book: Book, bankrollCents: number, modelVersion: number, pick: (f: WeekFixture) => Triple): (RejectedCandidate | PlacedBet)[] {
  const { settings, week } = input;
  const { strategy } = settings;
  const matches = input.fixtures.flatMap((f) => {
    const match = strategyWeekMatch(strategy, { id: f.matchId, odds: f.prices }, pick(f));
    return match ? [match] : [];
  });
  return decideWeekBets({ bankrollCents, matches, ...strategyDecisionSettings(strategy, settings.staking, input.probabilityErrorSd ?? null) }).map((d) => {
    const fields = {
      week: week.index,
      book,
      matchId: d.matchId,
      outcome: d.outcome,
      decimalOdds: d.decimalOdds,
      modelProbability: d.modelProbability,
      marketProbability: d.marketProbability,
      edge: d.edge,
      fullKelly: d.fullKelly,
      appliedKelly: d.appliedKelly,
      robustAcrossMethods: d.robustAcrossMethods,
      modelVersion,
      closingOdds: null,
      closingFairProbability: null,
    };
    return d.placed ? { ...fields, status: 'placed', stakeCents: d.stakeCents } : { ...fields, status: 'rejected', rejection: d.rejection };
  });
}

export function settleWeek(decided: DecidedWeek, input: SettleWeekInput): PlayedWeek {
  const { week, state, models, fixtures, settings } = decided.input;
  const results = new Map(input.results.map((r) => [r.matchId, r]));
  const resultOf = (matchId: string): FixtureResult => {
    const result = results.get(matchId);
    if (!result) throw new Error(`Week ${week.index} cannot be settled: match ${matchId} has no result`);
    return result;
  };
  const predictions: Prediction[] = decided.forecasts.map((f) => {
    const result = resultOf(f.matchId).result;
    return { ...f, brier: matchBrierScore(f.probabilities, result), marketBrier: f.marketProbabilities ? matchBrierScore(f.marketProbabilities, result) : null };
  });

  const bets = decided.bets.map((bet) => settleCandidate(bet, resultOf(bet.matchId), settings));
  const active = bookTotals(bets.filter((b) => b.book === 'active'));
  const staticBook = bookTotals(bets.filter((b) => b.book === 'static'));

  const bankrollEndCents = state.bankrollCents + active.profitCents;
  const peakCents = Math.max(state.peakCents, bankrollEndCents);
  const weekActive = predictions.filter((p) => p.role === 'active');
  const activeSoFar = [...input.pastActive, ...weekActive];
  const monitored = monitorWeek(
    { week: week.index, modelBriers: activeSoFar.map((p) => p.brier), marketBriers: activeSoFar.map((p) => p.marketBrier), drawdown: drawdownFraction(peakCents, bankrollEndCents) },
    state.monitoring,
    settings.monitoring,
  );

  const priced = weekActive.filter((p) => p.marketProbabilities !== null);
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const played = fixtures.map((f, i) => ({ result: resultOf(f.matchId).result, active: f.probabilities.active, market: decided.forecasts[i]!.marketProbabilities }));
  const modelBrier = mean(weekActive.map((p) => p.brier));
  const modelRps = mean(played.map((m) => matchRankedProbabilityScore(m.active, m.result)));
  const marketBrier = priced.length > 0 ? mean(priced.map((p) => p.marketBrier!)) : null;
  const marketRps = priced.length > 0 ? mean(played.flatMap((m) => (m.market ? [matchRankedProbabilityScore(m.market, m.result)] : []))) : null;

  return {
    performance: {
      week: week.index,
      weekStart: week.start,
      weekEnd: week.end,
      matches: fixtures.length,
      valueBetsFound: active.valueBetsFound,
      betsPlaced: active.placed,
      wins: active.wins,
      stakedCents: active.stakedCents,
      profitCents: active.profitCents,
      bankrollStartCents: state.bankrollCents,
      bankrollEndCents,
      staticBankrollEndCents: state.staticBankrollCents + staticBook.profitCents,
      modelBrier,
      marketBrier,
      modelRps,
      marketRps,
      modelVersion: models.active,
      modelBehindMarket: monitored.state.modelBehindMarket,
      inDrawdown: monitored.state.inDrawdown,
    },
    bankrollPeakCents: peakCents,
    predictions,
    bets,
    alerts: monitored.alerts,
    evaluation: { brier: modelBrier, rps: modelRps, logLoss: mean(played.map((m) => matchLogLoss(m.active, m.result))), matches: fixtures.length },
    state: {
      bankrollCents: bankrollEndCents,
      staticBankrollCents: state.staticBankrollCents + staticBook.profitCents,
      peakCents,
      monitoring: monitored.state,
    },
  };
}

export function playWeek(input: DecideWeekInput & SettleWeekInput): PlayedWeek {
  return settleWeek(decideWeek(input), input);
}

function settleCandidate(bet: RejectedCandidate | PlacedBet, result: FixtureResult, settings: WeekSettings): WeekBet {
  const closing = closingPriceOf(result.closingPrices, CLOSING_SOURCES);
  const index = outcomeIndex(bet.outcome);
  const closed = {
    ...bet,
    closingOdds: closing ? closing[index] : null,
    closingFairProbability: closing ? removeMargin(closing, settings.strategy.marginMethod).probabilities[index]! : null,
  };
  if (closed.status === 'rejected') return closed;
  const won = result.result === bet.outcome;
  return { ...closed, status: 'settled', won, profitCents: settleBet(closed.stakeCents, closed.decimalOdds, won) };
}

function bookTotals(bets: readonly WeekBet[]) {
  let stakedCents = 0;
  let profitCents = 0;
  let wins = 0;
  let placed = 0;
  let valueBetsFound = 0;
  for (const bet of bets) {
    if (bet.edge > 0) valueBetsFound += 1;
    if (bet.status !== 'settled') continue;
    placed += 1;
    stakedCents += bet.stakeCents;
    profitCents += bet.profitCents;
    if (bet.won) wins += 1;
  }
  return { stakedCents, profitCents, wins, placed, valueBetsFound };
}

function closingPriceOf(prices: Readonly<Partial<Record<ClosingSource, Triple>>>, sources: readonly ClosingSource[]): Triple | null {
  for (const source of sources) {
    const odds = prices[source];
    if (odds) return odds;
  }
  return null;
}
