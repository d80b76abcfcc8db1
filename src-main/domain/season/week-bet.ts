import type { Outcome } from '../football/outcome';
import type { RejectionCode } from '../betting/value-bets';

/**
 * One outcome of one match as a week's betting saw it, in the one shape every layer uses: the
 * week decides it (rejected with its reason, or placed with a stake), results settle the placed
 * ones, the ledger stores it, the views and the CSV export read it back. A simulated week
 * decides and settles at once; a live week keeps placed bets open until the results arrive.
 */
export type Book = 'active' | 'static';

interface CandidateFields {
  readonly week: number;
  /** The run's own book, or the shadow book of the initial model never retrained. */
  readonly book: Book;
  readonly matchId: string;
  readonly outcome: Outcome;
  readonly decimalOdds: number;
  readonly modelProbability: number;
  /** The market's margin-free probability under the run's margin method. */
  readonly marketProbability: number;
  /** p_model * odds - 1. */
  readonly edge: number;
  readonly fullKelly: number;
  readonly appliedKelly: number;
  /** Still positive expected value under every margin-removal method. */
  readonly robustAcrossMethods: boolean;
  readonly modelVersion: number;
  /** Known once the market has closed (null before, and for seasons without closing prices). */
  readonly closingOdds: number | null;
  readonly closingFairProbability: number | null;
}

export interface RejectedCandidate extends CandidateFields {
  readonly status: 'rejected';
  readonly rejection: RejectionCode;
}

export interface PlacedBet extends CandidateFields {
  readonly status: 'placed';
  readonly stakeCents: number;
}

export interface SettledBet extends CandidateFields {
  readonly status: 'settled';
  readonly stakeCents: number;
  readonly won: boolean;
  /** Integer cents as settleBet returned it: -stake, or the winnings rounded down to the cent. */
  readonly profitCents: number;
}

export type WeekBet = RejectedCandidate | PlacedBet | SettledBet;

/** A staked bet, open or settled. */
export type StakedBet = PlacedBet | SettledBet;

export function isStaked(bet: WeekBet): bet is StakedBet {
  return bet.status !== 'rejected';
}

export function isSettled(bet: WeekBet): bet is SettledBet {
  return bet.status === 'settled';
}

/** Every rejection code, checked against the type in both directions. */
const REJECTION_CODES = {
  'negative-edge': true,
  'odds-out-of-range': true,
  'edge-below-threshold': true,
  'edge-not-credible': true,
  'one-per-match': true,
  'kelly-zero': true,
  'stake-below-unit': true,
  'bet-cap': true,
  'weekly-cap': true,
} as const satisfies Record<RejectionCode, true>;

export function isRejectionCode(value: unknown): value is RejectionCode {
  return typeof value === 'string' && Object.hasOwn(REJECTION_CODES, value);
}
