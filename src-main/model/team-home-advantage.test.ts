import { describe, expect, it } from 'vitest';
import type { Match } from '../domain/football/match';
import { outcomeFromGoals } from '../domain/football/outcome';
import { TeamHomeAdvantageTracker } from './team-home-advantage';

function played(date: string, home: string, away: string, homeGoals: number, awayGoals: number): Match {
  return {
    id: `${date}-${home}-${away}`, div: 'X0', season: '2021', date, kickoff: null, homeTeam: home, awayTeam: away, homeTeamId: home, awayTeamId: away,
    homeGoals, awayGoals, result: outcomeFromGoals(homeGoals, awayGoals), halfTimeHomeGoals: null, halfTimeAwayGoals: null,
    homeShots: null, awayShots: null, homeShotsOnTarget: null, awayShotsOnTarget: null, odds: {},
  };
}

describe('TeamHomeAdvantageTracker', () => {
  it('compares a team\'s home and away goal difference with the league\'s, shrunk by k pseudo-matches', () => {
    const tracker = new TeamHomeAdvantageTracker({ xiPerDay: 0, shrinkageMatches: 2 });
    tracker.add(played('2020-09-12', 'a', 'b', 2, 0));
    tracker.add(played('2020-09-19', 'b', 'a', 1, 1));
    tracker.add(played('2020-09-26', 'a', 'c', 3, 0));
    // league home GD per match L = (2 + 0 + 3) / 3 = 5/3
    // a: home (5 + 2 L) / (2 + 2) = 2.083333, away (0 − 2 L) / (1 + 2) = −1.111111; (3.194444 − 2 L) / 2 = −0.069444
    expect(tracker.excessOf('a', '2020-10-01')).toBeCloseTo(-0.0694444, 7);
    // b: home (0 + 2 L) / 3 = 1.111111, away (−2 − 2 L) / 3 = −1.777778; (2.888889 − 3.333333) / 2 = −0.222222
    expect(tracker.excessOf('b', '2020-10-01')).toBeCloseTo(-0.2222222, 7);
    // c: home (0 + 2 L) / 2 = 1.666667, away (−3 − 2 L) / 3 = −2.111111; (3.777778 − 3.333333) / 2 = 0.222222
    expect(tracker.excessOf('c', '2020-10-01')).toBeCloseTo(0.2222222, 7);
    expect(tracker.excessOf('unknown', '2020-10-01')).toBe(0);
  });

  it('down-weights old matches by exp(−ξ · days)', () => {
    const tracker = new TeamHomeAdvantageTracker({ xiPerDay: 0.01, shrinkageMatches: 2 });
    tracker.add(played('2020-09-01', 'a', 'b', 2, 0));
    tracker.add(played('2020-12-10', 'c', 'd', 0, 0)); // 100 days later: the first match weighs e^−1 = 0.367879
    // L = 2 e^−1 / (e^−1 + 1) = 0.537883; a: home (2 e^−1 + 2 L) / (e^−1 + 2) = 0.765041, away −L;
    // (0.765041 + 0.537883 − 2 · 0.537883) / 2 = 0.113579
    expect(tracker.excessOf('a', '2020-12-10')).toBeCloseTo(0.1135790, 7);
  });

  it('refuses a match older than one already added, naming both dates', () => {
    const tracker = new TeamHomeAdvantageTracker();
    tracker.add(played('2020-09-19', 'a', 'b', 1, 0));
    expect(() => tracker.add(played('2020-09-12', 'c', 'd', 1, 0))).toThrow('TeamHomeAdvantageTracker: match 2020-09-12-c-d (2020-09-12) arrived after 2020-09-19');
  });
});
