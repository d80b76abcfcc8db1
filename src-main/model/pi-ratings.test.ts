import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Match } from '../domain/football/match';
import { outcomeFromGoals } from '../domain/football/outcome';
import { addDays } from '../domain/football/betting-week';
import { PiRatingTracker, piRatingGoals } from './pi-ratings';

function played(season: string, date: string, home: string, away: string, homeGoals: number, awayGoals: number): Match {
  return {
    id: `${date}-${home}-${away}`, div: 'X0', season, date, kickoff: null, homeTeam: home, awayTeam: away, homeTeamId: home, awayTeamId: away,
    homeGoals, awayGoals, result: outcomeFromGoals(homeGoals, awayGoals), halfTimeHomeGoals: null, halfTimeAwayGoals: null,
    homeShots: null, awayShots: null, homeShotsOnTarget: null, awayShotsOnTarget: null, odds: {},
  };
}

describe('piRatingGoals', () => {
  it('maps a rating to an expected goal difference against an average side', () => {
    // g(r) = sign(r) (10^(|r|/3) − 1): g(0) = 0, g(3) = 10 − 1 = 9, g(−0.3) = −(10^0.1 − 1) = −0.258925
    expect(piRatingGoals(0)).toBe(0);
    expect(piRatingGoals(3)).toBeCloseTo(9, 12);
    expect(piRatingGoals(-0.3)).toBeCloseTo(-0.2589254118, 9);
  });

  it('is increasing and odd', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.001, max: 1, noNaN: true }), (r, d) => {
        expect(piRatingGoals(r + d)).toBeGreaterThan(piRatingGoals(r));
        expect(piRatingGoals(-r)).toBeCloseTo(-piRatingGoals(r), 12);
      }),
    );
  });
});

describe('PiRatingTracker', () => {
  it('moves the venue rating by λ·3·log10(1 + error) and the other venue by γ of that', () => {
    const tracker = new PiRatingTracker();
    tracker.add(played('2021', '2020-09-12', 'a', 'b', 2, 0));
    // expected 0, observed 2, error 2: step = 3 · log10(3) = 1.4313638; × λ 0.035 = 0.0500977; × γ 0.7 = 0.0350684
    expect(tracker.ratingOf('a', '2021').home).toBeCloseTo(0.0500977, 7);
    expect(tracker.ratingOf('a', '2021').away).toBeCloseTo(0.0350684, 7);
    expect(tracker.ratingOf('b', '2021').away).toBeCloseTo(-0.0500977, 7);
    expect(tracker.ratingOf('b', '2021').home).toBeCloseTo(-0.0350684, 7);
    // a at home to b: g(0.0500977) − g(−0.0500977) = 2 (10^(0.0500977/3) − 1) = 0.0784005
    expect(tracker.expectedGoalDifference('a', 'b', '2021')).toBeCloseTo(0.0784005, 7);
  });

  it('corrects toward the observed result: a draw where the home side was expected to lose raises it', () => {
    const tracker = new PiRatingTracker();
    tracker.add(played('2021', '2020-09-12', 'a', 'b', 2, 0));
    tracker.add(played('2021', '2020-09-19', 'b', 'a', 1, 1));
    // expected = g(−0.0350684) − g(0.0350684) = −0.0545630; error 0.0545630; step = 3 log10(1.0545630) = 0.0692176
    // b.home = −0.0350684 + 0.035 · 0.0692176 = −0.0326458
    expect(tracker.ratingOf('b', '2021').home).toBeCloseTo(-0.0350684 + 0.0024226, 7);
    expect(tracker.ratingOf('a', '2021').away).toBeCloseTo(0.0350684 - 0.0024226, 7);
  });

  it('keeps the sum of all ratings at zero (every update is zero-sum between the two sides)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), { maxLength: 40 }), (games) => {
        const tracker = new PiRatingTracker();
        games.forEach(([h, a, hg, ag], i) => {
          if (h !== a) tracker.add(played('2021', addDays('2020-09-01', i), `t${h}`, `t${a}`, hg, ag));
        });
        const sum = ['t0', 't1', 't2', 't3'].reduce((s, t) => s + tracker.ratingOf(t, '2021').home + tracker.ratingOf(t, '2021').away, 0);
        expect(sum).toBeCloseTo(0, 10);
      }),
    );
  });

  it('starts a team first seen after the first season at the mean of the three lowest-rated teams', () => {
    const tracker = new PiRatingTracker();
    tracker.add(played('2021', '2020-09-12', 'a', 'b', 3, 0));
    tracker.add(played('2021', '2020-09-19', 'c', 'd', 1, 0));
    const lowest = ['a', 'b', 'c', 'd'].map((t) => tracker.ratingOf(t, '2021')).sort((x, y) => x.home + x.away - (y.home + y.away)).slice(0, 3);
    const promoted = tracker.ratingOf('promoted', '2122');
    expect(promoted.home).toBeCloseTo((lowest[0]!.home + lowest[1]!.home + lowest[2]!.home) / 3, 12);
    expect(promoted.away).toBeCloseTo((lowest[0]!.away + lowest[1]!.away + lowest[2]!.away) / 3, 12);
    expect(promoted.home + promoted.away).toBeLessThan(0);
    expect(tracker.ratingOf('unseen', '2021')).toEqual({ home: 0, away: 0 });
  });

  it('refuses a match older than one already added, naming both dates', () => {
    const tracker = new PiRatingTracker();
    tracker.add(played('2021', '2020-09-19', 'a', 'b', 1, 0));
    expect(() => tracker.add(played('2021', '2020-09-12', 'c', 'd', 1, 0))).toThrow('PiRatingTracker: match 2020-09-12-c-d (2020-09-12) arrived after 2020-09-19');
  });
});
