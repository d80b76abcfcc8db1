import type { LedgerDatabase } from '../ledger/ledger-database';
import { loadModel, saveModel } from '../ledger/model-repository';
import { trainOutcomeModel, type TrainedOutcomeModel } from '../model/outcome-model';
import type { ModelStore } from './season-engine';
import { modelConfigOf } from './run-config-mapping';

/** Trains with TF.js / the goal model and keeps every version in the ledger's model registry. */
export function ledgerModelStore(db: LedgerDatabase, runId: string): ModelStore<TrainedOutcomeModel> {
  return {
    train(settings, history, cutoff, options) {
      return trainOutcomeModel(modelConfigOf(settings), history, {
        cutoff,
        signal: options.signal,
        shouldStop: options.shouldStop,
        onProgress: (fraction, detail) => options.onProgress?.({ fraction, message: `Training the ${settings.modelKind} model${detail === undefined ? '' : `: ${detail}`}` }),
      });
    },
    save(model) {
      return saveModel(db, model, { runId });
    },
    load(modelId) {
      return loadModel(db, modelId);
    },
  };
}
