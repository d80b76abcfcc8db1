import { useState } from 'react';
import type { AppError } from '../../../src-main/ipc/renderer-contract';
import { useApi } from '../../api/use-api';
import { useQuery } from '../../api/use-query';
import { formatMoney } from '../../format/money';
import { formatPercent } from '../../format/percent';
import { formatSeason, leagueName } from '../../format/season';
import { ErrorBox } from '../../ui/ErrorBox';
import { toneOf } from '../../ui/Kpi';
import { CompareRuns } from './CompareRuns';
import { NewRunForm } from './NewRunForm';
import { describeSetting, strategyOf } from './settings-diff';
import { runStatusText, runStatusTone } from './run-status-text';

export function RunsPage(props: { selectedRunId: string | null; onOpen: (runId: string) => void; onDeleted: (runId: string) => void; onGoToData: () => void }) {
  const api = useApi();
  const runs = useQuery(() => api.invoke('runs:list', {}), 'runs');
  const status = useQuery(() => api.invoke('data:status', {}), 'status');
  const [compare, setCompare] = useState<string[]>([]);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const toggleCompare = (runId: string): void =>
    setCompare((current) => (current.includes(runId) ? current.filter((id) => id !== runId) : [...current, runId].slice(-2)));

  const remove = async (runId: string): Promise<void> => {
    if (confirmDelete !== runId) return setConfirmDelete(runId);
    setConfirmDelete(null);
    const result = await api.invoke('runs:delete', { runId });
    if (!result.ok) return setError(result.error);
    setCompare((current) => current.filter((id) => id !== runId));
    props.onDeleted(runId);
    runs.reload();
  };

  const noData = status.data !== null && status.data.totalMatches === 0;

  return (
    <section>
      <div className="page-head">
        <div>
          <h1>Runs</h1>
          <p className="subtitle">Each run replays one held-out season with a fixed configuration. Same settings and data give the same ledger.</p>
        </div>
      </div>
      <ErrorBox error={runs.error ?? error} testId="runs-error" />

      <div className="panel">
        <h2>Earlier runs</h2>
        {runs.data !== null && runs.data.length === 0 && <p className="muted" data-testid="runs-empty">No runs yet. Create one below.</p>}
        {runs.data !== null && runs.data.length > 0 && (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Earlier runs">
            <table data-testid="runs-table">
              <thead>
                <tr>
                  <th>Compare</th>
                  <th>Name</th>
                  <th>Holdout</th>
                  <th>Model</th>
                  <th>Strategy</th>
                  <th>Prices</th>
                  <th>Status</th>
                  <th className="num">Weeks</th>
                  <th className="num">Bankroll</th>
                  <th className="num">Profit</th>
                  <th className="num">ROI</th>
                  <th className="num">Bets</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {runs.data.map((run) => (
                  <tr key={run.id} data-testid={`run-row-${run.id}`} style={run.id === props.selectedRunId ? { background: '#eff6ff' } : undefined}>
                    <td>
                      <input type="checkbox" checked={compare.includes(run.id)} onChange={() => toggleCompare(run.id)} aria-label={`Compare ${run.name}`} data-testid={`run-compare-${run.id}`} />
                    </td>
                    <td>
                      <strong data-testid={`run-name-${run.id}`}>{run.name}</strong>
                      <div className="muted nowrap" style={{ fontSize: 11 }}>
                        {new Date(run.createdAt).toLocaleString('en-GB')}
                      </div>
                    </td>
                    <td className="nowrap">
                      {formatSeason(run.settings.holdoutSeason)}
                      <div className="muted" style={{ fontSize: 11 }}>
                        {leagueName(run.settings.div)}
                      </div>
                    </td>
                    <td data-testid={`run-model-${run.id}`}>{describeSetting('modelKind', run.settings)}</td>
                    <td data-testid={`run-strategy-${run.id}`} style={{ fontSize: 12 }}>
                      {strategyOf(run.settings)}
                    </td>
                    <td data-testid={`run-prices-${run.id}`} style={{ fontSize: 12 }}>
                      {describeSetting('priceSource', run.settings)}
                      <div className="muted">{describeSetting('marginMethod', run.settings)} margin</div>
                    </td>
                    <td>
                      <span className={`badge ${runStatusTone(run)}`} data-testid={`run-status-${run.id}`}>
                        {runStatusText(run)}
                      </span>
                    </td>
                    <td className="num">{run.live === undefined ? `${run.weeksPlayed} / ${run.weekCount}` : `${run.weeksPlayed} settled`}</td>
                    <td className="num" data-testid={`run-bankroll-${run.id}`}>
                      {formatMoney(run.bankrollCents)}
                    </td>
                    <td className={`num ${toneOf(run.profitCents) ?? ''}`}>{formatMoney(run.profitCents, { signed: true })}</td>
                    <td className="num">{formatPercent(run.roi, { signed: true })}</td>
                    <td className="num">{run.bets}</td>
                    <td>
                      <div className="toolbar" style={{ flexWrap: 'nowrap' }}>
                        <button type="button" className="primary" onClick={() => props.onOpen(run.id)} data-testid={`run-open-${run.id}`}>
                          Open
                        </button>
                        <button type="button" className="danger" onClick={() => void remove(run.id)} data-testid={`run-delete-${run.id}`}>
                          {confirmDelete === run.id ? 'Confirm delete' : 'Delete'}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {compare.length === 1 && <p className="muted">Tick one more run to compare.</p>}
      </div>

      {compare.length === 2 && <CompareRuns runIds={[compare[0] ?? '', compare[1] ?? '']} />}

      {noData && (
        <div className="panel empty-state" data-testid="runs-no-data">
          <h2>Import some seasons first</h2>
          <p className="muted">A run needs at least one training season and the season to replay.</p>
          <button type="button" className="primary" onClick={props.onGoToData}>
            Go to Data
          </button>
        </div>
      )}
      {status.data !== null && !noData && (
        <NewRunForm
          status={status.data}
          onCreated={(run) => {
            runs.reload();
            props.onOpen(run.id);
          }}
        />
      )}
    </section>
  );
}
