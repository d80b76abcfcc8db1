import { outcomeIndex, type Outcome, type Triple } from '../football/outcome';

/**
 * The model shrunk toward the market: a logistic (geometric) pool of the two forecasts,
 *   p_k ∝ exp(w · ln p_model,k + (1 − w) · ln p_market,k),
 * so w = 0 is exactly the market and w = 1 exactly the model. One weight and no per-outcome
 * intercepts, on purpose: the market's fair probabilities are already calibrated (margin removal
 * takes out the favourite-longshot bias), intercepts fitted on a few seasons would re-tune that
 * calibration with noise, and with them neither end of the weight range would be the market or
 * the model any more. The forecast-encompassing test (evaluation/forecast-encompassing.ts) is the
 * place for the general form with two free slopes and intercepts.
 */

/** Probabilities are clipped here before the logarithm, so a model that says 0 stays finite. */
export const POOL_CLIP = 1e-12;

function assertTriple(p: Triple, what: string, index: number): void {
  if (p.length !== 3 || p.some((x) => !Number.isFinite(x) || x < 0 || x > 1)) {
    throw new Error(`${what} probabilities at match ${index} must be three numbers in [0, 1], got ${p.join(', ')}`);
  }
  const total = p[0] + p[1] + p[2];
  if (Math.abs(total - 1) > 1e-6) throw new Error(`${what} probabilities at match ${index} must sum to 1, got ${total}`);
}

function logs(p: Triple): Triple {
  return [Math.log(Math.max(p[0], POOL_CLIP)), Math.log(Math.max(p[1], POOL_CLIP)), Math.log(Math.max(p[2], POOL_CLIP))];
}

function softmax(z: Triple): Triple {
  const top = Math.max(z[0], z[1], z[2]);
  const e0 = Math.exp(z[0] - top);
  const e1 = Math.exp(z[1] - top);
  const e2 = Math.exp(z[2] - top);
  const total = e0 + e1 + e2;
  return [e0 / total, e1 / total, e2 / total];
}

/** The pooled forecast for one match at weight w (any real w; the fit keeps it in [0, 1]). */
export function poolProbabilities(model: Triple, market: Triple, weight: number): Triple {
  if (!Number.isFinite(weight)) throw new Error(`pool weight must be a finite number, got ${weight}`);
  assertTriple(model, 'model', 0);
  assertTriple(market, 'market', 0);
  const a = logs(model);
  const b = logs(market);
  return softmax([weight * a[0] + (1 - weight) * b[0], weight * a[1] + (1 - weight) * b[1], weight * a[2] + (1 - weight) * b[2]]);
}

/** One past match the weight is fitted on. */
export interface PoolObservation {
  readonly model: Triple;
  readonly market: Triple;
  readonly result: Outcome;
}

export interface PoolFit {
  /** The maximum-likelihood weight within [0, 1] (the log likelihood is concave, so clipping is exact). */
  readonly weight: number;
  /** The unconstrained maximiser, shown so a fit that wanted w < 0 (model worse than useless) is visible. */
  readonly unconstrainedWeight: number;
  /** 1 / sqrt(observed information) at the unconstrained maximum. */
  readonly standardError: number;
  /** Mean log likelihood per match at `weight`. */
  readonly meanLogLikelihood: number;
  readonly matches: number;
}

/**
 * Fits the pool weight by maximum likelihood. With d_k = ln p_model,k − ln p_market,k the log
 * likelihood is l(w) = Σ [ln p_market,y + w·d_y − ln Σ_k p_market,k·e^{w·d_k}], whose derivative is
 * Σ (d_y − E_w d) and second derivative −Σ Var_w(d) ≤ 0: concave, so safeguarded Newton on a
 * bracket finds the one maximum. Pass only matches from seasons before the holdout.
 */
export function fitPoolWeight(observations: readonly PoolObservation[]): PoolFit {
  if (observations.length === 0) throw new Error('cannot fit a pool weight on no matches');
  const rows = observations.map((o, i) => {
    assertTriple(o.model, 'model', i);
    assertTriple(o.market, 'market', i);
    const a = logs(o.model);
    const b = logs(o.market);
    return { b, d: [a[0] - b[0], a[1] - b[1], a[2] - b[2]] as Triple, y: outcomeIndex(o.result) };
  });
  const evaluate = (w: number) => {
    let logLikelihood = 0;
    let slope = 0;
    let information = 0;
    for (const { b, d, y } of rows) {
      const p = softmax([b[0] + w * d[0], b[1] + w * d[1], b[2] + w * d[2]]);
      const mean = p[0] * d[0] + p[1] * d[1] + p[2] * d[2];
      const meanSquare = p[0] * d[0] ** 2 + p[1] * d[1] ** 2 + p[2] * d[2] ** 2;
      logLikelihood += Math.log(p[y]);
      slope += d[y] - mean;
      information += meanSquare - mean * mean;
    }
    return { logLikelihood, slope, information };
  };
  let lo = -1;
  let hi = 2;
  while (evaluate(lo).slope < 0 && lo > -1e6) lo *= 2;
  while (evaluate(hi).slope > 0 && hi < 1e6) hi *= 2;
  let w = Math.min(Math.max(0.5, lo), hi);
  for (let step = 0; step < 200; step += 1) {
    const { slope, information } = evaluate(w);
    if (slope > 0) lo = w;
    else hi = w;
    const newton = information > 0 ? w + slope / information : Number.NaN;
    const next = newton > lo && newton < hi ? newton : (lo + hi) / 2;
    if (Math.abs(next - w) < 1e-12 || hi - lo < 1e-12) {
      w = next;
      break;
    }
    w = next;
  }
  const weight = Math.min(1, Math.max(0, w));
  const { information } = evaluate(w);
  return {
    weight,
    unconstrainedWeight: w,
    standardError: information > 0 ? 1 / Math.sqrt(information) : Number.POSITIVE_INFINITY,
    meanLogLikelihood: evaluate(weight).logLikelihood / rows.length,
    matches: rows.length,
  };
}
