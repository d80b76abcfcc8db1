import type { Triple } from '../domain/football/outcome';
import type { ImportedPrediction } from '../external-model/imported-predictions';
import type { LedgerDatabase } from './ledger-database';

/** The probabilities of a run priced from a file, stored with the run (the file may go away). */
export function insertImportedPredictions(db: LedgerDatabase, runId: string, predictions: readonly ImportedPrediction[]): void {
  const insert = db.prepare('INSERT INTO imported_predictions (run_id, match_id, line, p_home, p_draw, p_away, model_time) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const p of predictions) insert.run(runId, p.matchId, p.line, p.probabilities[0], p.probabilities[1], p.probabilities[2], p.modelTime);
  })();
}

export function readImportedPredictions(db: LedgerDatabase, runId: string): Map<string, { readonly line: number; readonly probabilities: Triple }> {
  const rows = db.prepare('SELECT match_id, line, p_home, p_draw, p_away FROM imported_predictions WHERE run_id = ?').all(runId) as {
    match_id: string;
    line: number;
    p_home: number;
    p_draw: number;
    p_away: number;
  }[];
  return new Map(rows.map((r) => [r.match_id, { line: r.line, probabilities: [r.p_home, r.p_draw, r.p_away] as Triple }]));
}
