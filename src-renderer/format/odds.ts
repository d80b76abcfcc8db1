/** Decimal odds always with two decimals ("2.10"), as bookmakers print them. */
export function formatOdds(decimalOdds: number | null): string {
  if (decimalOdds === null || !Number.isFinite(decimalOdds)) return '\u2014';
  return decimalOdds.toFixed(2);
}

/** A Brier or RPS score with four decimals, the precision at which model and market differ. */
export function formatScore(score: number | null): string {
  if (score === null || !Number.isFinite(score)) return '\u2014';
  return score.toFixed(4);
}
