import type { LedgerDatabase } from '../ledger/ledger-database';
import { readImportedPredictions } from '../ledger/imported-prediction-repository';
import { loadExternalModelSnapshot, saveExternalModel } from '../ledger/model-repository';
import type { Triple } from '../domain/football/outcome';
import type { Fixture } from '../model/fixture';
import type { ModelStore, PricingModel } from '../season/season-engine';
import type { ImportedPredictionsSnapshot } from './external-model-snapshot';
import { describeFixture } from './validate-predictions';

class ImportedPredictionsModel implements PricingModel {
  constructor(
    readonly snapshot: ImportedPredictionsSnapshot,
    private readonly byMatch: ReadonlyMap<string, { readonly probabilities: Triple }>,
  ) {}

  predict(fixtures: readonly Fixture[]): Triple[] {
    return fixtures.map((f) => {
      const row = this.byMatch.get(f.id);
      if (!row) throw new Error(`Imported predictions ${this.snapshot.fileName}: no row for ${describeFixture(f)} (${f.id})`);
      return row.probabilities;
    });
  }
}

/**
 * The ModelStore of a run priced from a file. Nothing is trained: every "version" reads the same
 * stored rows. Edgeline cannot know what the file's author saw when writing them, which is why
 * such runs carry the label "look-ahead not verifiable".
 */
export function importedPredictionsStore(db: LedgerDatabase, runId: string, file: { readonly fileName: string; readonly sha256: string }): ModelStore<ImportedPredictionsModel> {
  let rows: ReturnType<typeof readImportedPredictions> | null = null;
  const byMatch = () => (rows ??= readImportedPredictions(db, runId));
  return {
    async train(_settings, history, cutoff) {
      const first = history[0]?.date ?? cutoff;
      const last = history.at(-1)?.date ?? cutoff;
      const snapshot: ImportedPredictionsSnapshot = {
        format: 'edgeline-imported-predictions/1',
        kind: 'imported',
        fileName: file.fileName,
        sha256: file.sha256,
        cutoff,
        trainedThrough: last,
        trainingWindow: { from: first, to: last, matches: Math.max(1, history.length) },
      };
      return new ImportedPredictionsModel(snapshot, byMatch());
    },
    save(model) {
      return saveExternalModel(db, model.snapshot, { runId });
    },
    load(modelId) {
      return new ImportedPredictionsModel(loadExternalModelSnapshot(db, modelId, 'imported'), byMatch());
    },
  };
}
