import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importedFiles } from '../ledger/imported-file-repository';
import { openLedger, type LedgerDatabase } from '../ledger/ledger-database';
import { matchesOf, seasonsAvailable } from '../ledger/match-repository';
import { importFolder } from './import-folder';
import { importFiles } from './import-service';

const SHARED_DATA = path.resolve(process.cwd(), '../shared/data/football-data');
const manifest = JSON.parse(readFileSync(path.join(SHARED_DATA, 'manifest-E0.json'), 'utf8')) as { season: string; div: string; bytes: number; sha256: string; rows: number }[];

const HEADER = 'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,B365H,B365D,B365A';
const csv = (...lines: string[]): Uint8Array => new TextEncoder().encode(lines.join('\n') + '\n');
const good = csv(HEADER, 'E1,05/08/2023,15:00,Leeds,Cardiff,2,2,D,1.8,3.8,4.2', 'E1,05/08/2023,15:00,Hull,Sheffield Weds,4,2,H,2.1,3.4,3.4');
const countMatches = (db: LedgerDatabase): number => db.prepare('SELECT count(*) FROM matches').pluck().get() as number;

let folder: string;
let db: LedgerDatabase;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'edgeline-import-'));
  db = openLedger(path.join(folder, 'ledger.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('importFolder on the 19 real EPL seasons', () => {
  it('imports 7,220 matches, 380 per season, recording each file as in the manifest', () => {
    const summary = importFolder(db, path.join(SHARED_DATA, 'mmz4281'), { div: 'E0' });
    expect(summary).toEqual({ files: 19, matches: 7220, failed: [] });
    expect(seasonsAvailable(db)).toEqual(manifest.map((f) => ({ div: 'E0', season: f.season, count: 380 })));
    const recorded = importedFiles(db).map((f) => ({ season: path.basename(path.dirname(f.source)), sha256: f.sha256, rows: f.rows }));
    expect(recorded.sort((a, b) => a.season.localeCompare(b.season))).toEqual(manifest.map((f) => ({ season: f.season, sha256: f.sha256, rows: f.rows })));

    const [opener] = matchesOf(db, { div: 'E0', seasons: ['2324'] });
    expect(opener).toMatchObject({ date: '2023-08-11', homeTeam: 'Burnley', awayTeam: 'Man City', homeGoals: 0, awayGoals: 3, result: 'A' });
    expect(opener?.odds.b365?.[0]).toBe(8.0);
    // 0506/E0.csv line 2: "E0,13/08/05,Aston Villa,Bolton,2,2,D,..." - a dd/mm/yy date, no Time column.
    const [first0506] = matchesOf(db, { div: 'E0', seasons: ['0506'] });
    expect(first0506).toMatchObject({ date: '2005-08-13', kickoff: null, homeTeam: 'Aston Villa', awayTeam: 'Bolton' });

    // The same folder again changes nothing.
    const changes = db.prepare('SELECT total_changes()').pluck();
    const before = changes.get();
    expect(importFolder(db, path.join(SHARED_DATA, 'mmz4281'), { div: 'E0' })).toEqual({ files: 19, matches: 7220, failed: [] });
    expect(changes.get()).toBe(before);
    expect(importedFiles(db)).toHaveLength(19);
  });
});

