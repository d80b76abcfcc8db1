import { describe, expect, it } from 'vitest';
import { slipFileName } from './slip-file-name';

describe('slipFileName', () => {
  const run = { id: '1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809', name: 'Ensemble · 2023-24' };

  it('names the run, the week and its start date, and a run id prefix', () => {
    expect(slipFileName(run, { week: 7, weekStart: '2023-09-26' })).toBe('edgeline-ensemble-2023-24-week-07-2023-09-26-1a2b3c4d.csv');
  });

  it('names a season export by the last played week', () => {
    expect(slipFileName(run, { season: true, lastWeekEnd: '2024-05-20' })).toBe('edgeline-ensemble-2023-24-season-to-2024-05-20-1a2b3c4d.csv');
    expect(slipFileName(run, { season: true, lastWeekEnd: null })).toBe('edgeline-ensemble-2023-24-season-1a2b3c4d.csv');
  });

  it('never collides between two runs of the same name', () => {
    const other = { ...run, id: '99887766-0000-0000-0000-000000000000' };
    expect(slipFileName(run, { week: 1, weekStart: '2023-08-08' })).not.toBe(slipFileName(other, { week: 1, weekStart: '2023-08-08' }));
  });

  it('keeps only safe characters: no path separators, accents folded, never empty', () => {
    expect(slipFileName({ id: 'abc', name: '../Évian/run:1' }, { week: 12, weekStart: '2023-11-07' })).toBe('edgeline-evian-run-1-week-12-2023-11-07-abc.csv');
    expect(slipFileName({ id: '', name: '///' }, { season: true, lastWeekEnd: null })).toBe('edgeline-run-season-run.csv');
  });
});
