/**
 * When the model is refitted during a season. Two triggers, both deliberately conservative:
 * a schedule (every k weeks, so the model sees the new season's matches) and degradation
 * (the model has fallen behind the market by more than a threshold on enough matches since
 * its last fit that the gap is unlikely to be noise alone).
 */
export interface RetrainPolicy {
  /** Refit every k weeks after the last fit; 0 turns the schedule off. */
  readonly everyWeeks: number;
  readonly onDegradation: boolean;
  /** Matches the current model must have been scored on since its fit before degradation can trigger. */
  readonly minMatches: number;
  /** Model Brier minus market Brier above which the model counts as degraded. */
  readonly brierGap: number;
}

export interface ModelTrackRecord {
  /** Weeks played with the current model since it was fitted. */
  readonly weeksSinceFit: number;
  /** Per-match Brier scores of the current model since it was fitted, oldest first. */
  readonly modelBriers: readonly number[];
  /** The market's Brier on the same matches (null where the match had no prices). */
  readonly marketBriers: readonly (number | null)[];
}

export type RetrainReason = 'initial' | 'scheduled' | 'degradation';

export type RetrainDecision =
  | { readonly retrain: false }
  | { readonly retrain: true; readonly reason: RetrainReason; readonly detail: string };

/** Mean model-minus-market Brier over matches where both exist; null when there are none. */
export function brierGap(modelBriers: readonly number[], marketBriers: readonly (number | null)[]): { gap: number; matches: number } | null {
  let sum = 0;
  let n = 0;
  modelBriers.forEach((model, i) => {
    const market = marketBriers[i];
    if (market === null || market === undefined) return;
    sum += model - market;
    n += 1;
  });
  return n === 0 ? null : { gap: sum / n, matches: n };
}

export function decideRetrain(track: ModelTrackRecord | null, policy: RetrainPolicy): RetrainDecision {
  if (track === null) return { retrain: true, reason: 'initial', detail: 'No model has been fitted for this run yet' };
  if (policy.everyWeeks > 0 && track.weeksSinceFit >= policy.everyWeeks) {
    return { retrain: true, reason: 'scheduled', detail: `${track.weeksSinceFit} weeks since the last fit (schedule: every ${policy.everyWeeks})` };
  }
  if (policy.onDegradation && track.modelBriers.length >= policy.minMatches) {
    const comparison = brierGap(track.modelBriers, track.marketBriers);
    if (comparison !== null && comparison.matches >= policy.minMatches && comparison.gap > policy.brierGap) {
      return {
        retrain: true,
        reason: 'degradation',
        detail: `Model Brier ${comparison.gap.toFixed(4)} worse than the market over ${comparison.matches} matches (threshold ${policy.brierGap})`,
      };
    }
  }
  return { retrain: false };
}
