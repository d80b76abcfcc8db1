import type { Match } from '../domain/football/match';
import { daysBetween } from '../domain/football/betting-week';

/** Settings of the team-specific home advantage estimate. */
export interface TeamHomeAdvantageSettings {
  /** Time decay per day of a match's weight (the goal model's 0.002 = half-life ~1 year). */
  readonly xiPerDay: number;
  /** Pseudo-matches at the league value added to each venue: strong shrinkage, ~1.5 seasons of home games. */
  readonly shrinkageMatches: number;
}

export const DEFAULT_TEAM_HOME_ADVANTAGE_SETTINGS: TeamHomeAdvantageSettings = { xiPerDay: 0.002, shrinkageMatches: 30 };

interface Sums {
  homeGoalDifference: number;
  homeWeight: number;
  awayGoalDifference: number;
  awayWeight: number;
  date: string;
}

/**
 * Walks matches in date order and estimates how much more (in goals per match) a team's home
 * goal difference exceeds its away goal difference than the league's does. The team's own
 * strength cancels in home minus away; what is left is its own home advantage, shrunk toward
 * the league value because ~19 home games a season hold little information about it.
 */
export class TeamHomeAdvantageTracker {
  private readonly teams = new Map<string, Sums>();
  private readonly league: Sums = { homeGoalDifference: 0, homeWeight: 0, awayGoalDifference: 0, awayWeight: 0, date: '' };
  private lastDate = '';

  constructor(private readonly settings: TeamHomeAdvantageSettings = DEFAULT_TEAM_HOME_ADVANTAGE_SETTINGS) {}

  /** Feed one played match; matches must arrive in non-decreasing date order. */
  add(match: Match): void {
    if (match.date < this.lastDate) throw new Error(`TeamHomeAdvantageTracker: match ${match.id} (${match.date}) arrived after ${this.lastDate}`);
    this.lastDate = match.date;
    const difference = match.homeGoals - match.awayGoals;
    const league = this.decayed(this.league, match.date);
    league.homeGoalDifference += difference;
    league.homeWeight += 1;
    const home = this.decayed(this.teamSums(match.homeTeamId), match.date);
    home.homeGoalDifference += difference;
    home.homeWeight += 1;
    const away = this.decayed(this.teamSums(match.awayTeamId), match.date);
    away.awayGoalDifference -= difference;
    away.awayWeight += 1;
  }

  /**
   * The team's shrunk excess home advantage as of `date` (goals per match, 0 for an unknown team):
   * half of (home GD per match − away GD per match) minus the league's 2 × mean home GD.
   */
  excessOf(teamId: string, date: string): number {
    const team = this.teams.get(teamId);
    if (!team || this.league.homeWeight === 0) return 0;
    const decay = (s: Sums) => Math.exp(-this.settings.xiPerDay * Math.max(0, daysBetween(s.date, date)));
    // A common decay factor cancels in the league's mean, so its sums need no catching up to `date`.
    const leagueHome = this.league.homeGoalDifference / this.league.homeWeight;
    const k = this.settings.shrinkageMatches;
    const d = decay(team);
    const home = (team.homeGoalDifference * d + k * leagueHome) / (team.homeWeight * d + k);
    const away = (team.awayGoalDifference * d - k * leagueHome) / (team.awayWeight * d + k);
    return (home - away - 2 * leagueHome) / 2;
  }

  private teamSums(teamId: string): Sums {
    let sums = this.teams.get(teamId);
    if (!sums) {
      sums = { homeGoalDifference: 0, homeWeight: 0, awayGoalDifference: 0, awayWeight: 0, date: '' };
      this.teams.set(teamId, sums);
    }
    return sums;
  }

  private decayed(sums: Sums, date: string): Sums {
    if (sums.date !== '') {
      const factor = Math.exp(-this.settings.xiPerDay * daysBetween(sums.date, date));
      sums.homeGoalDifference *= factor;
      sums.homeWeight *= factor;
      sums.awayGoalDifference *= factor;
      sums.awayWeight *= factor;
    }
    sums.date = date;
    return sums;
  }
}
