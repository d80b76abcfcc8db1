import { matchesMigration } from './0001-matches';
import { modelsMigration } from './0002-models';
import { runsMigration } from './0003-runs';
import { liveSeasonMigration } from './0004-live-season';
import { matchIdentityMigration } from './0005-match-identity';
import { externalModelsMigration } from './0006-external-models';
import { searchLogMigration } from './0007-search-log';
import { liveRunInputsMigration } from './0008-live-run-inputs';
import type { Migration } from './migration';

/**
 * The ledger schema history, oldest first; version n is at index n - 1. Append new migrations
 * at the end (one file each, `NNNN-name.ts`); never reorder or edit a shipped one.
 */
export const MIGRATIONS: readonly Migration[] = [matchesMigration, modelsMigration, runsMigration, liveSeasonMigration, matchIdentityMigration, externalModelsMigration, searchLogMigration, liveRunInputsMigration];
