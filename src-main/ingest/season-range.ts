/**
 * Expand a season spec into football-data season codes, in the order written:
 * '0506-2324' -> ['0506', '0607', ..., '2324'], '2324' -> ['2324'], '2122,2324' -> ['2122', '2324'];
 * a comma list may mix single seasons and ranges. Codes are two two-digit years, the second one
 * more than the first ('9900' for 1999-2000 included), so a range steps one season at a time
 * and may cross the century.
 */
export function seasonRange(spec: string): string[] {
  const parts = spec.split(',').map((p) => p.trim());
  if (spec.trim() === '' || parts.some((p) => p === '')) throw new Error(`Season spec ${JSON.stringify(spec)}: expected seasons like 2324, 0506-2324 or 2122,2324`);
  const seasons: string[] = [];
  for (const part of parts) {
    const bounds = part.split('-').map((b) => b.trim());
    if (bounds.length > 2) throw new Error(`Season spec ${JSON.stringify(spec)}: ${JSON.stringify(part)} is not a season or a range first-last`);
    const [first, last = first] = bounds.map((b) => startYearOf(b, spec)) as [number, number?];
    if (last < first) throw new Error(`Season spec ${JSON.stringify(spec)}: range ${JSON.stringify(part)} ends before it starts`);
    for (let year = first; year <= last; year += 1) seasons.push(seasonCodeOf(year));
  }
  return seasons;
}

/** Start year (1900-2099 window, pivot 50 as football-data data begins in 1993) of a season code. */
function startYearOf(code: string, spec: string): number {
  const m = /^(\d{2})(\d{2})$/.exec(code);
  if (m === null) throw new Error(`Season spec ${JSON.stringify(spec)}: ${JSON.stringify(code)} is not a season code like 2324`);
  const from = Number(m[1]);
  const to = Number(m[2]);
  if ((from + 1) % 100 !== to) throw new Error(`Season spec ${JSON.stringify(spec)}: ${JSON.stringify(code)} is not two consecutive years (like 2324)`);
  return from >= 50 ? 1900 + from : 2000 + from;
}

function seasonCodeOf(startYear: number): string {
  const two = (n: number): string => String(n % 100).padStart(2, '0');
  return `${two(startYear)}${two(startYear + 1)}`;
}
