/**
 * What a long model fit hears from outside while it runs. A fit is synchronous work in the job
 * worker, where a cancel message cannot arrive until it ends, so the fit polls `shouldStop`
 * between iterations (one goal-model fit, one training epoch) and reports how far it got.
 */
export interface FitControl {
  /** Polled between iterations; true ends the fit with a {@link FitCancelledError}. */
  readonly shouldStop?: () => boolean;
  /** `done` of `needed` iterations of the current phase (weeks of features, epochs). */
  readonly onIterations?: (done: number, needed: number) => void;
}

/**
 * The fit stopped because it was asked to. Named AbortError, as an AbortSignal's abort is, so
 * every layer that turns an abort into "cancelled" does the same with this.
 */
export class FitCancelledError extends Error {
  constructor() {
    super('Cancelled during the model fit');
    this.name = 'AbortError';
  }
}

export function stopIfAsked(control: FitControl): void {
  if (control.shouldStop?.() === true) throw new FitCancelledError();
}
