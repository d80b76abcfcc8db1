import type { Triple } from '../domain/football/outcome';
import { choleskySolve } from '../domain/numeric/cholesky-solve';

/**
 * Ordered logit for H/D/A: one latent home-strength score s = beta · x and two cut-points
 * theta1 < theta2 on it, P(away) = F(theta1 − s), P(away or draw) = F(theta2 − s), F the
 * logistic function. Width + 2 parameters instead of the multinomial model's 2 × (width + 1):
 * a draw is what happens when the sides are close, so there is less room to overfit.
 */
export interface OrderedLogitFit {
  readonly beta: number[];
  readonly cutpoints: readonly [number, number];
  /** Mean weighted log-likelihood per row at the fit (without the L2 penalty). */
  readonly meanLogLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
}

const MAX_ITERATIONS = 50;
const GRADIENT_TOLERANCE = 1e-9;

/** Adds in place (typed-array `+=` under noUncheckedIndexedAccess). */
function addTo(array: Float64Array, index: number, value: number): void {
  array[index] = array[index]! + value;
}

const logistic = (v: number) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v)));

/** H, D, A probabilities of a latent score. */
export function orderedLogitProbabilities(score: number, cutpoints: readonly [number, number]): Triple {
  const away = logistic(cutpoints[0] - score);
  const awayOrDraw = logistic(cutpoints[1] - score);
  return [1 - awayOrDraw, awayOrDraw - away, away];
}

/**
 * Maximises mean(w_i · log p_i) − l2 · Σ beta² by Newton steps with the analytic gradient and
 * Hessian (the objective is concave), halving a step that lowers it or crosses the cut-points.
 * `labels` use outcomeIndex (0 = H, 1 = D, 2 = A); inputs should be standardised.
 */
export function fitOrderedLogit(inputs: readonly (readonly number[])[], labels: readonly (0 | 1 | 2)[], l2: number, rowWeights?: readonly number[]): OrderedLogitFit {
  const n = inputs.length;
  if (n === 0) throw new Error('fitOrderedLogit: no training rows');
  if (labels.length !== n) throw new Error(`fitOrderedLogit: ${n} rows but ${labels.length} labels`);
  const width = inputs[0]!.length;
  const p = width + 2;
  const weightOf = (i: number) => rowWeights?.[i] ?? 1;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) totalWeight += weightOf(i);
  const share = (label: 0 | 1 | 2) => {
    let sum = 0;
    for (let i = 0; i < n; i++) if (labels[i] === label) sum += weightOf(i);
    return sum / totalWeight;
  };
  const clamp = (v: number) => Math.min(Math.max(v, 1e-3), 1 - 1e-3);
  const logit = (v: number) => Math.log(clamp(v) / (1 - clamp(v)));
  // Start at the base rates: beta = 0, cut-points at the logits of P(A) and P(A or D).
  let theta: Float64Array = new Float64Array(p);
  theta[width] = logit(share(2));
  theta[width + 1] = Math.max(logit(share(2) + share(1)), theta[width]! + 1e-3);

  const evaluate = (q: Float64Array, derivatives: boolean) => {
    const g = derivatives ? new Float64Array(p) : null;
    const h = derivatives ? new Float64Array(p * p) : null;
    let value = 0;
    for (let i = 0; i < n; i++) {
      const x = inputs[i]!;
      let s = 0;
      for (let j = 0; j < width; j++) s += q[j]! * x[j]!;
      const a = q[width]! - s;
      const b = q[width + 1]! - s;
      const fa = logistic(a);
      const fb = logistic(b);
      const w = weightOf(i) / totalWeight;
      let la = 0, lb = 0, laa = 0, lbb = 0, lab = 0;
      const label = labels[i]!;
      if (label === 2) {
        value += w * Math.log(fa);
        la = 1 - fa;
        laa = -fa * (1 - fa);
      } else if (label === 0) {
        value += w * Math.log(1 - fb);
        lb = -fb;
        lbb = -fb * (1 - fb);
      } else {
        const d = fb - fa;
        if (!(d > 0)) return { value: -Infinity, g, h };
        value += w * Math.log(d);
        const da = fa * (1 - fa);
        const db = fb * (1 - fb);
        la = -da / d;
        lb = db / d;
        laa = (-da * (1 - 2 * fa)) / d - (da * da) / (d * d);
        lbb = (db * (1 - 2 * fb)) / d - (db * db) / (d * d);
        lab = (da * db) / (d * d);
      }
      if (!g || !h) continue;
      addTo(g, width, w * la);
      addTo(g, width + 1, w * lb);
      const cross1 = -(laa + lab);
      const cross2 = -(lab + lbb);
      const bb = laa + 2 * lab + lbb;
      addTo(h, width * p + width, w * laa);
      addTo(h, (width + 1) * p + width + 1, w * lbb);
      addTo(h, width * p + width + 1, w * lab);
      addTo(h, (width + 1) * p + width, w * lab);
      for (let j = 0; j < width; j++) {
        const xj = x[j]!;
        addTo(g, j, -(w * (la + lb) * xj));
        addTo(h, width * p + j, w * cross1 * xj);
        addTo(h, j * p + width, w * cross1 * xj);
        addTo(h, (width + 1) * p + j, w * cross2 * xj);
        addTo(h, j * p + width + 1, w * cross2 * xj);
        for (let k = 0; k <= j; k++) {
          const v = w * bb * xj * x[k]!;
          addTo(h, j * p + k, v);
          if (k !== j) addTo(h, k * p + j, v);
        }
      }
    }
    let penalty = 0;
    for (let j = 0; j < width; j++) {
      penalty += q[j]! * q[j]!;
      if (g && h) {
        addTo(g, j, -(2 * l2 * q[j]!));
        addTo(h, j * p + j, -(2 * l2));
      }
    }
    return { value: value - l2 * penalty, g, h, logLikelihood: value };
  };

  let current = evaluate(theta, true);
  let iterations = 0;
  let converged = false;
  while (iterations < MAX_ITERATIONS) {
    const g = current.g!;
    if (Math.max(...Array.from(g, Math.abs)) < GRADIENT_TOLERANCE) {
      converged = true;
      break;
    }
    iterations++;
    const negH = Float64Array.from(current.h!, (v) => -v);
    let step = choleskySolve(negH, g, p);
    // A flat direction (e.g. a constant column) leaves -H singular: a little damping fixes it.
    for (let damping = 1e-8; step === null && damping < 1e3; damping *= 10) {
      for (let j = 0; j < p; j++) negH[j * p + j] = -current.h![j * p + j]! + damping;
      step = choleskySolve(negH, g, p);
    }
    if (step === null) break;
    let scale = 1;
    let next: Float64Array | null = null;
    for (let halvings = 0; halvings < 30; halvings++, scale /= 2) {
      const candidate = Float64Array.from(theta, (v, j) => v + scale * step[j]!);
      if (!(candidate[width + 1]! > candidate[width]!)) continue;
      if (evaluate(candidate, false).value >= current.value - 1e-15) {
        next = candidate;
        break;
      }
    }
    if (next === null) break;
    theta = next;
    current = evaluate(theta, true);
  }
  return {
    beta: Array.from(theta.subarray(0, width)),
    cutpoints: [theta[width]!, theta[width + 1]!],
    meanLogLikelihood: current.logLikelihood ?? current.value,
    iterations,
    converged,
  };
}
