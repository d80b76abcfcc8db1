import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, bettingWeekStart, bettingWeeksOf, dayNumberOf, daysBetween, isoDateOfDay, matchesBeforeWeek, matchesInWeek } from './betting-week';

describe('dayNumberOf', () => {
  it('counts whole UTC days from 1970-01-01, the same on a second (memoised) call', () => {
    expect(dayNumberOf('1970-01-01')).toBe(0);
    expect(dayNumberOf('1970-01-02')).toBe(1);
    expect(dayNumberOf('2023-08-08')).toBe(19_577);
    expect(dayNumberOf('2023-08-08')).toBe(19_577);
    expect(dayNumberOf('1969-12-31')).toBe(-1);
  });

  it('round-trips with isoDateOfDay', () => {
    fc.assert(fc.property(fc.integer({ min: -10_000, max: 40_000 }), (day) => dayNumberOf(isoDateOfDay(day)) === day));
  });

  it('rejects what is not an ISO calendar date, also after the same text was asked for before', () => {
    expect(() => dayNumberOf('2023-8-8')).toThrow('Expected an ISO date yyyy-mm-dd, got "2023-8-8"');
    expect(() => dayNumberOf('2023-8-8')).toThrow('Expected an ISO date yyyy-mm-dd, got "2023-8-8"');
    expect(() => dayNumberOf('2023-13-01')).toThrow('Not a calendar date: "2023-13-01"');
  });
});

describe('bettingWeekStart', () => {
  it('opens the week on the Tuesday on or before the match date', () => {
    // 2023-08-08 was a Tuesday; the 2023-24 opener (Fri 11 Aug) and the Monday game (14 Aug) share it.
    expect(bettingWeekStart('2023-08-08')).toBe('2023-08-08');
    expect(bettingWeekStart('2023-08-11')).toBe('2023-08-08');
    expect(bettingWeekStart('2023-08-14')).toBe('2023-08-08');
    // A Tuesday midweek round starts a new week.
    expect(bettingWeekStart('2023-08-15')).toBe('2023-08-15');
  });

  it('handles year ends and leap days', () => {
    expect(bettingWeekStart('2024-01-01')).toBe('2023-12-26'); // Monday -> the Tuesday before
    expect(bettingWeekStart('2024-02-29')).toBe('2024-02-27'); // Thursday
  });

  it('rejects what is not an ISO date', () => {
    expect(() => bettingWeekStart('11/08/2023')).toThrow('Expected an ISO date yyyy-mm-dd, got "11/08/2023"');
    expect(() => bettingWeekStart('2023-02-30x')).toThrow('Expected an ISO date');
  });

  it('always returns a Tuesday at most six days earlier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (offset) => {
        const date = addDays('1990-01-01', offset);
        const start = bettingWeekStart(date);
        const gap = daysBetween(start, date);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(6);
        expect(new Date(`${start}T00:00:00Z`).getUTCDay()).toBe(2);
      }),
    );
  });
});

describe('bettingWeeksOf and the cutoff', () => {
  const matches = [
    { id: 'a', date: '2023-08-11' },
    { id: 'b', date: '2023-08-14' },
    { id: 'c', date: '2023-08-19' },
    { id: 'd', date: '2023-08-22' },
  ];

  it('numbers the weeks that have matches from 1', () => {
    expect(bettingWeeksOf(matches)).toEqual([
      { index: 1, start: '2023-08-08', end: '2023-08-14' },
      { index: 2, start: '2023-08-15', end: '2023-08-21' },
      { index: 3, start: '2023-08-22', end: '2023-08-28' },
    ]);
  });

  it('splits matches into their week and everything before it', () => {
    const [, week2] = bettingWeeksOf(matches);
    expect(matchesInWeek(matches, week2!).map((m) => m.id)).toEqual(['c']);
    expect(matchesBeforeWeek(matches, week2!).map((m) => m.id)).toEqual(['a', 'b']);
  });
});
