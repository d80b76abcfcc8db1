import { PRE_MATCH_SOURCES, type UpcomingFixture } from '../domain/football/upcoming-fixture';
import type { LedgerDatabase } from './ledger-database';
import { IDENTITY_COLUMNS, identityAndOddsRowOf, identityOf, oddsColumnsOf, oddsOf, type ColumnRow } from './match-columns';

/** A fixture as the ledger holds it: with the file it came from and when its current prices were imported. */
export interface StoredFixture extends UpcomingFixture {
  readonly source: string;
  readonly pricesImportedAt: string;
}

/** What importing a fixtures file did. */
export interface FixturesSummary {
  readonly inserted: number;
  /** Rows whose kick-off or prices changed (their import time moves on). */
  readonly updated: number;
  readonly unchanged: number;
  /** Rows of the file's divisions that the file no longer lists (played, or moved out of the list). */
  readonly removed: number;
}

const SCALARS = IDENTITY_COLUMNS.map(([column]) => column);
const ODDS = oddsColumnsOf(PRE_MATCH_SOURCES);
const CONTENT = [...SCALARS.slice(1), ...ODDS];

/**
 * Make the ledger's fixtures of every division in the file what the file says, in one
 * transaction: the fixtures file is a snapshot of what is still to come, so a division's rows it
 * no longer lists go, while divisions absent from the file keep theirs. A row that is identical
 * keeps its import time, so importing the same file again changes nothing.
 */
export function replaceFixtures(db: LedgerDatabase, fixtures: readonly UpcomingFixture[], origin: { readonly source: string; readonly importedAt: Date }): FixturesSummary {
  const select = db.prepare(`SELECT ${CONTENT.join(', ')} FROM fixtures WHERE id = ?`);
  const insert = db.prepare(
    `INSERT INTO fixtures (${[...SCALARS, ...ODDS, 'source', 'prices_imported_at'].join(', ')})
     VALUES (${[...SCALARS, ...ODDS, 'source', 'prices_imported_at'].map((c) => `@${c}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${[...CONTENT, 'source', 'prices_imported_at'].map((c) => `${c} = excluded.${c}`).join(', ')}`,
  );
  return db.transaction(() => {
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    for (const fixture of fixtures) {
      const row = identityAndOddsRowOf(fixture, PRE_MATCH_SOURCES);
      const existing = select.get(fixture.id) as Record<string, unknown> | undefined;
      if (existing !== undefined && CONTENT.every((c) => existing[c] === row[c])) {
        unchanged += 1;
        continue;
      }
      insert.run({ ...row, source: origin.source, prices_imported_at: origin.importedAt.toISOString() });
      if (existing === undefined) inserted += 1;
      else updated += 1;
    }
    let removed = 0;
    const listed = new Set(fixtures.map((f) => f.id));
    const remove = db.prepare('DELETE FROM fixtures WHERE id = ?');
    for (const div of new Set(fixtures.map((f) => f.div))) {
      const ids = db.prepare('SELECT id FROM fixtures WHERE div = ?').pluck().all(div) as string[];
      for (const id of ids.filter((i) => !listed.has(i))) removed += remove.run(id).changes;
    }
    return { inserted, updated, unchanged, removed };
  })();
}

/** The fixtures of one division's season, in date, kick-off, id order (the order a replay prices a week's matches in). */
export function fixturesOf(db: LedgerDatabase, query: { readonly div: string; readonly season: string }): StoredFixture[] {
  const rows = db
    .prepare(`SELECT *, prices_imported_at AS pricesImportedAt FROM fixtures WHERE div = ? AND season = ? ORDER BY date, coalesce(kickoff, ''), id`)
    .all(query.div, query.season) as ColumnRow[];
  return rows.map((row) => ({ ...identityOf(row), odds: oddsOf(row, PRE_MATCH_SOURCES), source: row.source as string, pricesImportedAt: row.pricesImportedAt as string }));
}
