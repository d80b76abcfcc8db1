import type { Triple } from '../domain/football/outcome';

/** Largest goal count on the score grid, as in goalmodel's predict_result (max(25, qpois(.999, ...))). */
export const GOAL_GRID_MAX = 25;

/** The Dixon-Coles low-score correction tau for a home-away score; 1 outside the 2x2 corner. */
export function dixonColesTau(homeGoals: number, awayGoals: number, homeRate: number, awayRate: number, rho: number): number {
  if (homeGoals === 0 && awayGoals === 0) return 1 - homeRate * awayRate * rho;
  if (homeGoals === 0 && awayGoals === 1) return 1 + homeRate * rho;
  if (homeGoals === 1 && awayGoals === 0) return 1 + awayRate * rho;
  if (homeGoals === 1 && awayGoals === 1) return 1 - rho;
  return 1;
}

function poissonPmfs(rate: number, maxGoals: number): Float64Array {
  const pmf = new Float64Array(maxGoals + 1);
  pmf[0] = Math.exp(-rate);
  for (let k = 1; k <= maxGoals; k++) pmf[k] = (pmf[k - 1]! * rate) / k;
  return pmf;
}

/**
 * Home/draw/away probabilities of a Dixon-Coles score model: independent Poisson goals on a
 * 0..maxGoals grid, the tau correction in the 2x2 corner, then renormalised to sum to 1 so
 * the truncated tail and tau's mass change do not leak (the goalmodel convention; the
 * reference vectors depend on it). Away is 1 - home - draw, as there.
 */
export function outcomeProbabilitiesFromRates(homeRate: number, awayRate: number, rho: number, maxGoals = GOAL_GRID_MAX): Triple {
  const ph = poissonPmfs(homeRate, maxGoals);
  const pa = poissonPmfs(awayRate, maxGoals);
  let home = 0;
  let draw = 0;
  let total = 0;
  for (let h = 0; h <= maxGoals; h++) {
    for (let a = 0; a <= maxGoals; a++) {
      let p = ph[h]! * pa[a]!;
      if (h <= 1 && a <= 1) p *= dixonColesTau(h, a, homeRate, awayRate, rho);
      total += p;
      if (h > a) home += p;
      else if (h === a) draw += p;
    }
  }
  home /= total;
  draw /= total;
  return [home, draw, 1 - home - draw];
}
