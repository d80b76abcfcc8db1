export function ProgressBar(props: { fraction: number; label: string; testId: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, props.fraction)) * 100);
  return (
    <div>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid={props.testId}>
        <div style={{ width: `${percent}%` }} />
      </div>
      <div className="muted" style={{ fontSize: 12, marginTop: 4 }}>
        {percent}% · {props.label}
      </div>
    </div>
  );
}
