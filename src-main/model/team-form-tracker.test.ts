import { describe, expect, it } from 'vitest';
import type { Match } from '../domain/football/match';
import { outcomeFromGoals } from '../domain/football/outcome';
import { TeamFormTracker, type TeamFormSettings } from './team-form-tracker';

const settings: TeamFormSettings = { eloK: 20, eloHomeAdvantage: 60, eloSeasonRegression: 1 / 3, rollingAlpha: 0.15, formMatches: 6 };

function played(season: string, date: string, home: string, away: string, homeGoals: number, awayGoals: number): Match {
  return {
    id: `${date}-${home}-${away}`, div: 'X0', season, date, kickoff: null, homeTeam: home, awayTeam: away, homeTeamId: home, awayTeamId: away,
    homeGoals, awayGoals, result: outcomeFromGoals(homeGoals, awayGoals), halfTimeHomeGoals: null, halfTimeAwayGoals: null,
    homeShots: 10, awayShots: 4, homeShotsOnTarget: 5, awayShotsOnTarget: null, odds: {},
  };
}

describe('TeamFormTracker', () => {
  it('updates Elo with the home advantage: a 1-0 home win between equals moves 8.29 points', () => {
    const tracker = new TeamFormTracker(settings);
    tracker.add(played('2021', '2020-09-12', 'a', 'b', 1, 0));
    // expected home score = 1 / (1 + 10^(-60/400)) = 1 / 1.70795 = 0.585497; delta = 20 * (1 - 0.585497) = 8.29006
    expect(tracker.stateFor('a', '2021').elo).toBeCloseTo(1508.29006, 4);
    expect(tracker.stateFor('b', '2021').elo).toBeCloseTo(1491.70994, 4);
  });

  it('regresses Elo a third of the way to 1500 for a new season, without mutating the state', () => {
    const tracker = new TeamFormTracker(settings);
    tracker.add(played('2021', '2020-09-12', 'a', 'b', 1, 0));
    // 1500 + 8.29006 * 2/3 = 1505.52671
    expect(tracker.stateFor('a', '2122').elo).toBeCloseTo(1505.52671, 4);
    expect(tracker.stateFor('a', '2021').elo).toBeCloseTo(1508.29006, 4);
  });

  it('starts a team first seen after the first season at the mean of the three lowest Elos', () => {
    const tracker = new TeamFormTracker(settings);
    tracker.add(played('2021', '2020-09-12', 'a', 'b', 3, 0)); // margin 3: multiplier (11 + 3) / 8 = 1.75
    tracker.add(played('2021', '2020-09-19', 'c', 'd', 0, 0));
    const lowest = ['a', 'b', 'c', 'd'].map((t) => tracker.stateFor(t, '2021').elo).sort((x, y) => x - y).slice(0, 3);
    expect(tracker.stateFor('promoted', '2122').elo).toBeCloseTo((lowest[0]! + lowest[1]! + lowest[2]!) / 3, 10);
    expect(tracker.stateFor('promoted', '2122').elo).toBeLessThan(1500);
  });

  it('keeps exponentially weighted averages, ignoring missing shot counts', () => {
    const tracker = new TeamFormTracker(settings);
    tracker.add(played('2021', '2020-09-12', 'a', 'b', 1, 0));
    const a = tracker.stateFor('a', '2021');
    expect(a.goalsFor).toBeCloseTo(1.35 + 0.15 * (1 - 1.35), 12); // 1.2975
    expect(a.shotsOnTargetFor).toBeCloseTo(4.3 + 0.15 * (5 - 4.3), 12); // 4.405
    expect(a.shotsOnTargetAgainst).toBe(4.3); // the away count was missing
    expect(a.recentPoints).toEqual([3]);
    expect(tracker.restDays('a', '2020-09-19')).toBe(7);
    expect(tracker.restDays('unknown', '2020-09-19')).toBeNull();
  });

  it('refuses matches out of date order', () => {
    const tracker = new TeamFormTracker(settings);
    tracker.add(played('2021', '2020-09-12', 'a', 'b', 1, 0));
    expect(() => tracker.add(played('2021', '2020-09-05', 'c', 'd', 1, 0))).toThrow('TeamFormTracker: match 2020-09-05-c-d (2020-09-05) arrived after 2020-09-12');
  });
});
