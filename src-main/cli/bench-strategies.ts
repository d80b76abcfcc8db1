import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Match } from '../domain/football/match';
import { outcomeIndex, type Outcome, type Triple } from '../domain/football/outcome';
import { bettingWeeksOf, bettingWeekStart, matchesBeforeWeek, matchesInWeek } from '../domain/football/betting-week';
import { priceDayOf } from '../domain/football/price-day';
import { DEFAULT_MARGIN_METHOD, MARGIN_METHODS, type MarginMethod } from '../domain/betting/margin-removal';
import { fairClose, marketConsensus, REFERENCE_BOOKS, type ReferenceBook } from '../domain/betting/market-consensus';
import type { PriceSource } from '../domain/betting/price-source';
import { assertStrategy, type ProbabilitySource, type Strategy } from '../domain/betting/strategy';
import { strategyDecisionSettings, strategyWeekMatch } from '../domain/betting/strategy-inputs';
import { fitPoolWeight, poolProbabilities, type PoolObservation } from '../domain/betting/logistic-pool';
import { decideWeekBets, type WeekMatchInput } from '../domain/betting/value-bets';
import { DEFAULT_STAKING } from '../domain/betting/stake-sizing';
import { settleBet } from '../domain/betting/settlement';
import { bootstrapRoiInterval, type SettledBet } from '../domain/evaluation/performance-metrics';
import { pairedBootstrap } from '../domain/evaluation/paired-bootstrap';
import { matchRankedProbabilityScore } from '../domain/evaluation/scoring-rules';
import { testForecastEncompassing } from '../domain/evaluation/forecast-encompassing';
import { rmsCalibrationError } from '../domain/evaluation/calibration-error';
import { weekBlockBootstrapRoi, deflatedSignificance, betsToConfirmEdge } from '../domain/evaluation/risk-figures';
import { loadFootballData } from '../ingest/load-football-data';
import { seasonRange } from '../ingest/season-range';
import { modelConfigFor, trainOutcomeModel, type ModelKind, type TrainedOutcomeModel } from '../model/outcome-model';

const USAGE = `Usage: npm run bench:strategies -- [--part consensus|model|all] [--data <dir>] [--div E0]
       [--tune 1213-1819] [--report 1920-2324] [--method power] [--model dixon-coles|ensemble]
       [--pool-seasons 2122-2324] [--cutoff week|price-day] [--json-out FILE]
Without the season engine: evaluates market-consensus strategies (a reference book made fair;
bets where another price beats it) over a grid on the tuning seasons only, picks the one with
the best mean closing-line value, then plays the report seasons once with it. The model part
walks the built-in model forward week by week, fits the logistic pool weight on seasons before
each pool season and compares the pooled forecast's RPS with the market's (paired bootstrap);
--cutoff price-day (Dixon-Coles only) refits the model at each match's price day instead of the week start.`;

const START_CENTS = 1_000_000;
const RESAMPLES = 10_000;

/** One configuration of the market-consensus grid. */
interface Trial {
  readonly reference: ReferenceBook;
  readonly price: PriceSource;
  readonly minEdge: number;
  readonly maxOdds: number;
  readonly maxCredibleEdge: number;
}

interface BetRecord extends SettledBet {
  readonly matchId: string;
  readonly date: string;
  readonly kickoff: string | null;
  readonly clv: number | null;
  readonly closeSource: 'pinnacleClose' | 'avgClose' | null;
}

interface SeasonOutcome {
  readonly season: string;
  readonly bets: readonly BetRecord[];
  /** Level stakes: one unit on every placed bet. */
  readonly flatProfitUnits: number;
}

interface Figures {
  readonly bets: number;
  readonly roi: number | null;
  readonly flatRoi: number | null;
  readonly clv: number | null;
  readonly beatCloseShare: number | null;
  readonly closeFromAverage: number;
}

