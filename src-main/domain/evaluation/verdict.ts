/**
 * The headline verdict: one sentence that says whether a run shows an edge over the market, and
 * the figures it rests on. The rules are written down in docs/user-guide.md ("The verdict"); a
 * change here is a change there.
 *
 * Two pieces of evidence can show an edge: forecasts that score better than the market's
 * margin-free prices (a paired bootstrap interval of the Brier difference that excludes zero),
 * and bets that beat the closing line. Profit alone cannot: over one season it is mostly luck,
 * so the ROI interval and the bankroll's place in the model's own expected band only qualify
 * the sentence.
 */

/** Model minus market Brier score per match (negative = the model forecast better), with its 95% interval. */
export interface ScoreDifference {
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
}

export interface VerdictInput {
  readonly matches: number;
  readonly bets: number;
  readonly brierDifference: ScoreDifference | null;
  /** Mean closing-line value and the share of bets whose odds beat the fair close; null without closing odds. */
  readonly clv: { readonly mean: number; readonly beatCloseShare: number; readonly bets: number } | null;
  readonly roi: number | null;
  readonly roiInterval: readonly [number, number] | null;
  /** The final bankroll and the 5th/50th/95th percentile of the model's expected bankroll for the same week. */
  readonly bankroll: { readonly finalCents: number; readonly p05Cents: number; readonly p50Cents: number; readonly p95Cents: number } | null;
}

export type VerdictKind = 'edge' | 'no-edge' | 'mixed' | 'too-early';
export type ForecastSignal = 'model-better' | 'market-better' | 'level' | 'unavailable';
export type ClosingLineSignal = 'beat-close' | 'lost-to-close' | 'level' | 'unavailable';
export type ReturnSignal = 'profit-beyond-luck' | 'loss-beyond-luck' | 'within-luck' | 'unavailable';
export type BandPosition = 'below' | 'inside' | 'above' | 'unavailable';

/** Everything the sentence was chosen from, so a reader (or a script) can check it. */
export interface VerdictEvidence extends VerdictInput {
  readonly forecasts: ForecastSignal;
  readonly closingLine: ClosingLineSignal;
  readonly returns: ReturnSignal;
  readonly bankrollPosition: BandPosition;
}

export interface Verdict {
  readonly kind: VerdictKind;
  readonly sentence: string;
  readonly evidence: VerdictEvidence;
}

/** Below these the verdict says it is too early: about ten betting weeks of a 20-team league. */
export const MIN_MATCHES_FOR_VERDICT = 100;
export const MIN_BETS_FOR_VERDICT = 30;

export function forecastSignal(difference: ScoreDifference | null): ForecastSignal {
  if (difference === null) return 'unavailable';
  if (difference.upper < 0) return 'model-better';
  if (difference.lower > 0) return 'market-better';
  return 'level';
}

/**
 * Beating the close needs both a positive mean CLV and more than half the bets beating the fair
 * closing odds: a mean carried by one long shot is not a habit of getting better prices.
 */
export function closingLineSignal(clv: VerdictInput['clv']): ClosingLineSignal {
  if (clv === null || clv.bets === 0) return 'unavailable';
  if (clv.mean > 0 && clv.beatCloseShare > 0.5) return 'beat-close';
  if (clv.mean < 0 && clv.beatCloseShare < 0.5) return 'lost-to-close';
  return 'level';
}

export function returnSignal(roiInterval: VerdictInput['roiInterval']): ReturnSignal {
  if (roiInterval === null) return 'unavailable';
  if (roiInterval[0] > 0) return 'profit-beyond-luck';
  if (roiInterval[1] < 0) return 'loss-beyond-luck';
  return 'within-luck';
}

export function bandPosition(bankroll: VerdictInput['bankroll']): BandPosition {
  if (bankroll === null) return 'unavailable';
  if (bankroll.finalCents < bankroll.p05Cents) return 'below';
  if (bankroll.finalCents > bankroll.p95Cents) return 'above';
  return 'inside';
}

export function verdictKind(input: VerdictInput, signals: Pick<VerdictEvidence, 'forecasts' | 'closingLine' | 'returns'>): VerdictKind {
  if (input.matches < MIN_MATCHES_FOR_VERDICT || input.bets < MIN_BETS_FOR_VERDICT) return 'too-early';
  const forEdge = Number(signals.forecasts === 'model-better') + Number(signals.closingLine === 'beat-close');
  const against = Number(signals.forecasts === 'market-better') + Number(signals.closingLine === 'lost-to-close');
  if (forEdge > 0 && against > 0) return 'mixed';
  if (forEdge > 0) return signals.returns === 'loss-beyond-luck' ? 'mixed' : 'edge';
  return signals.returns === 'profit-beyond-luck' ? 'mixed' : 'no-edge';
}

const FORECAST_CLAUSE: Record<ForecastSignal, string> = {
  'model-better': 'the model priced these matches better than the market',
  'market-better': 'the market priced these matches better than the model',
  level: 'model and market priced these matches about equally well (the difference is within noise)',
  unavailable: 'there were no market prices to score the model against',
};

const CLOSING_CLAUSE: Record<ClosingLineSignal, string> = {
  'beat-close': 'the bets beat the closing line',
  'lost-to-close': 'the bets lost to the closing line',
  level: 'the bets were level with the closing line',
  unavailable: 'closing odds were unavailable to check the prices taken',
};

const RETURN_CLAUSE: Record<ReturnSignal, string | null> = {
  'profit-beyond-luck': 'the profit is larger than luck alone explains',
  'loss-beyond-luck': 'the loss is larger than bad luck alone explains',
  'within-luck': 'the ROI interval spans zero, so the profit or loss so far could be luck',
  unavailable: null,
};

const BAND_CLAUSE: Record<BandPosition, string | null> = {
  below: "the bankroll finished below the band the model's own probabilities expected, so the model was overconfident",
  above: "the bankroll finished above the band the model's own probabilities expected",
  inside: null,
  unavailable: null,
};

const HEADLINE: Record<VerdictKind, string> = {
  edge: 'Evidence of an edge',
  'no-edge': 'No evidence of an edge',
  mixed: 'Mixed evidence',
  'too-early': 'Too early to judge',
};

export function verdictSentence(kind: VerdictKind, input: VerdictInput, evidence: Pick<VerdictEvidence, 'forecasts' | 'closingLine' | 'returns' | 'bankrollPosition'>): string {
  if (kind === 'too-early') {
    return `${HEADLINE[kind]}: ${input.bets} ${input.bets === 1 ? 'bet' : 'bets'} over ${input.matches} ${input.matches === 1 ? 'match' : 'matches'}; a verdict needs at least ${MIN_BETS_FOR_VERDICT} bets over ${MIN_MATCHES_FOR_VERDICT} matches.`;
  }
  const qualifiers = [RETURN_CLAUSE[evidence.returns], BAND_CLAUSE[evidence.bankrollPosition]].filter((c): c is string => c !== null);
  const main = `${HEADLINE[kind]}: ${FORECAST_CLAUSE[evidence.forecasts]}, and ${CLOSING_CLAUSE[evidence.closingLine]}`;
  return `${[main, ...qualifiers].join('; ')}.`;
}

export function judgeEdge(input: VerdictInput): Verdict {
  const signals = {
    forecasts: forecastSignal(input.brierDifference),
    closingLine: closingLineSignal(input.clv),
    returns: returnSignal(input.roiInterval),
    bankrollPosition: bandPosition(input.bankroll),
  };
  const kind = verdictKind(input, signals);
  return { kind, sentence: verdictSentence(kind, input, signals), evidence: { ...input, ...signals } };
}
