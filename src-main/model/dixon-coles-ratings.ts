import type { Match } from '../domain/football/match';
import type { Triple } from '../domain/football/outcome';
import { daysBetween } from '../domain/football/betting-week';
import { fitGoalModel, type GoalModelParameters, type GoalObservation } from './goal-model-fit';
import { outcomeProbabilitiesFromRates } from './goal-grid';
import { matchFingerprint } from './match-fingerprint';

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
  const window = history.filter((m) => m.date < cutoff && daysBetween(m.date, cutoff) <= settings.historyDays);
  if (window.length === 0) throw new Error(`No matches in the ${settings.historyDays} days before ${cutoff} to fit Dixon-Coles on`);
  const key = `${JSON.stringify(settings)}|${cutoff}|${matchFingerprint(window)}`;
  const cached = fitCache.get(key);
  if (cached) return cached;

  const observations: GoalObservation[] = window.map((m) => ({
    homeTeam: m.homeTeamId,
    awayTeam: m.awayTeamId,
    homeGoals: m.homeGoals,
    awayGoals: m.awayGoals,
    weight: Math.exp(-settings.xiPerDay * daysBetween(m.date, cutoff)),
  }));
  const recentCount = new Map<string, number>();
  for (const m of window) {
    if (daysBetween(m.date, cutoff) > DAYS_PER_YEAR) continue;
    for (const t of [m.homeTeamId, m.awayTeamId]) recentCount.set(t, (recentCount.get(t) ?? 0) + 1);
  }
  const isNewcomer = (team: string) => (recentCount.get(team) ?? 0) < settings.newcomerMinMatches;

  const first = fitGoalModel(observations, { dixonColes: true, ridge: settings.ridge });
  const newcomerPrior = lowestRatedMean(first.parameters, settings.newcomerPriorTeams, (t) => !isNewcomer(t));
  const centre = new Map<string, TeamRating>();
  for (const team of first.teams) if (isNewcomer(team)) centre.set(team, newcomerPrior);
  const fit =
    centre.size > 0 && settings.ridge > 0
      ? fitGoalModel(observations, { dixonColes: true, ridge: settings.ridge, ridgeCentre: centre, start: first.parameters })
      : first;

  const ratings: DixonColesRatings = {
    cutoff,
    parameters: fit.parameters,
    newcomerPrior,
    converged: fit.converged,
    iterations: first.iterations + (fit === first ? 0 : fit.iterations),
    maxAbsGradient: fit.maxAbsGradient,
    matchesUsed: window.length,
    trainedThrough: window.reduce((last, m) => (m.date > last ? m.date : last), window[0]!.date),
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
