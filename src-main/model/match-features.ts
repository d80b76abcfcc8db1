import type { Match } from '../domain/football/match';
import { dayNumberOf, daysBetween } from '../domain/football/betting-week';
import { priceDayOf } from '../domain/football/price-day';
import type { Fixture } from './fixture';
import { fitDixonColesOnIndex, predictDixonColes, type DixonColesRatings, type DixonColesSettings } from './dixon-coles-ratings';
import { TeamFormTracker, type TeamFormSettings } from './team-form-tracker';
import { fitShotRateOnIndex, predictShotRates, type ShotRateRatings } from './shot-rate-ratings';
import { firstAtOrAfter, historyIndexOf, windowKey, type HistoryIndex } from './history-index';
import { countModelWork } from './model-work';
import { stopIfAsked, type FitControl } from './fit-control';

/**
 * Names of the feature columns, in order. Every value is computed only from matches that kicked
 * off before the fixture's price day (DESIGN.md, domain/football/price-day.ts); bookmaker odds are never an input, so the
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

export interface FeatureSettings {
  readonly dixonColes: DixonColesSettings;
  readonly form: TeamFormSettings;
}

export interface FeatureRow {
  readonly matchId: string;
  /** The day the row is described as of: the fixture's price day (DESIGN.md), so it sees every result the price knew and none later. */
  readonly priceDay: string;
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

const ROW_MEMO_LIMIT = 4000;
/** Rows of one week as of one history prefix, by fixture; see buildFeatureRows. */
const rowMemo = new Map<string, Map<string, FeatureRow>>();

/**
 * Walk-forward feature rows. `history` is every match known; `targets` are the fixtures to
 * describe. For each betting week among the targets, the team state and the Dixon-Coles fit are
 * taken as of that week's start, from `history` strictly before it.
 *
 * A row depends only on the settings, the fixture and the matches before its week, so rows are
 * memoised on exactly that (the prefix identified by its content, see HistoryIndex): the week's
 * rows are built once and shared by the active, static and champion models, and a refit finds
 * the rows of every earlier week it trains on instead of rebuilding ~230 weeks of them.
 * `control` is polled before each price day's fits and told how many price days are done.
 */
export function buildFeatureRows(history: readonly Match[], targets: readonly Fixture[], settings: FeatureSettings, control: FitControl = {}): FeatureRow[] {
  const index = historyIndexOf(history);
  const sorted = index.matches;
  const byPriceDay = new Map<string, Fixture[]>();
  for (const t of targets) {
    // Grouped by price day: a weekend fixture sees the midweek round before it, as its price did.
    const start = priceDayOf(t.date);
    const list = byPriceDay.get(start);
    if (list) list.push(t);
    else byPriceDay.set(start, [t]);
  }
  const settingsKey = JSON.stringify(settings);
  // Elo and form are a pass over every earlier match: fed only as far as a row not in the memo
  // needs, starting from a tracker an earlier call left fed with the same leading matches.
  let tracker: TeamFormTracker | null = null;
  let fed = 0;
  const takeTracker = (upTo: number): TeamFormTracker => {
    const resumed = resumeTracker(settingsKey, index, upTo);
    fed = resumed?.fed ?? 0;
    return resumed?.tracker ?? new TeamFormTracker(settings.form);
  };
  const rows: FeatureRow[] = [];
  const priceDays = [...byPriceDay.keys()].sort();
  for (const [done, priceDay] of priceDays.entries()) {
    stopIfAsked(control);
    control.onIterations?.(done, priceDays.length);
    const next = firstAtOrAfter(index, dayNumberOf(priceDay));
    const memoKey = `${settingsKey}|${priceDay}|${windowKey(index, 0, next)}`;
    let weekRows = rowMemo.get(memoKey);
    if (weekRows === undefined) {
      if (rowMemo.size >= ROW_MEMO_LIMIT) rowMemo.delete(rowMemo.keys().next().value!);
      weekRows = new Map();
      rowMemo.set(memoKey, weekRows);
    }
    let fits: { ratings: DixonColesRatings; shotRatings: ShotRateRatings | null } | null = null;
    for (const fixture of byPriceDay.get(priceDay)!) {
      const fixtureKey = `${fixture.id}|${fixture.season}|${fixture.date}|${fixture.homeTeamId}|${fixture.awayTeamId}`;
      const known = weekRows.get(fixtureKey);
      if (known !== undefined) {
        countModelWork('featureRowsReused');
        rows.push(known);
        continue;
      }
      tracker ??= takeTracker(next);
      while (fed < next) tracker.add(sorted[fed++]!);
      fits ??= { ratings: fitDixonColesOnIndex(index, priceDay, settings.dixonColes), shotRatings: fitShotRateOnIndex(index, priceDay, settings.dixonColes) };
      const row = featureRowOf(fixture, priceDay, tracker, fits.ratings, fits.shotRatings, settings.form);
      countModelWork('featureRowsBuilt');
      weekRows.set(fixtureKey, row);
      rows.push(row);
    }
  }
  if (tracker !== null) keepTracker({ settingsKey, tracker, fed, prefixKey: windowKey(index, 0, fed) });
  return rows;
}

/** A team-state pass fed with the first `fed` matches of a history whose content key is `prefixKey`. */
interface FedTracker {
  readonly settingsKey: string;
  readonly tracker: TeamFormTracker;
  readonly fed: number;
  readonly prefixKey: string;
}

const TRACKER_MEMO_LIMIT = 4;
/** Most recently used last. A tracker only moves forward, so it is taken out while it is fed. */
const fedTrackers: FedTracker[] = [];

/** The most advanced kept tracker whose matches are the first ones of `index` and not past `upTo`, taken out of the memo. */
function resumeTracker(settingsKey: string, index: HistoryIndex, upTo: number): FedTracker | null {
  let best = -1;
  for (let i = 0; i < fedTrackers.length; i++) {
    const t = fedTrackers[i]!;
    if (t.settingsKey !== settingsKey || t.fed > upTo || (best >= 0 && t.fed <= fedTrackers[best]!.fed)) continue;
    if (windowKey(index, 0, t.fed) === t.prefixKey) best = i;
  }
  return best < 0 ? null : fedTrackers.splice(best, 1)[0]!;
}

function keepTracker(entry: FedTracker): void {
  fedTrackers.push(entry);
  if (fedTrackers.length > TRACKER_MEMO_LIMIT) fedTrackers.shift();
}

function featureRowOf(fixture: Fixture, priceDay: string, tracker: TeamFormTracker, ratings: DixonColesRatings, shotRatings: ShotRateRatings | null, formSettings: TeamFormSettings): FeatureRow {
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
    (home.elo + formSettings.eloHomeAdvantage - away.elo) / 400,
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
  return { matchId: fixture.id, priceDay, features, dixonColesProbabilities: dc.probabilities };
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
  return sorted.filter((m) => m.date < cutoff && recent.has(m.season) && daysBetween(firstDate, priceDayOf(m.date)) >= MIN_HISTORY_DAYS_FOR_FEATURES);
}
