import type { Match } from './match';

/**
 * A betting week: the 7-day window that starts on Tuesday 00:00 (UK match date), so a weekend
 * round and its Monday game stay together and a midweek round opens a new week.
 * Dates are ISO yyyy-mm-dd calendar dates; they are handled as UTC days so no time zone or
 * daylight-saving shift can move a match into another week.
 */
export interface BettingWeek {
  /** 1-based index of the week within its season, counting only weeks that have matches. */
  readonly index: number;
  /** ISO date of the Tuesday that opens the week. */
  readonly start: string;
  /** ISO date of the Monday that closes it (inclusive). */
  readonly end: string;
}

const DAY_MS = 86_400_000;
/**
 * A data set holds a few thousand distinct dates and the models ask for them millions of times
 * (every fit weighs every match by its age), so each date is parsed once. The bound only stops
 * an unbounded stream of distinct dates from growing the memo without limit.
 */
const MEMO_LIMIT = 100_000;
const dayOfDate = new Map<string, number>();
const dateOfDay = new Map<number, string>();

/** The date as a whole number of days since 1970-01-01 (UTC); throws on anything but a valid ISO date. */
export function dayNumberOf(isoDate: string): number {
  const known = dayOfDate.get(isoDate);
  if (known !== undefined) return known;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new Error(`Expected an ISO date yyyy-mm-dd, got "${isoDate}"`);
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`Not a calendar date: "${isoDate}"`);
  if (dayOfDate.size >= MEMO_LIMIT) dayOfDate.clear();
  dayOfDate.set(isoDate, ms / DAY_MS);
  return ms / DAY_MS;
}

/** The ISO date of a day number (the inverse of dayNumberOf). */
export function isoDateOfDay(day: number): string {
  const known = dateOfDay.get(day);
  if (known !== undefined) return known;
  const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (dateOfDay.size >= MEMO_LIMIT) dateOfDay.clear();
  dateOfDay.set(day, iso);
  return iso;
}

/** The Tuesday (ISO date) that opens the betting week containing `isoDate`. */
export function bettingWeekStart(isoDate: string): string {
  const day = dayNumberOf(isoDate);
  // 1970-01-01 was a Thursday: (day + 4) % 7 is 0 on Sunday .. 2 on Tuesday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  const sinceTuesday = (weekday - 2 + 7) % 7;
  return isoDateOfDay(day - sinceTuesday);
}

export function addDays(isoDate: string, days: number): string {
  return isoDateOfDay(dayNumberOf(isoDate) + days);
}

export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return dayNumberOf(toIsoDate) - dayNumberOf(fromIsoDate);
}

/** The betting weeks of one season's matches, in order, numbered from 1. */
export function bettingWeeksOf(matches: readonly Pick<Match, 'date'>[]): BettingWeek[] {
  const starts = [...new Set(matches.map((m) => bettingWeekStart(m.date)))].sort();
  return starts.map((start, i) => ({ index: i + 1, start, end: addDays(start, 6) }));
}

/** Matches that belong to `week` (kicked off within its Tuesday-Monday window). */
export function matchesInWeek<M extends Pick<Match, 'date'>>(matches: readonly M[], week: BettingWeek): M[] {
  return matches.filter((m) => m.date >= week.start && m.date <= week.end);
}

/**
 * The no-look-ahead cutoff: every match that kicked off before `week` starts. This is all the
 * model and the market comparison for the week may use.
 */
export function matchesBeforeWeek<M extends Pick<Match, 'date'>>(matches: readonly M[], week: Pick<BettingWeek, 'start'>): M[] {
  return matches.filter((m) => m.date < week.start);
}
