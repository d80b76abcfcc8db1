import type { Match } from '../domain/football/match';
import { daysBetween } from '../domain/football/betting-week';

/** Settings of the chronological team-state pass (Elo and rolling form). */
export interface TeamFormSettings {
  /** Elo K factor per match (scaled by the goal-difference multiplier). */
  readonly eloK: number;
  /** Home advantage in Elo points. */
  readonly eloHomeAdvantage: number;
  /** Share of a team's distance from the mean Elo removed at its first match of a new season. */
  readonly eloSeasonRegression: number;
  /** Weight of the newest match in the exponentially weighted goal/shot averages. */
  readonly rollingAlpha: number;
  /** Number of recent matches in the points-per-game form. */
  readonly formMatches: number;
}

export interface TeamState {
  elo: number;
  lastDate: string | null;
  season: string | null;
  matchesThisSeason: number;
  goalsFor: number;
  goalsAgainst: number;
  shotsFor: number;
  shotsAgainst: number;
  shotsOnTargetFor: number;
  shotsOnTargetAgainst: number;
  recentPoints: number[];
}

const ELO_MEAN = 1500;
/** League-typical per-team per-match levels, the starting point of every rolling average. */
const PRIOR = { goals: 1.35, shots: 12.5, shotsOnTarget: 4.3 } as const;

/**
 * Walks matches in date order and keeps each team's Elo and rolling form, so features for a week
 * are read from the state after every earlier match and before any of the week's. A team first
 * seen after the first season in the data (a promoted side) starts at the mean Elo of the three
 * lowest-rated teams active in the previous season, not at the league mean.
 */
export class TeamFormTracker {
  private readonly teams = new Map<string, TeamState>();
  private firstSeason: string | null = null;
  private lastDate = '';

  constructor(private readonly settings: TeamFormSettings) {}

  /**
   * The team as it stands before its next match in `season`: a promoted newcomer gets its
   * starting Elo, a known team entering a new season its regressed Elo. Does not mutate.
   */
  stateFor(teamId: string, season: string): TeamState {
    const team = this.teams.get(teamId);
    if (!team) {
      const fresh = this.newTeamState();
      if (this.firstSeason !== null && season !== this.firstSeason) fresh.elo = this.promotedElo(season);
      return fresh;
    }
    if (team.season === season) return { ...team, recentPoints: [...team.recentPoints] };
    return {
      ...team,
      recentPoints: [...team.recentPoints],
      elo: ELO_MEAN + (team.elo - ELO_MEAN) * (1 - this.settings.eloSeasonRegression),
      matchesThisSeason: 0,
    };
  }

  /** Feed one played match; matches must arrive in non-decreasing date order. */
  add(match: Match): void {
    if (match.date < this.lastDate) throw new Error(`TeamFormTracker: match ${match.id} (${match.date}) arrived after ${this.lastDate}`);
    this.lastDate = match.date;
    this.firstSeason ??= match.season;
    const home = this.enter(match.homeTeamId, match.season);
    const away = this.enter(match.awayTeamId, match.season);
    const s = this.settings;
    const expectedHome = 1 / (1 + 10 ** ((away.elo - home.elo - s.eloHomeAdvantage) / 400));
    const actualHome = match.homeGoals > match.awayGoals ? 1 : match.homeGoals === match.awayGoals ? 0.5 : 0;
    const margin = Math.abs(match.homeGoals - match.awayGoals);
    const multiplier = margin <= 1 ? 1 : margin === 2 ? 1.5 : (11 + margin) / 8;
    const delta = s.eloK * multiplier * (actualHome - expectedHome);
    home.elo += delta;
    away.elo -= delta;
    this.updateRolling(home, match.homeGoals, match.awayGoals, match.homeShots, match.awayShots, match.homeShotsOnTarget, match.awayShotsOnTarget);
    this.updateRolling(away, match.awayGoals, match.homeGoals, match.awayShots, match.homeShots, match.awayShotsOnTarget, match.homeShotsOnTarget);
    for (const [team, points] of [
      [home, actualHome === 1 ? 3 : actualHome === 0.5 ? 1 : 0],
      [away, actualHome === 0 ? 3 : actualHome === 0.5 ? 1 : 0],
    ] as const) {
      team.recentPoints.push(points);
      if (team.recentPoints.length > s.formMatches) team.recentPoints.shift();
      team.lastDate = match.date;
      team.matchesThisSeason += 1;
    }
  }

  /** Days since the team's last match before `date`, or null if it has none. */
  restDays(teamId: string, date: string): number | null {
    const last = this.teams.get(teamId)?.lastDate;
    return last ? daysBetween(last, date) : null;
  }

  private enter(teamId: string, season: string): TeamState {
    let team = this.teams.get(teamId);
    if (!team) {
      team = this.newTeamState();
      if (this.firstSeason !== null && season !== this.firstSeason) team.elo = this.promotedElo(season);
      this.teams.set(teamId, team);
    }
    if (team.season !== season) {
      if (team.season !== null) team.elo = ELO_MEAN + (team.elo - ELO_MEAN) * (1 - this.settings.eloSeasonRegression);
      team.season = season;
      team.matchesThisSeason = 0;
    }
    return team;
  }

  private promotedElo(season: string): number {
    const previous = [...this.teams.values()].filter((t) => t.season !== null && t.season !== season).map((t) => t.elo);
    const active = previous.length > 0 ? previous : [...this.teams.values()].map((t) => t.elo);
    if (active.length === 0) return ELO_MEAN;
    const lowest = active.sort((a, b) => a - b).slice(0, 3);
    return lowest.reduce((s, v) => s + v, 0) / lowest.length;
  }

  private newTeamState(): TeamState {
    return {
      elo: ELO_MEAN,
      lastDate: null,
      season: null,
      matchesThisSeason: 0,
      goalsFor: PRIOR.goals,
      goalsAgainst: PRIOR.goals,
      shotsFor: PRIOR.shots,
      shotsAgainst: PRIOR.shots,
      shotsOnTargetFor: PRIOR.shotsOnTarget,
      shotsOnTargetAgainst: PRIOR.shotsOnTarget,
      recentPoints: [],
    };
  }

  private updateRolling(
    team: TeamState,
    goalsFor: number,
    goalsAgainst: number,
    shotsFor: number | null,
    shotsAgainst: number | null,
    sotFor: number | null,
    sotAgainst: number | null,
  ): void {
    const a = this.settings.rollingAlpha;
    const blend = (old: number, value: number | null) => (value === null ? old : old + a * (value - old));
    team.goalsFor = blend(team.goalsFor, goalsFor);
    team.goalsAgainst = blend(team.goalsAgainst, goalsAgainst);
    team.shotsFor = blend(team.shotsFor, shotsFor);
    team.shotsAgainst = blend(team.shotsAgainst, shotsAgainst);
    team.shotsOnTargetFor = blend(team.shotsOnTargetFor, sotFor);
    team.shotsOnTargetAgainst = blend(team.shotsOnTargetAgainst, sotAgainst);
  }
}
