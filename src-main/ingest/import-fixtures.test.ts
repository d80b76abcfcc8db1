import { describe, expect, it } from 'vitest';
import { openLedger } from '../ledger/ledger-database';
import { fixturesOf } from '../ledger/fixture-repository';
import { importedFiles } from '../ledger/imported-file-repository';
import { importFixturesFile } from './import-fixtures';

const HEADER = 'Div,Date,Time,HomeTeam,AwayTeam,B365H,B365D,B365A';
const csv = (...lines: string[]): Uint8Array => new TextEncoder().encode([HEADER, ...lines].join('\n') + '\n');
const source = 'https://www.football-data.co.uk/fixtures.csv';
const MONDAY = new Date('2024-11-25T09:00:00Z');
const FRIDAY = new Date('2024-11-29T09:00:00Z');

describe('importFixturesFile', () => {
  it('stores every division with the time its prices were imported', () => {
    const db = openLedger(':memory:');
    const summary = importFixturesFile(db, { source, bytes: csv('E0,30/11/2024,15:00,Brentford,Leicester,1.53,4.5,5.75', 'SP1,01/12/2024,21:00,Girona,Betis,2.2,3.5,3.2') }, MONDAY);
    expect(summary).toEqual({ inserted: 2, updated: 0, unchanged: 0, removed: 0 });
    const [brentford] = fixturesOf(db, { div: 'E0', season: '2425' });
    expect(brentford).toMatchObject({ id: 'E0-2425-brentford-leicester-1', odds: { b365: [1.53, 4.5, 5.75] }, source, pricesImportedAt: MONDAY.toISOString() });
    expect(fixturesOf(db, { div: 'SP1', season: '2425' })).toHaveLength(1);
    expect(importedFiles(db)).toHaveLength(1);
  });

  it('changes nothing when the same file comes again, and moves the import time only of rows whose prices moved', () => {
    const db = openLedger(':memory:');
    importFixturesFile(db, { source, bytes: csv('E0,30/11/2024,15:00,Brentford,Leicester,1.53,4.5,5.75', 'E0,30/11/2024,15:00,Arsenal,Wolves,1.2,7,13') }, MONDAY);
    expect(importFixturesFile(db, { source, bytes: csv('E0,30/11/2024,15:00,Brentford,Leicester,1.53,4.5,5.75', 'E0,30/11/2024,15:00,Arsenal,Wolves,1.2,7,13') }, FRIDAY)).toEqual({
      inserted: 0, updated: 0, unchanged: 2, removed: 0,
    });
    expect(importFixturesFile(db, { source, bytes: csv('E0,30/11/2024,15:00,Brentford,Leicester,1.5,4.5,6', 'E0,30/11/2024,15:00,Arsenal,Wolves,1.2,7,13') }, FRIDAY)).toEqual({
      inserted: 0, updated: 1, unchanged: 1, removed: 0,
    });
    expect(fixturesOf(db, { div: 'E0', season: '2425' }).map((f) => [f.homeTeam, f.pricesImportedAt])).toEqual([
      ['Arsenal', MONDAY.toISOString()],
      ['Brentford', FRIDAY.toISOString()],
    ]);
  });

  it("drops a division's rows the new file no longer lists and keeps the divisions the file leaves out", () => {
    const db = openLedger(':memory:');
    importFixturesFile(db, { source, bytes: csv('E0,30/11/2024,15:00,Brentford,Leicester,1.53,4.5,5.75', 'SP1,01/12/2024,21:00,Girona,Betis,2.2,3.5,3.2') }, MONDAY);
    expect(importFixturesFile(db, { source, bytes: csv('E0,03/12/2024,19:30,Ipswich,Crystal Palace,2.9,3.4,2.4') }, FRIDAY)).toEqual({ inserted: 1, updated: 0, unchanged: 0, removed: 1 });
    expect(fixturesOf(db, { div: 'E0', season: '2425' }).map((f) => f.homeTeam)).toEqual(['Ipswich']);
    expect(fixturesOf(db, { div: 'SP1', season: '2425' }).map((f) => f.homeTeam)).toEqual(['Girona']);
  });

  it('imports nothing from a file with one bad row, and names the row', () => {
    const db = openLedger(':memory:');
    importFixturesFile(db, { source, bytes: csv('E0,30/11/2024,15:00,Brentford,Leicester,1.53,4.5,5.75') }, MONDAY);
    expect(() => importFixturesFile(db, { source, bytes: csv('E0,03/12/2024,19:30,Ipswich,Crystal Palace,2.9,3.4,2.4', 'E0,04/12/2024,19:30,Arsenal,Man United,1.4,x,7') }, FRIDAY)).toThrow(
      `${source} line 3, column B365D: expected decimal odds above 1 and at most 1000 or an empty cell, found "x"`,
    );
    expect(fixturesOf(db, { div: 'E0', season: '2425' }).map((f) => f.homeTeam)).toEqual(['Brentford']);
    expect(importedFiles(db)).toHaveLength(1);
  });
});
