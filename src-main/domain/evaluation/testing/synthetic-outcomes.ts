import type { Outcome, Triple } from '../../football/outcome';
import type { SeededRandom } from '../seeded-random';

/**
 * Pieces of the synthetic leagues the pool and encompassing tests draw: a true H/D/A per match
 * from log-odds, Gaussian noise, and a result drawn from the truth. Test support only.
 */
export function softmax(z: readonly number[]): Triple {
  const e = z.map((x) => Math.exp(x));
  const t = e[0]! + e[1]! + e[2]!;
  return [e[0]! / t, e[1]! / t, e[2]! / t];
}

/** A standard normal draw (Box-Muller). */
export function gaussian(random: SeededRandom): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** The outcome a uniform draw `u` picks from `p`. */
export function draw(p: Triple, u: number): Outcome {
  return u < p[0] ? 'H' : u < p[0] + p[1] ? 'D' : 'A';
}
