import type { Match } from '../domain/football/match';
import { dayNumberOf } from '../domain/football/betting-week';
import { fitGoalModel, type GoalModelParameters, type GoalObservation } from './goal-model-fit';
import { firstAtOrAfter, historyIndexOf, windowKey, type HistoryIndex } from './history-index';
import { countModelWork } from './model-work';
import type { DixonColesSettings, TeamRating } from './dixon-coles-ratings';

/**
 * Poisson ratings fitted to shots on target instead of goals, with the goal model's time decay
 * and ridge. Shots on target are about three times as many events as goals, so these ratings
 * settle faster and carry less finishing luck: a steadier view of which side creates more.
 */
export interface ShotRateRatings {
  readonly parameters: GoalModelParameters;
  /** Rating for a team the fit has not seen: the mean of the lowest-rated sides. */
  readonly newcomer: TeamRating;
}

const CACHE_LIMIT = 4000;
const cache = new Map<string, ShotRateRatings>();

/** Null when the window holds no match with shots-on-target counts (some leagues lack them). */
export function fitShotRateRatings(history: readonly Match[], cutoff: string, settings: DixonColesSettings): ShotRateRatings | null {
  return fitShotRateOnIndex(historyIndexOf(history), cutoff, settings);
}

/** fitShotRateRatings on an already indexed history. */
export function fitShotRateOnIndex(index: HistoryIndex, cutoff: string, settings: DixonColesSettings): ShotRateRatings | null {
  const cutoffDay = dayNumberOf(cutoff);
  const to = firstAtOrAfter(index, cutoffDay);
  const from = firstAtOrAfter(index, cutoffDay - settings.historyDays);
  const key = `sot|${JSON.stringify(settings)}|${cutoff}|${windowKey(index, from, to)}`;
  const cached = cache.get(key);
  if (cached !== undefined) {
    countModelWork('fitsReused');
    return cached;
  }
  const rows: GoalObservation[] = [];
  const teams = new Set<string>();
  for (let i = from; i < to; i++) {
    const m = index.matches[i]!;
    if (m.homeShotsOnTarget === null || m.awayShotsOnTarget === null) continue;
    teams.add(m.homeTeamId).add(m.awayTeamId);
    rows.push({ homeTeam: m.homeTeamId, awayTeam: m.awayTeamId, homeGoals: m.homeShotsOnTarget, awayGoals: m.awayShotsOnTarget, weight: Math.exp(-settings.xiPerDay * (cutoffDay - index.days[i]!)) });
  }
  if (rows.length === 0 || teams.size < 2) return null;
  return fitPoissonRatings(key, rows, settings);
}

/**
 * A time-weighted, ridge-penalised Poisson fit of per-match counts (shots on target, or an
 * expected-goals proxy) with the newcomer rating every rating family here uses, memoised under
 * `cacheKey`, which must identify the rows and settings completely.
 */
export function fitPoissonRatings(cacheKey: string, rows: Parameters<typeof fitGoalModel>[0], settings: DixonColesSettings): ShotRateRatings {
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const fit = fitGoalModel(rows, { dixonColes: false, ridge: settings.ridge });
  const p = fit.parameters;
  const strength = (t: string) => p.attack[t]! + p.defence[t]!;
  const lowest = [...fit.teams].sort((a, b) => strength(a) - strength(b) || (a < b ? -1 : 1)).slice(0, Math.max(1, settings.newcomerPriorTeams));
  const ratings: ShotRateRatings = {
    parameters: p,
    newcomer: {
      attack: lowest.reduce((s, t) => s + p.attack[t]!, 0) / lowest.length,
      defence: lowest.reduce((s, t) => s + p.defence[t]!, 0) / lowest.length,
    },
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(cacheKey, ratings);
  return ratings;
}

/** Log expected shots on target for home and away. */
export function predictShotRates(ratings: ShotRateRatings, homeTeamId: string, awayTeamId: string): { logHome: number; logAway: number } {
  const p = ratings.parameters;
  const attack = (t: string) => p.attack[t] ?? ratings.newcomer.attack;
  const defence = (t: string) => p.defence[t] ?? ratings.newcomer.defence;
  return {
    logHome: p.intercept + p.homeAdvantage + attack(homeTeamId) - defence(awayTeamId),
    logAway: p.intercept + attack(awayTeamId) - defence(homeTeamId),
  };
}
