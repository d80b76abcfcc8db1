import { choleskySolve } from '../domain/numeric/cholesky-solve';
import { countModelWork } from './model-work';

/** One observed score in a goal-model fit. `weight` multiplies the match's whole log-likelihood term. */
export interface GoalObservation {
  readonly homeTeam: string;
  readonly awayTeam: string;
  readonly homeGoals: number;
  readonly awayGoals: number;
  readonly weight: number;
}

export interface GoalModelFitOptions {
  /** Fit the Dixon-Coles rho (low-score correction); false = independent Poisson. */
  readonly dixonColes: boolean;
  /**
   * Ridge strength: subtracts ridge/2 * sum((attack - centre)^2 + (defence - centre)^2) from the
   * log-likelihood. 0 = plain maximum likelihood (the reference vectors). A small value keeps a
   * team with two matches from getting an extreme rating early in a season.
   */
  readonly ridge?: number;
  /** Per-team centre of the ridge (default 0 = an average team), e.g. a promoted-team prior. */
  readonly ridgeCentre?: ReadonlyMap<string, { readonly attack: number; readonly defence: number }>;
  /** Stop when the largest |gradient| of the penalised log-likelihood falls below this. */
  readonly gradientTolerance?: number;
  readonly maxIterations?: number;
  /** Starting point (e.g. last week's fit); teams it does not know start at 0. */
  readonly start?: GoalModelParameters;
}

/**
 * goalmodel's parameterisation: log lambda_home = intercept + hfa + attack[home] - defence[away],
 * log lambda_away = intercept + attack[away] - defence[home]; sum(attack) = sum(defence) = 0.
 * A larger defence means a better defence.
 */
export interface GoalModelParameters {
  readonly intercept: number;
  readonly homeAdvantage: number;
  readonly rho: number;
  readonly attack: Readonly<Record<string, number>>;
  readonly defence: Readonly<Record<string, number>>;
}

export interface GoalModelFit {
  readonly parameters: GoalModelParameters;
  /** Weighted log-likelihood including the -log(y!) terms (without the ridge penalty). */
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly maxAbsGradient: number;
  readonly teams: readonly string[];
}

const LOG_FACTORIAL: number[] = [0];
function logFactorial(k: number): number {
  if (!Number.isInteger(k)) return logGamma(k + 1);
  for (let i = LOG_FACTORIAL.length; i <= k; i++) LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1]! + Math.log(i);
  return LOG_FACTORIAL[k]!;
}