function figuresOf(outcomes: readonly SeasonOutcome[]): Figures {
  const bets = outcomes.flatMap((o) => o.bets);
  const staked = bets.reduce((s, b) => s + b.stakeCents, 0);
  const profit = bets.reduce((s, b) => s + b.profitCents, 0);
  const withClose = bets.filter((b) => b.clv !== null);
  return {
    bets: bets.length,
    roi: staked > 0 ? profit / staked : null,
    flatRoi: bets.length > 0 ? outcomes.reduce((s, o) => s + o.flatProfitUnits, 0) / bets.length : null,
    clv: withClose.length > 0 ? withClose.reduce((s, b) => s + b.clv!, 0) / withClose.length : null,
    beatCloseShare: withClose.length > 0 ? withClose.filter((b) => b.clv! > 0).length / withClose.length : null,
    closeFromAverage: bets.filter((b) => b.closeSource === 'avgClose').length,
  };
}

/**
 * Plays one season of a strategy with stakes from the week-start bankroll, through the same
 * mapping the engine uses (strategy-inputs.ts) and the one bet decision (decideWeekBets).
 */
function playSeason(season: string, matches: readonly Match[], strategy: Strategy, modelOf: (m: Match) => Triple | null, probabilityErrorSd: number | null = null): SeasonOutcome {
  assertStrategy(strategy);
  const settings = strategyDecisionSettings(strategy, DEFAULT_STAKING, probabilityErrorSd);
  let bankroll = START_CENTS;
  const bets: BetRecord[] = [];
  let flatProfitUnits = 0;
  for (const week of bettingWeeksOf(matches)) {
    const inputs: WeekMatchInput[] = [];
    const byId = new Map<string, Match>();
    for (const m of matchesInWeek(matches, week)) {
      const input = strategyWeekMatch(strategy, m, modelOf(m));
      if (input === null) continue;
      inputs.push(input);
      byId.set(m.id, m);
    }
    const decisions = decideWeekBets({ bankrollCents: bankroll, matches: inputs, ...settings });
    let weekProfit = 0;
    for (const d of decisions) {
      if (!d.placed) continue;
      const m = byId.get(d.matchId)!;
      const won = m.result === d.outcome;
      const profitCents = settleBet(d.stakeCents, d.decimalOdds, won);
      const close = fairClose(m, strategy.marginMethod);
      const pClose = close?.probabilities[outcomeIndex(d.outcome)] ?? null;
      weekProfit += profitCents;
      flatProfitUnits += won ? d.decimalOdds - 1 : -1;
      bets.push({
        week: week.index,
        stakeCents: d.stakeCents,
        decimalOdds: d.decimalOdds,
        won,
        profitCents,
        closingFairProbability: pClose,
        matchId: m.id,
        date: m.date,
        kickoff: m.kickoff,
        clv: pClose !== null && pClose > 0 ? d.decimalOdds * pClose - 1 : null,
        closeSource: close?.source ?? null,
      });
    }
    bankroll += weekProfit;
  }
  return { season, bets, flatProfitUnits };
}

/** Quarter Kelly with the trial's filters; the consensus grid sets no odds floor (a short favourite priced above the consensus is as good a bet as any). */
function strategyOf(name: string, probabilitySource: ProbabilitySource, price: PriceSource, filters: { minEdge: number; maxOdds: number; maxCredibleEdge: number; minOdds?: number }, method: MarginMethod, shrinkByCalibration = false): Strategy {
  return {
    name,
    probabilitySource,
    priceSource: price,
    marginMethod: method,
    filters: { minEdge: filters.minEdge, maxCredibleEdge: filters.maxCredibleEdge, minOdds: filters.minOdds ?? 1.01, maxOdds: filters.maxOdds },
    staking: { kind: 'kelly', multiplier: 0.25, shrinkByCalibration },
  };
}

const noModel = () => null;

