import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../domain/football/betting-week';
import { ODDS_SOURCES, matchIdOf, teamIdOf, type DecimalOdds1x2, type Match, type OddsSource } from '../domain/football/match';
import { outcomeFromGoals } from '../domain/football/outcome';
import { compareMatches } from '../ingest/compare-matches';
import { loadFootballData } from '../ingest/load-football-data';
import { openLedger, type LedgerDatabase } from './ledger-database';
import { earlierMeetings, matchesBefore, matchesOf, matchesOfWeek, seasonsAvailable, upsertMatches } from './match-repository';

const SHARED_DATA = path.resolve(process.cwd(), '../shared/data/football-data');
const [season2223, season2324] = await Promise.all([
  loadFootballData({ from: SHARED_DATA, div: 'E0', seasons: ['2223'] }),
  loadFootballData({ from: SHARED_DATA, div: 'E0', seasons: ['2324'] }),
]);

/** A small hand-made match; only what a test varies is given. */
function aMatch(overrides: Partial<Match> & Pick<Match, 'id' | 'date'>): Match {
  return {
    div: 'E1',
    season: '2324',
    kickoff: null,
    homeTeam: 'Leeds',
    awayTeam: 'Hull',
    homeTeamId: 'leeds',
    awayTeamId: 'hull',
    homeGoals: 1,
    awayGoals: 0,
    result: 'H',
    halfTimeHomeGoals: null,
    halfTimeAwayGoals: null,
    homeShots: null,
    awayShots: null,
    homeShotsOnTarget: null,
    awayShotsOnTarget: null,
    odds: {},
    ...overrides,
  };
}

let db: LedgerDatabase;
beforeEach(() => {
  db = openLedger(':memory:');
});
afterEach(() => {
  db.close();
});

describe('upsertMatches and matchesOf', () => {
  it('gives back every field of every match as parsed, in date, kick-off, id order', () => {
    expect(upsertMatches(db, season2324)).toEqual({ inserted: 380, updated: 0, unchanged: 0 });
    expect(matchesOf(db, { div: 'E0' })).toEqual(season2324);
  });

  it('changes nothing when the same matches arrive again', () => {
    upsertMatches(db, season2324);
    const changesBefore = db.prepare('SELECT total_changes()').pluck().get() as number;
    expect(upsertMatches(db, season2324)).toEqual({ inserted: 0, updated: 0, unchanged: 380 });
    expect(db.prepare('SELECT total_changes()').pluck().get()).toBe(changesBefore);
    expect(matchesOf(db, { div: 'E0' })).toEqual(season2324);
  });

  it('updates exactly the rows a corrected file changes', () => {
    upsertMatches(db, season2324);
    const [opener, ...rest] = season2324;
    const corrected: Match = { ...opener!, homeShots: 7, odds: { ...opener!.odds, b365: [8.5, 5.5, 1.33] } };
    expect(upsertMatches(db, [corrected, ...rest])).toEqual({ inserted: 0, updated: 1, unchanged: 379 });
    expect(matchesOf(db, { div: 'E0', seasons: ['2324'] })[0]).toEqual(corrected);
  });

  it('round-trips any set of matches exactly, odds and nulls included', () => {
    const TEAMS = ['Leeds', 'Hull', "Nott'm Forest", 'Málaga', 'Man City', 'QPR'];
    const price = fc.double({ min: 1.01, max: 1000, noNaN: true });
    const triple = fc.tuple(price, price, price) as fc.Arbitrary<DecimalOdds1x2>;
    const count = fc.option(fc.nat(40), { nil: null });
    const match: fc.Arbitrary<Match> = fc
      .record({
        div: fc.constantFrom('E0', 'E1'),
        day: fc.nat(300),
        kickoff: fc.option(fc.constantFrom('12:30', '15:00', '20:00'), { nil: null }),
        teams: fc.uniqueArray(fc.constantFrom(...TEAMS), { minLength: 2, maxLength: 2 }),
        homeGoals: fc.nat(9),
        awayGoals: fc.nat(9),
        counts: fc.tuple(count, count, count, count, count, count),
        odds: fc.dictionary(fc.constantFrom(...ODDS_SOURCES), triple) as fc.Arbitrary<Partial<Record<OddsSource, DecimalOdds1x2>>>,
      })
      .map(({ div, day, kickoff, teams: [homeTeam, awayTeam], homeGoals, awayGoals, counts, odds }) => {
        const ids = { div, season: '2324', date: addDays('2023-08-01', day), homeTeamId: teamIdOf(homeTeam!), awayTeamId: teamIdOf(awayTeam!) };
        return {
          id: matchIdOf(ids),
          ...ids,
          kickoff,
          homeTeam: homeTeam!,
          awayTeam: awayTeam!,
          homeGoals,
          awayGoals,
          result: outcomeFromGoals(homeGoals, awayGoals),
          halfTimeHomeGoals: counts[0],
          halfTimeAwayGoals: counts[1],
          homeShots: counts[2],
          awayShots: counts[3],
          homeShotsOnTarget: counts[4],
          awayShotsOnTarget: counts[5],
          odds,
        };
      });
    fc.assert(
      fc.property(fc.uniqueArray(match, { selector: (m) => m.id, maxLength: 30 }), (matches) => {
        const ledger = openLedger(':memory:');
        try {
          upsertMatches(ledger, matches);
          for (const div of ['E0', 'E1']) {
            expect(matchesOf(ledger, { div })).toEqual(matches.filter((m) => m.div === div).sort(compareMatches));
          }
        } finally {
          ledger.close();
        }
      }),
      { numRuns: 50 },
    );
  });

  it('removes an odds group a corrected file no longer has', () => {
    const withOdds = aMatch({ id: 'm1', date: '2023-08-12', odds: { b365: [2, 3.4, 3.9] } });
    upsertMatches(db, [withOdds]);
    upsertMatches(db, [{ ...withOdds, odds: {} }]);
    expect(matchesOf(db, { div: 'E1' })[0]?.odds).toEqual({});
  });

  it('filters by division and season', () => {
    upsertMatches(db, [...season2223, ...season2324, aMatch({ id: 'm1', date: '2023-08-12' })]);
    expect(matchesOf(db, { div: 'E0', seasons: ['2223'] })).toEqual(season2223);
    expect(matchesOf(db, { div: 'E0', seasons: ['2223', '2324'] })).toHaveLength(760);
    expect(matchesOf(db, { div: 'E0', seasons: [] })).toEqual([]);
    expect(matchesOf(db, { div: 'E1' }).map((m) => m.id)).toEqual(['m1']);
  });

  it('puts unknown kick-offs first within a day', () => {
    upsertMatches(db, [aMatch({ id: 'b', date: '2023-08-12', kickoff: '12:30' }), aMatch({ id: 'c', date: '2023-08-12', kickoff: null }), aMatch({ id: 'a', date: '2023-08-13', kickoff: null })]);
    expect(matchesOf(db, { div: 'E1' }).map((m) => m.id)).toEqual(['c', 'b', 'a']);
  });

  it('is refused by the schema when a price triple is incomplete or not above 1', () => {
    const insert = (columns: string) => () => db.exec(`INSERT INTO matches (id, div, season, date, home_team, away_team, home_team_id, away_team_id, home_goals, away_goals, result, ${columns})`);
    expect(insert("b365_home) VALUES ('x', 'E0', '2324', '2023-08-11', 'A', 'B', 'a', 'b', 1, 0, 'H', 2.0")).toThrow('CHECK constraint failed');
    expect(insert("b365_home, b365_draw, b365_away) VALUES ('x', 'E0', '2324', '2023-08-11', 'A', 'B', 'a', 'b', 1, 0, 'H', 2.0, 1.0, 3.0")).toThrow('CHECK constraint failed');
  });
});

