import type { Match } from '../domain/football/match';
import { outcomeIndex, type Triple } from '../domain/football/outcome';
import { daysBetween } from '../domain/football/betting-week';
import type { Fixture } from './fixture';
import { sortedByDate } from './history-index';
import { countModelWork } from './model-work';
import { fitDixonColesRatings, predictDixonColes, type DixonColesRatings, type DixonColesSettings } from './dixon-coles-ratings';
import { buildFeatureRows, FEATURE_NAMES, featureTrainingTargets, MIN_HISTORY_DAYS_FOR_FEATURES, type FeatureSettings } from './match-features';
import type { TeamFormSettings } from './team-form-tracker';
import { MIN_TRAINING_ROWS, predictFeatureNet, trainFeatureNet, type FeatureNetSettings, type FeatureNetWeights } from './feature-net';
import { blendProbabilities, fitEnsembleWeight, type EnsembleWeightFit } from './ensemble-weight';
import type { FitControl } from './fit-control';

export type { Fixture } from './fixture';

export type ModelKind = 'dixon-coles' | 'feature-net' | 'ensemble';
export const MODEL_KINDS: readonly ModelKind[] = ['dixon-coles', 'feature-net', 'ensemble'];

export interface ModelConfig {
  readonly kind: ModelKind;
  /** Seeds every random draw in training (the feature net's initial weights). */
  readonly seed: number;
  /** The goal model, alone or as the feature net's main input. */
  readonly dixonColes: DixonColesSettings;
  /** Elo and rolling-form features. */
  readonly form: TeamFormSettings;
  readonly net: FeatureNetSettings & {
    /** Training rows come from this many most recent seasons in the history (the current one included). */
    readonly trainingSeasons: number;
  };
  /**
   * Weight of the feature net in the ensemble (1 - weight goes to Dixon-Coles). null = fit it
   * on the last complete season before the cutoff, by walk-forward log loss.
   */
  readonly ensembleWeight: number | null;
  /** How many of the latest complete seasons before the cutoff the blend weight is fitted on. */
  readonly ensembleValidationSeasons: number;
}

/**
 * The defaults, tuned on EPL 2018-19 .. 2020-21 only (seasons before every benchmark season);
 * docs/models.md gives the search and the reasons.
 */
export const DEFAULT_MODEL_CONFIG: ModelConfig = {
  kind: 'ensemble',
  seed: 20240801,
  dixonColes: { xiPerDay: 0.002, historyDays: 1460, ridge: 2, newcomerPriorTeams: 3, newcomerMinMatches: 10, xgAlpha: 0.3 },
  form: { eloK: 20, eloHomeAdvantage: 60, eloSeasonRegression: 1 / 3, rollingAlpha: 0.15, formMatches: 6 },
  net: { hiddenUnits: 0, epochs: 300, learningRate: 0.05, l2: 0.03, trainingSeasons: 6, head: 'ordered' },
  ensembleWeight: null,
  ensembleValidationSeasons: 1,
};

/**
 * The configuration a run uses for each model kind. The ensemble (the default) combines the goal
 * model with the ordered-logit head, which scored best on the tuning seasons and is fitted by
 * Newton steps in TypeScript. The `feature-net` kind is the TensorFlow.js network: a multinomial
 * softmax layer trained with Adam on the WASM (or tfjs-node / cpu) backend, kept as a choice
 * because it is the extensible one (hidden layers, other losses) and the one TF.js accelerates.
 */
export function modelConfigFor(kind: ModelKind, seed: number = DEFAULT_MODEL_CONFIG.seed): ModelConfig {
  switch (kind) {
    case 'ensemble':
    case 'dixon-coles':
      return { ...DEFAULT_MODEL_CONFIG, kind, seed };
    case 'feature-net':
      return { ...DEFAULT_MODEL_CONFIG, kind, seed, net: { ...DEFAULT_MODEL_CONFIG.net, head: 'multinomial' } };
    default: {
      const unreachable: never = kind;
      throw new Error(`Unknown model kind ${String(unreachable)}`);
    }
  }
}

export interface TrainingWindow {
  readonly from: string;
  readonly to: string;
  readonly matches: number;
}

