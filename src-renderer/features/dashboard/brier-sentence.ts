import type { ScoreComparison } from '../../../src-main/ipc/renderer-contract';
import { formatScore } from '../../format/odds';

/**
 * The plain-language verdict on model vs market Brier from the paired bootstrap: which is
 * better, by how much, and whether the interval excludes zero. "Lower is better" is spelled out
 * because a bettor should not have to remember it.
 */
export function brierSentence(scores: ScoreComparison): string {
  const difference = scores.brierDifference;
  if (scores.matches === 0) return 'No matches have been played yet.';
  if (difference === null || scores.marketBrier === null) return `Model Brier ${formatScore(scores.modelBrier)} over ${scores.matches} matches; the market had no prices to compare with.`;
  const interval = `95% interval ${signed(difference.lower)} to ${signed(difference.upper)}`;
  const who = difference.mean < 0 ? 'The model scored better than the market' : difference.mean > 0 ? 'The market scored better than the model' : 'Model and market scored the same';
  const verdict = difference.significant
    ? 'the difference is significant (the interval excludes zero).'
    : 'the difference is not significant (the interval includes zero), so it may be noise.';
  return `${who} over ${scores.matches} matches (Brier ${formatScore(scores.modelBrier)} vs ${formatScore(scores.marketBrier)}, lower is better; model − market ${signed(difference.mean)}, ${interval}): ${verdict}`;
}

function signed(value: number): string {
  return `${value < 0 ? '\u2212' : value > 0 ? '+' : ''}${Math.abs(value).toFixed(4)}`;
}