describe('seasonsAvailable', () => {
  it('counts matches per division and season, oldest season first across the century', () => {
    upsertMatches(db, [...season2324, ...season2223, aMatch({ id: 'old', season: '9900', date: '1999-08-07' }), aMatch({ id: 'new', date: '2023-08-12' })]);
    expect(seasonsAvailable(db)).toEqual([
      { div: 'E0', season: '2223', count: 380 },
      { div: 'E0', season: '2324', count: 380 },
      { div: 'E1', season: '9900', count: 1 },
      { div: 'E1', season: '2324', count: 1 },
    ]);
  });
});

describe('matchesOfWeek', () => {
  it('returns the Tuesday-to-Monday window of the 2023-24 opening week', () => {
    upsertMatches(db, [...season2223, ...season2324]);
    const week = matchesOfWeek(db, { div: 'E0', season: '2324', weekStart: '2023-08-08' });
    // Fri 11 Aug (Burnley v Man City) to Mon 14 Aug: the first round, 10 matches.
    expect(week).toHaveLength(10);
    expect(week[0]?.id).toBe('E0-2324-burnley-man-city-1');
    expect(week.every((m) => m.date >= '2023-08-11' && m.date <= '2023-08-14')).toBe(true);
    expect(week).toEqual(season2324.filter((m) => m.date >= '2023-08-08' && m.date <= '2023-08-14'));
  });

  it('refuses a week start that is not a Tuesday', () => {
    expect(() => matchesOfWeek(db, { div: 'E0', season: '2324', weekStart: '2023-08-11' })).toThrow(
      'matchesOfWeek: weekStart 2023-08-11 is not the Tuesday that opens a betting week (that is 2023-08-08)',
    );
  });
});

describe('matchesBefore', () => {
  it('returns every earlier match of the division, across seasons, and none on the cutoff date', () => {
    upsertMatches(db, [...season2223, ...season2324]);
    expect(matchesBefore(db, { div: 'E0', before: '2023-08-08' })).toEqual(season2223);
    expect(matchesBefore(db, { div: 'E0', before: '2023-08-11' })).toHaveLength(380);
    expect(matchesBefore(db, { div: 'E0', before: '2023-08-12' })).toHaveLength(381);
  });

  it('rejects a cutoff that is not an ISO date', () => {
    expect(() => matchesBefore(db, { div: 'E0', before: '11/08/2023' })).toThrow('Expected an ISO date yyyy-mm-dd, got "11/08/2023"');
  });
});

describe('earlierMeetings', () => {
  it("counts the pair's meetings at that ground played before the fixture's date, in that season only", () => {
    upsertMatches(db, [
      aMatch({ div: 'SC0', id: 'SC0-2324-leeds-hull-1', date: '2023-09-02' }),
      aMatch({ div: 'SC0', id: 'SC0-2324-leeds-hull-2', date: '2024-02-10' }),
      aMatch({ div: 'SC0', season: '2223', id: 'SC0-2223-leeds-hull-1', date: '2022-09-03' }),
      aMatch({ div: 'SC0', id: 'SC0-2324-hull-leeds-1', date: '2023-10-07', homeTeam: 'Hull', awayTeam: 'Leeds', homeTeamId: 'hull', awayTeamId: 'leeds' }),
    ]);
    const fixture = { div: 'SC0', season: '2324', homeTeamId: 'leeds', awayTeamId: 'hull' };
    expect(earlierMeetings(db, { ...fixture, date: '2023-08-01' })).toBe(0);
    expect(earlierMeetings(db, { ...fixture, date: '2023-12-01' })).toBe(1);
    expect(earlierMeetings(db, { ...fixture, date: '2024-05-01' })).toBe(2);
  });
});
