import type { WeeklyPerformanceRow } from '../../../src-main/ipc/renderer-contract';
import { formatMoney } from '../../format/money';
import { formatScore } from '../../format/odds';
import { formatPercent } from '../../format/percent';
import type { WeekSortKey } from './sort-weeks';

/** The season's line under the weeks: sums, ROI of the sums, the latest bankroll and cumulative scores, the worst drawdown. */
export function weeklyTotals(weeks: readonly WeeklyPerformanceRow[], seasonClv: number | null): Record<WeekSortKey, string> {
  const total = (pick: (w: WeeklyPerformanceRow) => number): number => weeks.reduce((sum, w) => sum + pick(w), 0);
  const last = weeks.reduce<WeeklyPerformanceRow | undefined>((latest, w) => (latest === undefined || w.week > latest.week ? w : latest), undefined);
  const staked = total((w) => w.stakedCents);
  const profit = total((w) => w.profitCents);
  return {
    week: 'Total',
    matches: String(total((w) => w.matches)),
    valueBetsFound: String(total((w) => w.valueBetsFound)),
    betsPlaced: String(total((w) => w.betsPlaced)),
    wins: String(total((w) => w.wins)),
    stakedCents: formatMoney(staked),
    profitCents: formatMoney(profit, { signed: true }),
    roi: formatPercent(staked === 0 ? null : profit / staked, { signed: true }),
    bankrollEndCents: last === undefined ? '—' : formatMoney(last.bankrollEndCents),
    modelBrier: formatScore(last?.cumulativeModelBrier ?? null),
    marketBrier: formatScore(last?.cumulativeMarketBrier ?? null),
    drawdown: formatPercent(weeks.length === 0 ? null : Math.max(...weeks.map((w) => w.drawdown))),
    meanClv: formatPercent(seasonClv, { signed: true }),
  };
}
