import type { Match } from '../domain/football/match';
import { bettingWeekStart, daysBetween } from '../domain/football/betting-week';
import type { Fixture } from './fixture';
import { fitDixonColesRatings, predictDixonColes, type DixonColesSettings } from './dixon-coles-ratings';
import { TeamFormTracker, type TeamFormSettings } from './team-form-tracker';
import { fitShotRateRatings, predictShotRates } from './shot-rate-ratings';
import { fitExpectedGoalsRatings } from './expected-goals-ratings';
import { outcomeProbabilitiesFromRates } from './goal-grid';
import { PiRatingTracker } from './pi-ratings';
import { TeamHomeAdvantageTracker } from './team-home-advantage';

/**
 * Names of the feature columns, in order. Every value is computed only from matches that kicked
 * off before the fixture's betting week starts; bookmaker odds are never an input, so the
 * model stays independent of the market it is tested against.
 */
export const FEATURE_NAMES = [
  'dcLogHomeRate',
  'dcLogAwayRate',
  'dcHomeMinusAway',
  'dcDraw',
  'eloDifference',
  'formPointsDifference',
  'shotsOnTargetForDifference',
  'shotsOnTargetAgainstDifference',
  'shotsForDifference',
  'shotsAgainstDifference',
  'goalsForDifference',
  'goalsAgainstDifference',
  'homeRestDays',
  'awayRestDays',
  'earlySeason',
  'earlySeasonTimesDc',
  'shotRateLogHome',
  'shotRateLogAway',
] as const;

/**
 * Optional extra inputs (all off = the base FEATURE_NAMES). Every one is computed, like the base
 * features, from matches before the fixture's week only.
 */
export interface ExtraFeatureSettings {
  /**
   * Time decay per day of a second, fast-forgetting Dixon-Coles fit (e.g. 0.006, a half-life of
   * ~4 months) whose log rates and P(H) − P(A) become 3 more inputs, so the net can weigh recent
   * form of strength against the long-run fit. 0 = off.
   */
  readonly fastXiPerDay: number;
  /**
   * Blend weight of shots on target × league conversion in an expected-goals proxy Poisson fit
   * (see fitExpectedGoalsRatings) whose log rates and P(H) − P(A) become 3 more inputs. 0 = off.
   */
  readonly xgAlpha: number;
  /** Adds |P(H) − P(A)| and log expected total goals: inputs a draw depends on non-linearly. */
  readonly drawFeatures: boolean;
  /**
   * Adds the pi-rating expected goal difference (see PiRatingTracker): a match-by-match rating
   * that follows within-season jumps in strength faster than the decayed fits. Absent (configs
   * saved before it existed) = off.
   */
  readonly piRatings?: boolean;
  /**
   * Adds the mean of the two sides' shrunk excess home advantage (see TeamHomeAdvantageTracker).
   * Absent = off.
   */
  readonly teamHomeAdvantage?: boolean;
}

export const NO_EXTRA_FEATURES: ExtraFeatureSettings = { fastXiPerDay: 0, xgAlpha: 0, drawFeatures: false };

export interface FeatureSettings {
  readonly dixonColes: DixonColesSettings;
  readonly form: TeamFormSettings;
  /** Absent = none (snapshots saved before these existed). */
  readonly extra?: ExtraFeatureSettings;
}

/** The feature columns for these settings, in order: FEATURE_NAMES, then the enabled extras. */
export function featureNamesOf(settings: FeatureSettings): string[] {
  const extra = settings.extra ?? NO_EXTRA_FEATURES;
  return [
    ...FEATURE_NAMES,
    ...(extra.fastXiPerDay > 0 ? ['fastDcLogHomeRate', 'fastDcLogAwayRate', 'fastDcHomeMinusAway'] : []),
    ...(extra.xgAlpha > 0 ? ['xgLogHomeRate', 'xgLogAwayRate', 'xgHomeMinusAway'] : []),
    ...(extra.drawFeatures ? ['dcAbsHomeMinusAway', 'dcLogTotalRate'] : []),
    ...(extra.piRatings === true ? ['piExpectedGoalDifference'] : []),
    ...(extra.teamHomeAdvantage === true ? ['teamHomeAdvantageExcess'] : []),
  ];
}

export interface FeatureRow {
  readonly matchId: string;
  readonly weekStart: string;
  readonly features: number[];
  readonly dixonColesProbabilities: readonly [number, number, number];
}

/** Points per game of the league prior used to shrink short form runs. */
const FORM_PRIOR_POINTS = 1.37;
const FORM_PRIOR_MATCHES = 2;
const REST_DAYS_CAP = 14;
const EARLY_SEASON_MATCHES = 8;
/** Days of history a week needs before it may serve as a training row (a Dixon-Coles fit needs a season). */
export const MIN_HISTORY_DAYS_FOR_FEATURES = 300;

/**
 * Walk-forward feature rows. `history` is every match known (sorted by date); `targets` are the
 * fixtures to describe. For each betting week among the targets, the team state and the
 * Dixon-Coles fit are taken as of that week's start, from `history` strictly before it.
 */
