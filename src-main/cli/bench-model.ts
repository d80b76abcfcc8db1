import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Match, OddsSource } from '../domain/football/match';
import type { Outcome, Triple } from '../domain/football/outcome';
import { bettingWeeksOf, matchesBeforeWeek, matchesInWeek } from '../domain/football/betting-week';
import { loadFootballData } from '../ingest/load-football-data';
import { seasonRange } from '../ingest/season-range';
import { DEFAULT_MODEL_CONFIG, MODEL_KINDS, modelConfigFor, trainOutcomeModel, type ModelConfig, type ModelKind, type TrainedOutcomeModel } from '../model/outcome-model';
import { brierScore, logLoss, rankedProbabilityScore } from '../domain/evaluation/scoring-rules';
import { tfReady } from '../model/tf-runtime';
import { modelWorkSince, readModelWork, type ModelWork } from '../model/model-work';

const USAGE = `Usage: npm run bench:model -- [--seasons 2122,2223,2324] [--div E0] [--data <dir|url>] [--history-from 0506]
       [--kind ensemble|dixon-coles|feature-net] [--retrain-every 4] [--config '{"net":{"l2":0.01}}'] [--json]
Walks forward through each season, week by week, pricing every match only from matches before its
betting week, and scores the model beside the Bet365 pre-match and Pinnacle closing markets.`;

interface Scores {
  readonly brier: number;
  readonly rps: number;
  readonly logLoss: number;
}

function scoresOf(forecasts: readonly Triple[], results: readonly Outcome[]): Scores {
  return { brier: brierScore(forecasts, results), rps: rankedProbabilityScore(forecasts, results), logLoss: logLoss(forecasts, results) };
}

interface SeasonReport {
  readonly season: string;
  readonly matches: number;
  readonly model: Scores;
  readonly bet365: Scores | null;
  readonly pinnacleClose: Scores | null;
  readonly seconds: number;
  /** User + system CPU time of the season: less sensitive than wall time to other jobs on the machine. */
  readonly cpuSeconds: number;
  /** Wall time in trainOutcomeModel (the refits) and in predict() (the weekly pricing). */
  readonly trainSeconds: number;
  readonly predictSeconds: number;
  /** Fits, Newton iterations and feature rows behind those times. */
  readonly work: ModelWork;
  readonly retrains: number;
  readonly nonConvergedFits: number;
  /** Wall time of one week's predict() call (features and the week-start goal-model fit included). */
  readonly predictMsMean: number;
  readonly predictMsMax: number;
  /** Ensemble only: the blend weight (feature net share) of each refit, in order. */
  readonly ensembleWeights: number[];
}

function fairProbabilities(odds: Triple): Triple {
  const inverse = odds.map((o) => 1 / o);
  const total = inverse[0]! + inverse[1]! + inverse[2]!;
  return [inverse[0]! / total, inverse[1]! / total, inverse[2]! / total];
}

function marketScores(matches: readonly Match[], source: OddsSource): Scores | null {
  const priced = matches.filter((m) => m.odds[source] !== undefined);
  if (priced.length !== matches.length) return null;
  return scoresOf(
    priced.map((m) => fairProbabilities(m.odds[source]!)),
    priced.map((m) => m.result),
  );
}

async function benchSeason(all: readonly Match[], season: string, config: ModelConfig, retrainEvery: number): Promise<SeasonReport> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const workStarted = readModelWork();
  let trainMs = 0;
  const seasonMatches = all.filter((m) => m.season === season);
  if (seasonMatches.length === 0) throw new Error(`No matches for season ${season} in the data`);
  const forecasts: Triple[] = [];
  const results: Outcome[] = [];
  let model: TrainedOutcomeModel | null = null;
  let weeksSinceTraining = 0;
  let retrains = 0;
  let nonConvergedFits = 0;
  const predictMs: number[] = [];
  const ensembleWeights: number[] = [];
  // Dixon-Coles is refitted every week (a fit takes milliseconds); the feature net and the blend
  // weight every `retrainEvery` weeks, while their inputs are recomputed from history each week.
  const every = config.kind === 'dixon-coles' ? 1 : retrainEvery;
  for (const week of bettingWeeksOf(seasonMatches)) {
    const history = matchesBeforeWeek(all, week);
    if (model === null || weeksSinceTraining >= every) {
      const trainStarted = performance.now();
      model = await trainOutcomeModel(config, history, { cutoff: week.start });
      trainMs += performance.now() - trainStarted;
      weeksSinceTraining = 0;
      retrains++;
      const snapshot = model.toSnapshot();
      if (snapshot.kind === 'dixon-coles' && !snapshot.dixonColes.converged) nonConvergedFits++;
      if (snapshot.kind === 'ensemble') ensembleWeights.push(snapshot.ensemble.weight);
    }
    weeksSinceTraining++;
    const fixtures = matchesInWeek(seasonMatches, week);
    const predictStarted = performance.now();
    const probabilities = model.predict(fixtures, history);
    predictMs.push(performance.now() - predictStarted);
    fixtures.forEach((m, i) => {
      forecasts.push(probabilities[i]!);
      results.push(m.result);
    });
  }
  return {
    season,
    matches: forecasts.length,
    model: scoresOf(forecasts, results),
    bet365: marketScores(seasonMatches, 'b365'),
    pinnacleClose: marketScores(seasonMatches, 'pinnacleClose'),
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: ((u) => (u.user + u.system) / 1e6)(process.cpuUsage(cpuStarted)),
    trainSeconds: trainMs / 1000,
    predictSeconds: predictMs.reduce((a, b) => a + b, 0) / 1000,
    work: modelWorkSince(workStarted),
    retrains,
    nonConvergedFits,
    predictMsMean: predictMs.reduce((a, b) => a + b, 0) / predictMs.length,
    predictMsMax: Math.max(...predictMs),
    ensembleWeights,
  };
}

