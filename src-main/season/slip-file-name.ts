/**
 * The export's file name says what is in it and never collides between runs:
 * `edgeline-<run name>-<week-07 | season>-<date>-<run id prefix>.csv`. The date is the week's
 * start for a week and the last played week's end for a season (the data's date, not the
 * clock's, so exporting the same thing twice gives the same name); the run id prefix keeps two
 * runs with the same name apart.
 */
export function slipFileName(run: { readonly id: string; readonly name: string }, scope: { readonly week: number; readonly weekStart: string } | { readonly season: true; readonly lastWeekEnd: string | null }): string {
  const name = run.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'run';
  const id = run.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8) || 'run';
  const part = 'week' in scope ? `week-${String(scope.week).padStart(2, '0')}-${scope.weekStart}` : `season${scope.lastWeekEnd === null ? '' : `-to-${scope.lastWeekEnd}`}`;
  return `edgeline-${name}-${part}-${id}.csv`;
}