const LANCZOS = [676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** ln Γ(z) for z > 0 (Lanczos, g = 7, ~1e-13 relative): the -log(y!) term of a fractional count. */
function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const x = z - 1;
  let a = 0.99999999999980993;
  for (const [i, c] of LANCZOS.entries()) a += c / (x + i + 1);
  const t = x + LANCZOS.length - 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

interface Layout {
  readonly teams: readonly string[];
  readonly teamIndex: ReadonlyMap<string, number>;
  readonly full: number; // intercept, hfa, rho, attack[n], defence[n]
  readonly attack0: number;
  readonly defence0: number;
}

interface FitData {
  readonly observations: readonly GoalObservation[];
  readonly home: Int32Array;
  readonly away: Int32Array;
  readonly logFactorialHome: Float64Array;
  readonly logFactorialAway: Float64Array;
}

interface Evaluation {
  readonly value: number; // penalised log-likelihood, -Infinity if some tau <= 0
  readonly logLikelihood: number;
  readonly gradient?: Float64Array;
  readonly hessian?: Float64Array;
}

/**
 * Maximum-likelihood fit of the Poisson / Dixon-Coles goal model by damped Newton steps with an
 * analytic gradient and Hessian, in reduced coordinates that enforce the sum-to-zero
 * constraints (the first team's rating is minus the sum of the others'). Never returns NaN: if
 * it cannot converge within maxIterations it returns the best point found with converged=false.
 */
export function fitGoalModel(observations: readonly GoalObservation[], options: GoalModelFitOptions): GoalModelFit {
  const teams = [...new Set(observations.flatMap((o) => [o.homeTeam, o.awayTeam]))].sort();
  if (teams.length < 2) throw new Error(`A goal model needs matches between at least 2 teams, got ${teams.length}`);
  for (const [i, o] of observations.entries()) {
    // The Dixon-Coles correction is defined on whole scores; a plain Poisson fit also accepts
    // fractional counts (e.g. an expected-goals proxy), its likelihood being linear in the count.
    const whole = Number.isInteger(o.homeGoals) && Number.isInteger(o.awayGoals);
    if (!(o.homeGoals >= 0 && o.awayGoals >= 0 && Number.isFinite(o.homeGoals) && Number.isFinite(o.awayGoals)) || (options.dixonColes && !whole)) {
      throw new Error(
        `Observation ${i} (${o.homeTeam} v ${o.awayTeam}): goals must be non-negative ${options.dixonColes ? 'integers' : 'finite numbers'}, got ${o.homeGoals}-${o.awayGoals}`,
      );
    }
    if (!(o.weight >= 0) || !Number.isFinite(o.weight)) throw new Error(`Observation ${i} (${o.homeTeam} v ${o.awayTeam}): weight must be finite and >= 0, got ${o.weight}`);
  }
  const n = teams.length;
  const layout: Layout = { teams, teamIndex: new Map(teams.map((t, i) => [t, i])), full: 3 + 2 * n, attack0: 3, defence0: 3 + n };
  const ridge = options.ridge ?? 0;
  const centre = new Float64Array(layout.full);
  for (const [t, i] of layout.teamIndex) {
    const c = options.ridgeCentre?.get(t);
    centre[layout.attack0 + i] = c?.attack ?? 0;
    centre[layout.defence0 + i] = c?.defence ?? 0;
  }
  // Reduced coordinates: [intercept, hfa, (rho), attack_1..n-1, defence_1..n-1].
  const reducedToFull: number[] = [0, 1];
  if (options.dixonColes) reducedToFull.push(2);
  for (let j = 1; j < n; j++) reducedToFull.push(layout.attack0 + j);
  for (let j = 1; j < n; j++) reducedToFull.push(layout.defence0 + j);
  const r = reducedToFull.length;
  // Each reduced coordinate k is full coordinate column[k] (+1), and for a rating also the first
  // team's rating anchor[k] (-1, from the sum-to-zero constraint); -1 = no anchor.
  const column = Int32Array.from(reducedToFull);
  const anchor = Int32Array.from(reducedToFull, (f) => (f >= layout.defence0 ? layout.defence0 : f >= layout.attack0 ? layout.attack0 : -1));

  const toFull = (reduced: Float64Array): Float64Array => {
    const full = new Float64Array(layout.full);
    for (let k = 0; k < r; k++) {
      const v = reduced[k]!;
      full[column[k]!]! += v;
      if (anchor[k]! >= 0) full[anchor[k]!]! += -v;
    }
    return full;
  };

  let reduced: Float64Array = new Float64Array(r);
  const totalWeight = observations.reduce((s, o) => s + o.weight, 0);
  if (!(totalWeight > 0)) throw new Error('A goal model needs a positive total weight');
  if (options.start) {
    reduced[0] = options.start.intercept;
    reduced[1] = options.start.homeAdvantage;
    for (let k = 2; k < r; k++) {
      const f = reducedToFull[k]!;
      if (f === 2) reduced[k] = options.start.rho;
      else if (f >= layout.defence0) reduced[k] = options.start.defence[teams[f - layout.defence0]!] ?? 0;
      else reduced[k] = options.start.attack[teams[f - layout.attack0]!] ?? 0;
    }
  } else {
    const homeGoals = observations.reduce((s, o) => s + o.weight * o.homeGoals, 0) / totalWeight;
    const awayGoals = observations.reduce((s, o) => s + o.weight * o.awayGoals, 0) / totalWeight;
    reduced[0] = Math.log(Math.max(awayGoals, 0.1));
    reduced[1] = Math.log(Math.max(homeGoals, 0.1) / Math.max(awayGoals, 0.1));
  }

  // Constants of the data, computed once per fit rather than once per observation per evaluation:
  // each team's index and each count's log-factorial (ln Γ for the fractional xG-proxy counts,
  // of which a window holds only ~100 distinct values: a goals-and-shots grid times one rate).
  const logFactorials = new Map<number, number>();
  const logFactorialOf = (count: number): number => {
    let value = logFactorials.get(count);
    if (value === undefined) {
      value = logFactorial(count);
      logFactorials.set(count, value);
    }
    return value;
  };
  const data: FitData = {
    observations,
    home: Int32Array.from(observations, (o) => layout.teamIndex.get(o.homeTeam)!),
    away: Int32Array.from(observations, (o) => layout.teamIndex.get(o.awayTeam)!),
    logFactorialHome: Float64Array.from(observations, (o) => logFactorialOf(o.homeGoals)),
    logFactorialAway: Float64Array.from(observations, (o) => logFactorialOf(o.awayGoals)),
  };
  // Two sets of derivative buffers, used in turn: the current point's stay valid while a trial
  // point is evaluated. Allocating ~(2n)^2 doubles per evaluation was most of the fit's GC.
  const derivativeBuffers = [0, 1].map(() => ({ gradient: new Float64Array(layout.full), hessian: new Float64Array(layout.full * layout.full) }));
  let nextBuffer = 0;
  const evaluate = (full: Float64Array, withDerivatives: boolean): Evaluation => {
    const buffers = withDerivatives ? derivativeBuffers[nextBuffer]! : undefined;
    if (buffers) {
      buffers.gradient.fill(0);
      buffers.hessian.fill(0);
      nextBuffer = 1 - nextBuffer;
    }
    return evaluateLogLikelihood(data, layout, full, options.dixonColes, ridge, centre, buffers);
  };

  // The sums run in the order the chain rule lists them (column, then anchor), from 0.
  const reduceGradient = (g: Float64Array): Float64Array => {
    const out = new Float64Array(r);
    for (let k = 0; k < r; k++) {
      let sum = 0;
      sum += g[column[k]!]!;
      if (anchor[k]! >= 0) sum += -g[anchor[k]!]!;
      out[k] = sum;
    }
    return out;
  };
  /** Minus the reduced Hessian: the positive-definite matrix a Newton step solves with. */
  const negativeHessianScratch = new Float64Array(r * r);
  const dampedScratch = new Float64Array(r * r);
  const factorScratch = new Float64Array(r * r);
  const reducedNegativeHessian = (h: Float64Array): Float64Array => {
    const p = layout.full;
    const out = negativeHessianScratch;
    for (let k = 0; k < r; k++) {
      const fk = column[k]! * p;
      const ak = anchor[k]! >= 0 ? anchor[k]! * p : -1;
      for (let l = k; l < r; l++) {
        const fl = column[l]!;
        const al = anchor[l]!;
        let sum = 0;
        sum += h[fk + fl]!;
        if (al >= 0) sum += -h[fk + al]!;
        if (ak >= 0) {
          sum += -h[ak + fl]!;
          if (al >= 0) sum += h[ak + al]!;
        }
        out[k * r + l] = -sum;
        out[l * r + k] = -sum;
      }
    }
    return out;
  };

  const tolerance = options.gradientTolerance ?? 1e-9 * Math.max(1, totalWeight);
  const maxIterations = options.maxIterations ?? 100;
  let current = evaluate(toFull(reduced), true);
  if (!Number.isFinite(current.value)) {
    reduced = new Float64Array(r);
    reduced[0] = Math.log(1.3);
    current = evaluate(toFull(reduced), true);
  }
  let gradient = reduceGradient(current.gradient!);
  let maxAbsGradient = maxAbs(gradient);
  let iterations = 0;
  let converged = maxAbsGradient < tolerance;
  while (!converged && iterations < maxIterations) {
    iterations++;
    const negHessian = reducedNegativeHessian(current.hessian!);
    let step: Float64Array | null = null;
    for (let damping = 0; step === null && damping < 1e12; damping = damping === 0 ? 1e-8 * Math.max(1, totalWeight) : damping * 10) {
      const damped = dampedScratch;
      damped.set(negHessian);
      for (let k = 0; k < r; k++) damped[k * r + k]! += damping;
      step = choleskySolve(damped, gradient, r, factorScratch);
    }
    if (step === null) break;
    const slope = dot(gradient, step);
    let t = 1;
    let accepted: { reduced: Float64Array; evaluation: Evaluation } | null = null;
    let next: Evaluation | null = null;
    for (let halvings = 0; halvings < 40; halvings++, t /= 2) {
      const trial = reduced.map((v, k) => v + t * step[k]!);
      // The full step is accepted nearly always: its derivatives are taken in the same pass.
      const e = evaluate(toFull(trial), t === 1);
      // Near the optimum the gain g.step is below the rounding of the objective; a full Newton
      // step is then trusted if the objective did not measurably fall.
      const withinRounding = t === 1 && e.value >= current.value - 1e-12 * Math.abs(current.value);
      if (Number.isFinite(e.value) && (e.value >= current.value + 1e-4 * t * slope || withinRounding)) {
        accepted = { reduced: trial, evaluation: e };
        if (e.gradient) next = e;
        break;
      }
    }
    if (accepted === null) break; // no ascent left: converged to rounding, judged by the gradient below
    next ??= evaluate(toFull(accepted.reduced), true);
    const nextGradient = reduceGradient(next.gradient!);
    if (accepted.evaluation.value <= current.value && maxAbs(nextGradient) >= maxAbsGradient) break; // stalled at rounding level
    reduced = accepted.reduced;
    current = next;
    gradient = nextGradient;
    maxAbsGradient = maxAbs(gradient);
    converged = maxAbsGradient < tolerance;
  }

  countModelWork('goalModelFits');
  countModelWork('newtonIterations', iterations);
  const full = toFull(reduced);
  const attack: Record<string, number> = {};
  const defence: Record<string, number> = {};
  teams.forEach((t, i) => {
    attack[t] = full[layout.attack0 + i]!;
    defence[t] = full[layout.defence0 + i]!;
  });
  return {
    parameters: { intercept: full[0]!, homeAdvantage: full[1]!, rho: full[2]!, attack, defence },
    logLikelihood: current.logLikelihood,
    converged,
    iterations,
    maxAbsGradient,
    teams,
  };
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * The penalised weighted log-likelihood and, on request, its full-coordinate gradient and
 * Hessian. log tau's derivatives are taken with respect to the linear predictors
 * eta = log lambda and rho, then chained through the sparse design rows.
 */
function evaluateLogLikelihood(
  data: FitData,
  layout: Layout,
  theta: Float64Array,
  dixonColes: boolean,
  ridge: number,
  centre: Float64Array,
  derivatives: { readonly gradient: Float64Array; readonly hessian: Float64Array } | undefined,
): Evaluation {
  const p = layout.full;
  const rho = dixonColes ? theta[2]! : 0;
  const g = derivatives?.gradient;
  const h = derivatives?.hessian;
  let logLikelihood = 0;
  const observations = data.observations;
  for (let k = 0; k < observations.length; k++) {
    const o = observations[k]!;
    if (o.weight === 0) continue;
    const home = data.home[k]!;
    const away = data.away[k]!;
    const etaH = theta[0]! + theta[1]! + theta[layout.attack0 + home]! - theta[layout.defence0 + away]!;
    const etaA = theta[0]! + theta[layout.attack0 + away]! - theta[layout.defence0 + home]!;
    const lh = Math.exp(etaH);
    const la = Math.exp(etaA);
    const y = o.homeGoals;
    const x = o.awayGoals;
    // log tau and its partial derivatives in (etaH, etaA, rho).
    let logTau = 0;
    let fH = 0, fA = 0, fR = 0, fHH = 0, fAA = 0, fHA = 0, fHR = 0, fAR = 0, fRR = 0;
    if (dixonColes && y <= 1 && x <= 1) {
      if (y === 0 && x === 0) {
        const u = rho * lh * la;
        const q = 1 - u;
        if (!(q > 0)) return { value: -Infinity, logLikelihood: -Infinity };
        logTau = Math.log(q);
        fH = fA = -u / q;
        fHH = fAA = fHA = -u / (q * q);
        fR = (-lh * la) / q;
        fRR = -((lh * la) * (lh * la)) / (q * q);
        fHR = fAR = (-lh * la) / (q * q);
      } else if (y === 0 && x === 1) {
        const v = rho * lh;
        const q = 1 + v;
        if (!(q > 0)) return { value: -Infinity, logLikelihood: -Infinity };
        logTau = Math.log(q);
        fH = v / q;
        fHH = v / (q * q);
        fR = lh / q;
        fRR = -(lh * lh) / (q * q);
        fHR = lh / (q * q);
      } else if (y === 1 && x === 0) {
        const v = rho * la;
        const q = 1 + v;
        if (!(q > 0)) return { value: -Infinity, logLikelihood: -Infinity };
        logTau = Math.log(q);
        fA = v / q;
        fAA = v / (q * q);
        fR = la / q;
        fRR = -(la * la) / (q * q);
        fAR = la / (q * q);
      } else {
        const q = 1 - rho;
        if (!(q > 0)) return { value: -Infinity, logLikelihood: -Infinity };
        logTau = Math.log(q);
        fR = -1 / q;
        fRR = -1 / (q * q);
      }
    }
    const w = o.weight;
    logLikelihood += w * (y * etaH - lh - data.logFactorialHome[k]! + x * etaA - la - data.logFactorialAway[k]! + logTau);
    if (!g || !h) continue;
    // The chain rule through the design rows x_home = (1, 1, e_attack[home], -e_defence[away]) and
    // x_away = (1, e_attack[away], -e_defence[home]), written out term by term (same order of
    // additions as the loops it replaced, so the sums are bit-identical; 2-3x faster).
    const ah = layout.attack0 + home;
    const da = layout.defence0 + away;
    const aa = layout.attack0 + away;
    const dh = layout.defence0 + home;
    const rowAh = ah * p;
    const rowDa = da * p;
    const rowAa = aa * p;
    const rowDh = dh * p;
    const dH = w * (y - lh + fH);
    const dA = w * (x - la + fA);
    const cHH = w * (-lh + fHH);
    const cAA = w * (-la + fAA);
    const cHA = w * fHA;
    const mHH = -cHH;
    const mAA = -cAA;
    g[0]! += dH;
    h[0]! += cHH; h[1]! += cHH; h[ah]! += cHH; h[da]! += mHH;
    if (cHA !== 0) {
      h[0]! += cHA; h[0]! += cHA;
      h[aa]! += cHA; h[rowAa]! += cHA;
      h[dh]! += -cHA; h[rowDh]! += -cHA;
    }
    g[1]! += dH;
    h[p]! += cHH; h[p + 1]! += cHH; h[p + ah]! += cHH; h[p + da]! += mHH;
    if (cHA !== 0) {
      h[p]! += cHA; h[1]! += cHA;
      h[p + aa]! += cHA; h[rowAa + 1]! += cHA;
      h[p + dh]! += -cHA; h[rowDh + 1]! += -cHA;
    }
    g[ah]! += dH;
    h[rowAh]! += cHH; h[rowAh + 1]! += cHH; h[rowAh + ah]! += cHH; h[rowAh + da]! += mHH;
    if (cHA !== 0) {
      h[rowAh]! += cHA; h[ah]! += cHA;
      h[rowAh + aa]! += cHA; h[rowAa + ah]! += cHA;
      h[rowAh + dh]! += -cHA; h[rowDh + ah]! += -cHA;
    }
    g[da]! += -dH;
    h[rowDa]! += mHH; h[rowDa + 1]! += mHH; h[rowDa + ah]! += mHH; h[rowDa + da]! += cHH;
    if (cHA !== 0) {
      h[rowDa]! += -cHA; h[da]! += -cHA;
      h[rowDa + aa]! += -cHA; h[rowAa + da]! += -cHA;
      h[rowDa + dh]! += cHA; h[rowDh + da]! += cHA;
    }
    g[0]! += dA;
    h[0]! += cAA; h[aa]! += cAA; h[dh]! += mAA;
    g[aa]! += dA;
    h[rowAa]! += cAA; h[rowAa + aa]! += cAA; h[rowAa + dh]! += mAA;
    g[dh]! += -dA;
    h[rowDh]! += mAA; h[rowDh + aa]! += mAA; h[rowDh + dh]! += cAA;
    if (dixonColes && (fR !== 0 || fRR !== 0)) {
      g[2]! += w * fR;
      h[2 * p + 2]! += w * fRR;
      const vH = w * fHR;
      const vA = w * fAR;
      h[2 * p]! += vH; h[2]! += vH;
      h[2 * p + 1]! += vH; h[p + 2]! += vH;
      h[2 * p + ah]! += vH; h[rowAh + 2]! += vH;
      h[2 * p + da]! += -vH; h[rowDa + 2]! += -vH;
      h[2 * p]! += vA; h[2]! += vA;
      h[2 * p + aa]! += vA; h[rowAa + 2]! += vA;
      h[2 * p + dh]! += -vA; h[rowDh + 2]! += -vA;
    }
  }
  let penalty = 0;
  if (ridge > 0) {
    for (let f = layout.attack0; f < p; f++) {
      const d = theta[f]! - centre[f]!;
      penalty += 0.5 * ridge * d * d;
      if (g && h) {
        g[f]! -= ridge * d;
        h[f * p + f]! -= ridge;
      }
    }
  }
  return { value: logLikelihood - penalty, logLikelihood, gradient: g, hessian: h };
}
