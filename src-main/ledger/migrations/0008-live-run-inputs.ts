import type { Migration } from './migration';

/**
 * `live_runs.inputs_sha256`: what a live run was last brought up to date with, the sha256 of the
 * downloaded results and fixtures files' contents and of the ledger's count of imported file
 * contents. `weekly` compares it with what it has just downloaded before reading, importing or
 * modelling anything, so a call with nothing new costs the downloads alone. Written only after a
 * call has finished the run's weeks, so a killed call leaves the old value and the next one does
 * the whole work again. Numbered 0008 after the migrations on main; its version is its place in
 * ./index.ts (renumber at merge if another branch took 8).
 */
export const liveRunInputsMigration: Migration = {
  version: 8,
  name: 'live-run-inputs',
  up(db) {
    db.exec('ALTER TABLE live_runs ADD COLUMN inputs_sha256 TEXT');
  },
};
