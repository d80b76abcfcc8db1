import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';
import { formatOdds, formatScore } from './odds';
import { formatPercent, formatProbability } from './percent';

describe('formatMoney', () => {
  it('writes integer cents as pounds with thousands separators', () => {
    // 123456 cents = 1234.56 pounds
    expect(formatMoney(123456)).toBe('£1,234.56');
    expect(formatMoney(5)).toBe('£0.05');
    expect(formatMoney(0)).toBe('£0.00');
  });

  it('uses a true minus sign for losses and a plus sign only when asked', () => {
    expect(formatMoney(-1230)).toBe('\u2212£12.30');
    expect(formatMoney(1230, { signed: true })).toBe('+£12.30');
    expect(formatMoney(0, { signed: true })).toBe('£0.00');
  });

  it('refuses a fractional amount of cents', () => {
    expect(() => formatMoney(12.5)).toThrow('formatMoney expects integer cents, got 12.5');
  });

  it('round-trips every integer amount of cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        const text = formatMoney(cents);
        const back = Math.round(Number(text.replace(/[£,]/g, '').replace('\u2212', '-')) * 100);
        return back === cents;
      }),
    );
  });
});

describe('formatPercent', () => {
  it('shows fractions as percentages with one decimal by default', () => {
    expect(formatPercent(0.052)).toBe('5.2%');
    expect(formatPercent(-0.0735, { digits: 2 })).toBe('\u22127.35%');
    expect(formatPercent(0.1, { signed: true })).toBe('+10.0%');
  });

  it('shows zero without a sign, even when a tiny negative rounds to it', () => {
    expect(formatPercent(-0.00001)).toBe('0.0%');
    expect(formatPercent(0, { signed: true })).toBe('0.0%');
  });

  it('shows an em dash for a value that cannot be measured', () => {
    expect(formatPercent(null)).toBe('\u2014');
    expect(formatPercent(Number.NaN)).toBe('\u2014');
  });

  it('writes probabilities unsigned', () => {
    expect(formatProbability(0.4521)).toBe('45.2%');
  });
});

describe('formatOdds and formatScore', () => {
  it('prints decimal odds with two decimals and scores with four', () => {
    expect(formatOdds(2.1)).toBe('2.10');
    expect(formatOdds(null)).toBe('\u2014');
    expect(formatScore(0.18391)).toBe('0.1839');
    expect(formatScore(null)).toBe('\u2014');
  });
});
