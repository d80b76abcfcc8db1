import type { LedgerDatabase } from './ledger-database';
import type { ExternalModelSnapshot, ImportedPredictionsSnapshot } from '../external-model/external-model-snapshot';
import { MODEL_KINDS, restoreOutcomeModel, type ModelConfig, type ModelKind, type ModelSnapshot, type TrainedOutcomeModel } from '../model/outcome-model';

/** Scores of a model on some set of matches (DESIGN.md definitions). */
export interface ModelMetrics {
  readonly brier: number;
  readonly rps: number;
  readonly logLoss: number;
  readonly matches: number;
}

export interface SaveModelOptions {
  /** The simulation run that trained it, if any. */
  readonly runId?: string | null;
  /** Scores on the data used to choose the model (e.g. the ensemble's validation season). */
  readonly validationMetrics?: ModelMetrics | null;
  /** ISO timestamp; pass a fixed one where the ledger must be byte-identical across runs. */
  readonly createdAt?: string;
}

/** A registry row without the (large) snapshot. */
export interface ModelSummary {
  readonly id: number;
  readonly kind: ModelKind;
  readonly config: ModelConfig;
  readonly cutoff: string;
  readonly trainedThrough: string;
  readonly trainingWindow: { readonly from: string; readonly to: string; readonly matches: number };
  readonly validationMetrics: ModelMetrics | null;
  readonly createdAt: string;
  readonly runId: string | null;
}

export type EvaluationScope = 'week' | 'season' | 'validation';

export interface ModelEvaluation extends ModelMetrics {
  readonly modelId: number;
  readonly scope: EvaluationScope;
  /** What the scope covers: the week's start date, the season code, ... */
  readonly scopeKey: string;
  readonly createdAt: string;
}

interface ModelRowData {
  id: number;
  kind: string;
  config_json: string;
  cutoff: string;
  trained_through: string;
  window_from: string;
  window_to: string;
  window_matches: number;
  validation_metrics_json: string | null;
  created_at: string;
  run_id: string | null;
}

/** Stores a trained model (config, window, full snapshot) and returns its registry id. */
export function saveModel(db: LedgerDatabase, model: TrainedOutcomeModel, options: SaveModelOptions = {}): number {
  const snapshot = model.toSnapshot();
  const result = db
    .prepare(
      `INSERT INTO models (kind, config_json, cutoff, trained_through, window_from, window_to, window_matches,
         snapshot_json, validation_metrics_json, created_at, run_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      snapshot.kind,
      JSON.stringify(snapshot.config),
      snapshot.cutoff,
      snapshot.trainedThrough,
      snapshot.trainingWindow.from,
      snapshot.trainingWindow.to,
      snapshot.trainingWindow.matches,
      JSON.stringify(snapshot),
      options.validationMetrics ? JSON.stringify(options.validationMetrics) : null,
      options.createdAt ?? new Date().toISOString(),
      options.runId ?? null,
    );
  return Number(result.lastInsertRowid);
}

/** Restores model `id` from its snapshot, ready to predict. */
export function loadModel(db: LedgerDatabase, id: number): TrainedOutcomeModel {
  const row = db.prepare('SELECT snapshot_json FROM models WHERE id = ?').get(id) as { snapshot_json: string } | undefined;
  if (!row) throw new Error(`Model registry: no model with id ${id}`);
  let snapshot: ModelSnapshot;
  try {
    snapshot = JSON.parse(row.snapshot_json) as ModelSnapshot;
  } catch (error) {
    throw new Error(`Model registry: model ${id} has a snapshot that is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!MODEL_KINDS.includes(snapshot.kind)) throw new Error(`Model registry: model ${id} has an unknown kind ${JSON.stringify(snapshot.kind)}`);
  return restoreOutcomeModel(snapshot);
}

/**
 * Stores a version of an external model. Its "config" is the model's identity (name, command,
 * files) and its snapshot what reproduces it (see ExternalModelSnapshot); the parameters stay in
 * the user's process.
 */
