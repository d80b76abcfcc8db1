/**
 * Profit or loss in integer cents of one settled bet. A loss costs the stake. A win pays
 * stake * (odds - 1) rounded DOWN to the cent, as bookmakers do not pay fractions of a cent;
 * products within max(1e-9, 1e-12 * product) of a whole cent count as that cent, so binary
 * floating-point noise in prices like 2.10 never costs a cent (1000 * 1.1 = 1100.0000000000002
 * pays 1100, 3333 * 0.1 = 333.3 pays 333). That window stays below the 0.001-cent granularity
 * of prices quoted to three decimals for any win under 10^9 cents. The ledger adds these
 * integers, so start + sum(profit) = end holds exactly.
 */
export function settleBet(stakeCents: number, decimalOdds: number, won: boolean): number {
  if (!Number.isSafeInteger(stakeCents) || stakeCents < 0) {
    throw new Error(`stakeCents must be a non-negative integer, got ${stakeCents}`);
  }
  if (!Number.isFinite(decimalOdds) || decimalOdds <= 1) {
    throw new Error(`decimal odds must be a finite number greater than 1, got ${decimalOdds}`);
  }
  if (typeof won !== 'boolean') throw new Error(`won must be true or false, got ${String(won)}`);
  if (!won) return stakeCents === 0 ? 0 : -stakeCents;
  const exact = stakeCents * (decimalOdds - 1);
  if (exact > Number.MAX_SAFE_INTEGER) throw new Error(`winnings of ${stakeCents} cents at ${decimalOdds} exceed the exact integer range`);
  const nearest = Math.round(exact);
  return Math.abs(exact - nearest) <= Math.max(1e-9, 1e-12 * exact) ? nearest : Math.floor(exact);
}
