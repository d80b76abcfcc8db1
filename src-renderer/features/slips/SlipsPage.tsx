import { useEffect, useMemo, useState } from 'react';
import type { AppError, BetCandidateView, WeekView } from '../../../src-main/ipc/renderer-contract';
import { breakEvenWinRate } from '../../../src-main/ipc/renderer-contract';
import { useApi } from '../../api/use-api';
import { useQuery } from '../../api/use-query';
import { formatMoney } from '../../format/money';
import { formatOdds } from '../../format/odds';
import { formatPercent, formatProbability } from '../../format/percent';
import { ErrorBox } from '../../ui/ErrorBox';
import { toneOf } from '../../ui/Kpi';

type Scope = { kind: 'season' } | { kind: 'week'; week: number };

/** Bet slips of one week or the whole season, and CSV export (desktop save dialog or a browser download). */
export function SlipsPage(props: { runId: string; exportRequest: number | null }) {
  const api = useApi();
  const { runId } = props;
  const run = useQuery(() => api.invoke('runs:get', { runId }), runId);
  const [weeks, setWeeks] = useState<WeekView[]>([]);
  const [scope, setScope] = useState<Scope>({ kind: 'season' });
  const [excelBom, setExcelBom] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const played = run.data?.weeksPlayed ?? 0;
  // A market-informed strategy decides on probabilities read from prices: never call them the model's.
  const probabilityHeading = (run.data?.settings.probabilitySource ?? 'model') === 'model' ? 'Model' : 'Strategy p (market-informed)';
  useEffect(() => {
    let live = true;
    void Promise.all(Array.from({ length: played }, (_, i) => api.invoke('season:week', { runId, week: i + 1 }))).then((results) => {
      if (!live) return;
      const failed = results.find((r) => !r.ok);
      if (failed !== undefined && !failed.ok) setError(failed.error);
      setWeeks(results.flatMap((r) => (r.ok ? [r.value] : [])));
    });
    return () => {
      live = false;
    };
  }, [api, runId, played]);

  const rows = useMemo(() => {
    const chosen = scope.kind === 'season' ? weeks : weeks.filter((w) => w.week === scope.week);
    return chosen.flatMap((w) => {
      const matches = new Map(w.matches.map((m) => [m.matchId, m]));
      // Kick-off order within the week, as the exported CSV has it (date, time, match, H-D-A).
      const key = (c: { readonly matchId: string; readonly outcome: string }): string => {
        const m = matches.get(c.matchId);
        return `${m?.date ?? ''} ${m?.kickoff ?? '99:99'} ${c.matchId} ${'HDA'.indexOf(c.outcome)}`;
      };
      return w.candidates
        .filter((c) => c.status !== 'rejected')
        .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
        .map((c) => ({ week: w.week, candidate: c, match: matches.get(c.matchId) }));
    });
  }, [weeks, scope]);
  const totals = rows.reduce(
    (sum, r) => ({
      staked: sum.staked + r.candidate.stakeCents,
      profit: sum.profit + (r.candidate.status === 'settled' ? r.candidate.profitCents : 0),
      wins: sum.wins + (r.candidate.status === 'settled' && r.candidate.won ? 1 : 0),
    }),
    { staked: 0, profit: 0, wins: 0 },
  );
  const breakEven = breakEvenWinRate(rows.map((r) => r.candidate.decimalOdds));

  const exportCsv = async (): Promise<void> => {
    setError(null);
    setNotice(null);
    // Export exactly what is shown: the selected week, or the whole season.
    const result = await api.invoke('slips:export', { runId, excelBom, week: scope.kind === 'week' ? scope.week : undefined, saveWithDialog: api.mode === 'desktop' });
    if (!result.ok) return setError(result.error);
    if (api.mode === 'desktop') {
      setNotice(result.value.savedTo === null ? 'Export cancelled.' : `Saved to ${result.value.savedTo}`);
      return;
    }
    const blob = new Blob([result.value.csv], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = result.value.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setNotice(`Downloaded ${result.value.fileName}`);
  };

  useEffect(() => {
    if (props.exportRequest !== null) void exportCsv();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- export once per menu command
  }, [props.exportRequest]);

  const selection = (c: BetCandidateView, home: string | undefined, away: string | undefined): string =>
    c.outcome === 'H' ? (home ?? 'Home') : c.outcome === 'A' ? (away ?? 'Away') : 'Draw';

  return (
    <section>
      <div className="page-head">
        <div>
          <h1>Bet slips</h1>
          <p className="subtitle">{run.data?.name ?? ''} · placed bets as decided before kick-off, with their results</p>
        </div>
        <div className="toolbar">
          <label className="field" style={{ flexDirection: 'row', alignItems: 'center', gap: 6 }}>
            <input type="checkbox" checked={excelBom} onChange={(e) => setExcelBom(e.target.checked)} data-testid="export-bom" />
            Excel (UTF-8 BOM)
          </label>
          <button type="button" className="primary" onClick={() => void exportCsv()} disabled={played === 0} data-testid="export-button">
            {scope.kind === 'week' ? `Export week ${scope.week} CSV` : 'Export season CSV'}
          </button>
        </div>
      </div>
      <ErrorBox error={run.error ?? error} testId="slips-error" />
      {notice !== null && (
        <div className="notice" data-testid="export-notice">
          {notice}
        </div>
      )}
      <div className="panel">
        <div className="toolbar" style={{ marginBottom: 12 }}>
          <label className="field" style={{ flexDirection: 'row', alignItems: 'center', gap: 6 }}>
            Show
            <select
              value={scope.kind === 'season' ? 'season' : String(scope.week)}
              onChange={(e) => setScope(e.target.value === 'season' ? { kind: 'season' } : { kind: 'week', week: Number(e.target.value) })}
              data-testid="slips-scope"
            >
              <option value="season">Whole season</option>
              {weeks.map((w) => (
                <option key={w.week} value={w.week}>
                  Week {w.week} ({w.performance.weekStart})
                </option>
              ))}
            </select>
          </label>
          <span className="muted">
            <span data-testid="slips-count">{rows.length}</span> bets · staked <span data-testid="slips-staked">{formatMoney(totals.staked)}</span> · profit{' '}
            <span className={toneOf(totals.profit) ?? ''} data-testid="slips-profit">
              {formatMoney(totals.profit, { signed: true })}
            </span>
            {rows.length > 0 && (
              <>
                {' '}
                · won <span data-testid="slips-win-rate">{formatPercent(totals.wins / rows.length)}</span> against a break-even win rate of{' '}
                <span data-testid="slips-break-even">{formatPercent(breakEven)}</span>
              </>
            )}
          </span>
        </div>
        {rows.length === 0 ? (
          <p className="muted" data-testid="slips-empty">
            {played === 0 ? 'Play some weeks first.' : 'No bets placed in this selection.'}
          </p>
        ) : (
          <>
          <p className="explain">
            Value is not the likely winner: a bet is placed when the price pays more than the model's chance is worth, so most value bets lose and long losing runs are normal.{' '}
            <strong>Break-even</strong> (1 / odds) is the win rate a price needs; <strong>EV per £1</strong> (model × odds − 1) is the expected profit per unit staked at that price. The break-even win rate above is the average of 1 / odds over these bets: the win rate at which they would have broken even.
          </p>
          <div className="table-wrap" style={{ maxHeight: 620 }} tabIndex={0} role="region" aria-label="Placed bets">
            <table data-testid="slips-table">
              <thead>
                <tr>
                  <th className="num">Week</th>
                  <th>Date</th>
                  <th>Match</th>
                  <th>Selection</th>
                  <th className="num">Odds</th>
                  <th className="num" title="The probability the bet was decided on: the model's own, or the strategy's market-informed one">
                    {probabilityHeading}
                  </th>
                  <th className="num">Market</th>
                  <th className="num" title="1 / odds: the win rate at which this price breaks even">Break-even</th>
                  <th className="num" title="Expected profit per £1 staked at this price if the model is right: model × odds − 1">EV per £1</th>
                  <th className="num">Stake</th>
                  <th>Result</th>
                  <th className="num">Profit</th>
                  <th className="num" title="Pinnacle closing odds (average close where Pinnacle's is missing)">Closing</th>
                  <th className="num" title="Closing-line value: odds taken × fair closing probability − 1">CLV</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ week, candidate: c, match }, i) => (
                  <tr key={`${c.matchId}-${c.outcome}`} data-testid={`slips-row-${i}`}>
                    <td className="num">{week}</td>
                    <td className="nowrap">{match?.date ?? ''}</td>
                    <td>{match === undefined ? c.matchId : `${match.homeTeam} v ${match.awayTeam}`}</td>
                    <td>{selection(c, match?.homeTeam, match?.awayTeam)}</td>
                    <td className="num">{formatOdds(c.decimalOdds)}</td>
                    <td className="num">{formatProbability(c.modelProbability)}</td>
                    <td className="num">{formatProbability(c.marketProbability)}</td>
                    <td className="num">{formatProbability(1 / c.decimalOdds)}</td>
                    <td className="num">{formatPercent(c.edge, { signed: true })}</td>
                    <td className="num">{formatMoney(c.stakeCents)}</td>
                    <td>
                      <span className={`badge ${c.status === 'settled' && c.won ? 'won' : 'lost'}`}>{c.status === 'settled' && c.won ? 'won' : 'lost'}</span>
                    </td>
                    <td className={`num ${toneOf(c.status === 'settled' ? c.profitCents : null) ?? ''}`}>{c.status === 'settled' ? formatMoney(c.profitCents, { signed: true }) : '—'}</td>
                    <td className="num">{formatOdds(c.closingOdds)}</td>
                    <td className="num">{formatPercent(c.closingLineValue, { signed: true })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="legend" aria-label="Badges">
            <li>
              <span className="badge won">won</span> / <span className="badge lost">lost</span> the settled result
            </li>
            <li>CLV above zero: the price taken beat the fair closing price</li>
          </ul>
          </>
        )}
      </div>
    </section>
  );
}
