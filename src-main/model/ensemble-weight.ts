import type { Match } from '../domain/football/match';
import { outcomeIndex, type Triple } from '../domain/football/outcome';
import { bettingWeekStart, dayNumberOf } from '../domain/football/betting-week';
import type { ModelConfig } from './outcome-model';
import { buildFeatureRows, featureTrainingTargets } from './match-features';
import { MIN_TRAINING_ROWS, predictFeatureNet, type FeatureNetWeights } from './feature-net';
import { firstAtOrAfter, historyIndexOf, windowKey } from './history-index';
import type { FitControl } from './fit-control';

/** How the ensemble's blend weight was chosen, kept in the snapshot as a diagnostic. */
export interface EnsembleWeightFit {
  /** Weight of the feature net; Dixon-Coles gets 1 - weight. */
  readonly weight: number;
  /** The seasons the weight was fitted on; empty when it came from the config or the fallback. */
  readonly fittedOn: readonly string[];
  readonly matches: number;
  readonly logLossNet: number | null;
  readonly logLossDixonColes: number | null;
  readonly logLossBlend: number | null;
}

/** Used when there is no complete earlier season with enough history before it to fit on. */
export const FALLBACK_ENSEMBLE_WEIGHT = 0.5;
const WEIGHT_STEPS = 100;

/** Linear opinion pool: weight * net + (1 - weight) * Dixon-Coles. */
export function blendProbabilities(net: Triple, dixonColes: Triple, weight: number): Triple {
  return [weight * net[0] + (1 - weight) * dixonColes[0], weight * net[1] + (1 - weight) * dixonColes[1], weight * net[2] + (1 - weight) * dixonColes[2]];
}

interface ValidationPair {
  readonly net: Triple;
  readonly dc: Triple;
  readonly k: 0 | 1 | 2;
}

const memo = new Map<string, ValidationPair[] | null>();

/**
 * Fits the blend weight out of sample on the last `config.ensembleValidationSeasons` complete
 * seasons before the cutoff: for each, the net is trained as of that season's first week (on
 * earlier seasons only), then both models price the season week by week from earlier matches;
 * the weight minimising log loss over all those matches on a 0.01 grid wins. The evaluated
 * season itself never enters this fit. The latest season in the history counts as complete
 * unless it has fewer matches than the season before it (then it is the season in progress).
 */
export async function fitEnsembleWeight(
  config: ModelConfig,
  sorted: readonly Match[],
  cutoff: string,
  trainNet: (config: ModelConfig, history: readonly Match[], cutoff: string) => Promise<FeatureNetWeights>,
  control: FitControl = {},
): Promise<EnsembleWeightFit> {
  const fixed = { fittedOn: [], matches: 0, logLossNet: null, logLossDixonColes: null, logLossBlend: null };
  if (config.ensembleWeight !== null) return { weight: config.ensembleWeight, ...fixed };
  const counts = new Map<string, number>();
  for (const m of sorted) if (m.date < cutoff) counts.set(m.season, (counts.get(m.season) ?? 0) + 1);
  const seasons = [...counts.keys()];
  const inProgress = seasons.length >= 2 && counts.get(seasons.at(-1)!)! < counts.get(seasons.at(-2)!)!;
  const complete = inProgress ? seasons.slice(0, -1) : seasons;
  const pairs: ValidationPair[] = [];
  const fittedOn: string[] = [];
  for (const season of complete.slice(-config.ensembleValidationSeasons)) {
    const seasonPairs = await validationPairs(config, sorted, season, trainNet, control);
    if (seasonPairs === null) continue;
    pairs.push(...seasonPairs);
    fittedOn.push(season);
  }
  if (pairs.length === 0) return { weight: FALLBACK_ENSEMBLE_WEIGHT, ...fixed };
  const logLossAt = (w: number) => pairs.reduce((s, p) => s - Math.log(Math.max(w * p.net[p.k] + (1 - w) * p.dc[p.k], 1e-15)), 0) / pairs.length;
  let best = 0;
  for (let step = 1; step <= WEIGHT_STEPS; step++) if (logLossAt(step / WEIGHT_STEPS) < logLossAt(best / WEIGHT_STEPS)) best = step;
  return {
    weight: best / WEIGHT_STEPS,
    fittedOn,
    matches: pairs.length,
    logLossNet: logLossAt(1),
    logLossDixonColes: logLossAt(0),
    logLossBlend: logLossAt(best / WEIGHT_STEPS),
  };
}

/** Walk-forward net and Dixon-Coles forecasts for one complete season; null if too little history precedes it. */
async function validationPairs(
  config: ModelConfig,
  sorted: readonly Match[],
  season: string,
  trainNet: (config: ModelConfig, history: readonly Match[], cutoff: string) => Promise<FeatureNetWeights>,
  control: FitControl,
): Promise<ValidationPair[] | null> {
  const seasonMatches = sorted.filter((m) => m.season === season);
  const validationCutoff = bettingWeekStart(seasonMatches[0]!.date);
  const before = sorted.filter((m) => m.date < validationCutoff);
  if (featureTrainingTargets(before, validationCutoff, config.net.trainingSeasons).length < MIN_TRAINING_ROWS) return null;
  const index = historyIndexOf(sorted);
  const seasonEnd = firstAtOrAfter(index, dayNumberOf(seasonMatches.at(-1)!.date) + 1);
  const upToSeasonEnd = index.matches.slice(0, seasonEnd);
  const key = `${JSON.stringify([config.seed, config.dixonColes, config.form, config.net])}|${season}|${windowKey(index, 0, seasonEnd)}`;
  const cached = memo.get(key);
  if (cached !== undefined) return cached;
  const net = await trainNet(config, before, validationCutoff);
  const rows = buildFeatureRows(upToSeasonEnd, seasonMatches, { dixonColes: config.dixonColes, form: config.form }, control);
  const resultOf = new Map(seasonMatches.map((m) => [m.id, outcomeIndex(m.result)]));
  const pairs = rows.map((r) => ({ net: predictFeatureNet(net, r.features), dc: r.dixonColesProbabilities, k: resultOf.get(r.matchId)! }));
  memo.set(key, pairs);
  return pairs;
}
