import { describe, expect, it } from 'vitest';
import type { Match } from '../domain/football/match';
import { dataFingerprintOf } from './data-fingerprint';

const match: Match = {
  id: 'E0-2324-burnley-man-city-1', div: 'E0', season: '2324', date: '2023-08-11', kickoff: '20:00',
  homeTeam: 'Burnley', awayTeam: 'Man City', homeTeamId: 'burnley', awayTeamId: 'man-city', homeGoals: 0, awayGoals: 3, result: 'A',
  halfTimeHomeGoals: 0, halfTimeAwayGoals: 2, homeShots: 6, awayShots: 17, homeShotsOnTarget: 1, awayShotsOnTarget: 8,
  odds: { b365: [8, 5.5, 1.33] },
};

describe('dataFingerprintOf', () => {
  it('does not depend on the order matches are given in', () => {
    const other = { ...match, id: 'E0-2324-arsenal-nott-m-forest-1', date: '2023-08-12', homeTeamId: 'arsenal', awayTeamId: 'nott-m-forest' };
    expect(dataFingerprintOf([match, other])).toBe(dataFingerprintOf([other, match]));
  });

  it('changes when a result or a price changes', () => {
    const base = dataFingerprintOf([match]);
    expect(dataFingerprintOf([{ ...match, awayGoals: 2 }])).not.toBe(base);
    expect(dataFingerprintOf([{ ...match, odds: { b365: [8, 5.5, 1.34] } }])).not.toBe(base);
    expect(dataFingerprintOf([{ ...match, odds: { ...match.odds, pinnacle: [8, 5.5, 1.33] } }])).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when a corrected file moves a match to another date', () => {
    expect(dataFingerprintOf([{ ...match, date: '2023-08-12' }])).not.toBe(dataFingerprintOf([match]));
  });

  it('is the fingerprint runs recorded before ids lost their date (schema 3), so those runs still continue', () => {
    // Computed with the schema-3 code, whose ids were `E0-2324-2023-08-11-burnley-man-city`.
    expect(dataFingerprintOf([match])).toBe('a426bfd3fed0d9b1ab7c5df504390f5ba88a474f7daaa971bdccd33c3b705543');
  });
});