export function saveExternalModel(db: LedgerDatabase, snapshot: ExternalModelSnapshot | ImportedPredictionsSnapshot, options: SaveModelOptions = {}): number {
  const config =
    snapshot.kind === 'external'
      ? { name: snapshot.name, marketInformed: snapshot.marketInformed, seed: snapshot.seed, identity: snapshot.identity }
      : { fileName: snapshot.fileName, sha256: snapshot.sha256 };
  const result = db
    .prepare(
      `INSERT INTO models (kind, config_json, cutoff, trained_through, window_from, window_to, window_matches,
         snapshot_json, validation_metrics_json, created_at, run_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    )
    .run(
      snapshot.kind,
      JSON.stringify(config),
      snapshot.cutoff,
      snapshot.trainedThrough,
      snapshot.trainingWindow.from,
      snapshot.trainingWindow.to,
      snapshot.trainingWindow.matches,
      JSON.stringify(snapshot),
      options.createdAt ?? new Date().toISOString(),
      options.runId ?? null,
    );
  return Number(result.lastInsertRowid);
}

export function loadExternalModelSnapshot<K extends 'external' | 'imported'>(db: LedgerDatabase, id: number, kind: K): K extends 'external' ? ExternalModelSnapshot : ImportedPredictionsSnapshot {
  const row = db.prepare('SELECT kind, snapshot_json FROM models WHERE id = ?').get(id) as { kind: string; snapshot_json: string } | undefined;
  if (!row) throw new Error(`Model registry: no model with id ${id}`);
  if (row.kind !== kind) throw new Error(`Model registry: model ${id} is a ${row.kind} model, not an ${kind} one`);
  const snapshot = JSON.parse(row.snapshot_json) as ExternalModelSnapshot | ImportedPredictionsSnapshot;
  const format = kind === 'external' ? 'edgeline-external-model/1' : 'edgeline-imported-predictions/1';
  if (snapshot.format !== format) throw new Error(`Model registry: model ${id} has an unknown snapshot format ${JSON.stringify(snapshot.format)}`);
  return snapshot as K extends 'external' ? ExternalModelSnapshot : ImportedPredictionsSnapshot;
}

/** Registry rows, oldest first, optionally only one run's or one kind's. */
export function listModels(db: LedgerDatabase, filter: { readonly runId?: string; readonly kind?: ModelKind } = {}): ModelSummary[] {
  const rows = db
    .prepare(
      `SELECT id, kind, config_json, cutoff, trained_through, window_from, window_to, window_matches,
         validation_metrics_json, created_at, run_id
       FROM models
       WHERE (@runId IS NULL OR run_id = @runId) AND (@kind IS NULL OR kind = @kind)
       ORDER BY id`,
    )
    .all({ runId: filter.runId ?? null, kind: filter.kind ?? null }) as ModelRowData[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ModelKind,
    config: JSON.parse(r.config_json) as ModelConfig,
    cutoff: r.cutoff,
    trainedThrough: r.trained_through,
    trainingWindow: { from: r.window_from, to: r.window_to, matches: r.window_matches },
    validationMetrics: r.validation_metrics_json === null ? null : (JSON.parse(r.validation_metrics_json) as ModelMetrics),
    createdAt: r.created_at,
    runId: r.run_id,
  }));
}

/** Records how model `modelId` scored over one week / season / validation set; one row per scope key. */
export function recordEvaluation(db: LedgerDatabase, evaluation: Omit<ModelEvaluation, 'createdAt'> & { readonly createdAt?: string }): number {
  for (const [name, value] of [
    ['brier', evaluation.brier],
    ['rps', evaluation.rps],
    ['logLoss', evaluation.logLoss],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) throw new Error(`Model evaluation for model ${evaluation.modelId} (${evaluation.scope} ${evaluation.scopeKey}): ${name} must be a finite number >= 0, got ${value}`);
  }
  if (!Number.isInteger(evaluation.matches) || evaluation.matches < 1) {
    throw new Error(`Model evaluation for model ${evaluation.modelId} (${evaluation.scope} ${evaluation.scopeKey}): matches must be a whole number >= 1, got ${evaluation.matches}`);
  }
  const exists = db.prepare('SELECT 1 FROM models WHERE id = ?').get(evaluation.modelId);
  if (!exists) throw new Error(`Model evaluation: no model with id ${evaluation.modelId}`);
  const result = db
    .prepare(
      `INSERT INTO model_evaluations (model_id, scope, scope_key, brier, rps, log_loss, matches, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (model_id, scope, scope_key) DO UPDATE SET
         brier = excluded.brier, rps = excluded.rps, log_loss = excluded.log_loss,
         matches = excluded.matches, created_at = excluded.created_at`,
    )
    .run(
      evaluation.modelId,
      evaluation.scope,
      evaluation.scopeKey,
      evaluation.brier,
      evaluation.rps,
      evaluation.logLoss,
      evaluation.matches,
      evaluation.createdAt ?? new Date().toISOString(),
    );
  return Number(result.lastInsertRowid);
}

export function listEvaluations(db: LedgerDatabase, modelId: number): ModelEvaluation[] {
  const rows = db
    .prepare('SELECT model_id, scope, scope_key, brier, rps, log_loss, matches, created_at FROM model_evaluations WHERE model_id = ? ORDER BY id')
    .all(modelId) as { model_id: number; scope: EvaluationScope; scope_key: string; brier: number; rps: number; log_loss: number; matches: number; created_at: string }[];
  return rows.map((r) => ({
    modelId: r.model_id,
    scope: r.scope,
    scopeKey: r.scope_key,
    brier: r.brier,
    rps: r.rps,
    logLoss: r.log_loss,
    matches: r.matches,
    createdAt: r.created_at,
  }));
}

/** Deletes models and (by cascade) their evaluations, e.g. when a run is reset or removed. */
export function deleteModels(db: LedgerDatabase, ids: readonly number[]): void {
  const remove = db.prepare('DELETE FROM models WHERE id = ?');
  db.transaction(() => {
    for (const id of ids) remove.run(id);
  })();
}
