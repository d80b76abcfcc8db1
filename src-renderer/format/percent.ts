/** A fraction (0.052) as "5.2%"; null (not measurable, e.g. ROI with nothing staked) as an em dash. */
export function formatPercent(fraction: number | null, options: { readonly digits?: number; readonly signed?: boolean } = {}): string {
  if (fraction === null || !Number.isFinite(fraction)) return '\u2014';
  const digits = options.digits ?? 1;
  const value = (Math.abs(fraction) * 100).toFixed(digits);
  if (Number(value) === 0) return `${(0).toFixed(digits)}%`;
  if (fraction < 0) return `\u2212${value}%`;
  return `${options.signed === true ? '+' : ''}${value}%`;
}

/** A probability as "45.2%" (never signed). */
export function formatProbability(probability: number): string {
  return formatPercent(probability, { digits: 1 });
}