function trialsGrid(): Trial[] {
  const trials: Trial[] = [];
  const pricesFor: Record<ReferenceBook, PriceSource[]> = { pinnacle: ['b365', 'avg', 'best'], avg: ['b365', 'pinnacle', 'best'] };
  for (const reference of REFERENCE_BOOKS) {
    for (const price of pricesFor[reference]) {
      for (const minEdge of [0, 0.02, 0.04]) {
        for (const maxOdds of [3, 5, 10]) {
          for (const maxCredibleEdge of [0.05, 0.1, Number.POSITIVE_INFINITY]) {
            if (maxCredibleEdge > minEdge) trials.push({ reference, price, minEdge, maxOdds, maxCredibleEdge });
          }
        }
      }
    }
  }
  return trials;
}

const pct = (x: number | null, digits = 1) => (x === null ? 'n/a' : `${(x * 100).toFixed(digits)}%`);
const edgeLabel = (x: number) => (Number.isFinite(x) ? pct(x, 0) : 'none');
function trialLabel(t: Trial): string {
  return `ref ${t.reference}, price ${t.price}, edge > ${pct(t.minEdge, 0)}, odds <= ${t.maxOdds}, credible <= ${edgeLabel(t.maxCredibleEdge)}`;
}

interface ConsensusReport {
  readonly trials: { trial: Trial; perSeason: { season: string; figures: Figures }[]; pooled: Figures }[];
  readonly chosen: Trial;
  readonly criterion: string;
  readonly report: { season: string; figures: Figures; roiInterval: [number, number] | null }[];
  readonly reportPooled: Figures & { roiInterval: [number, number] | null; weekBlockRoiInterval: [number, number] | null; betsToConfirm: number | null; flatPValue: number | null; deflatedPValue: number | null };
}

function consensusPart(all: readonly Match[], tune: readonly string[], report: readonly string[], method: MarginMethod): ConsensusReport {
  const bySeason = new Map<string, Match[]>();
  for (const m of all) bySeason.set(m.season, [...(bySeason.get(m.season) ?? []), m]);
  const seasonMatches = (s: string) => {
    const ms = bySeason.get(s);
    if (ms === undefined) throw new Error(`no matches for season ${s} in the data`);
    return ms;
  };
  const consensusStrategy = (trial: Trial) => strategyOf(trialLabel(trial), { kind: 'market-consensus', reference: trial.reference }, trial.price, trial, method);
  const trials = trialsGrid().map((trial) => {
    const outcomes = tune.map((s) => playSeason(s, seasonMatches(s), consensusStrategy(trial), noModel));
    return { trial, perSeason: outcomes.map((o) => ({ season: o.season, figures: figuresOf([o]) })), pooled: figuresOf(outcomes) };
  });
  const minBetsPerSeason = 40;
  const eligible = trials.filter((t) => t.perSeason.every((s) => s.figures.bets >= minBetsPerSeason && s.figures.clv !== null));
  if (eligible.length === 0) throw new Error(`no trial placed ${minBetsPerSeason} bets in every tuning season`);
  const best = eligible.reduce((a, b) => ((b.pooled.clv ?? -1) > (a.pooled.clv ?? -1) ? b : a));
  const chosen = best.trial;
  const outcomes = report.map((s) => playSeason(s, seasonMatches(s), consensusStrategy(chosen), noModel));
  const interval = (bets: readonly SettledBet[]) => {
    const r = bootstrapRoiInterval(bets, { resamples: RESAMPLES, seed: 1, level: 0.95 });
    return r === null ? null : ([r.lower, r.upper] as [number, number]);
  };
  const pooledBets = outcomes.flatMap((o) => o.bets.map((b) => ({ ...b, week: Number(o.season) * 100 + b.week })));
  const block = weekBlockBootstrapRoi(pooledBets, { resamples: RESAMPLES, seed: 1, level: 0.95 });
  const confirm = betsToConfirmEdge(outcomes.flatMap((o) => o.bets.map((b) => ({ stakeCents: 100, profitCents: b.won ? Math.round((b.decimalOdds - 1) * 100) : -100 }))));
  const pooledFigures = figuresOf(outcomes);
  const flatP = confirm?.pValue ?? null;
  return {
    trials,
    chosen,
    criterion: `highest pooled mean CLV over ${tune.join(', ')} among the ${eligible.length} of ${trials.length} trials with at least ${minBetsPerSeason} bets in every tuning season`,
    report: outcomes.map((o) => ({ season: o.season, figures: figuresOf([o]), roiInterval: interval(o.bets) })),
    reportPooled: {
      ...pooledFigures,
      roiInterval: interval(pooledBets),
      weekBlockRoiInterval: block === null ? null : [block.lower, block.upper],
      betsToConfirm: confirm?.betsNeeded ?? null,
      flatPValue: flatP,
      // The report seasons are played once, with one configuration: n = 1 on them. The tuning
      // search tried every grid trial, so the figure deflated for that search is shown too.
      deflatedPValue: flatP === null ? null : deflatedSignificance(flatP, trials.length).sidak,
    },
  };
}

