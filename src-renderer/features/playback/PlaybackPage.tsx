import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, DashboardView, JobKindOf, RunSummary, TaskProgress, WeekView } from '../../../src-main/ipc/renderer-contract';
import { useApi } from '../../api/use-api';
import { waitForJob } from '../../api/wait-for-job';
import { formatSeason, leagueName } from '../../format/season';
import { ErrorBox } from '../../ui/ErrorBox';
import { ProgressBar } from '../../ui/ProgressBar';
import { Dashboard } from '../dashboard/Dashboard';
import { Timeline } from './Timeline';
import { WeekPanel, type RevealPhase } from './WeekPanel';

const SPEEDS = [0.5, 1, 2, 4] as const;
/** How long the bet slip shows before the results are revealed, at speed 1. */
const SLIP_MS = 1200;
/** How long the results stay before the next week when playing, at speed 1. */
const RESULTS_MS = 1200;

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
  const [job, setJob] = useState<{ jobId: string; kind: JobKindOf<'season:step' | 'season:run-to-end'>; progress: TaskProgress } | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
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
    if (board.ok) setDashboard(board.value);
    else setError(board.error);
    return summary.value;
  }, [api, runId, onRunMissing]);

  const showWeek = useCallback(
    async (n: number): Promise<void> => {
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

  /** Plays one week: the slip first, then the results and the bankroll update. Returns false when the season is over or it failed. */
  const stepOnce = useCallback(async (): Promise<boolean> => {
    setError(null);
    const ticket = await api.invoke('season:step', { runId });
    if (!ticket.ok) {
      setError(ticket.error);
      return false;
    }
    setJob({ jobId: ticket.value.jobId, kind: ticket.value.kind, progress: { fraction: 0, message: 'Pricing the week' } });
    const result = await waitForJob(api, ticket.value, (progress) => setJob({ jobId: ticket.value.jobId, kind: ticket.value.kind, progress }));
    setJob(null);
    if (!result.ok) {
      if (result.error.code !== 'cancelled') setError(result.error);
      return false;
    }
    setPhase('slip');
    setWeek(result.value);
    await sleep(SLIP_MS / speedRef.current);
    setPhase('results');
    const summary = await refresh();
    return summary !== null && summary.weeksPlayed < summary.weekCount;
  }, [api, runId, refresh]);

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
  }, [job, stepOnce]);

  const runToEnd = async (): Promise<void> => {
    pause();
    setError(null);
    const ticket = await api.invoke('season:run-to-end', { runId });
    if (!ticket.ok) return setError(ticket.error);
    setJob({ jobId: ticket.value.jobId, kind: ticket.value.kind, progress: { fraction: 0, message: 'Starting' } });
    const result = await waitForJob(api, ticket.value, (progress) => setJob({ jobId: ticket.value.jobId, kind: ticket.value.kind, progress }));
    setJob(null);
    if (!result.ok && result.error.code !== 'cancelled') setError(result.error);
    const summary = await refresh();
    if (summary !== null && summary.weeksPlayed > 0) await showWeek(summary.weeksPlayed);
  };

  const cancel = async (): Promise<void> => {
    pause();
    if (job !== null) await api.invoke('jobs:cancel', { jobId: job.jobId });
  };

  const reset = async (): Promise<void> => {
    if (!confirmReset) return setConfirmReset(true);
    setConfirmReset(false);
    pause();
    const result = await api.invoke('season:reset', { runId });
    if (!result.ok) return setError(result.error);
    setWeek(null);
    await refresh();
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
        void step();
      } else if (event.key === 'ArrowLeft' && week !== null && week.week > 1) {
        void showWeek(week.week - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [play, step, showWeek, week]);

  if (run === null) return <ErrorBox error={error} />;
  const finished = run.weeksPlayed >= run.weekCount;
  const busy = job !== null;

  return (
    <section>
      <div className="page-head">
        <div>
          <h1 data-testid="run-title">{run.name}</h1>
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
        <span className={`badge ${run.status}`} data-testid="run-status">
          {run.status}
        </span>
      </div>
      <ErrorBox error={error} testId="playback-error" />

      <div className="panel">
        <div className="playback">
          <button type="button" className="primary" onClick={() => void step()} disabled={busy || playing || finished} data-testid="step-button" title="Next week (→ or N)">
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
          {busy && (
            <button type="button" onClick={() => void cancel()} data-testid="cancel-button">
              Cancel
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
            <ProgressBar fraction={job.progress.fraction} label={job.progress.message} testId="step-progress" />
          </div>
        )}
        <p className="muted" style={{ fontSize: 12, margin: '8px 0 0' }}>
          <kbd>Space</kbd> play/pause · <kbd>→</kbd> or <kbd>N</kbd> step · <kbd>←</kbd> previous week
        </p>
      </div>

      {week === null && run.weeksPlayed === 0 && (
        <div className="panel empty-state" data-testid="playback-empty">
          <h2>Ready to play {formatSeason(run.settings.holdoutSeason)}</h2>
          <p className="muted">The first step trains the initial model on earlier seasons, then prices week 1 using only matches played before it.</p>
        </div>
      )}
      {week !== null && <WeekPanel view={week} phase={phase} />}
      {dashboard !== null && run.weeksPlayed > 0 && <Dashboard view={dashboard} onOpenWeek={(n) => void showWeek(n)} />}
    </section>
  );
}
