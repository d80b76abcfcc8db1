import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importedFiles } from '../ledger/imported-file-repository';
import { openLedger, type LedgerDatabase } from '../ledger/ledger-database';
import { matchesOf, seasonsAvailable } from '../ledger/match-repository';
import { importFolder } from './import-folder';
import { EMPTY_IMPORT_SUMMARY, importFiles, type ImportSummary } from './import-service';

const summaryOf = (partial: Partial<ImportSummary>): Omit<ImportSummary, 'seasons'> => totals({ ...EMPTY_IMPORT_SUMMARY, ...partial });
/** The batch totals; what each file did to its season is checked on its own where it is the point. */
const totals = ({ seasons: _seasons, ...rest }: ImportSummary): Omit<ImportSummary, 'seasons'> => rest;

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
  it('imports 7,220 matches, 380 per season, recording each file as in the manifest', async () => {
    const summary = await importFolder(db, path.join(SHARED_DATA, 'mmz4281'), { div: 'E0' });
    expect(totals(summary)).toEqual(summaryOf({ files: 19, matches: 7220, added: 7220 }));
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
    expect(totals(await importFolder(db, path.join(SHARED_DATA, 'mmz4281'), { div: 'E0' }))).toEqual(summaryOf({ files: 19, matches: 7220, unchanged: 7220 }));
    expect(changes.get()).toBe(before);
    expect(importedFiles(db)).toHaveLength(19);
  });
});