function printConsensus(r: ConsensusReport): void {
  const row = (label: string, f: Figures) =>
    `${label.padEnd(10)}${String(f.bets).padStart(6)}${pct(f.roi).padStart(9)}${pct(f.flatRoi).padStart(9)}${pct(f.clv, 2).padStart(9)}${pct(f.beatCloseShare).padStart(8)}${String(f.closeFromAverage).padStart(6)}`;
  console.log(`\nMarket-consensus grid on the tuning seasons (${r.trials.length} trials); pooled figures`);
  console.log(`${'#'.padEnd(4)}${'trial'.padEnd(86)}${'bets'.padStart(6)}${'ROI qK'.padStart(9)}${'ROI flat'.padStart(9)}${'CLV'.padStart(9)}${'beat'.padStart(8)}${'minCLV'.padStart(9)}`);
  r.trials.forEach((t, i) => {
    const minClv = Math.min(...t.perSeason.map((s) => s.figures.clv ?? Number.NEGATIVE_INFINITY));
    console.log(
      `${String(i + 1).padEnd(4)}${trialLabel(t.trial).padEnd(86)}${String(t.pooled.bets).padStart(6)}${pct(t.pooled.roi).padStart(9)}${pct(t.pooled.flatRoi).padStart(9)}${pct(t.pooled.clv, 2).padStart(9)}${pct(t.pooled.beatCloseShare).padStart(8)}${pct(minClv, 2).padStart(9)}`,
    );
  });
  console.log(`\nChosen: ${trialLabel(r.chosen)} (${r.criterion})`);
  const chosenTrial = r.trials.find((t) => t.trial === r.chosen)!;
  console.log(`${'season'.padEnd(10)}${'bets'.padStart(6)}${'ROI qK'.padStart(9)}${'ROI flat'.padStart(9)}${'CLV'.padStart(9)}${'beat'.padStart(8)}${'avgC'.padStart(6)}`);
  for (const s of chosenTrial.perSeason) console.log(row(s.season, s.figures));
  console.log(row('tuning', chosenTrial.pooled));
  console.log('\nReport seasons, chosen configuration, played once');
  for (const s of r.report) console.log(`${row(s.season, s.figures)}  ROI 95% [${pct(s.roiInterval?.[0] ?? null)}, ${pct(s.roiInterval?.[1] ?? null)}]`);
  const p = r.reportPooled;
  console.log(`${row('pooled', p)}  ROI 95% bets [${pct(p.roiInterval?.[0] ?? null)}, ${pct(p.roiInterval?.[1] ?? null)}], week blocks [${pct(p.weekBlockRoiInterval?.[0] ?? null)}, ${pct(p.weekBlockRoiInterval?.[1] ?? null)}]`);
  console.log(`  level-stake p-value (one-sided, ROI > 0) ${p.flatPValue?.toFixed(4) ?? 'n/a'}; Šidák-deflated for ${r.trials.length} tuning trials ${p.deflatedPValue?.toFixed(4) ?? 'n/a'}; bets needed to confirm at this ROI and variance: ${p.betsToConfirm ?? 'n/a (ROI <= 0)'}`);
}

