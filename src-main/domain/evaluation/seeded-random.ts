/**
 * A seeded source of uniform numbers in [0, 1). Everything random in the betting core
 * (bootstrap resampling, scenario sampling) takes one of these so that the same seed gives
 * the same figures on every machine.
 */
export type SeededRandom = () => number;

/**
 * mulberry32: a 32-bit state generator, fast and statistically good enough for resampling.
 * The seed is reduced to an unsigned 32-bit integer, so seeds that differ only above 2^32
 * (or in their fraction) give the same stream; that is why non-integers are refused.
 */
export function mulberry32(seed: number): SeededRandom {
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`seed must be a safe integer, got ${seed}`);
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in 0..count-1 drawn from `random`. */
export function randomIndex(random: SeededRandom, count: number): number {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new Error(`count must be a positive integer, got ${count}`);
  }
  return Math.floor(random() * count);
}
