import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEdgelineService } from '../../app/edgeline-service-impl';
import type { EdgelineService } from '../../app/edgeline-service';
import type { RunSettingsInput } from '../run-settings';

/** The shared football-data folder, relative to the repository root (never copied into the repo). */
export const SHARED_DATA = resolve(fileURLToPath(new URL('../../../', import.meta.url)), '../shared/data/football-data');

export function seasonFile(season: string, div = 'E0'): string {
  return join(SHARED_DATA, 'mmz4281', season, `${div}.csv`);
}

/** A ledger in a fresh temp folder with the given EPL seasons imported from the shared data. */
export function ledgerWithSeasons(seasons: readonly string[]): { service: EdgelineService; databaseFile: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'edgeline-season-'));
  const databaseFile = join(dir, 'ledger.sqlite');
  const service = createEdgelineService({ databaseFile });
  const summary = service.importFiles(seasons.map((s) => ({ name: seasonFile(s), bytes: new Uint8Array(readFileSync(seasonFile(s))) })));
  if (summary.failed.length > 0) throw new Error(`Fixture import failed: ${JSON.stringify(summary.failed)}`);
  return { service, databaseFile, dir };
}

/** Small but real: Dixon-Coles on two seasons, 2023-24 played back. Fast enough for unit tests. */
export const FAST_RUN: RunSettingsInput = {
  name: 'test run',
  div: 'E0',
  holdoutSeason: '2324',
  trainingSeasons: ['2122', '2223'],
  modelKind: 'dixon-coles',
  // The model's own probabilities at Bet365's prices: what these tests specify (the default run is market consensus).
  strategyName: 'Model',
  probabilitySource: 'model',
  priceSource: 'b365',
  minEdge: 0.03,
  retrainEveryWeeks: 4,
  seed: 7,
};
