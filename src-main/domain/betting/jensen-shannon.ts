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
  // Solve divergence(p) = distance^2 by Newton steps kept inside a shrinking bracket; the
  // divergence is monotone on each side of q and its derivative has a closed form, so this
  // needs a handful of steps where bisection needs sixty.
  const q = impliedProbability;
  const target = distance * distance;
  let lo = Math.min(end, q);
  let hi = Math.max(end, q);
  let p = lo + (hi - lo) / 2;
  for (let step = 0; step < 200; step += 1) {
    const gap = binaryJensenShannonDistance(p, q) ** 2 - target;
    if (gap === 0) return p;
    // Below q the divergence falls as p rises; above q it rises.
    if ((gap > 0) === below) lo = p;
    else hi = p;
    const slope = divergenceSlope(p, q);
    const newton = p - gap / slope;
    const next = Number.isFinite(newton) && newton > lo && newton < hi ? newton : lo + (hi - lo) / 2;
    if (next === p || hi - lo <= Number.EPSILON * Math.max(hi, 1e-300)) return next;
    p = next;
  }
  return p;
}

/** d/dp of the binary JS divergence: (ln(p/m) - ln((1-p)/(1-m))) / 2 with m = (p+q)/2. */
function divergenceSlope(p: number, q: number): number {
  const m = (p + q) / 2;
  return (Math.log(p / m) - Math.log((1 - p) / (1 - m))) / 2;
}
