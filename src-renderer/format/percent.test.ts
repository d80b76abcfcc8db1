import { describe, expect, it } from 'vitest';
import { formatPercent, formatProbability } from './percent';

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
