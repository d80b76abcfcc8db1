import { describe, expect, it } from 'vitest';
import { choleskySolve } from './cholesky-solve';

describe('choleskySolve', () => {
  it('solves a hand-worked symmetric positive-definite system', () => {
    // [4 2; 2 3] x = [2; 1]  =>  det = 8, x = [ (3*2 - 2*1)/8, (4*1 - 2*2)/8 ] = [0.5, 0]
    const x = choleskySolve(Float64Array.from([4, 2, 2, 3]), Float64Array.from([2, 1]), 2);
    expect(Array.from(x!)).toEqual([0.5, 0]);
  });

  it('returns null for a matrix that is not positive definite, so the caller can damp it', () => {
    // eigenvalues of [1 2; 2 1] are 3 and -1
    expect(choleskySolve(Float64Array.from([1, 2, 2, 1]), Float64Array.from([1, 1]), 2)).toBeNull();
  });
});
