import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger, type LedgerDatabase } from './ledger-database';
import { onLedgerWait, waitingForLedgerMessage, writeTransaction } from './write-transaction';

/** A second process that takes the ledger's write lock and holds it for `holdMs`. */
function holdWriteLock(file: string, holdMs: number): Promise<ChildProcess> {
  const script = `
    import Database from 'better-sqlite3';
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO imported_files VALUES ('other-process.csv', '${'b'.repeat(64)}', 1, '2024-01-01T00:00:00Z')").run();
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${holdMs});
    db.exec('COMMIT');
    db.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`lock holder exited early with ${code}`)));
  });
}

const exited = (child: ChildProcess): Promise<void> => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', () => resolve())));

let folder: string;
let file: string;
let db: LedgerDatabase;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'edgeline-lock-'));
  file = path.join(folder, 'ledger.sqlite');
  db = openLedger(file);
});
afterEach(() => {
  db.close();
  rmSync(folder, { recursive: true, force: true });
});

const insertOurs = (): void => {
  db.prepare("INSERT INTO imported_files VALUES ('ours.csv', ?, 2, '2024-01-01T00:00:00Z')").run('c'.repeat(64));
};

describe('writeTransaction against a second process holding the write lock', () => {
  it('a plain transaction with the old 5 s busy timeout fails with "database is locked" (the defect)', { timeout: 30_000 }, async () => {
    const holder = await holdWriteLock(file, 7000);
    db.pragma('busy_timeout = 5000');
    expect(() => db.transaction(insertOurs).immediate()).toThrow('database is locked');
    await exited(holder);
  });

  it('waits out a 7 s lock, reports the wait, then commits', { timeout: 30_000 }, async () => {
    const waits: string[] = [];
    const stop = onLedgerWait((wait) => waits.push(waitingForLedgerMessage(wait)));
    const holder = await holdWriteLock(file, 7000);
    const started = Date.now();
    try {
      writeTransaction(db, insertOurs);
    } finally {
      stop();
    }
    expect(Date.now() - started).toBeGreaterThan(5000);
    expect(waits.length).toBeGreaterThanOrEqual(4);
    expect(waits[0]).toMatch(new RegExp(`^Waiting for the ledger ${file.replaceAll('/', '\\/').replaceAll('.', '\\.')}: another program is writing to it \\(\\d+ s so far\\)$`));
    expect(db.prepare('SELECT source FROM imported_files ORDER BY source').pluck().all()).toEqual(['other-process.csv', 'ours.csv']);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(600_000);
    await exited(holder);
  });

  it('gives up with a busy error naming the ledger after maxWaitMs', { timeout: 30_000 }, async () => {
    const holder = await holdWriteLock(file, 4000);
    expect(() => writeTransaction(db, insertOurs, { maxWaitMs: 1500, sliceMs: 500 })).toThrow(
      new RegExp(`^The ledger .*ledger\\.sqlite stayed locked by another program for \\d+ s; close the other Edgeline window or import, then try again$`),
    );
    await exited(holder);
  });
});