interface SnapshotBase {
  readonly format: 'edgeline-model/1';
  readonly config: ModelConfig;
  readonly cutoff: string;
  readonly trainedThrough: string;
  readonly trainingWindow: TrainingWindow;
}

/** Everything needed to restore a trained model, JSON-serialisable. */
export type ModelSnapshot =
  | (SnapshotBase & { readonly kind: 'dixon-coles'; readonly dixonColes: DixonColesRatings })
  | (SnapshotBase & { readonly kind: 'feature-net'; readonly net: FeatureNetWeights; readonly featureNames: readonly string[] })
  | (SnapshotBase & {
      readonly kind: 'ensemble';
      readonly net: FeatureNetWeights;
      readonly featureNames: readonly string[];
      readonly ensemble: EnsembleWeightFit;
    });

export interface TrainedOutcomeModel {
  readonly kind: ModelKind;
  readonly config: ModelConfig;
  /** ISO date of the last match used in training; always before the cutoff. */
  readonly trainedThrough: string;
  /**
   * Prices fixtures from what was known before each fixture's betting week. `history` = every
   * match that kicked off before the cutoff; the feature net and the ensemble recompute their
   * inputs (Elo, form, a Dixon-Coles fit as of the week start) from it, using only matches
   * before each fixture's week. The Dixon-Coles model uses its trained ratings only.
   */
  predict(fixtures: readonly Fixture[], history: readonly Match[]): Triple[];
  toSnapshot(): ModelSnapshot;
}

export interface TrainOptions {
  /** ISO date of the week start: only matches with date < cutoff may be used. */
  readonly cutoff: string;
  readonly signal?: AbortSignal;
  /** Polled between iterations of the fit (see fit-control.ts): true stops it with a FitCancelledError. */
  readonly shouldStop?: () => boolean;
  /** `detail` says what the fraction counts ("120 of 233 weeks of features"). */
  readonly onProgress?: (fraction: number, detail?: string) => void;
}

/**
 * Trains a model on `history` as of `options.cutoff`. Throws if `history` holds any match on or
 * after the cutoff: the caller must cut it, so a leak is an error, not a silent filter.
 */
export async function trainOutcomeModel(config: ModelConfig, history: readonly Match[], options: TrainOptions): Promise<TrainedOutcomeModel> {
  validateConfig(config);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.cutoff)) throw new Error(`trainOutcomeModel: cutoff must be an ISO date yyyy-mm-dd, got ${JSON.stringify(options.cutoff)}`);
  const late = history.find((m) => m.date >= options.cutoff);
  if (late) throw new Error(`trainOutcomeModel: history holds match ${late.id} dated ${late.date}, on or after the cutoff ${options.cutoff}`);
  if (history.length === 0) throw new Error(`trainOutcomeModel: no matches before the cutoff ${options.cutoff}`);
  const sorted = sortedByDate(history);
  const base = { format: 'edgeline-model/1' as const, config, cutoff: options.cutoff };
  const kind = config.kind;
  switch (kind) {
    case 'dixon-coles': {
      const ratings = fitDixonColesRatings(sorted, options.cutoff, config.dixonColes);
      options.onProgress?.(1);
      const windowMatches = sorted.filter((m) => daysBetween(m.date, options.cutoff) <= config.dixonColes.historyDays);
      return restoreOutcomeModel({
        ...base,
        kind,
        trainedThrough: ratings.trainedThrough,
        trainingWindow: { from: windowMatches[0]!.date, to: ratings.trainedThrough, matches: ratings.matchesUsed },
        dixonColes: ratings,
      });
    }
    case 'feature-net':
    case 'ensemble': {
      // The net's feature rows are most of an ensemble's fit; its blend weight reuses most of them.
      const { net, window } = await trainNetAsOf(config, sorted, options.cutoff, {
        signal: options.signal,
        shouldStop: options.shouldStop,
        onProgress: (f, detail) => options.onProgress?.(kind === 'ensemble' ? 0.8 * f : f, detail),
      });
      const common = { ...base, trainedThrough: window.to, trainingWindow: window, net, featureNames: [...FEATURE_NAMES] };
      if (kind === 'feature-net') {
        options.onProgress?.(1);
        return restoreOutcomeModel({ ...common, kind });
      }
      const ensemble = await fitEnsembleWeight(
        config,
        sorted,
        options.cutoff,
        (c, h, cutoff) => trainNetAsOf(c, h, cutoff, { signal: options.signal, shouldStop: options.shouldStop }).then((r) => r.net),
        {
          shouldStop: options.shouldStop,
          onIterations: (done, needed) => options.onProgress?.(0.8 + (0.2 * done) / needed, `blend weight: ${done} of ${needed} validation weeks`),
        },
      );
      options.onProgress?.(1);
      return restoreOutcomeModel({ ...common, kind, ensemble });
    }
    default: {
      const unreachable: never = kind;
      throw new Error(`Unknown model kind ${String(unreachable)}`);
    }
  }
}

