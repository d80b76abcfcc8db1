import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, DashboardView, JobKindOf, RunSummary, TaskProgress, WeekView } from '../../../src-main/ipc/renderer-contract';
import { useApi } from '../../api/use-api';
import { waitForJob } from '../../api/wait-for-job';
import { formatSeason, leagueName } from '../../format/season';
import { ErrorBox } from '../../ui/ErrorBox';
import { LIVE_RUN_STEP_MESSAGE, runStatusText, runStatusTone } from '../runs/run-status-text';
import { focusIfLost } from '../../ui/focus';
import { ProgressBar } from '../../ui/ProgressBar';
import { Dashboard } from '../dashboard/Dashboard';
import { VerdictBanner } from '../dashboard/VerdictBanner';
import { Timeline } from './Timeline';
import { WeekPanel, type RevealPhase } from './WeekPanel';

const SPEEDS = [0.5, 1, 2, 4] as const;
/** How long the bet slip shows before the results are revealed, at speed 1. */
const SLIP_MS = 1200;
/** How long the results stay before the next week when playing, at speed 1. */
const RESULTS_MS = 1200;
/**
 * While Run to end plays, the counter and the week panel follow every committed week, the
 * dashboard at most this often: redrawing its five charts takes longer than a built-in model's
 * week, and a redraw per week would hold the page (and the Cancel button) behind it.
 */
