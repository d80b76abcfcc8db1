/**
 * Solves A x = b for a symmetric positive-definite A (row-major, n x n) by Cholesky
 * factorisation. Returns null when A is not positive definite, so a Newton step can add
 * damping and retry instead of stepping along a direction that is not an ascent.
 * `factorScratch` (n x n) lets a caller that solves many systems of one size reuse the memory.
 */
export function choleskySolve(a: Float64Array, b: Float64Array, n: number, factorScratch?: Float64Array): Float64Array | null {
  // The factor's lower triangle is written before it is read, so a reused scratch needs no clearing.
  const l = factorScratch ?? new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j]!;
      }
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * n + k]! * y[k]!;
    y[i] = sum / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}
