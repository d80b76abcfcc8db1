import { useEffect, useState } from 'react';
import type { AppError, DashboardView } from '../../../src-main/ipc/renderer-contract';
import { useApi } from '../../api/use-api';
import { formatMoney } from '../../format/money';
import { formatScore } from '../../format/odds';
import { formatPercent } from '../../format/percent';
import { formatSeason } from '../../format/season';
import { ErrorBox } from '../../ui/ErrorBox';
import { describeSetting, settingsDiff, strategyOf } from './settings-diff';

const ROWS: { key: string; label: string; value: (d: DashboardView) => string }[] = [
  { key: 'holdout', label: 'Holdout season', value: (d) => formatSeason(d.run.settings.holdoutSeason) },
  { key: 'model', label: 'Model', value: (d) => (d.run.modelSource ?? describeSetting('modelKind', d.run.settings)) + (d.run.provenance ? ` (${d.run.provenance.join(', ')})` : '') },
  { key: 'strategy', label: 'Strategy', value: (d) => strategyOf(d.run.settings) },
  { key: 'staking-mode', label: 'Staking mode', value: (d) => describeSetting('stakingMode', d.run.settings) },
  { key: 'price-source', label: 'Prices bet at', value: (d) => `${describeSetting('priceSource', d.run.settings)} (${describeSetting('marginMethod', d.run.settings)} margin)` },
  { key: 'weeks', label: 'Weeks played', value: (d) => `${d.run.weeksPlayed} / ${d.run.weekCount}` },
  { key: 'bankroll', label: 'Bankroll', value: (d) => formatMoney(d.kpis.bankrollCents) },
  { key: 'growth', label: 'Growth', value: (d) => formatPercent(d.kpis.growth, { signed: true }) },
  { key: 'profit', label: 'Profit', value: (d) => formatMoney(d.kpis.profitCents, { signed: true }) },
  { key: 'roi', label: 'ROI (yield)', value: (d) => formatPercent(d.kpis.roi, { signed: true }) },
  { key: 'bets', label: 'Bets placed', value: (d) => String(d.kpis.bets) },
  { key: 'win-rate', label: 'Win rate', value: (d) => formatPercent(d.kpis.winRate) },
  { key: 'max-drawdown', label: 'Max drawdown', value: (d) => formatPercent(d.kpis.maxDrawdown) },
  { key: 'model-brier', label: 'Model Brier', value: (d) => formatScore(d.scores.modelBrier) },
  { key: 'market-brier', label: 'Market Brier', value: (d) => formatScore(d.scores.marketBrier) },
  { key: 'clv', label: 'Mean CLV', value: (d) => (d.kpis.clv === null ? 'unavailable' : formatPercent(d.kpis.clv.mean, { signed: true })) },
];

/** Two runs' KPIs in two columns. */
export function CompareRuns(props: { runIds: readonly [string, string] }) {
  const api = useApi();
  const [views, setViews] = useState<[DashboardView, DashboardView] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [a, b] = props.runIds;

  useEffect(() => {
    let live = true;
    void Promise.all([api.invoke('dashboard:get', { runId: a }), api.invoke('dashboard:get', { runId: b })]).then(([first, second]) => {
      if (!live) return;
      if (!first.ok) return setError(first.error);
      if (!second.ok) return setError(second.error);
      setError(null);
      setViews([first.value, second.value]);
    });
    return () => {
      live = false;
    };
  }, [api, a, b]);

  return (
    <div className="panel" data-testid="compare-panel">
      <h2>Compare runs</h2>
      <ErrorBox error={error} />
      {views !== null && (
        <table className="compare">
          <thead>
            <tr>
              <th />
              <th className="num">{views[0].run.name}</th>
              <th className="num">{views[1].run.name}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.key}>
                <td>{row.label}</td>
                <td className="num" data-testid={`compare-${row.key}-a`}>
                  {row.value(views[0])}
                </td>
                <td className="num" data-testid={`compare-${row.key}-b`}>
                  {row.value(views[1])}
                </td>
              </tr>
            ))}
            <tr data-testid="compare-differences">
              <td>Settings that differ</td>
              <td colSpan={2} className="differences">
                {(() => {
                  const diff = settingsDiff(views[0].run.settings, views[1].run.settings);
                  return diff.length === 0
                    ? 'None: the two runs have the same settings.'
                    : diff.map((d) => `${d.label} (${d.a} vs ${d.b})`).join('; ');
                })()}
              </td>
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}
