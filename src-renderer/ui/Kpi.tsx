import type { ReactNode } from 'react';

export function Kpi(props: { label: string; value: ReactNode; detail?: ReactNode; testId: string; main?: boolean; tone?: 'gain' | 'loss' | null }) {
  return (
    <div className={props.main === true ? 'kpi main' : 'kpi'}>
      <div className="label">{props.label}</div>
      <div className={`value ${props.tone ?? ''}`} data-testid={props.testId}>
        {props.value}
      </div>
      {props.detail !== undefined && <div className="detail">{props.detail}</div>}
    </div>
  );
}

/** Colour for a signed amount: green for a gain, red for a loss, neutral for zero or unknown. */
export function toneOf(value: number | null): 'gain' | 'loss' | null {
  if (value === null || value === 0) return null;
  return value > 0 ? 'gain' : 'loss';
}
