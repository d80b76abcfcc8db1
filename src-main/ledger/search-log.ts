import { createHash } from 'node:crypto';
import type { LedgerDatabase } from './ledger-database';
import type { RunSettings } from '../season/run-settings';

/** Where a configuration stands in the search on its season: the k-th distinct one tried, of n so far. */
export interface SearchPosition {
  readonly configuration: number;
  readonly of: number;
}

/**
 * Settings as the search counts them: everything but the run's name and what the run measured
 * itself before its first week (`priorSeasonFit`, an output of the configuration, not a choice),
 * keys sorted, so the same configuration always has the same key.
 */
export function configurationJsonOf(settings: RunSettings): string {
  const { name: _name, priorSeasonFit: _measured, shrinkKellyByCalibration, priorFitSeasons, ...rest } = settings;
  // Settings added after runs were first logged count only where they act, so a logged run keeps its key.
  const measures = shrinkKellyByCalibration || (settings.probabilitySource === 'model-shrunk-to-market' && settings.poolWeight === 'fitted');
  const counted = { ...rest, ...(shrinkKellyByCalibration ? { shrinkKellyByCalibration } : {}), ...(measures ? { priorFitSeasons } : {}) };
  const sorted = Object.fromEntries(Object.entries(counted).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify(sorted);
}

function keyOf(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/** Records that a configuration is evaluated on its holdout season (once per distinct configuration). */
export function recordConfiguration(db: LedgerDatabase, settings: RunSettings, at: string): void {
  const json = configurationJsonOf(settings);
  db.prepare(
    `INSERT INTO search_log (div, holdout_season, configuration_key, configuration_json, first_evaluated_at)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT (div, holdout_season, configuration_key) DO NOTHING`,
  ).run(settings.div, settings.holdoutSeason, keyOf(json), json, at);
}

/** The configuration's rank in the order configurations were first tried on its season, and how many have been tried; null if it was never recorded. */
export function searchPositionOf(db: LedgerDatabase, settings: RunSettings): SearchPosition | null {
  const rows = db
    .prepare('SELECT configuration_key AS key FROM search_log WHERE div = ? AND holdout_season = ? ORDER BY id')
    .all(settings.div, settings.holdoutSeason) as { key: string }[];
  const index = rows.findIndex((r) => r.key === keyOf(configurationJsonOf(settings)));
  return index < 0 ? null : { configuration: index + 1, of: rows.length };
}