const DASHBOARD_CATCH_UP_MS = 2000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function PlaybackPage(props: { runId: string; onRunMissing: () => void }) {
  const api = useApi();
  const { runId, onRunMissing } = props;
  const [run, setRun] = useState<RunSummary | null>(null);
  const [dashboard, setDashboard] = useState<DashboardView | null>(null);
  const [week, setWeek] = useState<WeekView | null>(null);
  const [phase, setPhase] = useState<RevealPhase>('results');
  const [error, setError] = useState<AppError | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(1);
  const [job, setJob] = useState<{ jobId: string; kind: JobKindOf<'season:step' | 'season:run-to-end'>; progress: TaskProgress; startedAt: number } | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const weekPanelRef = useRef<HTMLDivElement>(null);
  const stepButtonRef = useRef<HTMLButtonElement>(null);
  const cancelButtonRef = useRef<HTMLButtonElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  /** After work ends: back to Step while weeks remain, else to the run's title (the verdict follows it). */
  const refocus = (): void => {
    setTimeout(() => focusIfLost(stepButtonRef.current?.disabled === false ? stepButtonRef.current : titleRef.current), 0);
  };
  const noticeRef = useRef<HTMLDivElement>(null);
  const focusNoticeRef = useRef(false);
  /** Weeks shown on screen; run-to-end catches up to the ledger as weeks commit. */
  const shownPlayedRef = useRef(0);
  const catchingUpRef = useRef(false);
  const dashboardShownAtRef = useRef(0);
  const dashboardLoadingRef = useRef(false);
  const [cancelling, setCancelling] = useState(false);
  const cancellingRef = useRef(false);
  const playingRef = useRef(false);
  const speedRef = useRef(speed);
  speedRef.current = speed;

  const refresh = useCallback(async (): Promise<RunSummary | null> => {
    const [summary, board] = await Promise.all([api.invoke('runs:get', { runId }), api.invoke('dashboard:get', { runId })]);
    if (!summary.ok) {
      if (summary.error.code === 'not-found') onRunMissing();
      setError(summary.error);
      return null;
    }
    setRun(summary.value);
    shownPlayedRef.current = summary.value.weeksPlayed;
    if (board.ok) setDashboard(board.value);
    else setError(board.error);
    return summary.value;
  }, [api, runId, onRunMissing]);

  /** The week asked for last, ahead of its arrival: two quick ← presses go back two weeks, not one. */
  const targetWeekRef = useRef<number | null>(null);
  const showWeek = useCallback(
    async (n: number): Promise<void> => {
      targetWeekRef.current = n;
      const result = await api.invoke('season:week', { runId, week: n });
      if (!result.ok) return setError(result.error);
      setPhase('results');
      setWeek(result.value);
    },
    [api, runId],
  );

  useEffect(() => {
    let live = true;
    void refresh().then((summary) => {
      if (live && summary !== null && summary.weeksPlayed > 0) void showWeek(summary.weeksPlayed);
    });
    return () => {
      live = false;
      playingRef.current = false;
    };
  }, [refresh, showWeek]);

  /** Says what a cancel kept, and moves focus to the message so a screen reader reads it. */
  const reportCancelled = useCallback((weeksPlayed: number): void => {
    setNotice(
      weeksPlayed === 0
        ? 'Cancelled before the first week was committed. Nothing was played; the run is unchanged.'
        : `Cancelled. Weeks 1–${weeksPlayed} are saved in the ledger; the week in progress was discarded and can be played again.`,
    );
    focusNoticeRef.current = true;
  }, []);

  // After the notice has rendered: a timer set with it can fire before React commits the element.
  useEffect(() => {
    if (notice === null || !focusNoticeRef.current) return;
    focusNoticeRef.current = false;
    noticeRef.current?.focus();
  }, [notice]);

  /**
   * Says what a cancel kept as soon as the job has stopped: the week count is one cheap call,
   * the dashboard's rebuild after it is not what the user is waiting for.
   */
  const reportCancelledNow = useCallback(async (): Promise<void> => {
    const summary = await api.invoke('runs:get', { runId });
    reportCancelled(summary.ok ? summary.value.weeksPlayed : shownPlayedRef.current);
  }, [api, runId, reportCancelled]);

  /**
   * While run-to-end works, shows each week as soon as the ledger has it: the counter and the
   * week panel first (two cheap calls), then the dashboard, whose rebuild takes longer than a week.
   */
  const catchUp = useCallback(async (): Promise<void> => {
    // A pending cancel wants the job's answer, not another dashboard build in the same process.
    if (catchingUpRef.current || cancellingRef.current) return;
    catchingUpRef.current = true;
    try {
      const summary = await api.invoke('runs:get', { runId });
      if (summary.ok && summary.value.weeksPlayed > shownPlayedRef.current) {
        shownPlayedRef.current = summary.value.weeksPlayed;
        setRun(summary.value);
        await showWeek(summary.value.weeksPlayed);
      }
    } finally {
      catchingUpRef.current = false;
    }
    // Not awaited: the next week's counter must not wait for this dashboard.
    if (!cancellingRef.current && !dashboardLoadingRef.current && Date.now() - dashboardShownAtRef.current >= DASHBOARD_CATCH_UP_MS) {
      dashboardLoadingRef.current = true;
      void api.invoke('dashboard:get', { runId }).then((board) => {
        dashboardShownAtRef.current = Date.now();
        dashboardLoadingRef.current = false;
        if (board.ok && !cancellingRef.current) setDashboard(board.value);
      });
    }
  }, [api, runId, showWeek]);

  // Run to end disables itself: the next thing the user may want is Cancel.
  const runningToEnd = job?.kind === 'run-to-end';
  useEffect(() => {
    if (runningToEnd) focusIfLost(cancelButtonRef.current);
  }, [runningToEnd]);

  /** Plays one week: the slip first, then the results and the bankroll update. Returns false when the season is over or it failed. */
  const stepOnce = useCallback(async (): Promise<boolean> => {
    setError(null);
    setNotice(null);
    const ticket = await api.invoke('season:step', { runId });
    if (!ticket.ok) {
      setError(ticket.error);
      return false;
    }
    setJob({ jobId: ticket.value.jobId, kind: ticket.value.kind, progress: { fraction: 0, message: 'Pricing the week' }, startedAt: Date.now() });
    const result = await waitForJob(api, ticket.value, (progress) => setJob((current) => ({ jobId: ticket.value.jobId, kind: ticket.value.kind, progress, startedAt: current?.startedAt ?? Date.now() })));
    setJob(null);
    if (!result.ok) {
      if (result.error.code === 'cancelled') {
        await reportCancelledNow();
        await refresh();
      } else setError(result.error);
      return false;
    }
    setPhase('slip');
    targetWeekRef.current = result.value.week;
    setWeek(result.value);
    await sleep(SLIP_MS / speedRef.current);
    setPhase('results');
    const summary = await refresh();
    return summary !== null && summary.weeksPlayed < summary.weekCount;
  }, [api, runId, refresh, reportCancelledNow]);

  const play = useCallback(async (): Promise<void> => {
    if (playingRef.current) return;
    playingRef.current = true;
    setPlaying(true);
    while (playingRef.current) {
      const more = await stepOnce();
      if (!more || !playingRef.current) break;
      await sleep(RESULTS_MS / speedRef.current);
    }
    playingRef.current = false;
    setPlaying(false);
  }, [stepOnce]);

  const pause = (): void => {
    playingRef.current = false;
    setPlaying(false);
  };

  const step = useCallback(async (): Promise<void> => {
    if (playingRef.current || job !== null) return;
    await stepOnce();
    refocus();
  }, [job, stepOnce]);

  const runToEnd = async (): Promise<void> => {
    pause();
    setError(null);
    setNotice(null);
    const ticket = await api.invoke('season:run-to-end', { runId });
    if (!ticket.ok) return setError(ticket.error);
    const startedAt = Date.now();
    setJob({ jobId: ticket.value.jobId, kind: ticket.value.kind, progress: { fraction: 0, message: 'Starting' }, startedAt });
    const result = await waitForJob(api, ticket.value, (progress) => {
      setJob({ jobId: ticket.value.jobId, kind: ticket.value.kind, progress, startedAt });
      void catchUp();
    });
    setJob(null);
    const cancelled = !result.ok && result.error.code === 'cancelled';
    if (!result.ok && !cancelled) setError(result.error);
    if (cancelled) await reportCancelledNow();
    const summary = await refresh();
    if (summary !== null && summary.weeksPlayed > 0) await showWeek(summary.weeksPlayed);
    if (!cancelled) refocus();
  };

  const cancel = async (): Promise<void> => {
    pause();
    if (job === null) {
      // Between two weeks of Play nothing is in progress: Cancel stops the playing, as Pause does, and says so.
      setNotice(`Stopped after week ${shownPlayedRef.current}: nothing was in progress, and every played week is saved in the ledger.`);
      focusNoticeRef.current = true;
      return;
    }
    cancellingRef.current = true;
    setCancelling(true);
    await api.invoke('jobs:cancel', { jobId: job.jobId });
  };

  useEffect(() => {
    if (job === null) {
      cancellingRef.current = false;
      setCancelling(false);
    }
  }, [job]);

  const reset = async (): Promise<void> => {
    if (!confirmReset) return setConfirmReset(true);
    setConfirmReset(false);
    pause();
    const result = await api.invoke('season:reset', { runId });
    if (!result.ok) return setError(result.error);
    setWeek(null);
    targetWeekRef.current = null;
    setNotice(null);
    await refresh();
    refocus();
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (target !== null && ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(target.tagName) && event.key === ' ') return;
      if (target !== null && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      if (event.key === ' ') {
        event.preventDefault();
        if (playingRef.current) pause();
        else void play();
      } else if (event.key === 'ArrowRight' || event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        // Reviewing history moves through played weeks; only the latest week plays a new one.
        const current = targetWeekRef.current ?? week?.week ?? null;
        if (current !== null && run !== null && current < run.weeksPlayed) void showWeek(current + 1);
        else void step();
      } else if (event.key === 'ArrowLeft') {
        const current = targetWeekRef.current ?? week?.week ?? null;
        if (current === null || current <= 1) return;
        event.preventDefault();
        void showWeek(current - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [play, step, showWeek, week, run]);

  const openWeek = async (n: number): Promise<void> => {
    await showWeek(n);
    weekPanelRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    weekPanelRef.current?.focus({ preventScroll: true });
  };

  if (run === null) return <ErrorBox error={error} />;
  const finished = run.weeksPlayed >= run.weekCount;
  const busy = job !== null;

  return (
    <section>
      <div className="page-head">
        <div>
          <h1 data-testid="run-title" ref={titleRef} tabIndex={-1}>
            {run.name}
          </h1>
          <p className="subtitle" style={{ marginBottom: 0 }}>
            {leagueName(run.settings.div)} · holdout {formatSeason(run.settings.holdoutSeason)} · {run.modelSource ?? run.settings.modelKind} · {run.settings.marginMethod} margin ·{' '}
            {run.settings.kellyMultiplier}× Kelly, min edge {Math.round(run.settings.minEdge * 1000) / 10}%
          </p>
          {run.provenance?.map((label) => (
            <span key={label} className="badge warning" data-testid="run-provenance">
              {label}
            </span>
          ))}
        </div>
        <span className={`badge ${runStatusTone(run)}`} data-testid="run-status">
          {runStatusText(run)}
        </span>
      </div>
      <ErrorBox error={error} testId="playback-error" />
      {run.live !== undefined && (
        <div className="notice" data-testid="playback-live">
          {LIVE_RUN_STEP_MESSAGE}
        </div>
      )}
      {notice !== null && (
        <div className="notice" role="status" tabIndex={-1} ref={noticeRef} data-testid="playback-notice">
          {notice}
        </div>
      )}
      {dashboard !== null && run.weeksPlayed > 0 && <VerdictBanner verdict={dashboard.verdict} />}

      <div className="panel">
        <div className="playback">
          <button type="button" ref={stepButtonRef} className="primary" onClick={() => void step()} disabled={busy || playing || finished} data-testid="step-button" title="Next week (→ or N)">
            Step ▸
          </button>
          <button type="button" onClick={() => (playing ? pause() : void play())} disabled={(busy && !playing) || finished} data-testid="play-button" title="Play / pause (Space)">
            {playing ? 'Pause' : 'Play ▶'}
          </button>
          <label className="field" style={{ flexDirection: 'row', alignItems: 'center', gap: 6 }}>
            Speed
            <select value={speed} onChange={(e) => setSpeed(Number(e.target.value) as (typeof SPEEDS)[number])} data-testid="speed-select">
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void runToEnd()} disabled={busy || playing || finished} data-testid="run-to-end-button">
            Run to end
          </button>
          {/* Kept on screen through Play, between its weeks too: a button there only while a week is
              being played would come and go every second or two, moving the buttons beside it. */}
          {(busy || playing) && (
            <button type="button" ref={cancelButtonRef} onClick={() => void cancel()} disabled={cancelling} data-testid="cancel-button">
              {cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          )}
          <button type="button" className="danger" onClick={() => void reset()} disabled={busy || playing || run.weeksPlayed === 0} data-testid="reset-button">
            {confirmReset ? 'Confirm reset' : 'Reset'}
          </button>
          <span className="muted" data-testid="weeks-played">
            {run.weeksPlayed} / {run.weekCount} weeks
          </span>
        </div>
        <div style={{ marginTop: 12 }}>
          <Timeline
            weekCount={run.weekCount}
            weeksPlayed={run.weeksPlayed}
            week={week?.week ?? null}
            alerts={dashboard?.alerts ?? []}
            retrains={dashboard?.retrains ?? []}
            onChange={(n) => void showWeek(n)}
          />
        </div>
        {job !== null && (
          <div style={{ marginTop: 8 }}>
            <ProgressBar fraction={job.progress.fraction} label={job.progress.message} testId="step-progress" startedAt={job.startedAt} />
            {job.progress.stage !== undefined && (
              <div style={{ marginTop: 6 }}>
                <ProgressBar fraction={job.progress.stage.fraction} label={job.progress.stage.message} testId="stage-progress" />
              </div>
            )}
          </div>
        )}
        <p className="muted" style={{ fontSize: 12, margin: '8px 0 0' }}>
          <span className="timeline-key" data-testid="timeline-legend">
            <span className="swatch-mark alert" /> alert <span className="swatch-mark retrain" /> retrain ·{' '}
          </span>
          <kbd>Space</kbd> play/pause · <kbd>→</kbd> or <kbd>N</kbd> next played week, or play one from the latest · <kbd>←</kbd> previous week · double-click a weekly row to open it
        </p>
      </div>

      {week === null && run.weeksPlayed === 0 && (
        <div className="panel empty-state" data-testid="playback-empty">
          <h2>Ready to play {formatSeason(run.settings.holdoutSeason)}</h2>
          <p className="muted">The first step trains the initial model on earlier seasons, then prices week 1 using only matches played before it.</p>
        </div>
      )}
      <div ref={weekPanelRef} tabIndex={-1} className="week-anchor" data-testid="week-anchor">
        {week !== null && <WeekPanel view={week} phase={phase} marketInformed={run.settings.probabilitySource !== 'model'} />}
      </div>
      {dashboard !== null && run.weeksPlayed > 0 && <Dashboard view={dashboard} onOpenWeek={(n) => void openWeek(n)} />}
    </section>
  );
}
