import { describe, expect, it } from 'vitest';
import { importHeadline, precheckFile, problemList } from './import-report';

describe('problemList', () => {
  it('lists the first 20 bad rows and counts the rest', () => {
    const rows = Array.from({ length: 23 }, (_, i) => `line ${i + 2}: FTHG is "x", expected a whole number`);
    const list = problemList(['23 rows cannot be read:', ...rows].join('\n'));
    expect(list.headline).toBe('23 rows cannot be read:');
    expect(list.rows).toHaveLength(20);
    expect(list.rows[0]).toBe('line 2: FTHG is "x", expected a whole number');
    expect(list.more).toBe(3);
  });

  it('keeps a one-line error as the headline', () => {
    expect(problemList('line 1: expected a header with Date, HomeTeam, AwayTeam')).toEqual({ headline: 'line 1: expected a header with Date, HomeTeam, AwayTeam', rows: [], more: 0 });
  });
});

describe('precheckFile', () => {
  it('says a file is not a CSV, or is empty', () => {
    expect(precheckFile({ name: 'E0.xlsx', size: 10 })).toBe('not a CSV file: football-data.co.uk files end in .csv (this one is .xlsx)');
    expect(precheckFile({ name: 'README', size: 10 })).toBe('not a CSV file: football-data.co.uk files end in .csv (this one is without an extension)');
    expect(precheckFile({ name: 'E0.csv', size: 0 })).toBe('the file is empty: it has no header and no matches');
    expect(precheckFile({ name: 'E0.CSV', size: 10 })).toBeNull();
  });
});

describe('importHeadline', () => {
  it('makes a failure look like a failure', () => {
    expect(importHeadline({ files: 0, matches: 0, failed: [{}] })).toEqual({ text: 'Import failed: none of the 1 file could be imported.', failed: true });
    expect(importHeadline({ files: 1, matches: 380, failed: [{}] })).toEqual({ text: '1 of 2 files imported with 380 matches; 1 could not be imported.', failed: true });
    expect(importHeadline({ files: 2, matches: 760, failed: [] })).toEqual({ text: '2 files imported with 760 matches.', failed: false });
  });
});
