import { createHash } from 'node:crypto';
import type { LedgerDatabase } from '../ledger/ledger-database';
import { recordImportedFile } from '../ledger/imported-file-repository';
import { replaceFixtures, type FixturesSummary } from '../ledger/fixture-repository';
import { earlierMeetings } from '../ledger/match-repository';
import { matchIdOf } from '../domain/football/match';
import { parseFixturesCsv } from './football-data-fixtures-csv';

/**
 * Import one fixtures file (downloaded or from disk): parsed whole first, so a bad row names
 * itself and nothing of the file is stored; then stored in one transaction with a record of the
 * file's content in `imported_files`, like a results file.
 */
export function importFixturesFile(db: LedgerDatabase, file: { readonly source: string; readonly bytes: Uint8Array }, importedAt: Date = new Date()): FixturesSummary {
  // A fixture carries the id of the match it will become: its meeting number among the pair's
  // meetings at that ground this season follows the meetings already played (leagues with a split).
  const fixtures = parseFixturesCsv(file.bytes, { file: file.source }).map((f) => ({ ...f, id: matchIdOf(f, earlierMeetings(db, f) + 1) }));
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return db.transaction(() => {
    const summary = replaceFixtures(db, fixtures, { source: file.source, importedAt });
    recordImportedFile(db, { source: file.source, sha256, rows: fixtures.length }, importedAt);
    return summary;
  })();
}
