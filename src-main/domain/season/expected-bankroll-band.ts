import type { Outcome, Triple } from '../football/outcome';
import { mulberry32 } from '../evaluation/seeded-random';
import { quantileOfSorted } from '../evaluation/paired-bootstrap';

/**
 * Where the bankroll should be if a given set of probabilities were the truth. Each simulated
 * path replays the bets actually placed, as fractions of the bankroll at the start of their
 * week (Kelly stakes scale with the bankroll), with every match's result drawn from the
 * chosen H/D/A probabilities, one draw per match so bets on one match stay exclusive.
 * Under the model's own probabilities (the default) a real path far below the band says the
 * edges were model error, not bad luck. Under the market's fair closing probabilities
 * (`truth: 'fair-close'`) it is the honest null: what the same bets do if the market is right,
 * which for bets without closing-line value is a band drifting down.
 */
export interface BandWeek {
  readonly week: number;
  readonly matches: readonly {
    readonly modelProbabilities: Triple;
    /** Margin-free closing probabilities; needed only under `truth: 'fair-close'`. */
    readonly fairClosingProbabilities?: Triple | null;
    readonly bets: readonly { readonly outcome: Outcome; readonly stakeFraction: number; readonly decimalOdds: number }[];
  }[];
}

export interface BandPoint {
  readonly week: number;
  readonly p05Cents: number;
  readonly p50Cents: number;
  readonly p95Cents: number;
}

export interface BandOptions {
  readonly paths: number;
  readonly seed: number;
  /** A path is ruined once its bankroll falls to this fraction of the start (documented as 0.5: "lost half"). */
  readonly ruinFraction: number;
  /** Whose probabilities draw the results: the model's (default) or the market's fair close. */
  readonly truth?: BandTruth;
}

export type BandTruth = 'model' | 'fair-close';

function drawOutcome(p: Triple, u: number): Outcome {
  if (u < p[0]) return 'H';
  if (u < p[0] + p[1]) return 'D';
  return 'A';
}

export function expectedBankrollBand(
  weeks: readonly BandWeek[],
  startingBankrollCents: number,
  options: BandOptions,
): { points: BandPoint[]; riskOfRuin: number } {
  if (!Number.isInteger(options.paths) || options.paths < 1) throw new Error(`paths must be a positive integer, got ${options.paths}`);
  const random = mulberry32(options.seed);
  const bankroll = new Float64Array(options.paths).fill(startingBankrollCents);
  const ruined = new Uint8Array(options.paths);
  const ruinLevel = startingBankrollCents * options.ruinFraction;
  const points: BandPoint[] = [];
  const truth = options.truth ?? 'model';
  const truthOf = (match: BandWeek['matches'][number], week: number, index: number): Triple => {
    if (truth === 'model') return match.modelProbabilities;
    const close = match.fairClosingProbabilities;
    if (close === null || close === undefined) throw new Error(`week ${week}, match ${index + 1}: no fair closing probabilities, so the band under the market's close cannot be drawn`);
    return close;
  };
  for (const week of weeks) {
    const truths = week.matches.map((match, index) => truthOf(match, week.week, index));
    for (let path = 0; path < options.paths; path += 1) {
      let growth = 0;
      for (const [index, match] of week.matches.entries()) {
        const result = drawOutcome(truths[index]!, random());
        for (const bet of match.bets) {
          growth += bet.outcome === result ? bet.stakeFraction * (bet.decimalOdds - 1) : -bet.stakeFraction;
        }
      }
      const next = Math.max(0, (bankroll[path] ?? 0) * (1 + growth));
      bankroll[path] = next;
      if (next <= ruinLevel) ruined[path] = 1;
    }
    const sorted = Float64Array.from(bankroll).sort();
    points.push({
      week: week.week,
      p05Cents: Math.round(quantileOfSorted(sorted, 0.05)),
      p50Cents: Math.round(quantileOfSorted(sorted, 0.5)),
      p95Cents: Math.round(quantileOfSorted(sorted, 0.95)),
    });
  }
  const ruinedCount = ruined.reduce((sum, r) => sum + r, 0);
  return { points, riskOfRuin: ruinedCount / options.paths };
}
