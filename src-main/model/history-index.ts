import type { Match } from '../domain/football/match';
import { dayNumberOf } from '../domain/football/betting-week';

/**
 * A match history in date order with what every walk-forward fit asks of it precomputed once:
 * the day number of each match, and running sums of a per-match content hash, so the memo key
 * of any date window is O(1) instead of a pass over its matches.
 *
 * Every fit and feature row of a week depends on a date window of the history (the goal model
 * on the last `historyDays` before the week, Elo and form on everything before it). Walking
 * forward, the same windows come back week after week and refit after refit; keying the memos
 * on the window's content (not on the array that happened to carry it) lets them be found again,
 * and keying on content rather than on positions or ids keeps the promise of the old
 * fingerprints: a changed score or shot count changes the key, so a memo never serves a fit of
 * other data.
 */
export interface HistoryIndex {
  /** The history in date order (the caller's array itself when it already was). */
  readonly matches: readonly Match[];
  /** days[i] = day number of matches[i]. */
  readonly days: Int32Array;
  /** Running sums (mod 2^32) of the two hash lanes, and of the second lane times position. */
  readonly sumA: Uint32Array;
  readonly sumB: Uint32Array;
  readonly sumPositionB: Uint32Array;
  /** What the array held when the index was built (a cheap staleness check). */
  readonly built: { readonly length: number; readonly first: Match | undefined; readonly last: Match | undefined };
}

const indexOfArray = new WeakMap<readonly Match[], HistoryIndex>();
const hashOfMatch = new WeakMap<Match, readonly [number, number]>();
/** The index built last: the next week's history usually extends it. */
let lastBuilt: HistoryIndex | null = null;

/** The index of `history`, built on first use and kept while the array lives. */
export function historyIndexOf(history: readonly Match[]): HistoryIndex {
  const known = indexOfArray.get(history);
  // The arrays are read-only to every model; the check only catches a caller that reused one.
  if (known && known.built.length === history.length && known.built.first === history[0] && known.built.last === history.at(-1)) return known;
  const matches = isSortedByDate(history) ? history : [...history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const n = matches.length;
  const days = new Int32Array(n);
  const sumA = new Uint32Array(n + 1);
  const sumB = new Uint32Array(n + 1);
  const sumPositionB = new Uint32Array(n + 1);
  // Walking a season forward, each week's history is last week's plus the newest results (a new
  // array each time, so the WeakMap misses): the shared prefix is copied, not recomputed.
  const shared = lastBuilt !== null ? sharedPrefixLength(lastBuilt.matches, matches) : 0;
  if (shared > 0) {
    days.set(lastBuilt!.days.subarray(0, shared));
    sumA.set(lastBuilt!.sumA.subarray(0, shared + 1));
    sumB.set(lastBuilt!.sumB.subarray(0, shared + 1));
    sumPositionB.set(lastBuilt!.sumPositionB.subarray(0, shared + 1));
  }
  for (let i = shared; i < n; i++) {
    const m = matches[i]!;
    days[i] = dayNumberOf(m.date);
    const [a, b] = contentHashOf(m);
    sumA[i + 1] = (sumA[i]! + a) >>> 0;
    sumB[i + 1] = (sumB[i]! + b) >>> 0;
    sumPositionB[i + 1] = (sumPositionB[i]! + Math.imul(i + 1, b)) >>> 0;
  }
  const index: HistoryIndex = { matches, days, sumA, sumB, sumPositionB, built: { length: n, first: history[0], last: history.at(-1) } };
  indexOfArray.set(history, index);
  lastBuilt = index;
  if (matches !== history) indexOfArray.set(matches, { ...index, built: { length: n, first: matches[0], last: matches.at(-1) } });
  return index;
}

/** The date-ordered history: `history` itself when it is already in order. */
export function sortedByDate(history: readonly Match[]): readonly Match[] {
  return historyIndexOf(history).matches;
}

/** The first position whose day is >= `day` (matches.length if none). */
export function firstAtOrAfter(index: HistoryIndex, day: number): number {
  let lo = 0;
  let hi = index.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Identifies the matches at positions [from, to) by count, first and last date and a
 * position-sensitive 64-bit hash of their contents: equal keys mean the same matches in the same
 * order, up to a hash collision (about 2^-64 per pair, the same risk as the fingerprints before).
 */
export function windowKey(index: HistoryIndex, from: number, to: number): string {
  if (to <= from) return '0';
  const a = (index.sumA[to]! - index.sumA[from]!) >>> 0;
  const b = (index.sumB[to]! - index.sumB[from]!) >>> 0;
  // Weights relative to the window's own start, so the key does not depend on where it sits.
  const positionB = (index.sumPositionB[to]! - index.sumPositionB[from]! - Math.imul(from, b)) >>> 0;
  return `${to - from}:${index.matches[from]!.date}:${index.matches[to - 1]!.date}:${a.toString(36)}:${b.toString(36)}:${positionB.toString(36)}`;
}

/** How many leading matches `next` shares with `previous`, the same objects in the same places; 0 unless it holds all of them. */
function sharedPrefixLength(previous: readonly Match[], next: readonly Match[]): number {
  if (previous.length > next.length) return 0;
  for (let i = 0; i < previous.length; i++) if (previous[i] !== next[i]) return 0;
  return previous.length;
}

function isSortedByDate(history: readonly Match[]): boolean {
  for (let i = 1; i < history.length; i++) if (history[i]!.date < history[i - 1]!.date) return false;
  return true;
}

/** Two FNV-style 32-bit lanes over the fields any model reads, computed once per match object. */
function contentHashOf(m: Match): readonly [number, number] {
  const known = hashOfMatch.get(m);
  if (known) return known;
  const s = `${m.id}|${m.date}|${m.season}|${m.homeTeamId}|${m.awayTeamId}|${m.homeGoals}|${m.awayGoals}|${m.result}|${m.homeShots}|${m.awayShots}|${m.homeShotsOnTarget}|${m.awayShotsOnTarget};`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  // A final avalanche, so matches that differ in one character differ in many bits of the sums.
  const hash = [mix(h1), mix(h2 ^ 0x9e3779b9)] as const;
  hashOfMatch.set(m, hash);
  return hash;
}

function mix(h: number): number {
  let x = h >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
