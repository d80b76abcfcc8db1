import { describe, expect, it } from 'vitest';
import { bettingWeeksOf } from '../domain/football/betting-week';
import { buildFeatureRows, FEATURE_NAMES, featureNamesOf } from './match-features';
import { DEFAULT_MODEL_CONFIG } from './outcome-model';
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
      expect(row.weekStart).toBe(firstWeek.start);
    }
  });

  it('describes a fixture only from matches before its week: later results do not change it', () => {
    const week = bettingWeeksOf(secondSeason)[6]!;
    const fixtures = secondSeason.filter((m) => m.date >= week.start && m.date <= week.end);
    const clean = buildFeatureRows(league, fixtures, settings);
    const flipped = league.map((m) => (m.date >= week.start ? { ...m, homeGoals: m.awayGoals + 3, homeShots: 40, homeShotsOnTarget: 20 } : m));
    expect(buildFeatureRows(flipped, fixtures, settings)).toEqual(clean);
  });

  it('does see a changed earlier result', () => {
    const week = bettingWeeksOf(secondSeason)[6]!;
    const fixtures = secondSeason.filter((m) => m.date >= week.start && m.date <= week.end);
    const clean = buildFeatureRows(league, fixtures, settings);
    const changed = league.map((m) => (m.date < week.start && m.date >= '2020-09-01' ? { ...m, homeGoals: m.homeGoals + 3 } : m));
    expect(buildFeatureRows(changed, fixtures, settings)).not.toEqual(clean);
  });

  describe('with every extra feature on', () => {
    const extraSettings = { ...settings, extra: { fastXiPerDay: 0.006, xgAlpha: 0.5, drawFeatures: true } };

    it('names and fills the extra columns after the base ones, the base ones unchanged', () => {
      const week = bettingWeeksOf(secondSeason)[6]!;
      const fixtures = secondSeason.filter((m) => m.date >= week.start && m.date <= week.end);
      const base = buildFeatureRows(league, fixtures, settings);
      const rows = buildFeatureRows(league, fixtures, extraSettings);
      expect(featureNamesOf(extraSettings)).toHaveLength(FEATURE_NAMES.length + 8);
      for (const [i, row] of rows.entries()) {
        expect(row.features).toHaveLength(FEATURE_NAMES.length + 8);
        expect(row.features.slice(0, FEATURE_NAMES.length)).toEqual(base[i]!.features);
        for (const v of row.features) expect(Number.isFinite(v)).toBe(true);
      }
    });

    it('describes a fixture only from matches before its week: later results do not change the extras', () => {
      const week = bettingWeeksOf(secondSeason)[6]!;
      const fixtures = secondSeason.filter((m) => m.date >= week.start && m.date <= week.end);
      const clean = buildFeatureRows(league, fixtures, extraSettings);
      const flipped = league.map((m) => (m.date >= week.start ? { ...m, homeGoals: m.awayGoals + 3, homeShots: 40, homeShotsOnTarget: 20 } : m));
      expect(buildFeatureRows(flipped, fixtures, extraSettings)).toEqual(clean);
      const earlier = league.map((m) => (m.date < week.start && m.date >= '2020-09-01' ? { ...m, homeShotsOnTarget: (m.homeShotsOnTarget ?? 0) + 6 } : m));
      const changed = buildFeatureRows(earlier, fixtures, extraSettings);
      // Earlier shots move the expected-goals columns (and the shot columns), not the goal-model ones.
      const xgColumn = featureNamesOf(extraSettings).indexOf('xgLogHomeRate');
      expect(changed[0]!.features[xgColumn]).not.toBe(clean[0]!.features[xgColumn]);
    });
  });

  describe('with the pi-rating input on', () => {
    const piSettings = { ...settings, extra: { fastXiPerDay: 0, xgAlpha: 0, drawFeatures: false, piRatings: true } };
    const week = bettingWeeksOf(secondSeason)[6]!;
    const fixtures = secondSeason.filter((m) => m.date >= week.start && m.date <= week.end);
    const piColumn = FEATURE_NAMES.length;

    it('appends one column, piExpectedGoalDifference, the base ones unchanged', () => {
      expect(featureNamesOf(piSettings)).toEqual([...FEATURE_NAMES, 'piExpectedGoalDifference']);
      const base = buildFeatureRows(league, fixtures, settings);
      for (const [i, row] of buildFeatureRows(league, fixtures, piSettings).entries()) {
        expect(row.features.slice(0, piColumn)).toEqual(base[i]!.features);
        expect(Number.isFinite(row.features[piColumn])).toBe(true);
      }
    });

    it('describes a fixture only from matches before its week: corrupting results from that week on leaves it unchanged', () => {
      const clean = buildFeatureRows(league, fixtures, piSettings);
      const flipped = league.map((m) => (m.date >= week.start ? { ...m, homeGoals: m.awayGoals + 3 } : m));
      expect(buildFeatureRows(flipped, fixtures, piSettings)).toEqual(clean);
      const earlier = league.map((m) => (m.date < week.start && m.date >= '2020-09-01' ? { ...m, homeGoals: m.homeGoals + 3 } : m));
      const changed = buildFeatureRows(earlier, fixtures, piSettings);
      expect(changed.map((r) => r.features[piColumn])).not.toEqual(clean.map((r) => r.features[piColumn]));
    });
  });

  describe('with the team home-advantage input on', () => {
    const haSettings = { ...settings, extra: { fastXiPerDay: 0, xgAlpha: 0, drawFeatures: false, teamHomeAdvantage: true } };
    const week = bettingWeeksOf(secondSeason)[6]!;
    const fixtures = secondSeason.filter((m) => m.date >= week.start && m.date <= week.end);
    const column = FEATURE_NAMES.length;

    it('appends one column, teamHomeAdvantageExcess', () => {
      expect(featureNamesOf(haSettings)).toEqual([...FEATURE_NAMES, 'teamHomeAdvantageExcess']);
      for (const row of buildFeatureRows(league, fixtures, haSettings)) expect(Number.isFinite(row.features[column])).toBe(true);
    });

    it('describes a fixture only from matches before its week: corrupting results from that week on leaves it unchanged', () => {
      const clean = buildFeatureRows(league, fixtures, haSettings);
      const flipped = league.map((m) => (m.date >= week.start ? { ...m, homeGoals: m.awayGoals + 3 } : m));
      expect(buildFeatureRows(flipped, fixtures, haSettings)).toEqual(clean);
      const earlier = league.map((m) => (m.date < week.start && m.date >= '2020-09-01' ? { ...m, homeGoals: m.homeGoals + 3 } : m));
      const changed = buildFeatureRows(earlier, fixtures, haSettings);
      expect(changed.map((r) => r.features[column])).not.toEqual(clean.map((r) => r.features[column]));
    });
  });
});
