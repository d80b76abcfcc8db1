import type { Match } from '../domain/football/match';
import type { Triple } from '../domain/football/outcome';
import { dayNumberOf } from '../domain/football/betting-week';
import { fitGoalModel, type GoalModelParameters, type GoalObservation } from './goal-model-fit';
import { dixonColesTau, outcomeProbabilitiesFromRates } from './goal-grid';
import { firstAtOrAfter, historyIndexOf, windowKey, type HistoryIndex } from './history-index';
import { countModelWork } from './model-work';

/** Hyper-parameters of the time-weighted Dixon-Coles fit (see docs/models.md for the tuning). */
export interface DixonColesSettings {
  /** Time-decay rate: a match `d` days before the cutoff has weight exp(-xiPerDay * d). */
  readonly xiPerDay: number;
  /** Matches older than this many days before the cutoff are left out (their weight is negligible anyway). */
  readonly historyDays: number;
  /** Ridge strength pulling attack/defence toward each team's prior centre (0 = plain MLE). */
  readonly ridge: number;
  /**
   * Promoted-team prior: a team with fewer than `newcomerMinMatches` matches in the 365 days
   * before the cutoff (or none at all) is centred on the mean rating of the
   * `newcomerPriorTeams` lowest-rated established teams, i.e. the level of the sides it replaces.
   */
  readonly newcomerPriorTeams: number;
  readonly newcomerMinMatches: number;
  /**
   * Expected-goals proxy: attack and defence are fitted (Poisson, same decay and ridge) on
   * (1 − xgAlpha) · goals + xgAlpha · shots on target · league conversion rate, and rho is then
   * fitted on the real scores with those rates fixed (the low-score correction needs whole
   * scores). Absent or 0 = the plain Dixon-Coles fit on goals.
   */
  readonly xgAlpha?: number;
}

export interface TeamRating {
  readonly attack: number;
  readonly defence: number;
}

/** A fitted Dixon-Coles model as of a cutoff, keyed by team id. JSON-serialisable. */
export interface DixonColesRatings {
  readonly cutoff: string;
  readonly parameters: GoalModelParameters;
  readonly newcomerPrior: TeamRating;
  readonly converged: boolean;
  readonly iterations: number;
  readonly maxAbsGradient: number;
  readonly matchesUsed: number;
  readonly trainedThrough: string;
}

export interface DixonColesPrediction {
  readonly probabilities: Triple;
  readonly homeRate: number;
  readonly awayRate: number;
}

const DAYS_PER_YEAR = 365;
const CACHE_LIMIT = 4000;
const fitCache = new Map<string, DixonColesRatings>();

/**
 * Fit Dixon-Coles on `history` as of `cutoff` (ISO week start): only matches with date < cutoff
 * and within historyDays count, each weighted exp(-xi * days before the cutoff). The result is
 * memoised on (settings, cutoff, the exact matches used), so walk-forward feature building and
 * repeated predictions do not refit; a changed result changes the key.
 */
export function fitDixonColesRatings(history: readonly Match[], cutoff: string, settings: DixonColesSettings): DixonColesRatings {
  return fitDixonColesOnIndex(historyIndexOf(history), cutoff, settings);
}

/** fitDixonColesRatings on an already indexed history: O(log n) to find the window and its memo key. */
export function fitDixonColesOnIndex(index: HistoryIndex, cutoff: string, settings: DixonColesSettings): DixonColesRatings {
  const cutoffDay = dayNumberOf(cutoff);
  const to = firstAtOrAfter(index, cutoffDay);
  const from = firstAtOrAfter(index, cutoffDay - settings.historyDays);
  if (to <= from) throw new Error(`No matches in the ${settings.historyDays} days before ${cutoff} to fit Dixon-Coles on`);
  const key = `${JSON.stringify(settings)}|${cutoff}|${windowKey(index, from, to)}`;
  const cached = fitCache.get(key);
  if (cached) {
    countModelWork('fitsReused');
    return cached;
  }
  const window = index.matches.slice(from, to);
  const ageOf = (i: number) => cutoffDay - index.days[from + i]!;

  const observations: GoalObservation[] = window.map((m, i) => ({
    homeTeam: m.homeTeamId,
    awayTeam: m.awayTeamId,
    homeGoals: m.homeGoals,
    awayGoals: m.awayGoals,
    weight: Math.exp(-settings.xiPerDay * ageOf(i)),
  }));
  const xgAlpha = settings.xgAlpha ?? 0;
  const fitted = xgAlpha > 0 ? expectedGoalsObservations(window, observations, xgAlpha) : observations;
  const fitOptions = { dixonColes: xgAlpha === 0, ridge: settings.ridge };
  const recentCount = new Map<string, number>();
  for (const [i, m] of window.entries()) {
    if (ageOf(i) > DAYS_PER_YEAR) continue;
    for (const t of [m.homeTeamId, m.awayTeamId]) recentCount.set(t, (recentCount.get(t) ?? 0) + 1);
  }
  const isNewcomer = (team: string) => (recentCount.get(team) ?? 0) < settings.newcomerMinMatches;

  const first = fitGoalModel(fitted, fitOptions);
  const newcomerPrior = lowestRatedMean(first.parameters, settings.newcomerPriorTeams, (t) => !isNewcomer(t));
  const centre = new Map<string, TeamRating>();
  for (const team of first.teams) if (isNewcomer(team)) centre.set(team, newcomerPrior);
  const rateFit =
    centre.size > 0 && settings.ridge > 0
      ? fitGoalModel(fitted, { ...fitOptions, ridgeCentre: centre, start: first.parameters })
      : first;
  const fit = xgAlpha > 0 ? { ...rateFit, parameters: { ...rateFit.parameters, rho: fitRhoGivenRates(observations, rateFit.parameters) } } : rateFit;

  const ratings: DixonColesRatings = {
    cutoff,
    parameters: fit.parameters,
    newcomerPrior,
    converged: fit.converged,
    iterations: first.iterations + (fit === first ? 0 : fit.iterations),
    maxAbsGradient: fit.maxAbsGradient,
    matchesUsed: window.length,
    trainedThrough: window.at(-1)!.date,
  };
  if (fitCache.size >= CACHE_LIMIT) fitCache.delete(fitCache.keys().next().value!);
  fitCache.set(key, ratings);
  return ratings;
}

