/**
 * Kelly shrinkage for a probability that is itself uncertain (Baker & McHale 2013, "Optimal
 * betting under parameter uncertainty: improving the Kelly criterion"). If the estimated edge
 * e = p̂·o − 1 carries an error of standard deviation o·σ (σ the error in p̂), the stake
 * multiplier that maximises expected log growth to second order is
 *   c = e² / (e² + (o·σ)²),
 * so a small edge at long odds, where a probability error matters most, is cut hardest and a
 * large edge at a short price is hardly touched. σ is the forecaster's measured calibration error
 * on its own past predictions (`rmsCalibrationError`): the error it cannot see from inside.
 * The result multiplies the Kelly fraction on top of the plan's kellyMultiplier.
 */
export function calibrationKellyScale(edge: number, decimalOdds: number, probabilityErrorSd: number): number {
  if (!Number.isFinite(edge)) throw new Error(`edge must be a finite number, got ${edge}`);
  if (!(Number.isFinite(decimalOdds) && decimalOdds > 1)) throw new Error(`decimal odds must be a finite number greater than 1, got ${decimalOdds}`);
  if (!(Number.isFinite(probabilityErrorSd) && probabilityErrorSd >= 0)) throw new Error(`probabilityErrorSd must be a finite number >= 0, got ${probabilityErrorSd}`);
  if (edge <= 0) return 0;
  const noise = (decimalOdds * probabilityErrorSd) ** 2;
  return (edge * edge) / (edge * edge + noise);
}
