import { describe, expect, it } from 'vitest';
import type { Match } from '../football/match';
import { removeMargin } from './margin-removal';
import { fairClose, marketConsensus } from './market-consensus';
import { describePriceSource, priceOf, PRICE_SOURCES } from './price-source';

const odds: Match['odds'] = {
  b365: [2.1, 3.4, 3.6],
  pinnacle: [2.15, 3.5, 3.7],
  avg: [2.08, 3.38, 3.55],
  max: [2.25, 3.6, 3.9],
  pinnacleClose: [2.05, 3.55, 3.95],
  avgClose: [2.0, 3.4, 3.8],
};
const match = { id: 'm1', odds };

describe('marketConsensus', () => {
  it('is the reference book made fair with the given method, worked by hand for normalisation', () => {
    // Pinnacle 1/2.15 + 1/3.5 + 1/3.7 = 0.465116 + 0.285714 + 0.270270 = 1.021101
    const p = marketConsensus(match, 'pinnacle', 'basic')!;
    expect(p[0]).toBeCloseTo(0.465116 / 1.021101, 5);
    expect(p[1]).toBeCloseTo(0.285714 / 1.021101, 5);
    expect(marketConsensus(match, 'avg', 'power')).toEqual(removeMargin([2.08, 3.38, 3.55], 'power').probabilities);
  });

  it('is null when the match has no prices from the reference book (Pinnacle before 2012-13)', () => {
    expect(marketConsensus({ id: 'old', odds: { b365: [2, 3.4, 3.8] } }, 'pinnacle', 'power')).toBeNull();
  });
});

describe('fairClose', () => {
  it('uses the Pinnacle close and says so', () => {
    expect(fairClose(match, 'power')).toEqual({ probabilities: removeMargin([2.05, 3.55, 3.95], 'power').probabilities, source: 'pinnacleClose' });
  });

  it('falls back to the average close where Pinnacle\'s is missing, and to null without either', () => {
    expect(fairClose({ odds: { avgClose: [2.0, 3.4, 3.8] } }, 'basic')?.source).toBe('avgClose');
    expect(fairClose({ odds: { b365: [2, 3.4, 3.8] } }, 'basic')).toBeNull();
  });
});

describe('priceOf', () => {
  it('reads Bet365, Pinnacle, the average and the best price (the Max* group)', () => {
    expect(PRICE_SOURCES.map((s) => priceOf(match, s))).toEqual([odds.b365, odds.pinnacle, odds.avg, odds.max]);
    expect(priceOf({ odds: { b365: [2, 3.4, 3.8] } }, 'best')).toBeNull();
  });

  it('labels the best price with what it assumes', () => {
    expect(describePriceSource('best')).toContain('an account at every book');
    expect(describePriceSource('best')).toContain('stale');
  });
});
