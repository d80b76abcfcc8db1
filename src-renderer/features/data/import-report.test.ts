import { describe, expect, it } from 'vitest';
import { importHeadline, moreRowsText, precheckFile, problemList, seasonChangeLines } from './import-report';

describe('problemList', () => {
  const badRows = Array.from({ length: 57 }, (_, i) => ({ line: i + 2, columns: ['FTHG'], message: `line ${i + 2}, column FTHG: expected a whole number of goals from 0 to 30, found "x"` }));

  it('lists the first 20 bad rows and counts the rest', () => {
    const list = problemList({ file: 'E0.csv', error: 'E0.csv: 57 rows cannot be imported, ...', badRows, badRowCount: 57 });
    expect(list.headline).toBe('57 rows cannot be imported, so nothing from this file was imported. Correct them and import the file again:');
    expect(list.rows).toHaveLength(20);
    expect(list.rows[0]).toBe('line 2, column FTHG: expected a whole number of goals from 0 to 30, found "x"');
    expect(list.rows[19]).toBe('line 21, column FTHG: expected a whole number of goals from 0 to 30, found "x"');
    expect(list.more).toBe(37);
    expect(moreRowsText(list.more)).toBe('…and 37 more bad rows');
    expect(moreRowsText(1)).toBe('…and 1 more bad row');
  });

  it('counts rows the importer counted but did not keep', () => {
    expect(problemList({ file: 'E0.csv', error: '', badRows: badRows.slice(0, 30), badRowCount: 5000 }).more).toBe(4980);
  });

  it('shows a one-row or whole-file failure as its message, without repeating the file name', () => {
    expect(problemList({ file: 'E0.csv', error: 'E0.csv line 17, column FTHG: expected a whole number of goals from 0 to 30, found "two"', badRows: badRows.slice(0, 1), badRowCount: 1 })).toEqual({
      headline: 'line 17, column FTHG: expected a whole number of goals from 0 to 30, found "two"',
      rows: [],
      more: 0,
    });
    expect(problemList({ file: 'E0.csv', error: 'E0.csv: expected at least one match row after the header, found none' })).toEqual({ headline: 'expected at least one match row after the header, found none', rows: [], more: 0 });
    expect(problemList({ file: 'E0.xlsx', error: 'not a CSV file' })).toEqual({ headline: 'not a CSV file', rows: [], more: 0 });
  });
});

describe('seasonChangeLines', () => {
  const season = { file: 'E0.csv', div: 'E0', season: '2324', unchanged: 0 };
  it('names the season replaced and what changed in it', () => {
    expect(seasonChangeLines([{ ...season, replaced: true, added: 0, changed: 2, unchanged: 378, removed: 0 }])).toEqual(['Replaced E0 2023-24: 2 rows changed, 0 added, 0 removed']);
    expect(seasonChangeLines([{ ...season, replaced: true, added: 1, changed: 1, unchanged: 377, removed: 1 }])).toEqual(['Replaced E0 2023-24: 1 row changed, 1 added, 1 removed']);
    expect(seasonChangeLines([{ ...season, replaced: true, added: 0, changed: 0, unchanged: 380, removed: 0 }])).toEqual(['Re-imported E0 2023-24: no changes (380 rows identical)']);
    expect(seasonChangeLines([{ ...season, season: '9900', replaced: false, added: 380, changed: 0, removed: 0 }])).toEqual(['Added E0 1999-00: 380 matches']);
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