describe('importFiles', () => {
  it('updates the rows a corrected file changes and records both contents', () => {
    const file = path.join(folder, '2324', 'E1.csv');
    expect(importFiles(db, [{ path: file, bytes: good }])).toEqual({ files: 1, matches: 2, failed: [] });
    const corrected = csv(HEADER, 'E1,05/08/2023,15:00,Leeds,Cardiff,2,1,H,1.8,3.8,4.2', 'E1,05/08/2023,15:00,Hull,Sheffield Weds,4,2,H,2.1,3.4,3.4');
    expect(importFiles(db, [{ path: file, bytes: corrected }])).toEqual({ files: 1, matches: 2, failed: [] });
    expect(matchesOf(db, { div: 'E1' }).map((m) => `${m.homeTeam} ${m.homeGoals}-${m.awayGoals} ${m.result}`)).toEqual(['Hull 4-2 H', 'Leeds 2-1 H']);
    expect(importedFiles(db).map((f) => [f.source, f.rows])).toEqual([
      [file, 2],
      [file, 2],
    ]);
  });

  it('skips a file that does not parse, names it, and imports the rest of the batch', () => {
    const broken = csv(HEADER, 'E1,05/08/2023,15:00,Leeds,Cardiff,two,2,D,1.8,3.8,4.2');
    const summary = importFiles(db, [
      { url: 'http://127.0.0.1/mmz4281/2223/E1.csv', bytes: broken },
      { path: path.join(folder, '2324', 'E1.csv'), bytes: good },
    ]);
    expect(summary).toEqual({
      files: 1,
      matches: 2,
      failed: [{ file: 'http://127.0.0.1/mmz4281/2223/E1.csv', error: 'http://127.0.0.1/mmz4281/2223/E1.csv line 2, column FTHG: expected a whole number of goals, found "two"' }],
    });
    expect(countMatches(db)).toBe(2);
  });

  it('rolls back a file whose storing fails halfway, leaving none of its rows', () => {
    // A trigger stands in for any storage failure after the first row of a file is written.
    db.exec("CREATE TRIGGER refuse_poison BEFORE INSERT ON matches WHEN NEW.home_team = 'Poison' BEGIN SELECT RAISE(ABORT, 'poisoned row'); END");
    const poisoned = csv(HEADER, 'E1,05/08/2023,15:00,Leeds,Cardiff,2,2,D,1.8,3.8,4.2', 'E1,06/08/2023,15:00,Poison,Hull,1,0,H,,,');
    const poisonedFile = path.join(folder, '2324', 'poisoned.csv');
    const summary = importFiles(db, [
      { path: poisonedFile, bytes: poisoned },
      { path: path.join(folder, '2223', 'E1.csv'), season: '2324', bytes: good },
    ]);
    expect(summary).toEqual({ files: 1, matches: 2, failed: [{ file: poisonedFile, error: `${poisonedFile}: poisoned row` }] });
    expect(matchesOf(db, { div: 'E1' }).map((m) => m.homeTeam)).toEqual(['Hull', 'Leeds']);
    expect(importedFiles(db).map((f) => f.source)).toEqual([path.join(folder, '2223', 'E1.csv')]);
  });

  it('takes the season from the caller, or from the first match date when the path has none', () => {
    expect(importFiles(db, [{ path: 'E1.csv', season: '2324', bytes: good }])).toEqual({ files: 1, matches: 2, failed: [] });
    expect(importFiles(db, [{ path: 'E1 copy.csv', bytes: good }])).toEqual({ files: 1, matches: 2, failed: [] });
    expect(matchesOf(db, { div: 'E1' }).map((m) => m.season)).toEqual(['2324', '2324']);
  });
});

describe('importFolder', () => {
  it('finds CSV files at any depth in path order and reports the bad ones', () => {
    const tree = path.join(folder, 'mmz4281');
    mkdirSync(path.join(tree, '2324'), { recursive: true });
    mkdirSync(path.join(tree, '2223'), { recursive: true });
    writeFileSync(path.join(tree, '2324', 'E1.csv'), good);
    writeFileSync(path.join(tree, '2223', 'E1.csv'), csv(HEADER));
    writeFileSync(path.join(tree, '2324', 'notes.txt'), 'not data');
    expect(importFolder(db, tree)).toEqual({
      files: 1,
      matches: 2,
      failed: [{ file: path.join(tree, '2223', 'E1.csv'), error: `${path.join(tree, '2223', 'E1.csv')}: expected at least one match row after the header, found none` }],
    });
  });

  it('names a folder it cannot list', () => {
    const missing = path.join(folder, 'nowhere');
    expect(() => importFolder(db, missing)).toThrow(`${missing}: cannot list the folder: ENOENT: no such file or directory, scandir '${missing}'`);
  });
});
