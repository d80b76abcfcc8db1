import { describe, expect, it } from 'vitest';
import { formatSeason, leagueName } from './season';

describe('formatSeason', () => {
  it('writes season codes the way fans read them, across the century', () => {
    expect(formatSeason('2324')).toBe('2023-24');
    expect(formatSeason('0506')).toBe('2005-06');
    expect(formatSeason('9900')).toBe('1999-00');
  });

  it('leaves anything that is not a season code as given', () => {
    expect(formatSeason('23/24')).toBe('23/24');
  });
});

describe('leagueName', () => {
  it('names known divisions and falls back to the code', () => {
    expect(leagueName('E0')).toBe('England · Premier League');
    expect(leagueName('XX9')).toBe('XX9');
  });
});
