/**
 * The alerts a Refresh raised (or the standing ones of the last settled week), at the top of the
 * screen whatever else the page shows: model behind the market, drawdown, a revised settled
 * match, a void bet. role="alert" so a screen reader announces them as they arrive.
 */
export function AlertBanner(props: { alerts: readonly string[]; fromRefresh: boolean; onDismiss?: () => void }) {
  if (props.alerts.length === 0) return null;
  return (
    <div
      role="alert"
      data-testid="live-alert-banner"
      style={{ position: 'sticky', top: 0, zIndex: 10, background: '#fff7ed', border: '1px solid #fdba74', borderLeft: '6px solid #c2410c', borderRadius: 8, padding: '10px 14px', marginBottom: 14, color: '#7c2d12' }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, alignItems: 'baseline' }}>
        <strong>{props.fromRefresh ? (props.alerts.length === 1 ? 'This Refresh raised an alert' : `This Refresh raised ${props.alerts.length} alerts`) : 'Standing alerts of the last settled week'}</strong>
        {props.onDismiss !== undefined && (
          <button type="button" onClick={props.onDismiss} data-testid="live-alert-dismiss">
            Dismiss
          </button>
        )}
      </div>
      <ul style={{ margin: '6px 0 0', paddingLeft: 20 }}>
        {props.alerts.map((alert, i) => (
          <li key={i} data-testid="live-alert">
            {alert}
          </li>
        ))}
      </ul>
    </div>
  );
}
