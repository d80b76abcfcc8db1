import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger, schemaVersionOf } from './ledger-database';
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
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
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
});
