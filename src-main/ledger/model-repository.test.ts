import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger, type LedgerDatabase } from './ledger-database';
import { deleteModels, listEvaluations, listModels, loadModel, recordEvaluation, saveModel } from './model-repository';
import { DEFAULT_MODEL_CONFIG, trainOutcomeModel, type TrainedOutcomeModel } from '../model/outcome-model';
import { syntheticLeague } from '../model/synthetic-league';
import { bettingWeeksOf, matchesBeforeWeek, matchesInWeek } from '../domain/football/betting-week';

const league = syntheticLeague({ seed: 11, teams: 10, seasons: ['1920', '2021', '2122'], promotedPerSeason: 2 });
const week = bettingWeeksOf(league.filter((m) => m.season === '2122'))[4]!;
const history = matchesBeforeWeek(league, week);
const fixtures = matchesInWeek(league, week);
const createdAt = '2026-01-01T00:00:00.000Z';

let folder: string;
let db: LedgerDatabase;
let model: TrainedOutcomeModel;
beforeEach(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'edgeline-models-'));
  db = openLedger(path.join(folder, 'ledger.sqlite'));
  model = await trainOutcomeModel({ ...DEFAULT_MODEL_CONFIG, kind: 'dixon-coles' }, history, { cutoff: week.start });
});
afterEach(() => {
  db.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('model registry', () => {
  it('saves a model and loads it back predicting exactly the same probabilities', () => {
    const id = saveModel(db, model, { runId: 'run-1', createdAt });
    const loaded = loadModel(db, id);
    expect(loaded.kind).toBe('dixon-coles');
    expect(loaded.trainedThrough).toBe(model.trainedThrough);
    expect(loaded.predict(fixtures, history)).toEqual(model.predict(fixtures, history));
  });

  it('lists models with their config, training window and validation metrics, filtered by run', () => {
    const metrics = { brier: 0.58, rps: 0.2, logLoss: 0.98, matches: 380 };
    const first = saveModel(db, model, { runId: 'run-1', validationMetrics: metrics, createdAt });
    saveModel(db, model, { runId: 'run-2', createdAt });
    const listed = listModels(db, { runId: 'run-1' });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toEqual({
      id: first,
      kind: 'dixon-coles',
      config: { ...DEFAULT_MODEL_CONFIG, kind: 'dixon-coles' },
      cutoff: week.start,
      trainedThrough: model.trainedThrough,
      trainingWindow: model.toSnapshot().trainingWindow,
      validationMetrics: metrics,
      createdAt,
      runId: 'run-1',
    });
    expect(listModels(db).map((m) => m.runId)).toEqual(['run-1', 'run-2']);
    expect(listModels(db, { kind: 'ensemble' })).toEqual([]);
  });

  it('records one evaluation per model and scope, replacing a re-recorded one', () => {
    const id = saveModel(db, model, { createdAt });
    recordEvaluation(db, { modelId: id, scope: 'week', scopeKey: week.start, brier: 0.6, rps: 0.21, logLoss: 1.01, matches: 5, createdAt });
    recordEvaluation(db, { modelId: id, scope: 'week', scopeKey: week.start, brier: 0.5, rps: 0.19, logLoss: 0.95, matches: 5, createdAt });
    recordEvaluation(db, { modelId: id, scope: 'season', scopeKey: '2122', brier: 0.55, rps: 0.2, logLoss: 0.97, matches: 90, createdAt });
    expect(listEvaluations(db, id)).toEqual([
      { modelId: id, scope: 'week', scopeKey: week.start, brier: 0.5, rps: 0.19, logLoss: 0.95, matches: 5, createdAt },
      { modelId: id, scope: 'season', scopeKey: '2122', brier: 0.55, rps: 0.2, logLoss: 0.97, matches: 90, createdAt },
    ]);
  });

  it('deletes models together with their evaluations', () => {
    const id = saveModel(db, model, { createdAt });
    recordEvaluation(db, { modelId: id, scope: 'season', scopeKey: '2122', brier: 0.55, rps: 0.2, logLoss: 0.97, matches: 90, createdAt });
    deleteModels(db, [id]);
    expect(listModels(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM model_evaluations').pluck().get()).toBe(0);
  });

  it('writes byte-identical rows for the same model and timestamp', () => {
    const a = saveModel(db, model, { createdAt });
    const b = saveModel(db, model, { createdAt });
    const row = (id: number) => db.prepare('SELECT kind, config_json, cutoff, trained_through, snapshot_json, created_at FROM models WHERE id = ?').get(id);
    expect(row(b)).toEqual(row(a));
  });

  it('explains what is wrong', () => {
    expect(() => loadModel(db, 99)).toThrow('Model registry: no model with id 99');
    expect(() => recordEvaluation(db, { modelId: 99, scope: 'week', scopeKey: 'x', brier: 0.5, rps: 0.2, logLoss: 1, matches: 1 })).toThrow('Model evaluation: no model with id 99');
    const id = saveModel(db, model, { createdAt });
    expect(() => recordEvaluation(db, { modelId: id, scope: 'season', scopeKey: '2122', brier: Number.NaN, rps: 0.2, logLoss: 1, matches: 10 })).toThrow(
      `Model evaluation for model ${id} (season 2122): brier must be a finite number >= 0, got NaN`,
    );
    expect(() => recordEvaluation(db, { modelId: id, scope: 'season', scopeKey: '2122', brier: 0.5, rps: 0.2, logLoss: 1, matches: 0 })).toThrow(
      `Model evaluation for model ${id} (season 2122): matches must be a whole number >= 1, got 0`,
    );
    db.prepare("UPDATE models SET snapshot_json = json_object('format', 'edgeline-model/1', 'kind', 'oracle') WHERE id = ?").run(id);
    expect(() => loadModel(db, id)).toThrow(`Model registry: model ${id} has an unknown kind "oracle"`);
  });

  it('refuses a row whose training reaches the cutoff', () => {
    const snapshot = model.toSnapshot();
    const leaky = { ...model, toSnapshot: () => ({ ...snapshot, trainedThrough: snapshot.cutoff }) };
    expect(() => saveModel(db, leaky, { createdAt })).toThrow('CHECK constraint failed');
  });
});
