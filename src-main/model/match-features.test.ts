import type { Match } from '../domain/football/match';
import { priceDayOf } from '../domain/football/price-day';
import { describe, expect, it } from 'vitest';
import { bettingWeeksOf } from '../domain/football/betting-week';
import { buildFeatureRows, FEATURE_NAMES } from './match-features';
import { DEFAULT_MODEL_CONFIG } from './outcome-model';
import { modelWorkSince, readModelWork } from './model-work';
import { syntheticLeague } from './synthetic-league';

const league = syntheticLeague({ seed: 21, teams: 10, seasons: ['1920', '2021'], promotedPerSeason: 2 });
const settings = { dixonColes: DEFAULT_MODEL_CONFIG.dixonColes, form: DEFAULT_MODEL_CONFIG.form };
const secondSeason = league.filter((m) => m.season === '2021');

describe('buildFeatureRows', () => {
  it('gives one finite value per named feature for every fixture, promoted teams in week 1 included', () => {
    const firstWeek = bettingWeeksOf(secondSeason)[0]!;
    const fixtures = secondSeason.filter((m) => m.date <= firstWeek.end);
    const rows = buildFeatureRows(league, fixtures, settings);
    expect(rows).toHaveLength(fixtures.length);
    for (const row of rows) {
      expect(row.features).toHaveLength(FEATURE_NAMES.length);
      for (const v of row.features) expect(Number.isFinite(v)).toBe(true);
      expect(row.priceDay).toBe(priceDayOf(fixtures.find((f) => f.id === row.matchId)!.date));
    }
  });

  it('describes a fixture only from matches before its price day: every result from that day on can be corrupted without changing it', () => {
    const week = bettingWeeksOf(secondSeason)[6]!;
    const fixtures = secondSeason.filter((m) => m.date >= week.start && m.date <= week.end);
    for (const fixture of fixtures) {
      const priceDay = priceDayOf(fixture.date);
      const clean = buildFeatureRows(league, [fixture], settings);
      const flipped = league.map((m) => (m.date >= priceDay ? { ...m, homeGoals: m.awayGoals + 3, homeShots: 40, homeShotsOnTarget: 20 } : m));
      expect(buildFeatureRows(flipped, [fixture], settings)).toEqual(clean);
    }
  });

  it('gives a weekend fixture the midweek result of its own week, as its Friday price knew it', () => {
    const week = bettingWeeksOf(secondSeason)[6]!;
    const weekend = secondSeason.find((m) => m.date >= week.start && m.date <= week.end && priceDayOf(m.date) > week.start)!;
    const midweek: Match = { ...weekend, id: 'midweek', date: week.start, awayTeam: 'Someone', awayTeamId: 'someone', homeGoals: 7, awayGoals: 0, result: 'H' };
    const without = buildFeatureRows(league, [weekend], settings);
    expect(buildFeatureRows([...league, midweek], [weekend], settings)).not.toEqual(without);
  });

  it('does see a changed earlier result', () => {
    const week = bettingWeeksOf(secondSeason)[6]!;
    const fixtures = secondSeason.filter((m) => m.date >= week.start && m.date <= week.end);
    const clean = buildFeatureRows(league, fixtures, settings);
    const changed = league.map((m) => (m.date < week.start && m.date >= '2020-09-01' ? { ...m, homeGoals: m.homeGoals + 3 } : m));
    expect(buildFeatureRows(changed, fixtures, settings)).not.toEqual(clean);
  });

  it('builds the rows of a week once: a second model, or a refit with a longer history, reuses them', () => {
    const week = bettingWeeksOf(secondSeason)[9]!;
    const fixtures = secondSeason.filter((m) => m.date >= week.start && m.date <= week.end);
    const history = league.filter((m) => m.date < week.start);
    const first = buildFeatureRows(history, fixtures, settings);
    const before = readModelWork();
    const again = buildFeatureRows([...history], fixtures, settings);
    const later = buildFeatureRows(league, fixtures, settings);
    const work = modelWorkSince(before);
    expect(again).toEqual(first);
    expect(later).toEqual(first);
    expect(work.featureRowsBuilt).toBe(0);
    expect(work.featureRowsReused).toBe(2 * fixtures.length);
  });
});
