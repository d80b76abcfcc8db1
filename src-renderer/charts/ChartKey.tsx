import type { ChartKeyItem } from './chart-key';

/** A chart's key, under the chart: a swatch and a plain sentence per thing drawn. */
export function ChartKey(props: { items: readonly ChartKeyItem[]; testId: string }) {
  return (
    <ul className="legend" data-testid={props.testId} aria-label="Chart key">
      {props.items.map((item) => (
        <li key={item.explains}>
          <span className={`swatch ${item.swatch}`} /> {item.label}
        </li>
      ))}
    </ul>
  );
}
