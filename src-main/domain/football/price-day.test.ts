import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, bettingWeekStart, daysBetween } from './betting-week';
import { matchesBeforePriceDay, priceDayOf } from './price-day';

describe('priceDayOf', () => {
  // 2023-12-26 was a Tuesday (Boxing Day), 2023-12-29 a Friday.
  it('prices a Tuesday-to-Thursday match on that Tuesday', () => {
    expect(priceDayOf('2023-12-26')).toBe('2023-12-26');
    expect(priceDayOf('2023-12-27')).toBe('2023-12-26');
    expect(priceDayOf('2023-12-28')).toBe('2023-12-26'); // Thursday
  });

  it('prices a Friday-to-Monday match on that Friday', () => {
    expect(priceDayOf('2023-12-29')).toBe('2023-12-29'); // Friday itself
    expect(priceDayOf('2023-12-30')).toBe('2023-12-29'); // Saturday
    expect(priceDayOf('2023-12-31')).toBe('2023-12-29'); // Sunday
    expect(priceDayOf('2024-01-01')).toBe('2023-12-29'); // Monday, across a year end
  });

  it('prices a Monday game after a leap day on the Friday before it', () => {
    // 2024-03-04 was a Monday; the Friday before it is 2024-03-01, after 29 February.
    expect(priceDayOf('2024-03-04')).toBe('2024-03-01');
  });

  it('rejects a date that is not an ISO calendar date, naming it', () => {
    expect(() => priceDayOf('31/12/2023')).toThrow('Expected an ISO date yyyy-mm-dd, got "31/12/2023"');
  });

  it('always falls in the match\'s own betting week, on or before the match, on a Tuesday or a Friday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (offset) => {
        const date = addDays('2000-01-01', offset);
        const day = priceDayOf(date);
        const sinceWeekStart = daysBetween(bettingWeekStart(date), day);
        expect(bettingWeekStart(day)).toBe(bettingWeekStart(date));
        expect(daysBetween(day, date)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(day, date)).toBeLessThanOrEqual(3);
        expect([0, 3]).toContain(sinceWeekStart);
      }),
    );
  });
});

describe('matchesBeforePriceDay', () => {
  const played = [
    { id: 'sat', date: '2023-12-23' },
    { id: 'tue', date: '2023-12-26' },
    { id: 'thu', date: '2023-12-28' },
    { id: 'fri', date: '2023-12-29' },
    { id: 'sat2', date: '2023-12-30' },
  ];

  it('gives a Thursday game only the results before that Tuesday', () => {
    expect(matchesBeforePriceDay(played, { date: '2023-12-28' }).map((m) => m.id)).toEqual(['sat']);
  });

  it('gives a Monday game the midweek results but nothing from the Friday on', () => {
    expect(matchesBeforePriceDay(played, { date: '2024-01-01' }).map((m) => m.id)).toEqual(['sat', 'tue', 'thu']);
  });
});