/** Price one fixture; a team the fit has never seen gets the newcomer prior. */
export function predictDixonColes(ratings: DixonColesRatings, homeTeamId: string, awayTeamId: string): DixonColesPrediction {
  const p = ratings.parameters;
  const attack = (t: string) => p.attack[t] ?? ratings.newcomerPrior.attack;
  const defence = (t: string) => p.defence[t] ?? ratings.newcomerPrior.defence;
  const homeRate = Math.exp(p.intercept + p.homeAdvantage + attack(homeTeamId) - defence(awayTeamId));
  const awayRate = Math.exp(p.intercept + attack(awayTeamId) - defence(homeTeamId));
  return { probabilities: outcomeProbabilitiesFromRates(homeRate, awayRate, p.rho), homeRate, awayRate };
}

function lowestRatedMean(parameters: GoalModelParameters, count: number, eligible: (team: string) => boolean): TeamRating {
  const teams = Object.keys(parameters.attack).filter(eligible);
  const pool = teams.length > 0 ? teams : Object.keys(parameters.attack);
  const strength = (t: string) => parameters.attack[t]! + parameters.defence[t]!;
  const lowest = pool.sort((a, b) => strength(a) - strength(b) || (a < b ? -1 : 1)).slice(0, Math.max(1, count));
  return {
    attack: lowest.reduce((s, t) => s + parameters.attack[t]!, 0) / lowest.length,
    defence: lowest.reduce((s, t) => s + parameters.defence[t]!, 0) / lowest.length,
  };
}

/**
 * The fit's observations with each side's goals replaced by the expected-goals proxy
 * (1 − alpha) · goals + alpha · c · shots on target, c = goals per shot on target in the window.
 * A match without shot counts keeps its goals.
 */
function expectedGoalsObservations(window: readonly Match[], observations: readonly GoalObservation[], alpha: number): GoalObservation[] {
  const withShots = window.filter((m) => m.homeShotsOnTarget !== null && m.awayShotsOnTarget !== null);
  const shots = withShots.reduce((s, m) => s + m.homeShotsOnTarget! + m.awayShotsOnTarget!, 0);
  if (shots === 0) return [...observations];
  const conversion = withShots.reduce((s, m) => s + m.homeGoals + m.awayGoals, 0) / shots;
  return observations.map((o, i) => {
    const m = window[i]!;
    if (m.homeShotsOnTarget === null || m.awayShotsOnTarget === null) return o;
    return { ...o, homeGoals: (1 - alpha) * m.homeGoals + alpha * conversion * m.homeShotsOnTarget, awayGoals: (1 - alpha) * m.awayGoals + alpha * conversion * m.awayShotsOnTarget };
  });
}

/**
 * Maximum-likelihood rho of the low-score correction on the real scores, the rates fixed: the
 * Poisson terms do not depend on rho, so this maximises sum w · log tau over the 0/1 scores, a
 * concave function of rho, by golden-section search inside the range where every tau > 0.
 */
function fitRhoGivenRates(observations: readonly GoalObservation[], p: GoalModelParameters): number {
  const corner = observations
    .filter((o) => o.homeGoals <= 1 && o.awayGoals <= 1 && o.weight > 0)
    .map((o) => ({
      o,
      lh: Math.exp(p.intercept + p.homeAdvantage + p.attack[o.homeTeam]! - p.defence[o.awayTeam]!),
      la: Math.exp(p.intercept + p.attack[o.awayTeam]! - p.defence[o.homeTeam]!),
    }));
  if (corner.length === 0) return 0;
  // tau > 0 bounds rho: 1 - rho·lh·la > 0, 1 + rho·lh > 0, 1 + rho·la > 0, 1 - rho > 0.
  let low = -1;
  let high = 1;
  for (const { o, lh, la } of corner) {
    if (o.homeGoals === 0 && o.awayGoals === 0) high = Math.min(high, 1 / (lh * la));
    if (o.homeGoals === 0 && o.awayGoals === 1) low = Math.max(low, -1 / lh);
    if (o.homeGoals === 1 && o.awayGoals === 0) low = Math.max(low, -1 / la);
  }
  const margin = 1e-6 * (high - low);
  low += margin;
  high -= margin;
  const logTau = (rho: number) => corner.reduce((s, { o, lh, la }) => s + o.weight * Math.log(dixonColesTau(o.homeGoals, o.awayGoals, lh, la, rho)), 0);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = low;
  let b = high;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = logTau(c);
  let fd = logTau(d);
  while (b - a > 1e-10) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = logTau(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = logTau(d);
    }
  }
  return (a + b) / 2;
}
