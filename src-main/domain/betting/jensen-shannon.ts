import { bisectRoot } from './bisect-root';

/**
 * Jensen-Shannon distance (square root of the divergence, natural logarithm) between the
 * two-point distributions (p, 1-p) and (q, 1-q). This is the distance the `implied` package's
 * 'jsd' method equalises across outcomes.
 */
export function binaryJensenShannonDistance(p: number, q: number): number {
  const m1 = (p + q) / 2;
  const m2 = 1 - m1;
  const divergence = 0.5 * (klTerm(p, m1) + klTerm(1 - p, m2)) + 0.5 * (klTerm(q, m1) + klTerm(1 - q, m2));
  return Math.sqrt(Math.max(0, divergence));
}

function klTerm(x: number, m: number): number {
  return x > 0 ? x * Math.log(x / m) : 0;
}

/**
 * The probability p on the far side of `impliedProbability` (below it when the book has a
 * positive margin, above it when negative) whose distance to it is `distance`; clamped at 0
 * or 1 when no such p exists, which the caller reports as problematic.
 */
export function probabilityAtDistance(impliedProbability: number, distance: number, below: boolean): number {
  if (distance === 0) return impliedProbability;
  const end = below ? 0 : 1;
  if (binaryJensenShannonDistance(end, impliedProbability) <= distance) return end;
  const f = (p: number) => binaryJensenShannonDistance(p, impliedProbability) - distance;
  return below ? bisectRoot(f, end, impliedProbability) : bisectRoot(f, impliedProbability, end);
}
