import type { AlertView, RetrainView } from '../../../src-main/ipc/renderer-contract';

/** A slider over the whole season; only played weeks can be chosen. Alerts and retrains are marked at their weeks. */
export function Timeline(props: {
  weekCount: number;
  weeksPlayed: number;
  week: number | null;
  alerts: readonly AlertView[];
  retrains: readonly RetrainView[];
  onChange: (week: number) => void;
}) {
  const { weekCount, weeksPlayed } = props;
  const position = (week: number): string => `calc(${((week - 1) / Math.max(1, weekCount - 1)) * 100}% - 1px)`;
  return (
    <div className="timeline">
      <input
        type="range"
        min={1}
        max={Math.max(1, weekCount)}
        value={props.week ?? 1}
        disabled={weeksPlayed === 0}
        onChange={(e) => props.onChange(Math.min(weeksPlayed, Math.max(1, Number(e.target.value))))}
        aria-label="Week"
        data-testid="timeline"
      />
      <div className="marks" aria-hidden>
        {props.retrains
          .filter((r) => r.reason !== 'initial')
          .map((r) => (
            <span key={`r${r.week}`} className="mark retrain" style={{ left: position(r.week) }} title={`Retrain before week ${r.week}`} />
          ))}
        {props.alerts.map((a, i) => (
          <span key={`a${i}`} className="mark alert" style={{ left: position(a.week) }} title={a.message} />
        ))}
      </div>
    </div>
  );
}
