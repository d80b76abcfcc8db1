import { mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerCorruptError, ledgerBackupsOf, openLedger, schemaVersionOf } from './ledger-database';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'edgeline-ledger-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** The schema as SQLite stores it, to compare a migrated file with a fresh one. */
function schemaOf(file: string): { type: string; name: string; sql: string | null }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string; sql: string | null }[];
  } finally {
    db.close();
  }
}

describe('openLedger', () => {
  it('creates a new file at the latest schema version with WAL, foreign keys and a busy timeout', () => {
    const file = path.join(folder, 'ledger.sqlite');
    const db = openLedger(file);
    expect(schemaVersionOf(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(600_000);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['imported_files', 'matches']));
    db.close();
  });

  it('reopens an up-to-date file without touching its schema', () => {
    const file = path.join(folder, 'ledger.sqlite');
    openLedger(file).close();
    const before = schemaOf(file);
    openLedger(file).close();
    expect(schemaOf(file)).toEqual(before);
  });

  it('migrates a file from every earlier version to the same schema as a fresh file', () => {
    const fresh = path.join(folder, 'fresh.sqlite');
    openLedger(fresh).close();
    for (let version = 0; version < MIGRATIONS.length; version += 1) {
      const file = path.join(folder, `from-${version}.sqlite`);
      openLedger(file, { migrations: MIGRATIONS.slice(0, version) }).close();
      const db = openLedger(file);
      expect(schemaVersionOf(db)).toBe(MIGRATIONS.length);
      db.close();
      expect(schemaOf(file)).toEqual(schemaOf(fresh));
    }
  });

  it('applies only the migrations newer than the file, each at most once', () => {
    const file = path.join(folder, 'ledger.sqlite');
    const applied: number[] = [];
    const step = (version: number): Migration => ({
      version,
      name: `step-${version}`,
      up: (db) => {
        db.exec(`CREATE TABLE t${version} (x INTEGER)`);
        applied.push(version);
      },
    });
    openLedger(file, { migrations: [step(1), step(2)] }).close();
    openLedger(file, { migrations: [step(1), step(2), step(3)] }).close();
    expect(applied).toEqual([1, 2, 3]);
  });

  it('refuses a file written by a newer version, naming the file and both versions', () => {
    const file = path.join(folder, 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openLedger(file)).toThrow(
      `Ledger ${file} has schema version ${MIGRATIONS.length + 1}, but this version of Edgeline knows versions up to ${MIGRATIONS.length}: it was written by a newer Edgeline. Update the app, or open another ledger file.`,
    );
  });

  it('leaves the file at the previous version when a migration fails', () => {
    const file = path.join(folder, 'ledger.sqlite');
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        db.exec('THIS IS NOT SQL');
      },
    };
    expect(() => openLedger(file, { migrations: [MIGRATIONS[0]!, broken] })).toThrow(`Ledger ${file}: migration 0002-broken failed, the file stays at version 1: near "THIS": syntax error`);
    const db = openLedger(file, { migrations: [MIGRATIONS[0]!] });
    expect(schemaVersionOf(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  it('rejects a mis-numbered migration list before opening anything', () => {
    const skipped: Migration = { version: 3, name: 'skipped', up: () => undefined };
    expect(() => openLedger(':memory:', { migrations: [MIGRATIONS[0]!, skipped] })).toThrow('Ledger migrations: 0003-skipped is at position 2 of the list; versions must be 1, 2, 3 ... in order');
  });

  it('names the file it cannot open', () => {
    const file = path.join(folder, 'missing-folder', 'ledger.sqlite');
    expect(() => openLedger(file)).toThrow(`Ledger ${file}: cannot open: Cannot open database because the directory does not exist`);
  });

  it('works in memory for tests', () => {
    const db = openLedger(':memory:');
    expect(schemaVersionOf(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a newer schema before changing a single byte of the file (no switch to WAL first)', () => {
    const file = path.join(folder, 'newer.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x INTEGER); INSERT INTO future VALUES (1)');
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    const before = readFileSync(file);
    expect(() => openLedger(file)).toThrow(/written by a newer Edgeline/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(() => statSync(`${file}-wal`)).toThrow();
  });

  it('copies the ledger to a dated backup next to it before migrating, keeping the last three', () => {
    const file = path.join(folder, 'ledger.sqlite');
    const at = (minute: number) => () => new Date(Date.UTC(2026, 11, 1, 20, minute, 0));
    for (let minute = 0; minute < 4; minute += 1) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      const old = openLedger(file, { migrations: MIGRATIONS.slice(0, 1) });
      old.prepare("INSERT INTO imported_files VALUES ('E0.csv', ?, ?, '2024-01-01T00:00:00Z')").run('a'.repeat(64), 380 + minute);
      old.close();
      openLedger(file, { now: at(minute) }).close();
    }
    const backups = ledgerBackupsOf(file).map((f) => path.basename(f));
    expect(backups).toEqual(['ledger.sqlite.backup-20261201T200100Z-v1.sqlite', 'ledger.sqlite.backup-20261201T200200Z-v1.sqlite', 'ledger.sqlite.backup-20261201T200300Z-v1.sqlite']);
    const copy = new Database(path.join(folder, backups[2]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT rows FROM imported_files').pluck().get()).toBe(383);
    copy.close();
  });

  it('makes no backup of a new or up-to-date ledger', () => {
    const file = path.join(folder, 'ledger.sqlite');
    openLedger(file).close();
    openLedger(file).close();
    expect(ledgerBackupsOf(file)).toEqual([]);
  });

  it('names a damaged file and says how to recover', () => {
    const file = path.join(folder, 'ledger.sqlite');
    const db = openLedger(file);
    const insert = db.prepare("INSERT INTO imported_files VALUES (?, ?, 1, '2024-01-01T00:00:00Z')");
    for (let i = 0; i < 2000; i += 1) insert.run(`file-${i}.csv`, String(i).padStart(64, '0'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 4, 0x5a), 0, 4096 * 4, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    let error: unknown;
    try {
      openLedger(file).close();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LedgerCorruptError);
    const message = (error as Error).message;
    expect(message.startsWith(`The ledger ${file} is damaged (`)).toBe(true);
    expect(message).toContain('); nothing more was written to it. Close Edgeline and replace the file with the newest backup next to it (ledger.sqlite.backup-*.sqlite, made before each schema upgrade)');
  });
});
