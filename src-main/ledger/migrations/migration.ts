import type { Database } from 'better-sqlite3';

/**
 * One step of the ledger schema history. `up` runs inside a transaction that also sets
 * `PRAGMA user_version = version`, so a failed step leaves the file at the previous version.
 * A migration that has shipped is never edited: change the schema with a new one.
 */
export interface Migration {
  /** 1, 2, 3 ... in the order of the list in ./index.ts. */
  readonly version: number;
  /** Short kebab-case name matching the file, e.g. 'matches' for 0001-matches.ts. */
  readonly name: string;
  up(db: Database): void;
}
