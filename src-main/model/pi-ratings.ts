import type { Match } from '../domain/football/match';

/**
 * Pi-ratings (Constantinou & Fenton, 2013): each team has a home rating and an away rating,
 * updated match by match from the error of the predicted goal difference. They react to a
 * team's strength changing within a season faster than a time-decayed fit over four years,
 * which is why they are offered as a feature-net input.
 */
export interface PiRatingSettings {
  /** Learning rate of the rating for the venue played (the paper's λ, 0.035 on the EPL). */
  readonly learningRate: number;
  /** Share of a venue's change carried to the team's other venue rating (the paper's γ, 0.7). */
  readonly crossVenueRate: number;
}

export const DEFAULT_PI_RATING_SETTINGS: PiRatingSettings = { learningRate: 0.035, crossVenueRate: 0.7 };

export interface PiRating {
  readonly home: number;
  readonly away: number;
}

/** Base and scale of the rating-to-goals map (the paper's b = 10, c = 3): a rating of 0.9 is about one goal better than average. */
const BASE = 10;
const SCALE = 3;
/** Promoted sides start at the mean rating of this many lowest-rated known teams. */
const NEWCOMER_PRIOR_TEAMS = 3;

/** Expected goal difference of a rating against an average side: sign(r) · (10^(|r|/3) − 1). */
export function piRatingGoals(rating: number): number {
  return Math.sign(rating) * (BASE ** (Math.abs(rating) / SCALE) - 1);
}

/**
 * Walks matches in date order and keeps each team's pi-rating, so the rating for a week is read
 * after every earlier match and before any of the week's. A team first seen after the first
 * season in the data (a promoted side) starts at the mean of the three lowest-rated known teams,
 * like the Elo tracker, rather than at the league average.
 */
export class PiRatingTracker {
  private readonly teams = new Map<string, { home: number; away: number }>();
  private firstSeason: string | null = null;
  private lastDate = '';

  constructor(private readonly settings: PiRatingSettings = DEFAULT_PI_RATING_SETTINGS) {}

  /** The team's rating before its next match in `season` (a newcomer's starting rating). Does not mutate. */
  ratingOf(teamId: string, season: string): PiRating {
    const team = this.teams.get(teamId);
    return team ? { ...team } : this.newcomerRating(season);
  }

  /** Expected home goal difference of a fixture: g(home team's home rating) − g(away team's away rating). */
  expectedGoalDifference(homeTeamId: string, awayTeamId: string, season: string): number {
    return piRatingGoals(this.ratingOf(homeTeamId, season).home) - piRatingGoals(this.ratingOf(awayTeamId, season).away);
  }

  /** Feed one played match; matches must arrive in non-decreasing date order. */
  add(match: Match): void {
    if (match.date < this.lastDate) throw new Error(`PiRatingTracker: match ${match.id} (${match.date}) arrived after ${this.lastDate}`);
    this.lastDate = match.date;
    this.firstSeason ??= match.season;
    const home = this.enter(match.homeTeamId, match.season);
    const away = this.enter(match.awayTeamId, match.season);
    const expected = piRatingGoals(home.home) - piRatingGoals(away.away);
    const observed = match.homeGoals - match.awayGoals;
    // Diminishing returns: the update grows with the log of the error, so a 5-0 is not five 1-0s.
    const step = SCALE * Math.log10(1 + Math.abs(observed - expected)) * Math.sign(observed - expected);
    const { learningRate: lambda, crossVenueRate: gamma } = this.settings;
    home.home += step * lambda;
    home.away += step * lambda * gamma;
    away.away -= step * lambda;
    away.home -= step * lambda * gamma;
  }

  private enter(teamId: string, season: string): { home: number; away: number } {
    let team = this.teams.get(teamId);
    if (!team) {
      team = this.newcomerRating(season);
      this.teams.set(teamId, team);
    }
    return team;
  }

  private newcomerRating(season: string): { home: number; away: number } {
    if (this.firstSeason === null || season === this.firstSeason || this.teams.size === 0) return { home: 0, away: 0 };
    const lowest = [...this.teams.values()].sort((a, b) => a.home + a.away - (b.home + b.away)).slice(0, NEWCOMER_PRIOR_TEAMS);
    const mean = (pick: (t: PiRating) => number) => lowest.reduce((s, t) => s + pick(t), 0) / lowest.length;
    return { home: mean((t) => t.home), away: mean((t) => t.away) };
  }
}