/** Walk-forward model probabilities for every match of the given seasons, week by week. */
type Cutoff = 'week' | 'price-day';

/**
 * With the week cutoff every match of a week is priced from results before the week's Tuesday
 * (today's engine). With the price-day cutoff (DESIGN.md) the goal model is refitted at each
 * price day, so a weekend match also knows that week's midweek results, as its prices did.
 * Only Dixon-Coles supports it here: the ensemble's features cut at the week start inside the
 * model, which the engine refactor changes.
 */
async function walkForwardModel(all: readonly Match[], seasons: readonly string[], kind: ModelKind, retrainEvery: number, cutoff: Cutoff): Promise<Map<string, Triple>> {
  if (cutoff === 'price-day' && kind !== 'dixon-coles') throw new Error('--cutoff price-day is measured for --model dixon-coles only');
  const config = modelConfigFor(kind);
  const out = new Map<string, Triple>();
  for (const season of seasons) {
    const started = performance.now();
    const seasonMatches = all.filter((m) => m.season === season);
    let model: TrainedOutcomeModel | null = null;
    let since = 0;
    const every = kind === 'dixon-coles' ? 1 : retrainEvery;
    for (const week of bettingWeeksOf(seasonMatches)) {
      const history = matchesBeforeWeek(all, week);
      if (model === null || since >= every) {
        model = await trainOutcomeModel(config, history, { cutoff: week.start });
        since = 0;
      }
      since += 1;
      const fixtures = matchesInWeek(seasonMatches, week);
      if (cutoff === 'week') {
        model.predict(fixtures, history).forEach((p, i) => out.set(fixtures[i]!.id, p));
        continue;
      }
      for (const day of [...new Set(fixtures.map((f) => priceDayOf(f.date)))].sort()) {
        const group = fixtures.filter((f) => priceDayOf(f.date) === day);
        const known = all.filter((m) => m.date < day);
        const atPriceDay = day === week.start ? model : await trainOutcomeModel(config, known, { cutoff: day });
        atPriceDay.predict(group, known).forEach((p, i) => out.set(group[i]!.id, p));
      }
    }
    process.stderr.write(`model ${kind} ${season}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return out;
}

interface ModelReport {
  readonly kind: ModelKind;
  readonly cutoff: Cutoff;
  readonly multiRound: { matches: number; weekendMatches: number; rpsModel: number; rpsMarket: number; rpsModelWeekend: number; rpsMarketWeekend: number };
  readonly seasons: {
    season: string;
    weight: number;
    unconstrainedWeight: number;
    standardError: number;
    fittedOn: string;
    matches: number;
    rpsMarket: number;
    rpsModel: number;
    rpsPool: number;
  }[];
  readonly pooled: { matches: number; rpsMarket: number; rpsPool: number; rpsModel: number; difference: { mean: number; lower: number; upper: number } };
  readonly encompassing: ReturnType<typeof testForecastEncompassing>;
  readonly poolStrategy: { season: string; figures: Figures }[];
  readonly modelStrategy: { label: string; perSeason: { season: string; calibrationSd: number | null; figures: Figures }[] }[];
}

async function modelPart(all: readonly Match[], poolSeasons: readonly string[], strategySeasons: readonly string[], kind: ModelKind, method: MarginMethod, cutoff: Cutoff): Promise<ModelReport> {
  const first = '1213';
  const last = [...poolSeasons, ...strategySeasons].sort().at(-1)!;
  const walked = seasonRange(`${first}-${last}`);
  const model = await walkForwardModel(all, walked, kind, 4, cutoff);
  const market = (m: Match) => marketConsensus(m, 'pinnacle', method);
  const observationsOf = (seasons: readonly string[]): (PoolObservation & { id: string })[] =>
    all.flatMap((m) => {
      if (!seasons.includes(m.season)) return [];
      const p = model.get(m.id);
      const q = market(m);
      return p === undefined || q === null ? [] : [{ id: m.id, model: p, market: q, result: m.result }];
    });
  const weightBefore = (season: string) => {
    const before = walked.filter((s) => s < season);
    if (before.length === 0) throw new Error(`no model seasons before ${season} to fit the pool weight on`);
    return { fit: fitPoolWeight(observationsOf(before)), fittedOn: `${before[0]}-${before.at(-1)}` };
  };
  const rps = (forecasts: readonly Triple[], results: readonly Outcome[]) => forecasts.map((f, i) => matchRankedProbabilityScore(f, results[i]!));
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const seasons = [];
  const pooledPool: number[] = [];
  const pooledMarket: number[] = [];
  const pooledModel: number[] = [];
  for (const season of poolSeasons) {
    const { fit, fittedOn } = weightBefore(season);
    const obs = observationsOf([season]);
    const results = obs.map((o) => o.result);
    const poolScores = rps(obs.map((o) => poolProbabilities(o.model, o.market, fit.weight)), results);
    const marketScores = rps(obs.map((o) => o.market), results);
    const modelScores = rps(obs.map((o) => o.model), results);
    pooledPool.push(...poolScores);
    pooledMarket.push(...marketScores);
    pooledModel.push(...modelScores);
    seasons.push({ season, weight: fit.weight, unconstrainedWeight: fit.unconstrainedWeight, standardError: fit.standardError, fittedOn, matches: obs.length, rpsMarket: mean(marketScores), rpsModel: mean(modelScores), rpsPool: mean(poolScores) });
  }
  const difference = pairedBootstrap(pooledPool, pooledMarket, { resamples: RESAMPLES, seed: 1, level: 0.95 });
  const encompassingObs = observationsOf(poolSeasons);
  const encompassing = testForecastEncompassing(encompassingObs, { level: 0.95 });

  const modelOnly = (m: Match) => model.get(m.id) ?? null;
  const poolStrategy = strategySeasons.map((season) => {
    const { fit } = weightBefore(season);
    const strategy = strategyOf('model shrunk to market', { kind: 'model-shrunk-to-market', reference: 'pinnacle', weight: fit.weight, fittedOn: null }, 'best', { minEdge: 0.02, maxOdds: 5, maxCredibleEdge: 0.1 }, method);
    const o = playSeason(season, all.filter((m) => m.season === season), strategy, modelOnly);
    return { season, figures: figuresOf([o]) };
  });
  const calibrationSdBefore = (season: string) => {
    const before = all.filter((m) => m.season < season && model.has(m.id));
    return rmsCalibrationError(
      before.map((m) => model.get(m.id)!),
      before.map((m) => m.result),
    );
  };
  const modelStrategy = [
    { label: 'model, Bet365 price, edge > 5%, odds <= 10 (the current default filters)', trial: { price: 'b365' as const, minEdge: 0.05, minOdds: DEFAULT_STAKING.minOdds, maxOdds: 10, maxCredibleEdge: Number.POSITIVE_INFINITY }, shrink: false },
    { label: 'model, Bet365 price, edge > 5%, odds <= 5, credible <= 10%', trial: { price: 'b365' as const, minEdge: 0.05, minOdds: DEFAULT_STAKING.minOdds, maxOdds: 5, maxCredibleEdge: 0.1 }, shrink: false },
    { label: 'model, Bet365 price, edge > 5%, odds <= 5, credible <= 10%, Kelly shrunk by calibration error', trial: { price: 'b365' as const, minEdge: 0.05, minOdds: DEFAULT_STAKING.minOdds, maxOdds: 5, maxCredibleEdge: 0.1 }, shrink: true },
  ].map(({ label, trial, shrink }) => ({
    label,
    perSeason: strategySeasons.map((season) => {
      const sd = shrink ? calibrationSdBefore(season) : null;
      const strategy = strategyOf(label, { kind: 'model' }, trial.price, trial, method, shrink);
      return { season, calibrationSd: sd, figures: figuresOf([playSeason(season, all.filter((m) => m.season === season), strategy, modelOnly, sd)]) };
    }),
  }));
  // Weeks with two price days (a midweek and a weekend round): where the cutoff matters.
  const multiRound = all.filter((m) => {
    if (!strategySeasons.includes(m.season) || !model.has(m.id) || market(m) === null) return false;
    const start = bettingWeekStart(m.date);
    return all.some((o) => o.season === m.season && bettingWeekStart(o.date) === start && priceDayOf(o.date) !== priceDayOf(m.date));
  });
  const weekendOfMultiRound = multiRound.filter((m) => priceDayOf(m.date) !== bettingWeekStart(m.date));
  const rpsOf = (ms: readonly Match[], p: (m: Match) => Triple) => mean(ms.map((m) => matchRankedProbabilityScore(p(m), m.result)));
  return {
    kind,
    cutoff,
    multiRound: {
      matches: multiRound.length,
      weekendMatches: weekendOfMultiRound.length,
      rpsModel: rpsOf(multiRound, (m) => model.get(m.id)!),
      rpsMarket: rpsOf(multiRound, (m) => market(m)!),
      rpsModelWeekend: rpsOf(weekendOfMultiRound, (m) => model.get(m.id)!),
      rpsMarketWeekend: rpsOf(weekendOfMultiRound, (m) => market(m)!),
    },
    seasons,
    pooled: { matches: pooledPool.length, rpsMarket: mean(pooledMarket), rpsPool: mean(pooledPool), rpsModel: mean(pooledModel), difference: { mean: difference.meanDifference, lower: difference.lower, upper: difference.upper } },
    encompassing,
    poolStrategy,
    modelStrategy,
  };
}

function printModel(r: ModelReport): void {
  const mr = r.multiRound;
  console.log(`\nModel ${r.kind}, cutoff ${r.cutoff}. Multi-round weeks of the report seasons: ${mr.matches} matches, RPS model ${mr.rpsModel.toFixed(4)}, market ${mr.rpsMarket.toFixed(4)}; their ${mr.weekendMatches} weekend matches: model ${mr.rpsModelWeekend.toFixed(4)}, market ${mr.rpsMarketWeekend.toFixed(4)}`);
  console.log(`\nLogistic pool of the ${r.kind} model and Pinnacle pre-match made fair (weight fitted on earlier seasons only)`);
  for (const s of r.seasons) {
    console.log(
      `${s.season}: weight ${s.weight.toFixed(3)} (unconstrained ${s.unconstrainedWeight.toFixed(3)} ± ${s.standardError.toFixed(3)}, fitted on ${s.fittedOn}), ${s.matches} matches, RPS market ${s.rpsMarket.toFixed(4)}, model ${s.rpsModel.toFixed(4)}, pool ${s.rpsPool.toFixed(4)}`,
    );
  }
  const p = r.pooled;
  console.log(`pooled ${p.matches} matches: RPS market ${p.rpsMarket.toFixed(5)}, model ${p.rpsModel.toFixed(5)}, pool ${p.rpsPool.toFixed(5)}; pool − market ${p.difference.mean.toExponential(2)} [${p.difference.lower.toExponential(2)}, ${p.difference.upper.toExponential(2)}] (paired bootstrap, ${RESAMPLES} resamples)`);
  const e = r.encompassing;
  console.log(`forecast encompassing on the same matches: market slope ${e.marketSlope.estimate.toFixed(3)} [${e.marketSlope.lower.toFixed(3)}, ${e.marketSlope.upper.toFixed(3)}], model slope ${e.modelSlope.estimate.toFixed(3)} [${e.modelSlope.lower.toFixed(3)}, ${e.modelSlope.upper.toFixed(3)}], model weight ${e.modelWeight.toFixed(3)}`);
  console.log(`  ${e.verdict}`);
  console.log('\nModel shrunk to market (pool), best price, edge > 2%, odds <= 5, credible <= 10% (market-informed)');
  for (const s of r.poolStrategy) console.log(`${s.season}: ${s.figures.bets} bets, ROI ${pct(s.figures.roi)}, flat ${pct(s.figures.flatRoi)}, CLV ${pct(s.figures.clv, 2)}, beat ${pct(s.figures.beatCloseShare)}`);
  for (const m of r.modelStrategy) {
    console.log(`\n${m.label}`);
    for (const s of m.perSeason) {
      const sd = s.calibrationSd === null ? '' : `, calibration sd ${s.calibrationSd.toFixed(4)}`;
      console.log(`${s.season}: ${s.figures.bets} bets, ROI ${pct(s.figures.roi)}, flat ${pct(s.figures.flatRoi)}, CLV ${pct(s.figures.clv, 2)}, beat ${pct(s.figures.beatCloseShare)}${sd}`);
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      part: { type: 'string', default: 'all' },
      data: { type: 'string', default: path.resolve(process.cwd(), '../shared/data/football-data') },
      div: { type: 'string', default: 'E0' },
      tune: { type: 'string', default: '1213-1819' },
      report: { type: 'string', default: '1920-2324' },
      method: { type: 'string', default: DEFAULT_MARGIN_METHOD },
      model: { type: 'string', default: 'ensemble' },
      'pool-seasons': { type: 'string', default: '2122-2324' },
      cutoff: { type: 'string', default: 'week' },
      'json-out': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!['consensus', 'model', 'all'].includes(values.part)) throw new Error(`--part must be consensus, model or all, got ${JSON.stringify(values.part)}\n${USAGE}`);
  if (!(MARGIN_METHODS as readonly string[]).includes(values.method)) throw new Error(`--method must be one of ${MARGIN_METHODS.join(', ')}, got ${JSON.stringify(values.method)}`);
  if (values.model !== 'dixon-coles' && values.model !== 'ensemble') throw new Error(`--model must be dixon-coles or ensemble, got ${JSON.stringify(values.model)}`);
  if (values.cutoff !== 'week' && values.cutoff !== 'price-day') throw new Error(`--cutoff must be week or price-day, got ${JSON.stringify(values.cutoff)}`);
  const method = values.method as MarginMethod;
  const tune = seasonRange(values.tune);
  const report = seasonRange(values.report);
  const poolSeasons = seasonRange(values['pool-seasons']);
  const overlap = tune.filter((s) => report.includes(s));
  if (overlap.length > 0) throw new Error(`--tune and --report share seasons ${overlap.join(', ')}: tune only on seasons before the ones reported`);
  const last = [...tune, ...report, ...poolSeasons].sort().at(-1)!;
  const all = await loadFootballData({ from: values.data, div: values.div, seasons: seasonRange(`0506-${last}`) });
  const started = performance.now();
  const out: Record<string, unknown> = { method };
  if (values.part !== 'model') {
    const consensus = consensusPart(all, tune, report, method);
    printConsensus(consensus);
    out.consensus = consensus;
  }
  if (values.part !== 'consensus') {
    const modelReport = await modelPart(all, poolSeasons, report, values.model, method, values.cutoff);
    printModel(modelReport);
    out.model = modelReport;
  }
  console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s; margin method ${method}`);
  if (values['json-out'] !== undefined) writeFileSync(values['json-out'], JSON.stringify(out, (_k, v: unknown) => (v === Number.POSITIVE_INFINITY ? 'Infinity' : v), 1));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
