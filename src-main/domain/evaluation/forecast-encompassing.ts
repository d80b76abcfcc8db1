import { outcomeIndex, type Outcome, type Triple } from '../football/outcome';
import { normalQuantile } from './normal-distribution';

/**
 * Forecast encompassing (does the model carry information the market lacks?). The outcomes are
 * regressed on both forecasts' log probabilities in a multinomial logit,
 *   P(k) ∝ exp(α_k + a · ln q_k + b · ln p_k),   α_H = 0,
 * with q the market's fair probabilities and p the model's. If the market encompasses the model,
 * b = 0 (and a ≈ 1, α ≈ 0); a b whose interval lies above 0 says the model's forecasts add
 * information to the market's. Wald intervals from the observed information at the maximum
 * (the log likelihood is concave in (α, a, b), so Newton's method finds the maximum).
 */
export interface EncompassingObservation {
  readonly market: Triple;
  readonly model: Triple;
  readonly result: Outcome;
}

export interface SlopeEstimate {
  readonly estimate: number;
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
}

export interface EncompassingResult {
  readonly matches: number;
  readonly level: number;
  readonly marketSlope: SlopeEstimate;
  readonly modelSlope: SlopeEstimate;
  /** Intercepts for the draw and the away win (home is the reference). */
  readonly intercepts: { readonly draw: number; readonly away: number };
  /** b / (a + b): the model's share of the combined weight on log-odds. */
  readonly modelWeight: number;
  /** True when the model slope's interval lies wholly above 0. */
  readonly modelAddsInformation: boolean;
  /** One sentence for the dashboard and the report. */
  readonly verdict: string;
}

const CLIP = 1e-12;

function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-300) throw new Error('forecast encompassing: the two forecasts are collinear on these matches (the model equals the market up to a constant), so their weights cannot be told apart');
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const factor = a[r]![col]! / a[col]![col]!;
      for (let c = col; c <= n; c += 1) a[r]![c]! -= factor * a[col]![c]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

function inverse(matrix: number[][]): number[][] {
  const n = matrix.length;
  const columns = Array.from({ length: n }, (_, j) => solve(matrix, Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))));
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => columns[j]![i]!));
}

function assertTriple(p: Triple, what: string, index: number): void {
  if (p.length !== 3 || p.some((x) => !Number.isFinite(x) || x < 0 || x > 1) || Math.abs(p[0] + p[1] + p[2] - 1) > 1e-6) {
    throw new Error(`forecast encompassing: ${what} probabilities at match ${index} must be three numbers in [0, 1] summing to 1, got ${p.join(', ')}`);
  }
}

/** Fits the encompassing regression and says whether the model adds information. `level` e.g. 0.95. */
export function testForecastEncompassing(observations: readonly EncompassingObservation[], options: { readonly level: number }): EncompassingResult {
  const { level } = options;
  if (!(level > 0 && level < 1)) throw new Error(`level must be strictly between 0 and 1, got ${level}`);
  if (observations.length < 10) throw new Error(`forecast encompassing needs at least 10 matches, got ${observations.length}`);
  // Per match, the design row of each outcome: [draw intercept, away intercept, ln q_k, ln p_k].
  const rows = observations.map((o, i) => {
    assertTriple(o.market, 'market', i);
    assertTriple(o.model, 'model', i);
    const x = [0, 1, 2].map((k) => [k === 1 ? 1 : 0, k === 2 ? 1 : 0, Math.log(Math.max(o.market[k as 0 | 1 | 2], CLIP)), Math.log(Math.max(o.model[k as 0 | 1 | 2], CLIP))]);
    return { x, y: outcomeIndex(o.result) };
  });
  const dims = 4;
  const evaluate = (theta: readonly number[]) => {
    let logLikelihood = 0;
    const gradient = new Array<number>(dims).fill(0);
    const information = Array.from({ length: dims }, () => new Array<number>(dims).fill(0));
    for (const { x, y } of rows) {
      const z = x.map((xk) => xk.reduce((s, v, j) => s + v * theta[j]!, 0));
      const top = Math.max(...z);
      const e = z.map((v) => Math.exp(v - top));
      const total = e[0]! + e[1]! + e[2]!;
      const p = e.map((v) => v / total);
      logLikelihood += Math.log(p[y]!);
      const mean = new Array<number>(dims).fill(0);
      for (let k = 0; k < 3; k += 1) for (let j = 0; j < dims; j += 1) mean[j]! += p[k]! * x[k]![j]!;
      for (let j = 0; j < dims; j += 1) gradient[j]! += x[y]![j]! - mean[j]!;
      for (let k = 0; k < 3; k += 1) {
        for (let i = 0; i < dims; i += 1) {
          for (let j = 0; j < dims; j += 1) information[i]![j]! += p[k]! * (x[k]![i]! - mean[i]!) * (x[k]![j]! - mean[j]!);
        }
      }
    }
    return { logLikelihood, gradient, information };
  };
  let theta = [0, 0, 1, 0];
  let current = evaluate(theta);
  for (let step = 0; step < 100; step += 1) {
    const direction = solve(current.information, current.gradient);
    let scale = 1;
    let next = theta.map((t, j) => t + scale * direction[j]!);
    let candidate = evaluate(next);
    while (candidate.logLikelihood < current.logLikelihood - 1e-12 && scale > 1e-6) {
      scale /= 2;
      next = theta.map((t, j) => t + scale * direction[j]!);
      candidate = evaluate(next);
    }
    const change = Math.max(...direction.map((d) => Math.abs(scale * d)));
    theta = next;
    current = candidate;
    if (change < 1e-10) break;
  }
  const covariance = inverse(current.information);
  const z = normalQuantile(1 - (1 - level) / 2);
  const slope = (j: number): SlopeEstimate => {
    const standardError = Math.sqrt(Math.max(0, covariance[j]![j]!));
    return { estimate: theta[j]!, standardError, lower: theta[j]! - z * standardError, upper: theta[j]! + z * standardError };
  };
  const marketSlope = slope(2);
  const modelSlope = slope(3);
  const modelAddsInformation = modelSlope.lower > 0;
  const interval = `${modelSlope.estimate.toFixed(2)} [${modelSlope.lower.toFixed(2)}, ${modelSlope.upper.toFixed(2)}]`;
  const verdict = modelAddsInformation
    ? `The model carries information the market lacks: its log-odds weight ${interval} (${Math.round(level * 100)}% interval) is above 0 beside the market's.`
    : modelSlope.upper < 0
      ? `The model carries no information the market lacks: its log-odds weight ${interval} is below 0, so beside the market it only adds noise.`
      : `The model carries no information the market lacks that ${observations.length} matches can detect: its log-odds weight ${interval} includes 0.`;
  return {
    matches: observations.length,
    level,
    marketSlope,
    modelSlope,
    intercepts: { draw: theta[0]!, away: theta[1]! },
    modelWeight: modelSlope.estimate / (marketSlope.estimate + modelSlope.estimate),
    modelAddsInformation,
    verdict,
  };
}
