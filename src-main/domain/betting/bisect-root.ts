/**
 * Root of a continuous function on [lower, upper] by bisection run to the last representable
 * double: the margin methods need ~1e-15 accuracy and bisection gets there in about 60 steps
 * with no tolerance to tune. `f(lower)` and `f(upper)` must have opposite signs (or one be 0).
 */
export function bisectRoot(f: (x: number) => number, lower: number, upper: number): number {
  let lo = lower;
  let hi = upper;
  let fLo = f(lo);
  const fHi = f(hi);
  if (fLo === 0) return lo;
  if (fHi === 0) return hi;
  if (Number.isNaN(fLo) || Number.isNaN(fHi) || Math.sign(fLo) === Math.sign(fHi)) {
    throw new Error(`bisectRoot needs a sign change on [${lower}, ${upper}], got f = ${fLo} and ${fHi}`);
  }
  for (let step = 0; step < 2200; step += 1) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const fMid = f(mid);
    if (fMid === 0) return mid;
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else {
      hi = mid;
    }
  }
  return lo + (hi - lo) / 2;
}

/**
 * Grow `start` by repeatedly applying `next` until `f` changes sign relative to `f(anchor)`;
 * used to find the far end of a bracket whose size depends on the margin.
 */
export function expandBracket(
  f: (x: number) => number,
  anchor: number,
  start: number,
  next: (x: number) => number,
  maxSteps = 200,
): number {
  const signAtAnchor = Math.sign(f(anchor));
  let x = start;
  for (let step = 0; step < maxSteps; step += 1) {
    const value = f(x);
    if (value === 0 || Math.sign(value) !== signAtAnchor) return x;
    x = next(x);
  }
  throw new Error(`expandBracket found no sign change from ${anchor} after ${maxSteps} steps (last x ${x})`);
}
