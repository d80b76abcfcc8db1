/**
 * The break-even win rate of a set of bets: the mean of 1 / decimal odds over them, the share of
 * bets that must win for level stakes at these prices to return exactly what was staked. It is
 * what a win rate is read against (a 30% win rate at average odds of 4.00 beats 55% at 1.70).
 * Null without bets. Dependency-free, so the renderer shows the slips' figure with the same code
 * the dashboard's comes from.
 */
export function breakEvenWinRate(decimalOdds: readonly number[]): number | null {
  if (decimalOdds.length === 0) return null;
  return decimalOdds.reduce((sum, odds) => sum + 1 / odds, 0) / decimalOdds.length;
}
