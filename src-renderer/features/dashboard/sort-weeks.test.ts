import { describe, expect, it } from 'vitest';
import { weekRow } from '../../charts/options/test-factories';
import { sortWeeks } from './sort-weeks';

describe('sortWeeks', () => {
  const rows = [weekRow({ week: 1, roi: 0.1 }), weekRow({ week: 2, roi: null }), weekRow({ week: 3, roi: -0.2 }), weekRow({ week: 4, roi: 0.1 })];

  it('sorts by the chosen column in both directions, ties in week order', () => {
    expect(sortWeeks(rows, 'roi', 'desc').map((r) => r.week)).toEqual([1, 4, 3, 2]);
    expect(sortWeeks(rows, 'roi', 'asc').map((r) => r.week)).toEqual([3, 1, 4, 2]);
  });

  it('keeps weeks without a value last whichever way it sorts, and leaves the input alone', () => {
    expect(sortWeeks(rows, 'roi', 'asc').at(-1)?.week).toBe(2);
    expect(rows.map((r) => r.week)).toEqual([1, 2, 3, 4]);
  });
});
