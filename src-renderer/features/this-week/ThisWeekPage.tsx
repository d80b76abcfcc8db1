import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, ChannelInput, JobTicket, LiveOverviewWithJobs, LiveRefreshOutcome, TaskProgress } from '../../../src-main/ipc/renderer-contract';
import { useApi } from '../../api/use-api';
import { waitForJob } from '../../api/wait-for-job';
import { formatMoney } from '../../format/money';
import { formatSeason, leagueName } from '../../format/season';
import { ErrorBox } from '../../ui/ErrorBox';
import { ProgressBar } from '../../ui/ProgressBar';
import { AlertBanner } from './AlertBanner';
import { LiveRunForm } from './LiveRunForm';
import { OpenBetsTable } from './OpenBetsTable';
import { rememberDataUrl, rememberedDataUrl } from './data-url-memory';
import { formatPriceTime } from './price-time';
import { refreshErrorOf, summariseRefresh } from './refresh-summary';
import { notificationPermission, offersWebNotifications, showWebNotification, webNotificationChoice } from './web-notification';

type RefreshRequest = ChannelInput<'live:refresh'>;

interface RunningJob {
  readonly jobId: string;
  readonly progress: TaskProgress;
  readonly startedAt: number;
}

const SELECTED_KEY = 'edgeline.selectedLiveRun';

/**
 * This week: the live season's screen. Choose or create a live run, see the bets to place now
 * with the time their prices were taken, and Refresh: what `npm run weekly` does, as a job with
 * progress and cancel. After each Refresh it says what happened and raises the alerts.
 */
