import { useMemo, useState } from 'react';
import type { WeeklyPerformanceRow } from '../../../src-main/ipc/renderer-contract';
import { formatMoney } from '../../format/money';
import { formatScore } from '../../format/odds';
import { formatPercent } from '../../format/percent';
import { toneOf } from '../../ui/Kpi';
import { sortWeeks, type SortDirection, type WeekSortKey } from './sort-weeks';
import { weeklyTotals } from './weekly-totals';

const COLUMNS: { key: WeekSortKey; label: string; cell: (w: WeeklyPerformanceRow) => string; tone?: (w: WeeklyPerformanceRow) => number | null }[] = [
  { key: 'week', label: 'Week', cell: (w) => String(w.week) },
  { key: 'matches', label: 'Matches', cell: (w) => String(w.matches) },
  { key: 'valueBetsFound', label: 'Found', cell: (w) => String(w.valueBetsFound) },
  { key: 'betsPlaced', label: 'Placed', cell: (w) => String(w.betsPlaced) },
  { key: 'wins', label: 'Won', cell: (w) => String(w.wins) },
  { key: 'stakedCents', label: 'Staked', cell: (w) => formatMoney(w.stakedCents) },
  { key: 'profitCents', label: 'Profit', cell: (w) => formatMoney(w.profitCents, { signed: true }), tone: (w) => w.profitCents },
  { key: 'roi', label: 'ROI', cell: (w) => formatPercent(w.roi, { signed: true }), tone: (w) => w.roi },
  { key: 'bankrollEndCents', label: 'Bankroll after', cell: (w) => formatMoney(w.bankrollEndCents) },
  { key: 'modelBrier', label: 'Model Brier', cell: (w) => formatScore(w.modelBrier) },
  { key: 'marketBrier', label: 'Market Brier', cell: (w) => formatScore(w.marketBrier) },
  { key: 'drawdown', label: 'Drawdown', cell: (w) => formatPercent(w.drawdown) },
  { key: 'meanClv', label: 'CLV', cell: (w) => formatPercent(w.meanClv, { signed: true }), tone: (w) => w.meanClv },
];

export function WeeklyTable(props: { weeks: readonly WeeklyPerformanceRow[]; onOpenWeek?: (week: number) => void; seasonClv?: number | null }) {
  const [sort, setSort] = useState<{ key: WeekSortKey; direction: SortDirection }>({ key: 'week', direction: 'asc' });
  const rows = useMemo(() => sortWeeks(props.weeks, sort.key, sort.direction), [props.weeks, sort]);
  const totals = useMemo(() => weeklyTotals(props.weeks, props.seasonClv ?? null), [props.weeks, props.seasonClv]);
  const toggle = (key: WeekSortKey): void =>
    setSort((current) => ({ key, direction: current.key === key && current.direction === 'asc' ? 'desc' : 'asc' }));

  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Weekly performance table (scroll with the arrow keys)" data-testid="weekly-table-wrap">
      <table data-testid="weekly-table" className="weekly">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                className={column.key === 'week' ? 'sortable' : 'sortable num'}
                onClick={() => toggle(column.key)}
                aria-sort={sort.key === column.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                data-testid={`weekly-sort-${column.key}`}
              >
                {column.label}
                {sort.key === column.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((w) => (
            <tr key={w.week} data-testid={`weekly-row-${w.week}`} onDoubleClick={() => props.onOpenWeek?.(w.week)} title="Double-click to open this week">
              {COLUMNS.map((column) => (
                <td key={column.key} className={`${column.key === 'week' ? '' : 'num'} ${column.tone ? (toneOf(column.tone(w)) ?? '') : ''}`} data-testid={`weekly-${w.week}-${column.key}`}>
                  {column.cell(w)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="weekly-totals">
            {COLUMNS.map((column) => (
              <td key={column.key} className={column.key === 'week' ? '' : 'num'} data-testid={`weekly-total-${column.key}`}>
                {totals[column.key]}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