/** Rebuilds a trained model from its snapshot (e.g. loaded from the ledger). */
export function restoreOutcomeModel(snapshot: ModelSnapshot): TrainedOutcomeModel {
  if (snapshot.format !== 'edgeline-model/1') throw new Error(`Unknown model snapshot format ${JSON.stringify((snapshot as { format?: unknown }).format)}`);
  if (snapshot.kind !== 'dixon-coles') assertKnownFeatures(snapshot.featureNames);
  const config = snapshot.config;
  const common = { kind: snapshot.kind, config, trainedThrough: snapshot.trainedThrough, toSnapshot: () => snapshot };
  switch (snapshot.kind) {
    case 'dixon-coles': {
      const ratings = snapshot.dixonColes;
      return { ...common, predict: (fixtures) => fixtures.map((f) => predictDixonColes(ratings, f.homeTeamId, f.awayTeamId).probabilities) };
    }
    case 'feature-net':
      return { ...common, predict: (fixtures, history) => predictWithNet(snapshot.net, null, config, fixtures, history) };
    case 'ensemble':
      return { ...common, predict: (fixtures, history) => predictWithNet(snapshot.net, snapshot.ensemble.weight, config, fixtures, history) };
    default: {
      const unreachable: never = snapshot;
      throw new Error(`Unknown model kind ${String((unreachable as { kind?: unknown }).kind)}`);
    }
  }
}

/**
 * The net's inputs are recomputed at prediction time, so a snapshot is usable only if every input
 * it was trained on still exists. The optional inputs of the measured-and-rejected experiments
 * (docs/models.md) were removed; no run could select them, but a tuning run could have saved one.
 */
function assertKnownFeatures(featureNames: readonly string[]): void {
  const known = new Set<string>(FEATURE_NAMES);
  const removed = featureNames.filter((name) => !known.has(name));
  if (removed.length > 0 || featureNames.length !== FEATURE_NAMES.length) {
    throw new Error(
      `This model was trained with inputs Edgeline no longer computes (${removed.join(', ')}): the experiments behind them were removed after commit e1bfda3; retrain the model`,
    );
  }
}

function featureSettingsOf(config: ModelConfig): FeatureSettings {
  return { dixonColes: config.dixonColes, form: config.form };
}

function predictWithNet(net: FeatureNetWeights, ensembleWeight: number | null, config: ModelConfig, fixtures: readonly Fixture[], history: readonly Match[]): Triple[] {
  if (fixtures.length === 0) return [];
  const rows = buildFeatureRows(history, fixtures, featureSettingsOf(config));
  const byId = new Map(rows.map((r) => [r.matchId, r]));
  return fixtures.map((f) => {
    const row = byId.get(f.id);
    if (!row) throw new Error(`No features for fixture ${f.id}`);
    const netProbabilities = predictFeatureNet(net, row.features);
    return ensembleWeight === null ? netProbabilities : blendProbabilities(netProbabilities, row.dixonColesProbabilities, ensembleWeight);
  });
}

/**
 * Trains the feature net on the most recent `trainingSeasons` seasons of `sorted` (all before
 * `cutoff`), each row described as of its own week start. Weeks with less than
 * MIN_HISTORY_DAYS_FOR_FEATURES of earlier data are skipped (no goal model can be fitted yet).
 */
