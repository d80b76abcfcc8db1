import { OUTCOMES, outcomeIndex, type Outcome, type Triple } from '../football/outcome';
import { calibrationKellyScale } from './calibration-kelly';
import { fullKellyFraction, jointLogGrowthKelly, multiOutcomeKelly } from './kelly';
import { MARGIN_METHODS, removeMargin, type FairProbabilities, type MarginMethod } from './margin-removal';
import { assertStakingConfig, sizeStakes, type StakingConfig } from './stake-sizing';

/** Why an outcome was not bet; `describeRejection` turns it into a sentence. */
export type RejectionCode =
  | 'negative-edge'
  | 'odds-out-of-range'
  | 'edge-not-credible'
  | 'edge-below-threshold'
  | 'one-per-match'
  | 'kelly-zero'
  | 'stake-below-unit'
  | 'bet-cap'
  | 'weekly-cap';

/** One match as the week's decision sees it, priced before the week starts. */
export interface WeekMatchInput {
  readonly matchId: string;
  readonly modelProbabilities: Triple;
  /** The prices the bets would be struck at. */
  readonly decimalOdds: Triple;
  /** How the market's own probabilities are read from those prices. */
  readonly marginMethod: MarginMethod;
}

export interface DecideWeekBetsInput {
  /** Bankroll at the start of the week, integer cents. */
  readonly bankrollCents: number;
  readonly matches: readonly WeekMatchInput[];
  readonly staking: StakingConfig;
  /** Distrust of big edges; without it (the default) no edge is too big and Kelly is not shrunk. */
  readonly sanity?: EdgeSanity;
  /**
   * Level staking: every bet that passes the filters asks for this fraction of the week-start
   * bankroll instead of its Kelly fraction (kellyMultiplier, mode and calibration shrinkage are
   * then unused); the caps and rounding of `sizeStakes` still apply. In (0, 1].
   */
  readonly flatStakeFraction?: number;
}

/**
 * Edge sanity (docs/betting.md "Strategies"). Against a market as efficient as the EPL's an edge
 * far above a few percent is more likely model error than value, and a forecaster whose own past
 * probabilities were off by σ should stake less where that error matters most.
 */
export interface EdgeSanity {
  /** Edges above this are rejected as 'edge-not-credible'; > 0. */
  readonly maxCredibleEdge?: number;
  /**
   * The forecaster's measured calibration error (rmsCalibrationError of its past forecasts):
   * each Kelly fraction is multiplied by calibrationKellyScale(edge, odds, this).
   */
  readonly probabilityErrorSd?: number;
}

interface BetDecisionFields {
  readonly matchId: string;
  readonly outcome: Outcome;
  readonly decimalOdds: number;
  readonly modelProbability: number;
  /** The market's margin-free probability under the match's margin method. */
  readonly marketProbability: number;
  /** True when that margin removal was flagged problematic (see FairProbabilities). */
  readonly marketProblematic: boolean;
  /** Expected profit per unit staked at the price: p_model * odds - 1. */
  readonly edge: number;
  /** Single-bet full Kelly fraction (p*o - 1)/(o - 1), clipped at 0, whatever the mode. */
  readonly fullKelly: number;
  /** kellyMultiplier * the calibration shrinkage (1 without sanity.probabilityErrorSd) * the mode's fraction for this outcome (before caps); 0 when filtered out earlier. */
  readonly appliedKelly: number;
  /**
   * Smallest model edge against the market's fair price over every margin method:
   * min_m (p_model / p_market_m - 1). Negative (or -Infinity when a method gives p <= 0) means
   * at least one way of removing the margin says the market rates this outcome higher.
   */
  readonly minFairEdge: number;
  /**
   * minFairEdge > 0: the model rates the outcome above the market's fair probability
   * whichever margin method is used, so the disagreement does not hinge on how the margin is
   * split. Every method lowers each 1/odds when the book has a positive margin, so a bet with
   * positive edge at a single bookmaker's price is always robust; the flag carries information
   * for rejected outcomes and for books with a negative margin (best prices across books).
   */
  readonly robustAcrossMethods: boolean;
}

