import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

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
