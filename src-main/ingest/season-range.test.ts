import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seasonRange } from './season-range';

describe('seasonRange', () => {
  it('expands a range one season at a time, both ends included', () => {
    expect(seasonRange('0506-0809')).toEqual(['0506', '0607', '0708', '0809']);
    expect(seasonRange('0506-2324')).toHaveLength(19); // 2005 .. 2023 start years: 2023 - 2005 + 1
  });

  it('reads a single season and a comma list of seasons and ranges', () => {
    expect(seasonRange('2324')).toEqual(['2324']);
    expect(seasonRange('2122, 2324')).toEqual(['2122', '2324']);
    expect(seasonRange('0506-0607,2324')).toEqual(['0506', '0607', '2324']);
  });

  it('crosses the century', () => {
    expect(seasonRange('9899-0102')).toEqual(['9899', '9900', '0001', '0102']);
  });

  it('rejects what is not a season spec', () => {
    expect(() => seasonRange('')).toThrow('Season spec "": expected seasons like 2324, 0506-2324 or 2122,2324');
    expect(() => seasonRange('2324,')).toThrow('Season spec "2324,": expected seasons like 2324, 0506-2324 or 2122,2324');
    expect(() => seasonRange('2023')).toThrow('Season spec "2023": "2023" is not two consecutive years (like 2324)');
    expect(() => seasonRange('23/24')).toThrow('Season spec "23/24": "23/24" is not a season code like 2324');
    expect(() => seasonRange('2324-0506')).toThrow('Season spec "2324-0506": range "2324-0506" ends before it starts');
    expect(() => seasonRange('0506-1011-2324')).toThrow('Season spec "0506-1011-2324": "0506-1011-2324" is not a season or a range first-last');
  });

  it('gives last - first + 1 consecutive seasons for any range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2049 }), fc.integer({ min: 0, max: 40 }), (start, length) => {
        const code = (y: number) => `${String(y % 100).padStart(2, '0')}${String((y + 1) % 100).padStart(2, '0')}`;
        const end = Math.min(start + length, 2049); // codes name years 1950..2049 (pivot 50)
        const seasons = seasonRange(`${code(start)}-${code(end)}`);
        expect(seasons).toHaveLength(end - start + 1);
        expect(seasons[0]).toBe(code(start));
        expect(seasons.at(-1)).toBe(code(end));
      }),
    );
  });
});