/** The decision on one outcome of one match: placed with a positive stake, or rejected with a reason. */
export type BetDecision =
  | (BetDecisionFields & { readonly placed: true; readonly stakeCents: number; readonly rejection: null; readonly limitedBy: 'bet-cap' | 'weekly-cap' | null })
  | (BetDecisionFields & { readonly placed: false; readonly stakeCents: 0; readonly rejection: RejectionCode; readonly limitedBy: null });

/** Numbers that make a rejection sentence concrete; every field is optional. */
export interface RejectionContext {
  readonly edge?: number;
  readonly decimalOdds?: number;
  readonly staking?: Pick<StakingConfig, 'minEdge' | 'minOdds' | 'maxOdds'>;
  readonly maxCredibleEdge?: number;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/**
 * A sentence the UI can show for a rejection code. With the decision's edge or odds and the
 * staking settings it names the numbers ("Edge 1.2% is below the 5.0% threshold.").
 */
export function describeRejection(code: RejectionCode, context: RejectionContext = {}): string {
  const { edge, decimalOdds, staking, maxCredibleEdge } = context;
  switch (code) {
    case 'negative-edge':
      return edge === undefined
        ? 'No value: at this price the model expects to lose money (edge at or below 0).'
        : `No value: edge ${percent(edge)}, so at this price the model expects to lose money.`;
    case 'odds-out-of-range':
      return decimalOdds === undefined || staking === undefined
        ? 'The price is outside the odds range the staking plan allows.'
        : `Odds ${decimalOdds.toFixed(2)} are outside the allowed range ${staking.minOdds.toFixed(2)} to ${staking.maxOdds.toFixed(2)}.`;
    case 'edge-not-credible':
      return edge === undefined || maxCredibleEdge === undefined
        ? 'The edge is above the largest credible edge: more likely model error than value.'
        : `Edge ${percent(edge)} is above the ${percent(maxCredibleEdge)} credible maximum: more likely model error than value.`;
    case 'edge-below-threshold':
      return edge === undefined || staking === undefined
        ? 'Some value, but the edge is below the minimum edge the staking plan requires.'
        : `Edge ${percent(edge)} is below the ${percent(staking.minEdge)} threshold.`;
    case 'one-per-match':
      return 'Another outcome of the same match has a larger edge, and only one outcome per match is bet.';
    case 'kelly-zero':
      return 'Sized together with the other bets, Kelly gives this outcome no stake.';
    case 'stake-below-unit':
      return 'The Kelly stake is smaller than the smallest stake unit.';
    case 'bet-cap':
      return 'The per-bet cap leaves less than one stake unit for this bet.';
    case 'weekly-cap':
      return 'Scaled down to fit the weekly exposure cap, the stake fell below one stake unit.';
    default: {
      const unknown: never = code;
      throw new Error(`Unknown rejection code "${String(unknown)}"`);
    }
  }
}

interface Candidate {
  readonly fields: Omit<BetDecisionFields, 'appliedKelly'>;
  rejection: RejectionCode | null;
  appliedKelly: number;
}

/**
 * Decides the week's bets: one decision per match x outcome, ordered by edge (descending),
 * then matchId, then H, D, A. Filters run in this order and the first that fails names the
 * rejection: edge <= 0, odds outside [minOdds, maxOdds], edge above sanity.maxCredibleEdge,
 * edge below minEdge, a better outcome of the same match (oneOutcomePerMatch; ties go to H, D,
 * A order). An incredible edge never blocks a credible outcome of the same match. Survivors are
 * sized by the staking mode (times kellyMultiplier, times the calibration shrinkage when
 * sanity.probabilityErrorSd is given) and then by `sizeStakes` (per-bet cap, proportional
 * weekly cap, rounding down to the stake unit). Pure and deterministic.
 */
export function decideWeekBets(input: DecideWeekBetsInput): BetDecision[] {
  const { bankrollCents, matches, staking, sanity = {} } = input;
  assertStakingConfig(staking);
  assertEdgeSanity(sanity);
  const flat = input.flatStakeFraction;
  if (flat !== undefined && !(flat > 0 && flat <= 1)) throw new Error(`flatStakeFraction must be in (0, 1], got ${flat}`);
  if (!Number.isSafeInteger(bankrollCents) || bankrollCents < 0) {
    throw new Error(`bankrollCents must be a non-negative integer, got ${bankrollCents}`);
  }
  const seen = new Set<string>();
  for (const match of matches) {
    if (seen.has(match.matchId)) throw new Error(`match ${match.matchId} appears twice in the week`);
    seen.add(match.matchId);
    assertModelProbabilities(match);
  }

  const candidates: Candidate[] = matches.flatMap((match) => candidatesOf(match, staking, sanity));
  if (staking.oneOutcomePerMatch) keepBestOutcomePerMatch(candidates);
  if (flat === undefined) applyKelly(candidates, staking, sanity);
  else for (const candidate of candidates) if (candidate.rejection === null) candidate.appliedKelly = flat;

  const sized = sizeStakes(
    bankrollCents,
    candidates.map((c) => (c.rejection === null ? c.appliedKelly : 0)),
    staking,
  );
  const decisions = candidates.map((candidate, index): BetDecision => {
    const fields = { ...candidate.fields, appliedKelly: candidate.appliedKelly };
    if (candidate.rejection !== null) return { ...fields, placed: false, stakeCents: 0, rejection: candidate.rejection, limitedBy: null };
    const stake = sized[index]!;
    if (stake.rejection !== null) return { ...fields, placed: false, stakeCents: 0, rejection: stake.rejection, limitedBy: null };
    return { ...fields, placed: true, stakeCents: stake.stakeCents, rejection: null, limitedBy: stake.limitedBy };
  });
  return decisions.sort(
    (a, b) => b.edge - a.edge || (a.matchId < b.matchId ? -1 : a.matchId > b.matchId ? 1 : 0) || outcomeIndex(a.outcome) - outcomeIndex(b.outcome),
  );
}

function assertModelProbabilities(match: WeekMatchInput): void {
  const p = match.modelProbabilities;
  if (p.length !== 3 || p.some((x) => !Number.isFinite(x) || x < 0 || x > 1)) {
    throw new Error(`model probabilities for match ${match.matchId} must be three numbers in [0, 1], got ${p.join(', ')}`);
  }
  const total = p[0] + p[1] + p[2];
  if (Math.abs(total - 1) > 1e-6) throw new Error(`model probabilities for match ${match.matchId} must sum to 1, got ${total}`);
}

function assertEdgeSanity(sanity: EdgeSanity): void {
  const { maxCredibleEdge, probabilityErrorSd } = sanity;
  if (maxCredibleEdge !== undefined && !(maxCredibleEdge > 0)) throw new Error(`sanity.maxCredibleEdge must be a number > 0, got ${maxCredibleEdge}`);
  if (probabilityErrorSd !== undefined && !(Number.isFinite(probabilityErrorSd) && probabilityErrorSd >= 0)) {
    throw new Error(`sanity.probabilityErrorSd must be a finite number >= 0, got ${probabilityErrorSd}`);
  }
}

function candidatesOf(match: WeekMatchInput, staking: StakingConfig, sanity: EdgeSanity): Candidate[] {
  const maxCredibleEdge = sanity.maxCredibleEdge ?? Number.POSITIVE_INFINITY;
  const market = removeMarginFor(match, match.marginMethod);
  const everyMethod = MARGIN_METHODS.map((method) => removeMarginFor(match, method).probabilities);
  return OUTCOMES.map((outcome) => {
    const k = outcomeIndex(outcome);
    const modelProbability = match.modelProbabilities[k];
    const decimalOdds = match.decimalOdds[k];
    const edge = modelProbability * decimalOdds - 1;
    const minFairEdge = Math.min(...everyMethod.map((p) => (p[k]! > 0 ? modelProbability / p[k]! - 1 : Number.NEGATIVE_INFINITY)));
    const fields = {
      matchId: match.matchId,
      outcome,
      decimalOdds,
      modelProbability,
      marketProbability: market.probabilities[k]!,
      marketProblematic: market.problematic,
      edge,
      fullKelly: fullKellyFraction(modelProbability, decimalOdds),
      minFairEdge,
      robustAcrossMethods: minFairEdge > 0,
    };
    const rejection: RejectionCode | null =
      edge <= 0
        ? 'negative-edge'
        : decimalOdds < staking.minOdds || decimalOdds > staking.maxOdds
          ? 'odds-out-of-range'
          : edge > maxCredibleEdge
            ? 'edge-not-credible'
            : edge < staking.minEdge
              ? 'edge-below-threshold'
              : null;
    return { fields, rejection, appliedKelly: 0 };
  });
}

/** removeMargin with the match named in any error, so a bad price can be traced to its row. */
function removeMarginFor(match: WeekMatchInput, method: MarginMethod): FairProbabilities {
  try {
    return removeMargin(match.decimalOdds, method);
  } catch (error) {
    throw new Error(`match ${match.matchId}: ${(error as Error).message}`);
  }
}

function keepBestOutcomePerMatch(candidates: Candidate[]): void {
  const best = new Map<string, Candidate>();
  for (const candidate of candidates) {
    if (candidate.rejection !== null) continue;
    const current = best.get(candidate.fields.matchId);
    if (current === undefined || candidate.fields.edge > current.fields.edge) best.set(candidate.fields.matchId, candidate);
  }
  for (const candidate of candidates) {
    if (candidate.rejection === null && best.get(candidate.fields.matchId) !== candidate) candidate.rejection = 'one-per-match';
  }
}

function applyKelly(candidates: Candidate[], staking: StakingConfig, sanity: EdgeSanity): void {
  const open = candidates.filter((c) => c.rejection === null);
  let fractions: number[];
  switch (staking.mode) {
    case 'independent':
      fractions = open.map((c) => c.fields.fullKelly);
      break;
    case 'multi-outcome': {
      fractions = new Array<number>(open.length).fill(0);
      const byMatch = new Map<string, number[]>();
      open.forEach((c, i) => byMatch.set(c.fields.matchId, [...(byMatch.get(c.fields.matchId) ?? []), i]));
      for (const indices of byMatch.values()) {
        const f = multiOutcomeKelly(
          indices.map((i) => open[i]!.fields.modelProbability),
          indices.map((i) => open[i]!.fields.decimalOdds),
        );
        indices.forEach((i, j) => (fractions[i] = f[j]!));
      }
      break;
    }
    case 'joint-log-growth':
      fractions = jointLogGrowthKelly(open.map((c) => ({ matchId: c.fields.matchId, probability: c.fields.modelProbability, decimalOdds: c.fields.decimalOdds }))).fractions;
      break;
    default: {
      const unknown: never = staking.mode;
      throw new Error(`Unknown staking mode "${String(unknown)}"`);
    }
  }
  open.forEach((candidate, i) => {
    const sd = sanity.probabilityErrorSd;
    const shrink = sd === undefined ? 1 : calibrationKellyScale(candidate.fields.edge, candidate.fields.decimalOdds, sd);
    const fraction = Math.min(1, staking.kellyMultiplier * shrink * fractions[i]!);
    candidate.appliedKelly = fraction;
    if (!(fraction > 0)) candidate.rejection = 'kelly-zero';
  });
}