function formatRow(name: string, s: Scores | null): string {
  if (s === null) return `  ${name.padEnd(16)} (odds missing for some matches)`;
  return `  ${name.padEnd(16)} Brier ${s.brier.toFixed(4)}  RPS ${s.rps.toFixed(4)}  log loss ${s.logLoss.toFixed(4)}`;
}

/** Applies a JSON override to the default config, one level deep (for tuning runs). */
function configWithOverrides(base: ModelConfig, json: string | undefined): ModelConfig {
  if (json === undefined) return base;
  let overrides: Record<string, unknown>;
  try {
    overrides = JSON.parse(json) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`--config is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in base)) throw new Error(`--config: unknown setting ${JSON.stringify(key)}; known: ${Object.keys(base).join(', ')}`);
    const current = merged[key];
    merged[key] = current !== null && typeof current === 'object' && value !== null && typeof value === 'object' ? { ...current, ...value } : value;
  }
  return merged as unknown as ModelConfig;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seasons: { type: 'string', default: '2122,2223,2324' },
      div: { type: 'string', default: 'E0' },
      data: { type: 'string', default: path.resolve(process.cwd(), '../shared/data/football-data') },
      'history-from': { type: 'string', default: '0506' },
      kind: { type: 'string', default: DEFAULT_MODEL_CONFIG.kind },
      'retrain-every': { type: 'string', default: '4' },
      config: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!MODEL_KINDS.includes(values.kind as ModelKind)) throw new Error(`--kind must be one of ${MODEL_KINDS.join(', ')}, got ${JSON.stringify(values.kind)}`);
  const retrainEvery = Number(values['retrain-every']);
  if (!Number.isInteger(retrainEvery) || retrainEvery < 1) throw new Error(`--retrain-every must be a whole number of weeks >= 1, got ${JSON.stringify(values['retrain-every'])}`);
  const seasons = seasonRange(values.seasons);
  const last = [...seasons].sort().at(-1)!;
  const loadSeasons = seasonRange(`${values['history-from']}-${last}`);
  const all = await loadFootballData({ from: values.data, div: values.div, seasons: loadSeasons });
  const config = configWithOverrides(modelConfigFor(values.kind as ModelKind), values.config);
  // The ordered-logit head and Dixon-Coles are fitted in plain TypeScript: no TF.js backend is loaded.
  const backend = config.kind === 'dixon-coles' || config.net.head === 'ordered' ? 'none' : await tfReady();
  const reports: SeasonReport[] = [];
  for (const season of seasons) reports.push(await benchSeason(all, season, config, retrainEvery));
  if (values.json) {
    console.log(JSON.stringify(reports));
    return;
  }
  console.log(`Config ${JSON.stringify(config)}`);
  console.log(`Model ${config.kind} (TF backend: ${backend}), ${values.div}, history from ${values['history-from']}, retrain every ${config.kind === 'dixon-coles' ? 1 : retrainEvery} week(s)`);
  for (const r of reports) {
    console.log(`${r.season}: ${r.matches} matches, ${r.seconds.toFixed(1)} s, ${r.retrains} fits, predict ${r.predictMsMean.toFixed(0)} ms/week (max ${r.predictMsMax.toFixed(0)})${r.nonConvergedFits > 0 ? `, ${r.nonConvergedFits} NOT CONVERGED` : ''}`);
    const w = r.work;
    console.log(
      `  time: ${r.trainSeconds.toFixed(1)} s training, ${r.predictSeconds.toFixed(1)} s predicting, ${r.cpuSeconds.toFixed(1)} s CPU in all | ` +
        `${w.goalModelFits} goal-model fits (${w.newtonIterations} Newton it., ${w.fitsReused} reused), ${w.featureRowsBuilt} feature rows built (${w.featureRowsReused} reused), ${w.netTrainings} net trainings`,
    );
    if (r.ensembleWeights.length > 0) console.log(`  feature-net blend weight per refit: ${[...new Set(r.ensembleWeights)].join(', ')}`);
    console.log(formatRow('model', r.model));
    console.log(formatRow('Bet365 pre-match', r.bet365));
    console.log(formatRow('Pinnacle closing', r.pinnacleClose));
    if (r.bet365) console.log(`  model RPS vs Bet365: ${(((r.model.rps - r.bet365.rps) / r.bet365.rps) * 100).toFixed(2)}%`);
  }
  console.log(`Total ${reports.reduce((s, r) => s + r.seconds, 0).toFixed(1)} s wall, ${reports.reduce((s, r) => s + r.cpuSeconds, 0).toFixed(1)} s CPU (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