export async function trainNetAsOf(
  config: ModelConfig,
  sorted: readonly Match[],
  cutoff: string,
  options: { signal?: AbortSignal; shouldStop?: () => boolean; onProgress?: (fraction: number, detail?: string) => void },
): Promise<{ net: FeatureNetWeights; window: TrainingWindow }> {
  const targets = featureTrainingTargets(sorted, cutoff, config.net.trainingSeasons);
  if (targets.length < MIN_TRAINING_ROWS) {
    throw new Error(`The feature net needs at least ${MIN_TRAINING_ROWS} matches with ${MIN_HISTORY_DAYS_FOR_FEATURES} days of earlier history before ${cutoff}; found ${targets.length}`);
  }
  const control: FitControl = {
    shouldStop: options.shouldStop,
    onIterations: (done, needed) => options.onProgress?.((0.8 * done) / needed, `${done} of ${needed} weeks of features`),
  };
  const rows = buildFeatureRows(sorted, targets, featureSettingsOf(config), control);
  const resultOf = new Map(targets.map((m) => [m.id, outcomeIndex(m.result)]));
  const labels = rows.map((r) => resultOf.get(r.matchId)!);
  countModelWork('netTrainings');
  const net = await trainFeatureNet(
    rows.map((r) => r.features),
    labels,
    config.net,
    config.seed,
    { signal: options.signal, shouldStop: options.shouldStop, onProgress: (f) => options.onProgress?.(0.8 + 0.2 * f, 'fitting the outcome head') },
  );
  return { net, window: { from: targets[0]!.date, to: sorted.at(-1)!.date, matches: targets.length } };
}


function validateConfig(config: ModelConfig): void {
  const bad = (setting: string, value: unknown, rule: string) => new Error(`Model config: ${setting} ${rule}, got ${JSON.stringify(value)}`);
  if (!MODEL_KINDS.includes(config.kind)) throw bad('kind', config.kind, `must be one of ${MODEL_KINDS.join(', ')}`);
  if (!Number.isInteger(config.seed)) throw bad('seed', config.seed, 'must be an integer');
  const d = config.dixonColes;
  if (!(d.xiPerDay >= 0 && d.xiPerDay < 1)) throw bad('dixonColes.xiPerDay', d.xiPerDay, 'must be in [0, 1)');
  if (!(d.historyDays >= 30)) throw bad('dixonColes.historyDays', d.historyDays, 'must be at least 30');
  if (!(d.ridge >= 0)) throw bad('dixonColes.ridge', d.ridge, 'must be >= 0');
  if (!(Number.isInteger(d.newcomerPriorTeams) && d.newcomerPriorTeams >= 1)) throw bad('dixonColes.newcomerPriorTeams', d.newcomerPriorTeams, 'must be an integer >= 1');
  if (!(d.newcomerMinMatches >= 0)) throw bad('dixonColes.newcomerMinMatches', d.newcomerMinMatches, 'must be >= 0');
  if (d.xgAlpha !== undefined && !(d.xgAlpha >= 0 && d.xgAlpha <= 1)) throw bad('dixonColes.xgAlpha', d.xgAlpha, 'must be in [0, 1]');
  const n = config.net;
  if (!(Number.isInteger(n.hiddenUnits) && n.hiddenUnits >= 0)) throw bad('net.hiddenUnits', n.hiddenUnits, 'must be an integer >= 0');
  if (!(Number.isInteger(n.epochs) && n.epochs >= 1)) throw bad('net.epochs', n.epochs, 'must be an integer >= 1');
  if (!(n.learningRate > 0)) throw bad('net.learningRate', n.learningRate, 'must be > 0');
  if (!(n.l2 >= 0)) throw bad('net.l2', n.l2, 'must be >= 0');
  if (n.head !== undefined && n.head !== 'multinomial' && n.head !== 'ordered') throw bad('net.head', n.head, 'must be multinomial or ordered');
  if (n.head === 'ordered' && n.hiddenUnits > 0) throw bad('net.hiddenUnits', n.hiddenUnits, 'must be 0 with the ordered head');
  if (!(Number.isInteger(n.trainingSeasons) && n.trainingSeasons >= 1)) throw bad('net.trainingSeasons', n.trainingSeasons, 'must be an integer >= 1');
  const w = config.ensembleWeight;
  if (w !== null && !(w >= 0 && w <= 1)) throw bad('ensembleWeight', w, 'must be null (fit it) or in [0, 1]');
  const v = config.ensembleValidationSeasons;
  if (!(Number.isInteger(v) && v >= 1)) throw bad('ensembleValidationSeasons', v, 'must be an integer >= 1');
}
