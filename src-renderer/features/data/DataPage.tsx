import { useEffect, useMemo, useRef, useState } from 'react';
import type { AppError, ImportSummary, MenuCommand, TaskProgress } from '../../../src-main/ipc/renderer-contract';
import { seasonRange } from '../../../src-main/ipc/renderer-contract';
import { bytesToBase64 } from '../../api/bytes-to-base64';
import { useApi } from '../../api/use-api';
import { useQuery } from '../../api/use-query';
import { waitForJob } from '../../api/wait-for-job';
import { formatSeason, LEAGUES, leagueName } from '../../format/season';
import { ErrorBox } from '../../ui/ErrorBox';
import { ProgressBar } from '../../ui/ProgressBar';
import { importHeadline, moreRowsText, precheckFile, problemList, seasonChangeLines } from './import-report';

const ALL_SEASONS = seasonRange('0506-2425');

export function DataPage(props: { menuCommand: { command: MenuCommand; at: number } | null }) {
  const api = useApi();
  const status = useQuery(() => api.invoke('data:status', {}), 'status');
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [div, setDiv] = useState('E0');
  const [from, setFrom] = useState('1920');
  const [to, setTo] = useState('2324');
  const [baseUrl, setBaseUrl] = useState('');
  const [job, setJob] = useState<{ jobId: string; progress: TaskProgress } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const downloadPanel = useRef<HTMLDivElement>(null);
  const importPanel = useRef<HTMLDivElement>(null);
  const summaryPanel = useRef<HTMLDivElement>(null);

  // After an import the result takes the focus, so a screen reader reads it and a keyboard user is there.
  useEffect(() => {
    if (summary !== null) summaryPanel.current?.focus();
  }, [summary]);

  useEffect(() => {
    if (status.data !== null && baseUrl === '') setBaseUrl(status.data.defaultBaseUrl);
  }, [status.data, baseUrl]);

  const seasons = useMemo(() => ALL_SEASONS.filter((s) => s >= from && s <= to), [from, to]);
  const byDiv = useMemo(() => {
    const groups = new Map<string, { season: string; matches: number }[]>();
    for (const row of status.data?.seasons ?? []) groups.set(row.div, [...(groups.get(row.div) ?? []), { season: row.season, matches: row.matches }]);
    return [...groups].sort(([a], [b]) => a.localeCompare(b));
  }, [status.data]);

  const finish = (result: { ok: true; value: ImportSummary | null } | { ok: false; error: AppError }): void => {
    if (result.ok) {
      setSummary(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
    status.reload();
  };

  const startDownload = async (): Promise<void> => {
    setError(null);
    setSummary(null);
    const ticket = await api.invoke('data:download', { divs: [div], seasons, baseUrl: baseUrl === '' ? undefined : baseUrl });
    if (!ticket.ok) return setError(ticket.error);
    setJob({ jobId: ticket.value.jobId, progress: { fraction: 0, message: 'Starting' } });
    const result = await waitForJob(api, ticket.value, (progress) => setJob({ jobId: ticket.value.jobId, progress }));
    setJob(null);
    finish(
      !result.ok && result.error.code === 'cancelled'
        ? { ok: false, error: { code: 'cancelled', message: 'Download cancelled. The seasons that had already arrived are imported and kept.' } }
        : result,
    );
  };

  const cancelDownload = async (): Promise<void> => {
    if (job !== null) await api.invoke('jobs:cancel', { jobId: job.jobId });
  };

  const importChosenFiles = async (files: FileList | null): Promise<void> => {
    if (files === null || files.length === 0) return;
    const refused = [...files].flatMap((file) => {
      const problem = precheckFile(file);
      return problem === null ? [] : [{ file: file.name, error: problem }];
    });
    const sendable = [...files].filter((file) => precheckFile(file) === null);
    const payload = await Promise.all(sendable.map(async (file) => ({ name: file.name, bytesBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) })));
    const result = payload.length === 0 ? { ok: true as const, value: { files: 0, matches: 0, added: 0, changed: 0, unchanged: 0, removed: 0, renameCandidates: [], warnings: [], seasons: [], failed: [] } } : await api.invoke('data:import-files', { files: payload });
    finish(result.ok ? { ok: true, value: { ...result.value, failed: [...refused, ...result.value.failed] } } : result);
    if (fileInput.current !== null) fileInput.current.value = '';
  };

  const importFromDialog = async (): Promise<void> => finish(await api.invoke('data:import-paths', {}));
  // Desktop only: the main process shows the folder dialog; the page never names a path.
  const importFolderFromDialog = async (): Promise<void> => finish(await api.invoke('data:import-paths', { folder: true }));

  const chooseFiles = (): void => {
    if (api.mode === 'desktop') void importFromDialog();
    else fileInput.current?.click();
  };

  useEffect(() => {
    if (props.menuCommand === null) return;
    if (props.menuCommand.command === 'import-files') chooseFiles();
    if (props.menuCommand.command === 'download-seasons') downloadPanel.current?.scrollIntoView({ behavior: 'smooth' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- react to each menu command once
  }, [props.menuCommand]);

  const empty = status.data !== null && status.data.totalMatches === 0;

  return (
    <section>
      <div className="page-head">
        <div>
          <h1>Data</h1>
          <p className="subtitle">
            Match results and bookmaker odds from football-data.co.uk, stored in{' '}
            <code data-testid="data-database-file">{status.data?.databaseFile ?? '…'}</code>
          </p>
        </div>
      </div>
      <ErrorBox error={status.error ?? error} testId="data-error" />

      {summary !== null && (
        <div
          className={`panel ${importHeadline(summary).failed ? 'import-failed' : ''}`}
          data-testid="import-summary"
          role={importHeadline(summary).failed ? 'alert' : 'status'}
          tabIndex={-1}
          ref={summaryPanel}
        >
          <h2>{importHeadline(summary).failed ? 'Last import: problems' : 'Last import'}</h2>
          <p style={{ margin: 0 }} data-testid="import-headline">
            {importHeadline(summary).text}
          </p>
          <p className="muted" style={{ margin: '4px 0 0', fontSize: 12 }}>
            Imported: <span data-testid="import-summary-files">{summary.files}</span> {summary.files === 1 ? 'file' : 'files'}, <span data-testid="import-summary-matches">{summary.matches}</span> matches.
          </p>
          {summary.seasons.length > 0 && (
            <ul className="season-changes" data-testid="import-season-changes">
              {seasonChangeLines(summary.seasons).map((line, i) => (
                <li key={i} data-testid="import-season-change">
                  {line}
                </li>
              ))}
            </ul>
          )}
          {[...summary.warnings, ...summary.renameCandidates.map((r) => `${r.div} ${r.season}: "${r.from}" was replaced by "${r.to}", which plays the same fixtures (a renamed team?). Models treat different spellings as different teams, so check other seasons spell it the same way.`)].map(
            (warning) => (
              <p key={warning} className="muted" data-testid="import-warning">
                {warning}
              </p>
            ),
          )}
          {summary.failed.length > 0 && (
            <ul data-testid="import-failures" className="failures">
              {summary.failed.map((failure, i) => {
                const problems = problemList(failure);
                return (
                  <li key={`${failure.file}-${i}`} data-testid="import-failure">
                    <strong>{failure.file}</strong>: {problems.headline}
                    {problems.rows.length > 0 && (
                      <ol className="bad-rows" data-testid="import-bad-rows">
                        {problems.rows.map((row, i) => (
                          <li key={i}>{row}</li>
                        ))}
                      </ol>
                    )}
                    {problems.more > 0 && (
                      <div className="muted" data-testid="import-more-rows">
                        {moreRowsText(problems.more)}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}

      {empty && (
        <div className="panel empty-state" data-testid="data-empty-state">
          <h2>No matches yet</h2>
          <p className="muted">Download seasons from football-data.co.uk or import CSV files you already have. Five seasons are enough to start.</p>
          <div className="toolbar" style={{ justifyContent: 'center' }}>
            <button type="button" className="primary" data-testid="empty-download" onClick={() => downloadPanel.current?.scrollIntoView({ behavior: 'smooth' })}>
              Download seasons
            </button>
            <button type="button" data-testid="empty-import" onClick={chooseFiles}>
              Import CSV files
            </button>
          </div>
        </div>
      )}

      {!empty && status.data !== null && (
        <div className="panel">
          <h2>
            Seasons in the ledger · <span data-testid="data-total-matches">{status.data.totalMatches}</span> matches
          </h2>
          {byDiv.map(([league, rows]) => (
            <div key={league} style={{ marginBottom: 12 }}>
              <div style={{ fontWeight: 600, marginBottom: 6 }}>{leagueName(league)}</div>
              <table data-testid={`data-seasons-${league}`} style={{ maxWidth: 520 }}>
                <thead>
                  <tr>
                    <th>Season</th>
                    <th className="num">Matches</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.season} data-testid={`data-season-${league}-${row.season}`}>
                      <td>{formatSeason(row.season)}</td>
                      <td className="num" data-testid={`data-season-${league}-${row.season}-matches`}>
                        {row.matches}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      )}

      <div className="grid-2">
        <div className="panel" ref={downloadPanel}>
          <h2>Download seasons</h2>
          <div className="form-grid">
            <label className="field">
              League
              <select value={div} onChange={(e) => setDiv(e.target.value)} data-testid="download-div">
                {LEAGUES.map((league) => (
                  <option key={league.div} value={league.div}>
                    {league.name}
                  </option>
                ))}
              </select>
            </label>
            <SeasonSelect label="From" value={from} onChange={setFrom} testId="download-from" />
            <SeasonSelect label="To" value={to} onChange={setTo} testId="download-to" />
          </div>
          <label className="field" style={{ marginTop: 12 }}>
            Base URL <span className="hint">files are fetched from &lt;base&gt;/mmz4281/&lt;season&gt;/&lt;league&gt;.csv</span>
            <input value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} data-testid="download-base-url" spellCheck={false} />
          </label>
          <div className="toolbar" style={{ marginTop: 12 }}>
            <button type="button" className="primary" disabled={job !== null || seasons.length === 0} onClick={() => void startDownload()} data-testid="download-start">
              Download {seasons.length} season{seasons.length === 1 ? '' : 's'}
            </button>
            {job !== null && (
              <button type="button" onClick={() => void cancelDownload()} data-testid="download-cancel">
                Cancel
              </button>
            )}
          </div>
          {seasons.length === 0 && (
            <p className="field-error" data-testid="download-nothing-selected">
              Nothing to download: From ({formatSeason(from)}) is after To ({formatSeason(to)}). Choose a From season on or before the To season.
            </p>
          )}
          {job !== null && (
            <div style={{ marginTop: 12 }}>
              <ProgressBar fraction={job.progress.fraction} label={job.progress.message} testId="download-progress" />
            </div>
          )}
        </div>

        <div className="panel" ref={importPanel}>
          <h2>Import files</h2>
          <p className="muted" style={{ marginTop: 0 }}>
            football-data.co.uk CSV files (any season layout, UTF-8 or Latin-1). Re-importing a file replaces its matches.
          </p>
          <input
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            multiple
            hidden
            data-testid="import-file-input"
            onChange={(e) => void importChosenFiles(e.target.files)}
          />
          <button type="button" onClick={chooseFiles} data-testid="import-choose">
            Choose CSV files…
          </button>
          {api.mode === 'desktop' && (
            <button type="button" onClick={() => void importFolderFromDialog()} data-testid="import-folder">
              Import folder…
            </button>
          )}
        </div>
      </div>

    </section>
  );
}

function SeasonSelect(props: { label: string; value: string; onChange: (season: string) => void; testId: string }) {
  return (
    <label className="field">
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        {ALL_SEASONS.map((s) => (
          <option key={s} value={s}>
            {formatSeason(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
