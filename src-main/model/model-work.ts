/**
 * Counts of the work the models did, for the benchmarks (`npm run bench:season`,
 * `npm run bench:model`): a regression in speed shows up as more fits, more Newton iterations or
 * more feature rows built than the run before. Process-wide and never read by the models.
 */
export interface ModelWork {
  /** Calls of the Newton goal-model fitter (Dixon-Coles, its newcomer refit, shot rates). */
  goalModelFits: number;
  newtonIterations: number;
  /** Dixon-Coles and shot-rate fits served from the memo instead of fitted. */
  fitsReused: number;
  /** Feature rows computed, and rows served from the memo (the same week and history seen before). */
  featureRowsBuilt: number;
  featureRowsReused: number;
  /** Feature-net / ordered-head trainings. */
  netTrainings: number;
}

const work: ModelWork = { goalModelFits: 0, newtonIterations: 0, fitsReused: 0, featureRowsBuilt: 0, featureRowsReused: 0, netTrainings: 0 };

/** Adds to the process-wide counters (called by the fitters). */
export function countModelWork(key: keyof ModelWork, amount = 1): void {
  work[key] += amount;
}

/** A copy of the counters so far. */
export function readModelWork(): ModelWork {
  return { ...work };
}

/** The work done between two readings. */
export function modelWorkSince(before: ModelWork): ModelWork {
  const now = readModelWork();
  return {
    goalModelFits: now.goalModelFits - before.goalModelFits,
    newtonIterations: now.newtonIterations - before.newtonIterations,
    fitsReused: now.fitsReused - before.fitsReused,
    featureRowsBuilt: now.featureRowsBuilt - before.featureRowsBuilt,
    featureRowsReused: now.featureRowsReused - before.featureRowsReused,
    netTrainings: now.netTrainings - before.netTrainings,
  };
}