export function ThisWeekPage(props: { onOpenDashboard: (runId: string) => void }) {
  const api = useApi();
  const [overview, setOverview] = useState<LiveOverviewWithJobs | null>(null);
  const [selected, setSelected] = useState<string | null>(() => window.localStorage.getItem(SELECTED_KEY));
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [job, setJob] = useState<RunningJob | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [outcome, setOutcome] = useState<LiveRefreshOutcome | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const [dataUrl, setDataUrl] = useState('');
  const [permission, setPermission] = useState(notificationPermission);
  const summaryRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async (): Promise<void> => {
    const result = await api.invoke('live:list', {});
    if (!result.ok) return setError(result.error);
    setOverview(result.value);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const runs = overview?.runs ?? [];
  const current: LiveOverviewWithJobs['runs'][number] | null = runs.find((r) => r.run.id === selected) ?? runs[0] ?? null;
  const currentId = current?.run.id ?? null;

  // The field follows the chosen run, not every reload of the list: a URL being typed is kept.
  const defaultBaseUrl = overview?.defaultBaseUrl ?? null;
  useEffect(() => {
    if (currentId === null || defaultBaseUrl === null) return;
    window.localStorage.setItem(SELECTED_KEY, currentId);
    setDataUrl(rememberedDataUrl(window.localStorage, currentId) ?? defaultBaseUrl);
  }, [currentId, defaultBaseUrl]);

  // A page left while a Refresh runs stops following it; the page opened next follows it instead.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const following = useRef<string | null>(null);

  /** Follows a Refresh to its end: progress while it runs, then what it did. `baseUrl` is remembered for the run on success. */
  const follow = async (ticket: JobTicket<'live-refresh'>, baseUrl: string | null): Promise<void> => {
    following.current = ticket.jobId;
    setJob({ jobId: ticket.jobId, progress: { fraction: 0, message: 'Starting' }, startedAt: Date.now() });
    const result = await waitForJob(api, ticket, (progress) => setJob((j) => (j === null ? null : { ...j, progress })));
    if (!mounted.current) return;
    setJob(null);
    setCancelling(false);
    if (!result.ok) {
      if (result.error.code === 'cancelled') setNotice('Refresh cancelled. Each week commits whole, so the ledger holds every step finished before the cancel; Refresh again to continue.');
      else setError(refreshErrorOf(result.error));
      await load();
      return;
    }
    const done = result.value;
    if (baseUrl !== null) rememberDataUrl(window.localStorage, done.outcome.runId, baseUrl);
    // The list first, so the summary appears together with the bets it speaks of.
    await load();
    setSelected(done.outcome.runId);
    setCreating(false);
    setOutcome(done);
    if (webNotificationChoice(api.mode, notificationPermission(), done.notification) === 'show' && done.notification !== null) showWebNotification(done.notification);
    setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const refresh = async (request: RefreshRequest): Promise<void> => {
    setError(null);
    setNotice(null);
    setOutcome(null);
    setDismissed(false);
    const ticket = await api.invoke('live:refresh', request);
    if (!ticket.ok) return setError(refreshErrorOf(ticket.error));
    await follow(ticket.value, request.baseUrl);
  };

  const running = current?.refreshing ?? null;
  useEffect(() => {
    if (running === null || job !== null || following.current === running.jobId) return;
    setNotice('A Refresh of this run was already running: following it here.');
    void follow(running, null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow is recreated each render; the job id is what matters
  }, [running?.jobId, job]);

  const cancel = async (): Promise<void> => {
    if (job === null) return;
    setCancelling(true);
    const result = await api.invoke('jobs:cancel', { jobId: job.jobId });
    if (!result.ok) setError(result.error);
  };

  const openReport = async (runId: string): Promise<void> => {
    setError(null);
    const result = await api.invoke('live:report', { runId, open: api.mode === 'desktop' });
    if (!result.ok) return setError(result.error);
    if (result.value.opened) return setNotice(`Opened ${result.value.file} in your browser.`);
    // In a browser the report is handed over as a file: the page's strict policy cannot show its inline styles.
    const url = URL.createObjectURL(new Blob([result.value.html], { type: 'text/html' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = result.value.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setNotice(`Downloaded ${result.value.fileName}: it opens offline in any browser. The app also keeps it at ${result.value.file}.`);
  };

  const askPermission = async (): Promise<void> => {
    setPermission(await Notification.requestPermission());
  };

  const busy = job !== null;
  const refreshAlerts = outcome?.outcome.alerts ?? [];
  const bannerAlerts = dismissed ? [] : outcome !== null ? refreshAlerts : (current?.standingAlerts ?? []);
  const summary = outcome === null ? null : summariseRefresh(outcome);
  const showForm = overview !== null && (creating || runs.length === 0);

  return (
    <section>
      <AlertBanner alerts={bannerAlerts} fromRefresh={outcome !== null} onDismiss={() => setDismissed(true)} />
      <div className="page-head">
        <div>
          <h1>This week</h1>
          <p className="subtitle" style={{ marginBottom: 0 }}>
            The live season: the bets to place now, at the prices of football-data&apos;s fixtures list. Refresh downloads the new results and fixtures, settles, retrains when due and
            prices the next week, as <code>npm run weekly</code> does.
          </p>
        </div>
      </div>
      <ErrorBox error={error} testId="live-error" />
      {notice !== null && (
        <div className="notice" role="status" data-testid="live-notice">
          {notice}
        </div>
      )}
      {overview === null && error === null && <div className="panel">Loading the live runs…</div>}

      {showForm && <LiveRunForm overview={overview} busy={busy} error={null} onStart={(request) => void refresh(request)} onCancel={runs.length > 0 ? () => setCreating(false) : undefined} />}

      {!showForm && current !== null && (
        <>
          <div className="panel" data-testid="live-run-panel">
            <div className="toolbar" style={{ justifyContent: 'space-between' }}>
              <label className="field" style={{ flexDirection: 'row', alignItems: 'center', gap: 8 }}>
                Live run
                <select value={current.run.id} onChange={(e) => setSelected(e.target.value)} disabled={busy} data-testid="live-run-select">
                  {runs.map((r) => (
                    <option key={r.run.id} value={r.run.id}>
                      {r.run.name} · {leagueName(r.div)} {formatSeason(r.season)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => setCreating(true)} disabled={busy} data-testid="live-new">
                New live run
              </button>
            </div>
            <h2 style={{ marginTop: 14 }} data-testid="live-run-name">
              {current.run.name}
            </h2>
            <p className="muted" style={{ margin: '0 0 12px' }} data-testid="live-run-status">
              {leagueName(current.div)} {formatSeason(current.season)} · {current.run.weeksPlayed} {current.run.weeksPlayed === 1 ? 'week' : 'weeks'} settled · bankroll{' '}
              {formatMoney(current.run.bankrollCents)} ·{' '}
              {current.openWeek === null ? 'waiting for fixtures' : `week ${current.openWeek.week} open, prices imported ${formatPriceTime(current.openWeek.pricesImportedAt)}`}
            </p>
            <div className="toolbar" style={{ alignItems: 'flex-end' }}>
              <label className="field" style={{ flex: '1 1 320px' }}>
                Data URL
                <input value={dataUrl} onChange={(e) => setDataUrl(e.target.value)} disabled={busy} data-testid="live-data-url" />
              </label>
              <button type="button" className="primary" onClick={() => void refresh({ runId: current.run.id, baseUrl: dataUrl.trim().replace(/\/+$/, '') })} disabled={busy} data-testid="live-refresh">
                {busy ? 'Refreshing…' : 'Refresh'}
              </button>
              {busy && (
                <button type="button" onClick={() => void cancel()} disabled={cancelling} data-testid="live-cancel">
                  {cancelling ? 'Cancelling…' : 'Cancel'}
                </button>
              )}
              {offersWebNotifications(api.mode, permission) && (
                <button type="button" onClick={() => void askPermission()} data-testid="live-notify-permission">
                  Notify me of alerts in this browser
                </button>
              )}
            </div>
          </div>
        </>
      )}

      {job !== null && (
        <div className="panel">
          <ProgressBar fraction={job.progress.fraction} label={job.progress.message} testId="live-progress" startedAt={job.startedAt} />
        </div>
      )}

      {summary !== null && outcome !== null && (
        <div className="panel" ref={summaryRef} tabIndex={-1} role="status" data-testid="live-summary">
          <h2 data-testid="live-summary-headline">{summary.headline}</h2>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {summary.lines.map((line, i) => (
              <li key={i} data-testid="live-summary-line">
                {line}
              </li>
            ))}
          </ul>
        </div>
      )}

      {!showForm && current !== null && (
        <>
          <div className="panel" data-testid="live-open-week">
            {current.openWeek === null ? (
              <>
                <h2>No open week</h2>
                <p className="muted">
                  Waiting for fixtures: football-data&apos;s fixtures list has no {leagueName(current.div)} match after the last settled week yet. It is updated during the week; Refresh
                  again then.
                </p>
              </>
            ) : (
              <>
                <h2 data-testid="live-open-week-title">
                  Week {current.openWeek.week} · {current.openWeek.weekStart} to {current.openWeek.weekEnd}
                </h2>
                <p className="muted" style={{ marginTop: 0 }} data-testid="live-price-time">
                  Prices imported {formatPriceTime(current.openWeek.pricesImportedAt)} from the fixtures list ({current.openWeek.fixtures} fixtures); staked{' '}
                  {formatPriceTime(current.openWeek.pricedAt)}. Prices move: place the bets at these odds or better.
                </p>
                <OpenBetsTable week={current.openWeek} />
              </>
            )}
          </div>
          <div className="panel" data-testid="live-history">
            <h2>Settled so far</h2>
            {current.lastSettled === null ? (
              <p className="muted">No week settled yet: the first settles when its results are in.</p>
            ) : (
              <p data-testid="live-last-settled">
                Last settled: week {current.lastSettled.week} ({current.lastSettled.weekStart} to {current.lastSettled.weekEnd}), {current.lastSettled.bets}{' '}
                {current.lastSettled.bets === 1 ? 'bet' : 'bets'}, {formatMoney(current.lastSettled.stakedCents)} staked,{' '}
                <span className={current.lastSettled.profitCents > 0 ? 'gain' : current.lastSettled.profitCents < 0 ? 'loss' : undefined}>{formatMoney(current.lastSettled.profitCents, { signed: true })}</span>; bankroll{' '}
                {formatMoney(current.lastSettled.bankrollEndCents)}.
              </p>
            )}
            <div className="toolbar">
              <button type="button" onClick={() => props.onOpenDashboard(current.run.id)} disabled={current.run.weeksPlayed === 0} data-testid="live-open-dashboard">
                Settled history on the dashboard
              </button>
              <button type="button" onClick={() => void openReport(current.run.id)} disabled={current.reportFile === null} data-testid="live-open-report">
                {api.mode === 'desktop' ? "Open the week's report" : "Download the week's report"}
              </button>
              {current.reportFile !== null && (
                <span className="muted" style={{ fontSize: 12 }} data-testid="live-report-file">
                  {current.reportFile}
                </span>
              )}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
