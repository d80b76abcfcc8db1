/**
 * Tooltips use renderMode 'richText' (drawn on the canvas): ECharts' HTML tooltips carry inline
 * style attributes, which the app's CSP (style-src 'self', no 'unsafe-inline') refuses.
 */

/** One palette for every chart so model, market and money read the same everywhere. */
export const chartColors = {
  bankroll: '#2563eb',
  model: '#2563eb',
  market: '#f59e0b',
  staticModel: '#64748b',
  band: 'rgba(37, 99, 235, 0.12)',
  bandMedian: '#60a5fa',
  drawdown: 'rgba(220, 38, 38, 0.22)',
  gain: '#16a34a',
  loss: '#dc2626',
  found: '#94a3b8',
  placed: '#2563eb',
  alert: '#dc2626',
  retrain: '#7c3aed',
  grid: '#e2e8f0',
  text: '#334155',
} as const;

export const baseGrid = { left: 64, right: 24, top: 48, bottom: 40 } as const;

/** Cents to pounds for plotting (display only: the ledger stays in integer cents). */
export function centsToPounds(cents: number): number {
  return cents / 100;
}

/** A week's category on the x axis: "Week 5", so an axis tooltip is headed by the week's name. */
export function weekCategory(week: number): string {
  return `Week ${week}`;
}

/** The shared week axis: categories named "Week N" (tooltip headers), ticks showing just N. */
export function weekAxis(weeks: readonly number[], options: { readonly boundaryGap?: boolean } = {}) {
  return {
    type: 'category' as const,
    data: weeks.map(weekCategory),
    name: 'Week',
    nameLocation: 'middle' as const,
    nameGap: 26,
    axisLabel: { formatter: (value: string) => value.replace(/^Week /, '') },
    ...(options.boundaryGap === undefined ? {} : { boundaryGap: options.boundaryGap }),
  };
}
