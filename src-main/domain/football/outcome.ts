/** A 1X2 match result, always ordered home, draw, away. */
export type Outcome = 'H' | 'D' | 'A';

export const OUTCOMES: readonly Outcome[] = ['H', 'D', 'A'] as const;

/** Position of an outcome in every H, D, A ordered tuple (probabilities, odds, one-hot results). */
export function outcomeIndex(outcome: Outcome): 0 | 1 | 2 {
  switch (outcome) {
    case 'H':
      return 0;
    case 'D':
      return 1;
    case 'A':
      return 2;
    default: {
      const unreachable: never = outcome;
      throw new Error(`Unknown outcome ${String(unreachable)}`);
    }
  }
}

export function outcomeFromGoals(homeGoals: number, awayGoals: number): Outcome {
  if (homeGoals > awayGoals) return 'H';
  if (homeGoals < awayGoals) return 'A';
  return 'D';
}

/** Probabilities (or any per-outcome numbers) in H, D, A order. */
export type Triple = readonly [home: number, draw: number, away: number];