export function buildFeatureRows(history: readonly Match[], targets: readonly Fixture[], settings: FeatureSettings): FeatureRow[] {
  const sorted = [...history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const byWeek = new Map<string, Fixture[]>();
  for (const t of targets) {
    const start = bettingWeekStart(t.date);
    const list = byWeek.get(start);
    if (list) list.push(t);
    else byWeek.set(start, [t]);
  }
  const tracker = new TeamFormTracker(settings.form);
  const pi = settings.extra?.piRatings === true ? new PiRatingTracker() : null;
  const homeAdvantage = settings.extra?.teamHomeAdvantage === true ? new TeamHomeAdvantageTracker() : null;
  const rows: FeatureRow[] = [];
  let next = 0;
  for (const weekStart of [...byWeek.keys()].sort()) {
    while (next < sorted.length && sorted[next]!.date < weekStart) {
      tracker.add(sorted[next]!);
      pi?.add(sorted[next]!);
      homeAdvantage?.add(sorted[next]!);
      next += 1;
    }
    const before = sorted.slice(0, next);
    const ratings = fitDixonColesRatings(before, weekStart, settings.dixonColes);
    const shotRatings = fitShotRateRatings(before, weekStart, settings.dixonColes);
    const extra = settings.extra ?? NO_EXTRA_FEATURES;
    const fastRatings = extra.fastXiPerDay > 0 ? fitDixonColesRatings(before, weekStart, { ...settings.dixonColes, xiPerDay: extra.fastXiPerDay }) : null;
    const xgRatings = extra.xgAlpha > 0 ? fitExpectedGoalsRatings(before, weekStart, settings.dixonColes, extra.xgAlpha) : null;
    for (const fixture of byWeek.get(weekStart)!) {
      const dc = predictDixonColes(ratings, fixture.homeTeamId, fixture.awayTeamId);
      const home = tracker.stateFor(fixture.homeTeamId, fixture.season);
      const away = tracker.stateFor(fixture.awayTeamId, fixture.season);
      const form = (points: readonly number[]) => (points.reduce((s, v) => s + v, 0) + FORM_PRIOR_POINTS * FORM_PRIOR_MATCHES) / (points.length + FORM_PRIOR_MATCHES);
      const rest = (teamId: string) => Math.min(tracker.restDays(teamId, fixture.date) ?? REST_DAYS_CAP, REST_DAYS_CAP) / 7;
      const [pH, pD, pA] = dc.probabilities;
      const early = 1 - Math.min((home.matchesThisSeason + away.matchesThisSeason) / 2, EARLY_SEASON_MATCHES) / EARLY_SEASON_MATCHES;
      const features = [
        Math.log(dc.homeRate),
        Math.log(dc.awayRate),
        pH - pA,
        pD,
        (home.elo + settings.form.eloHomeAdvantage - away.elo) / 400,
        form(home.recentPoints) - form(away.recentPoints),
        home.shotsOnTargetFor - away.shotsOnTargetFor,
        home.shotsOnTargetAgainst - away.shotsOnTargetAgainst,
        home.shotsFor - away.shotsFor,
        home.shotsAgainst - away.shotsAgainst,
        home.goalsFor - away.goalsFor,
        home.goalsAgainst - away.goalsAgainst,
        rest(fixture.homeTeamId),
        rest(fixture.awayTeamId),
        early,
        early * (pH - pA),
        // Without shot counts in the data the goal model's rates stand in, so the column is never empty.
        ...(shotRatings
          ? (({ logHome, logAway }) => [logHome, logAway])(predictShotRates(shotRatings, fixture.homeTeamId, fixture.awayTeamId))
          : [Math.log(dc.homeRate), Math.log(dc.awayRate)]),
      ];
      if (fastRatings) {
        const fast = predictDixonColes(fastRatings, fixture.homeTeamId, fixture.awayTeamId);
        features.push(Math.log(fast.homeRate), Math.log(fast.awayRate), fast.probabilities[0] - fast.probabilities[2]);
      }
      if (extra.xgAlpha > 0) {
        // A window without any match cannot occur here (the goal model was fitted on it), but the
        // goal model's rates stand in if it ever did, so the columns are never empty.
        const { logHome, logAway } = xgRatings ? predictShotRates(xgRatings, fixture.homeTeamId, fixture.awayTeamId) : { logHome: Math.log(dc.homeRate), logAway: Math.log(dc.awayRate) };
        const [xH, , xA] = outcomeProbabilitiesFromRates(Math.exp(logHome), Math.exp(logAway), 0);
        features.push(logHome, logAway, xH - xA);
      }
      if (extra.drawFeatures) features.push(Math.abs(pH - pA), Math.log(dc.homeRate + dc.awayRate));
      if (pi) features.push(pi.expectedGoalDifference(fixture.homeTeamId, fixture.awayTeamId, fixture.season));
      // Both sides' excess favours the home side: the away team's is a weakness away from home.
      if (homeAdvantage) features.push((homeAdvantage.excessOf(fixture.homeTeamId, weekStart) + homeAdvantage.excessOf(fixture.awayTeamId, weekStart)) / 2);
      rows.push({ matchId: fixture.id, weekStart, features, dixonColesProbabilities: dc.probabilities });
    }
  }
  return rows;
}

/**
 * The matches a feature net trained as of `cutoff` learns from: those of the `seasons` most
 * recent seasons in `sorted` (date order) that lie before the cutoff and whose week has at
 * least MIN_HISTORY_DAYS_FOR_FEATURES days of earlier data (else no goal model can be fitted).
 */
export function featureTrainingTargets(sorted: readonly Match[], cutoff: string, seasons: number): Match[] {
  if (sorted.length === 0) return [];
  const order: string[] = [];
  for (const m of sorted) if (!order.includes(m.season)) order.push(m.season);
  const recent = new Set(order.slice(-seasons));
  const firstDate = sorted[0]!.date;
  return sorted.filter((m) => m.date < cutoff && recent.has(m.season) && daysBetween(firstDate, bettingWeekStart(m.date)) >= MIN_HISTORY_DAYS_FOR_FEATURES);
}
