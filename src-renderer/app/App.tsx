import { useEffect, useState } from 'react';
import { useApi } from '../api/use-api';
import type { MenuCommand } from '../api/edgeline-api';
import { DataPage } from '../features/data/DataPage';
import { RunsPage } from '../features/runs/RunsPage';
import { PlaybackPage } from '../features/playback/PlaybackPage';
import { SlipsPage } from '../features/slips/SlipsPage';
import { HelpPage } from '../features/help/HelpPage';
import { ThisWeekPage } from '../features/this-week/ThisWeekPage';

export type Screen = 'data' | 'runs' | 'week' | 'run' | 'slips' | 'help';

const SELECTED_RUN_KEY = 'edgeline.selectedRun';

export function App() {
  const api = useApi();
  const [screen, setScreen] = useState<Screen>('runs');
  const [runId, setRunId] = useState<string | null>(() => window.sessionStorage.getItem(SELECTED_RUN_KEY));
  const [runName, setRunName] = useState<string | null>(null);
  const [menuCommand, setMenuCommand] = useState<{ command: MenuCommand; at: number } | null>(null);

  useEffect(() => {
    if (runId === null) window.sessionStorage.removeItem(SELECTED_RUN_KEY);
    else window.sessionStorage.setItem(SELECTED_RUN_KEY, runId);
  }, [runId]);

  useEffect(() => {
    if (runId === null) {
      setRunName(null);
      return;
    }
    let live = true;
    void api.invoke('runs:get', { runId }).then((result) => {
      if (!live) return;
      if (result.ok) setRunName(result.value.name);
      else setRunId(null);
    });
    return () => {
      live = false;
    };
  }, [api, runId]);

  // First start with an empty ledger: open on the Data screen, which offers download or import.
  useEffect(() => {
    let live = true;
    void api.invoke('data:status', {}).then((status) => {
      if (live && status.ok && status.value.totalMatches === 0) setScreen('data');
    });
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(
    () =>
      api.onMenuCommand((command) => {
        setMenuCommand({ command, at: Date.now() });
        setScreen(command === 'export-slips' ? 'slips' : 'data');
      }),
    [api],
  );

  // A new screen takes focus to its heading, so keyboard and screen-reader users start at its top.
  const [navigated, setNavigated] = useState(0);
  useEffect(() => {
    if (navigated === 0) return;
    let tries = 0;
    const timer = setInterval(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      tries += 1;
      if (heading !== null) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      }
      if (heading !== null || tries > 20) clearInterval(timer);
    }, 50);
    return () => clearInterval(timer);
  }, [navigated, screen]);

  const go = (next: Screen): void => {
    setScreen(next);
    setNavigated((n) => n + 1);
  };

  const openRun = (id: string): void => {
    setRunId(id);
    go('run');
  };

  const nav: { screen: Screen; label: string; needsRun: boolean }[] = [
    { screen: 'data', label: 'Data', needsRun: false },
    { screen: 'runs', label: 'Runs', needsRun: false },
    { screen: 'week', label: 'This week', needsRun: false },
    { screen: 'run', label: 'Playback & dashboard', needsRun: true },
    { screen: 'slips', label: 'Bet slips', needsRun: true },
    { screen: 'help', label: 'Help', needsRun: false },
  ];

  return (
    <div className="shell">
      <aside className="side">
        <div className="brand">
          Edgeline
          <small>Model vs market, week by week</small>
        </div>
        <nav aria-label="Screens">
          {nav.map((item) => (
            <button
              key={item.screen}
              type="button"
              data-testid={`nav-${item.screen}`}
              aria-current={screen === item.screen ? 'page' : undefined}
              disabled={item.needsRun && runId === null}
              onClick={() => go(item.screen)}
            >
              {item.label}
            </button>
          ))}
        </nav>
        <div className="current-run" data-testid="current-run">
          {runName === null ? 'No run selected' : (
            <>
              Current run<strong>{runName}</strong>
            </>
          )}
          <div style={{ marginTop: 8 }} className="mode">{api.mode === 'desktop' ? 'Desktop' : 'Browser (headless server)'}</div>
        </div>
      </aside>
      <main>
        {screen === 'data' && <DataPage menuCommand={menuCommand?.command === 'export-slips' ? null : menuCommand} />}
        {screen === 'runs' && <RunsPage selectedRunId={runId} onOpen={openRun} onDeleted={(id) => id === runId && setRunId(null)} onGoToData={() => go('data')} />}
        {screen === 'run' && runId !== null && <PlaybackPage runId={runId} onRunMissing={() => setRunId(null)} />}
        {screen === 'week' && <ThisWeekPage onOpenDashboard={openRun} />}
        {screen === 'help' && <HelpPage />}
        {screen === 'slips' && runId !== null && <SlipsPage runId={runId} exportRequest={menuCommand?.command === 'export-slips' ? menuCommand.at : null} />}
      </main>
    </div>
  );
}
