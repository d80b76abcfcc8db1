import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger } from '../ledger/ledger-database';
import { MIGRATIONS } from '../ledger/migrations';
import { describeFailures, parseImportArgs, runImport } from './import';
import { EMPTY_IMPORT_SUMMARY } from '../ingest/import-service';

const SHARED_DATA = path.resolve(process.cwd(), '../shared/data/football-data');
const HEADER = 'Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'edgeline-cli-import-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('parseImportArgs', () => {
  it('reads every option and expands the seasons', () => {
    expect(parseImportArgs(['--from', 'data', '--db', 'l.sqlite', '--div', 'E1', '--seasons', '2122-2223', '--manifest', 'm.json'])).toEqual({
      from: 'data',
      db: 'l.sqlite',
      div: 'E1',
      seasons: ['2122', '2223'],
      manifest: 'm.json',
    });
    expect(parseImportArgs(['--from', 'data', '--db', 'l.sqlite'])).toEqual({ from: 'data', db: 'l.sqlite', div: 'E0' });
  });

  it('says which argument is wrong', () => {
    expect(() => parseImportArgs(['--db', 'l.sqlite'])).toThrow('Missing --from <folder|url>');
    expect(() => parseImportArgs(['--from', 'data'])).toThrow('Missing --db <ledger.sqlite>');
    expect(() => parseImportArgs(['--from', 'https://www.football-data.co.uk', '--db', 'l.sqlite'])).toThrow('Missing --seasons: required when --from is a URL');
    expect(() => parseImportArgs(['--from', 'data', '--db', 'l.sqlite', '--div', 'E 0'])).toThrow('--div "E 0": expected a division code like E0');
    expect(() => parseImportArgs(['--from', 'data', '--db', 'l.sqlite', '--seasons', '2023'])).toThrow('Season spec "2023": "2023" is not two consecutive years (like 2324)');
    expect(() => parseImportArgs(['--from', 'data', '--db', 'l.sqlite', 'extra'])).toThrow('Unexpected argument "extra"');
    expect(() => parseImportArgs(['--from', 'data', '--db', 'l.sqlite', '--season', '2324'])).toThrow("Unknown option '--season'");
  });
});

describe('runImport', () => {
  it('imports the requested seasons and reports the missing ones', async () => {
    const db = path.join(folder, 'ledger.sqlite');
    const summary = await runImport({ from: SHARED_DATA, db, div: 'E0', seasons: ['2324', '9394'] });
    const missing = path.join(SHARED_DATA, 'mmz4281', '9394', 'E0.csv');
    const seasons = [{ file: path.join(SHARED_DATA, 'mmz4281', '2324', 'E0.csv'), div: 'E0', season: '2324', replaced: false, added: 380, changed: 0, unchanged: 0, removed: 0 }];
    expect(summary).toEqual({ ...EMPTY_IMPORT_SUMMARY, files: 1, matches: 380, added: 380, seasons, failed: [{ file: missing, error: `${missing}: no such file` }] });
  });

  it('reports a ledger it may not open as the one failure', async () => {
    const db = path.join(folder, 'newer.sqlite');
    const raw = new Database(db);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    const summary = await runImport({ from: SHARED_DATA, db, div: 'E0', seasons: ['2324'] });
    expect(summary.failed).toEqual([{ file: db, error: expect.stringContaining(`Ledger ${db} has schema version ${MIGRATIONS.length + 1}`) as string }]);
  });
});

describe('describeFailures', () => {
  it('lists the first 20 bad rows of a file under its name and counts the rest', () => {
    const badRows = Array.from({ length: 25 }, (_, i) => ({ line: i + 2, columns: ['FTAG'], message: `line ${i + 2}, column FTAG: expected a whole number of goals from 0 to 30, found "?"` }));
    const text = describeFailures({
      ...EMPTY_IMPORT_SUMMARY,
      failed: [
        { file: 'E0.csv', error: 'E0.csv: 25 rows cannot be imported, ...', badRows, badRowCount: 25 },
        { file: 'E1.csv', error: 'E1.csv: expected at least one match row after the header, found none' },
      ],
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('E0.csv: 25 rows cannot be imported, so nothing from this file was imported; correct them and import it again:');
    expect(lines.slice(1, 21)).toEqual(badRows.slice(0, 20).map((row) => `  ${row.message}`));
    expect(lines.slice(21)).toEqual(['  …and 5 more bad rows', '', 'E1.csv: expected at least one match row after the header, found none']);
  });
});

describe('npm run import (the command itself)', () => {
  const run = promisify(execFile);
  const tsx = path.resolve(process.cwd(), 'node_modules/.bin/tsx');
  const script = path.resolve(process.cwd(), 'src-main/cli/import.ts');

  it('prints exactly one line of JSON and exits 1 when a file fails', async () => {
    const tree = path.join(folder, 'mmz4281');
    mkdirSync(path.join(tree, '2324'), { recursive: true });
    mkdirSync(path.join(tree, '2223'), { recursive: true });
    writeFileSync(path.join(tree, '2324', 'E1.csv'), `${HEADER}\nE1,05/08/2023,Leeds,Cardiff,2,2,D\n`);
    writeFileSync(path.join(tree, '2223', 'E1.csv'), `${HEADER}\nE1,06/08/2022,Hull,Stoke,x,2,D\n`);
    const db = path.join(folder, 'ledger.sqlite');
    const outcome = await run(tsx, [script, '--from', folder, '--div', 'E1', '--db', db]).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(outcome.code).toBe(1);
    const bad = path.join(tree, '2223', 'E1.csv');
    const error = `${bad} line 2, column FTHG: expected a whole number of goals from 0 to 30, found "x"`;
    const badRows = [{ line: 2, columns: ['FTHG'], message: 'line 2, column FTHG: expected a whole number of goals from 0 to 30, found "x"' }];
    const seasons = [{ file: path.join(tree, '2324', 'E1.csv'), div: 'E1', season: '2324', replaced: false, added: 1, changed: 0, unchanged: 0, removed: 0 }];
    expect(outcome.stdout).toBe(`${JSON.stringify({ ...EMPTY_IMPORT_SUMMARY, files: 1, matches: 1, added: 1, seasons, failed: [{ file: bad, error, badRows, badRowCount: 1 }] })}\n`);
    expect(outcome.stderr).toBe(`${error}\n`);
    const ledger = openLedger(db);
    expect(ledger.prepare('SELECT count(*) FROM matches').pluck().get()).toBe(1);
    ledger.close();
  });

  it('prints the usage and exits 2 on a bad argument', async () => {
    const outcome = await run(tsx, [script, '--from', folder]).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^Missing --db <ledger\.sqlite>\n\nUsage: npm run import -- --from <folder\|url> --db <ledger\.sqlite>/);
  });
});
