import { useId, type ReactNode } from 'react';
import { definitionOf } from '../features/help/user-guide';

/**
 * One figure with its label. Its definition (from the user guide's "Dashboard metrics") shows
 * on hover and on keyboard focus, and is the figure's accessible description.
 */
export function Kpi(props: { label: string; value: ReactNode; detail?: ReactNode; testId: string; main?: boolean; tone?: 'gain' | 'loss' | null; definition?: string }) {
  const tipId = useId();
  const definition = props.definition ?? definitionOf(props.label);
  return (
    <div className={props.main === true ? 'kpi main' : 'kpi'} tabIndex={definition === undefined ? undefined : 0} aria-describedby={definition === undefined ? undefined : tipId} data-testid={`${props.testId}-card`}>
      <div className="label">{props.label}</div>
      <div className={`value ${props.tone ?? ''}`} data-testid={props.testId}>
        {props.value}
      </div>
      {props.detail !== undefined && <div className="detail">{props.detail}</div>}
      {definition !== undefined && (
        <div className="tip" role="tooltip" id={tipId} data-testid={`${props.testId}-definition`}>
          {definition}
        </div>
      )}
    </div>
  );
}

/** Colour for a signed amount: green for a gain, red for a loss, neutral for zero or unknown. */
export function toneOf(value: number | null): 'gain' | 'loss' | null {
  if (value === null || value === 0) return null;
  return value > 0 ? 'gain' : 'loss';
}