describe('importFiles', () => {
  it('updates the rows a corrected file changes and records both contents', () => {
    const file = path.join(folder, '2324', 'E1.csv');
    expect(totals(importFiles(db, [{ path: file, bytes: good }]))).toEqual(summaryOf({ files: 1, matches: 2, added: 2 }));
    const corrected = csv(HEADER, 'E1,05/08/2023,15:00,Leeds,Cardiff,2,1,H,1.8,3.8,4.2', 'E1,05/08/2023,15:00,Hull,Sheffield Weds,4,2,H,2.1,3.4,3.4');
    const second = importFiles(db, [{ path: file, bytes: corrected }]);
    expect(totals(second)).toEqual(summaryOf({ files: 1, matches: 2, changed: 1, unchanged: 1 }));
    // Each file says which season it replaced and what changed in it.
    expect(second.seasons).toEqual([{ file, div: 'E1', season: '2324', replaced: true, added: 0, changed: 1, unchanged: 1, removed: 0 }]);
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
    expect(totals(summary)).toEqual({
      ...summaryOf({}),
      files: 1,
      matches: 2,
      added: 2,
      failed: [
        {
          file: 'http://127.0.0.1/mmz4281/2223/E1.csv',
          error: 'http://127.0.0.1/mmz4281/2223/E1.csv line 2, column FTHG: expected a whole number of goals from 0 to 30, found "two"',
          badRows: [{ line: 2, columns: ['FTHG'], message: 'line 2, column FTHG: expected a whole number of goals from 0 to 30, found "two"' }],
          badRowCount: 1,
        },
      ],
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
    expect(totals(summary)).toEqual(summaryOf({ files: 1, matches: 2, added: 2, failed: [{ file: poisonedFile, error: `${poisonedFile}: poisoned row` }] }));
    expect(matchesOf(db, { div: 'E1' }).map((m) => m.homeTeam)).toEqual(['Hull', 'Leeds']);
    expect(importedFiles(db).map((f) => f.source)).toEqual([path.join(folder, '2223', 'E1.csv')]);
  });

  it('says a season was new when the ledger did not hold it', () => {
    const file = path.join(folder, '2324', 'E1.csv');
    expect(importFiles(db, [{ path: file, bytes: good }]).seasons).toEqual([{ file, div: 'E1', season: '2324', replaced: false, added: 2, changed: 0, unchanged: 0, removed: 0 }]);
  });

  it('refuses a file with bad rows as a whole, listing every one, and still imports the rest of the batch', () => {
    const badFile = path.join(folder, '2223', 'E1.csv');
    const rows = [
      'E1,06/08/2022,15:00,Leeds,Cardiff,two,2,D,1.8,3.8,4.2',
      'E1,06/08/2022,15:00,Hull,Sheffield Weds,4,2,H,2.1,3.4,3.4',
      'E1,2022-08-07,15:00,Derby,Stoke,1,0,H,2.1,3.4,3.4',
      'E1,07/08/2022,15:00,Luton,Luton,1,0,H,2.1,3.4,3.4',
    ];
    const summary = importFiles(db, [
      { path: badFile, bytes: csv(HEADER, ...rows) },
      { path: path.join(folder, '2324', 'E1.csv'), bytes: good },
    ]);
    expect(summary.files).toBe(1);
    expect(summary.failed).toEqual([
      {
        file: badFile,
        error: `${badFile}: 3 rows cannot be imported, so nothing from this file was imported; correct them and import it again (first: line 2, column FTHG: expected a whole number of goals from 0 to 30, found "two")`,
        badRowCount: 3,
        badRows: [
          { line: 2, columns: ['FTHG'], message: 'line 2, column FTHG: expected a whole number of goals from 0 to 30, found "two"' },
          { line: 4, columns: ['Date'], message: 'line 4, column Date: expected a date as dd/mm/yy or dd/mm/yyyy, found "2022-08-07"' },
          { line: 5, columns: ['AwayTeam'], message: 'line 5, column AwayTeam: expected a team other than the home team, found "Luton"' },
        ],
      },
    ]);
    // Not even the good row of the refused file is stored.
    expect(seasonsAvailable(db)).toEqual([{ div: 'E1', season: '2324', count: 2 }]);
    expect(importedFiles(db).map((f) => f.source)).toEqual([path.join(folder, '2324', 'E1.csv')]);
  });

  it('takes the season from the caller, or from the first match date when the path has none', () => {
    expect(totals(importFiles(db, [{ path: 'E1.csv', season: '2324', bytes: good }]))).toEqual(summaryOf({ files: 1, matches: 2, added: 2 }));
    expect(totals(importFiles(db, [{ path: 'E1 copy.csv', bytes: good }]))).toEqual(summaryOf({ files: 1, matches: 2, unchanged: 2 }));
    expect(matchesOf(db, { div: 'E1' }).map((m) => m.season)).toEqual(['2324', '2324']);
  });
});

describe('importFolder', () => {
  it('finds CSV files at any depth in path order and reports the bad ones', async () => {
    const tree = path.join(folder, 'mmz4281');
    mkdirSync(path.join(tree, '2324'), { recursive: true });
    mkdirSync(path.join(tree, '2223'), { recursive: true });
    writeFileSync(path.join(tree, '2324', 'E1.csv'), good);
    writeFileSync(path.join(tree, '2223', 'E1.csv'), csv(HEADER));
    writeFileSync(path.join(tree, '2324', 'notes.txt'), 'not data');
    expect(totals(await importFolder(db, tree))).toEqual({
      ...summaryOf({}),
      files: 1,
      matches: 2,
      added: 2,
      failed: [{ file: path.join(tree, '2223', 'E1.csv'), error: `${path.join(tree, '2223', 'E1.csv')}: expected at least one match row after the header, found none` }],
    });
  });

  it('names a folder it cannot list', async () => {
    const missing = path.join(folder, 'nowhere');
    await expect(importFolder(db, missing)).rejects.toThrow(`${missing}: cannot list the folder: ENOENT: no such file or directory, scandir '${missing}'`);
  });
});

describe('a corrected or renamed season file', () => {
  const E0 = 'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,B365H,B365D,B365A';
  const season = (...rows: string[]) => csv(E0, ...rows);
  const file = () => path.join(folder, 'mmz4281', '2324', 'E0.csv');
  const fixtures = () => matchesOf(db, { div: 'E0' }).map((m) => `${m.id} ${m.date} ${m.homeGoals}-${m.awayGoals}`);

  it('moves a match to its corrected date instead of keeping the stale one (Sheffield United v Everton)', () => {
    importFiles(db, [{ path: file(), bytes: season('E0,02/09/2023,15:00,Sheffield United,Everton,2,2,D,2.9,3.4,2.4', 'E0,02/09/2023,15:00,Arsenal,Man United,3,1,H,1.6,4.2,5.0') }]);
    const corrected = season('E0,03/09/2023,15:00,Sheffield United,Everton,2,2,D,2.9,3.4,2.4', 'E0,02/09/2023,15:00,Arsenal,Man United,3,1,H,1.6,4.2,5.0');
    expect(totals(importFiles(db, [{ path: file(), bytes: corrected }]))).toEqual(summaryOf({ files: 1, matches: 2, changed: 1, unchanged: 1 }));
    expect(fixtures()).toEqual(['E0-2324-arsenal-man-united-1 2023-09-02 3-1', 'E0-2324-sheffield-united-everton-1 2023-09-03 2-2']);
  });

  it('removes the matches a re-imported season no longer has, and says so', () => {
    importFiles(db, [{ path: file(), bytes: season('E0,02/09/2023,15:00,Sheffield United,Everton,2,2,D,2.9,3.4,2.4', 'E0,02/09/2023,15:00,Arsenal,Man United,3,1,H,1.6,4.2,5.0') }]);
    expect(totals(importFiles(db, [{ path: file(), bytes: season('E0,02/09/2023,15:00,Arsenal,Man United,3,1,H,1.6,4.2,5.0') }]))).toEqual(
      summaryOf({ files: 1, matches: 1, unchanged: 1, removed: 1 }),
    );
    expect(fixtures()).toEqual(['E0-2324-arsenal-man-united-1 2023-09-02 3-1']);
  });

  it("reports a renamed team as a rename candidate and does not double its matches (Nott'm Forest)", () => {
    const rows = (forest: string) => [`E0,12/08/2023,12:30,Arsenal,${forest},2,1,H,1.18,7.5,15`, `E0,18/08/2023,20:00,${forest},Sheffield United,2,1,H,2.0,3.4,3.8`, 'E0,19/08/2023,15:00,Arsenal,Everton,1,0,H,1.3,5.0,9.0'];
    importFiles(db, [{ path: file(), bytes: season(...rows('Nottingham Forest')) }]);
    const summary = importFiles(db, [{ path: file(), bytes: season(...rows("Nott'm Forest")) }]);
    expect(totals(summary)).toEqual(summaryOf({ files: 1, matches: 3, added: 2, unchanged: 1, removed: 2, renameCandidates: [{ div: 'E0', season: '2324', from: 'Nottingham Forest', to: "Nott'm Forest" }] }));
    expect(seasonsAvailable(db)).toEqual([{ div: 'E0', season: '2324', count: 3 }]);
  });

  it('stops the batch at a damaged ledger instead of writing file after file into it', async () => {
    const file = path.join(folder, 'ledger.sqlite');
    await importFolder(db, path.join(SHARED_DATA, 'mmz4281'), { div: 'E0' });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Damage the middle of the file, where the matches table's pages are, as a failing disk would.
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(64 * 4096, 0x5a), 0, 64 * 4096, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    db = new Database(file);
    const seasons = ['2223', '2324'].map((season) => ({ path: path.join(SHARED_DATA, 'mmz4281', season, 'E0.csv'), bytes: readFileSync(path.join(SHARED_DATA, 'mmz4281', season, 'E0.csv')) }));
    const before = readFileSync(file);
    expect(() => importFiles(db, seasons)).toThrow(/^The ledger .*ledger\.sqlite is damaged \(database disk image is malformed\); nothing more was written to it\./);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('importFolder with nothing to import', () => {
  it('warns about a folder with no file in the expected layout instead of succeeding silently', async () => {
    writeFileSync(path.join(folder, 'notes.txt'), 'not data');
    expect(totals(await importFolder(db, folder, { div: 'E0' }))).toEqual(
      summaryOf({ warnings: [`${folder}: no E0.csv files found (expected the football-data layout <folder>/mmz4281/<season>/<div>.csv); nothing was imported`] }),
    );
  });
});
