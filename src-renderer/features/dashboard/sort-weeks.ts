import type { WeeklyPerformanceRow } from '../../../src-main/ipc/renderer-contract';

export type WeekSortKey = 'week' | 'matches' | 'valueBetsFound' | 'betsPlaced' | 'wins' | 'stakedCents' | 'profitCents' | 'roi' | 'bankrollEndCents' | 'modelBrier' | 'marketBrier' | 'drawdown' | 'meanClv';
export type SortDirection = 'asc' | 'desc';

/** Sorts a copy; weeks with no value (null ROI, no CLV) go last in either direction, ties keep week order. */
export function sortWeeks(rows: readonly WeeklyPerformanceRow[], key: WeekSortKey, direction: SortDirection): WeeklyPerformanceRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null && y === null) return a.week - b.week;
    if (x === null) return 1;
    if (y === null) return -1;
    return x === y ? a.week - b.week : (x - y) * sign;
  });
}
