import type { Match } from '../domain/football/match';
import { outcomeIndex, type Triple } from '../domain/football/outcome';
import { bettingWeekStart, daysBetween } from '../domain/football/betting-week';
import type { ModelConfig } from './outcome-model';
import { buildFeatureRows, MIN_HISTORY_DAYS_FOR_FEATURES } from './match-features';
import { predictFeatureNet, type FeatureNetWeights } from './feature-net';
import { matchFingerprint } from './match-fingerprint';

/** How the ensemble's blend weight was chosen, kept in the snapshot as a diagnostic. */
export interface EnsembleWeightFit {
  /** Weight of the feature net; Dixon-Coles gets 1 - weight. */
  readonly weight: number;
  /** The season the weight was fitted on, or null when it came from the config or the fallback. */
  readonly fittedOn: string | null;
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

const memo = new Map<string, EnsembleWeightFit>();

/**
 * Fits the blend weight on the last complete season before the cutoff, out of sample: the net is
 * trained as of that season's first week (on earlier seasons only), then both models price the
 * season week by week from earlier matches, and the weight minimising log loss on a 0.01 grid
 * wins. The evaluated season itself never enters this fit. The latest season in the history
 * counts as complete unless it has fewer matches than the season before it (then it is the
 * season in progress and the one before is used).
 */
export async function fitEnsembleWeight(
  config: ModelConfig,
  sorted: readonly Match[],
  cutoff: string,
  trainNet: (config: ModelConfig, history: readonly Match[], cutoff: string) => Promise<FeatureNetWeights>,
): Promise<EnsembleWeightFit> {
  const fixed = { fittedOn: null, matches: 0, logLossNet: null, logLossDixonColes: null, logLossBlend: null };
  if (config.ensembleWeight !== null) return { weight: config.ensembleWeight, ...fixed };
  const counts = new Map<string, number>();
  for (const m of sorted) counts.set(m.season, (counts.get(m.season) ?? 0) + 1);
  const seasons = [...counts.keys()];
  const latest = seasons.at(-1);
  const previous = seasons.at(-2);
  const validation = latest !== undefined && previous !== undefined && counts.get(latest)! < counts.get(previous)! ? previous : latest;
  const validationMatches = sorted.filter((m) => m.season === validation && m.date < cutoff);
  if (validation === undefined || validationMatches.length === 0) return { weight: FALLBACK_ENSEMBLE_WEIGHT, ...fixed };
  const validationCutoff = bettingWeekStart(validationMatches[0]!.date);
  const before = sorted.filter((m) => m.date < validationCutoff);
  if (before.length === 0 || daysBetween(before[0]!.date, validationCutoff) < MIN_HISTORY_DAYS_FOR_FEATURES + 30) {
    return { weight: FALLBACK_ENSEMBLE_WEIGHT, ...fixed };
  }
  const upToSeasonEnd = sorted.filter((m) => m.date <= validationMatches.at(-1)!.date);
  const key = `${JSON.stringify([config.seed, config.dixonColes, config.form, config.net])}|${validation}|${matchFingerprint(upToSeasonEnd)}`;
  const cached = memo.get(key);
  if (cached) return cached;

  const net = await trainNet(config, before, validationCutoff);
  const rows = buildFeatureRows(upToSeasonEnd, validationMatches, { dixonColes: config.dixonColes, form: config.form });
  const resultOf = new Map(validationMatches.map((m) => [m.id, outcomeIndex(m.result)]));
  const pairs = rows.map((r) => ({ net: predictFeatureNet(net, r.features), dc: r.dixonColesProbabilities, k: resultOf.get(r.matchId)! }));
  const logLossAt = (w: number) => pairs.reduce((s, p) => s - Math.log(Math.max(w * p.net[p.k] + (1 - w) * p.dc[p.k], 1e-15)), 0) / pairs.length;
  let best = 0;
  for (let step = 1; step <= WEIGHT_STEPS; step++) if (logLossAt(step / WEIGHT_STEPS) < logLossAt(best / WEIGHT_STEPS)) best = step;
  const fit: EnsembleWeightFit = {
    weight: best / WEIGHT_STEPS,
    fittedOn: validation,
    matches: pairs.length,
    logLossNet: logLossAt(1),
    logLossDixonColes: logLossAt(0),
    logLossBlend: logLossAt(best / WEIGHT_STEPS),
  };
  memo.set(key, fit);
  return fit;
}
