import { useEffect, useState } from 'react';

/**
 * A progress bar with the seconds elapsed: a step whose model fit reports no fraction still
 * shows time moving (and a moving stripe), so long work never looks frozen.
 */
export function ProgressBar(props: { fraction: number; label: string; testId: string; startedAt?: number }) {
  const percent = Math.round(Math.min(1, Math.max(0, props.fraction)) * 100);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (props.startedAt === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [props.startedAt]);
  const seconds = props.startedAt === undefined ? null : Math.max(0, Math.floor((now - props.startedAt) / 1000));
  return (
    <div>
      <div className="progress working" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${percent}% · ${props.label}`} aria-label={props.label} data-testid={props.testId}>
        <div style={{ width: `${percent}%` }} />
      </div>
      <div className="muted" style={{ fontSize: 12, marginTop: 4 }} data-testid={`${props.testId}-label`}>
        {percent}% · {props.label}
        {seconds !== null && <span data-testid={`${props.testId}-elapsed`}> · {seconds} s</span>}
      </div>
    </div>
  );
}
