import { useEffect, useMemo, useState } from 'react';
import type { AppError, DataStatus, RunSettings, RunSummary } from '../../../src-main/ipc/renderer-contract';
import { useApi } from '../../api/use-api';
import { formatSeason, leagueName } from '../../format/season';
import { ErrorBox } from '../../ui/ErrorBox';
import { NAMED_STRATEGY_IDS, namedStrategySettings, type NamedStrategyId } from '../../../src-main/ipc/renderer-contract';
import { MARGIN_METHOD_LABELS, MODEL_KIND_LABELS, optionsOf, PRICE_SOURCE_LABELS, STAKING_MODE_LABELS } from './settings-labels';

type NumberKey = { [K in keyof RunSettings]: RunSettings[K] extends number ? K : never }[keyof RunSettings];

/** The run configuration form; defaults come from settings:defaults (the schema's defaults for the data present). */
export function NewRunForm(props: { status: DataStatus; onCreated: (run: RunSummary) => void }) {
  const api = useApi();
  const leagues = useMemo(() => [...new Set(props.status.seasons.map((s) => s.div))].sort(), [props.status]);
  const [div, setDiv] = useState(leagues[0] ?? 'E0');
  const [settings, setSettings] = useState<RunSettings | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.invoke('settings:defaults', { div }).then((result) => {
      if (!live) return;
      if (result.ok) setSettings(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api, div]);

  const seasonsOfDiv = useMemo(() => props.status.seasons.filter((s) => s.div === div).map((s) => s.season).sort(), [props.status, div]);

  if (settings === null) return <div className="panel">Loading defaults…</div>;

  const set = <K extends keyof RunSettings>(key: K, value: RunSettings[K]): void => setSettings({ ...settings, [key]: value });
  const numberField = (key: NumberKey, label: string, options: { step?: number; hint?: string } = {}) => (
    <label className="field">
      {label}
      <input type="number" step={options.step ?? 1} value={settings[key]} onChange={(e) => set(key, Number(e.target.value))} data-testid={`settings-${key}`} />
      {options.hint !== undefined && <span className="hint">{options.hint}</span>}
    </label>
  );
  /** Fractions are edited as percentages: people think "5% edge", the schema stores 0.05. */
  const percentField = (key: NumberKey, label: string, hint?: string) => (
    <label className="field">
      {label} (%)
      <input
        type="number"
        step={0.5}
        value={Math.round(settings[key] * 10_000) / 100}
        onChange={(e) => set(key, Number(e.target.value) / 100)}
        data-testid={`settings-${key}`}
      />
      {hint !== undefined && <span className="hint">{hint}</span>}
    </label>
  );
  const checkbox = (key: 'retrainOnDegradation' | 'oneOutcomePerMatch', label: string) => (
    <label className="field" style={{ flexDirection: 'row', alignItems: 'center', gap: 8 }}>
      <input type="checkbox" checked={settings[key]} onChange={(e) => set(key, e.target.checked)} data-testid={`settings-${key}`} />
      {label}
    </label>
  );
  const select = <K extends 'modelKind' | 'marginMethod' | 'priceSource' | 'stakingMode'>(key: K, label: string, labels: Record<RunSettings[K], string>) => (
    <label className="field">
      {label}
      <select value={settings[key]} onChange={(e) => set(key, e.target.value as RunSettings[K])} data-testid={`settings-${key}`}>
        {optionsOf(labels).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  const toggleTraining = (season: string): void => {
    const chosen = new Set(settings.trainingSeasons);
    if (chosen.has(season)) chosen.delete(season);
    else chosen.add(season);
    set('trainingSeasons', [...chosen].sort());
  };

  const create = async (): Promise<void> => {
    setBusy(true);
    const result = await api.invoke('runs:create', { settings });
    setBusy(false);
    if (result.ok) {
      setError(null);
      props.onCreated(result.value);
    } else {
      setError(result.error);
    }
  };

  return (
    <form
      className="panel"
      data-testid="run-form"
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <h2>New run</h2>
      <ErrorBox error={error} testId="run-form-error" />
      <fieldset>
        <legend>Season</legend>
        <div className="form-grid">
          <label className="field">
            Name
            <input value={settings.name} onChange={(e) => set('name', e.target.value)} data-testid="settings-name" />
          </label>
          <label className="field">
            League
            <select value={div} onChange={(e) => setDiv(e.target.value)} data-testid="settings-div">
              {leagues.map((code) => (
                <option key={code} value={code}>
                  {leagueName(code)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Holdout season
            <select value={settings.holdoutSeason} onChange={(e) => set('holdoutSeason', e.target.value)} data-testid="settings-holdoutSeason">
              {seasonsOfDiv.map((s) => (
                <option key={s} value={s}>
                  {formatSeason(s)}
                </option>
              ))}
            </select>
          </label>
          {numberField('seed', 'Seed', { hint: 'same seed + data = same ledger' })}
        </div>
        <div style={{ marginTop: 10 }} data-testid="settings-trainingSeasons">
          <div className="muted" style={{ fontSize: 12, marginBottom: 4 }}>
            Training seasons {settings.trainingSeasons.length === 0 ? '(none ticked: every season before the holdout)' : ''}
          </div>
          <div className="toolbar">
            {seasonsOfDiv
              .filter((s) => s < settings.holdoutSeason)
              .map((s) => (
                <label key={s} style={{ display: 'flex', gap: 4, alignItems: 'center', fontSize: 12 }}>
                  <input type="checkbox" checked={settings.trainingSeasons.includes(s)} onChange={() => toggleTraining(s)} data-testid={`settings-training-${s}`} />
                  {formatSeason(s)}
                </label>
              ))}
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>Strategy</legend>
        <div className="form-grid">
          <label className="field">
            Strategy
            <select
              value={NAMED_STRATEGY_IDS.find((id) => namedStrategySettings(id).strategyName === settings.strategyName) ?? ''}
              onChange={(e) => setSettings({ ...settings, ...namedStrategySettings(e.target.value as NamedStrategyId) })}
              data-testid="settings-strategy"
            >
              {NAMED_STRATEGY_IDS.map((id) => (
                <option key={id} value={id}>
                  {namedStrategySettings(id).strategyName}
                </option>
              ))}
            </select>
            <span className="hint" data-testid="settings-strategy-source">
              {settings.probabilitySource === 'model' ? 'Bets on the model\'s own probabilities.' : 'Market-informed: bets on probabilities read from the market\'s prices.'}
            </span>
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>Model and market</legend>
        <div className="form-grid">
          {select('modelKind', 'Model', MODEL_KIND_LABELS)}
          {select('marginMethod', 'Margin removal', MARGIN_METHOD_LABELS)}
          {select('priceSource', 'Prices bet at', PRICE_SOURCE_LABELS)}
          {numberField('retrainEveryWeeks', 'Retrain every (weeks)', { hint: '0 = never on schedule' })}
          {numberField('retrainMinMatches', 'Min matches before degradation retrain')}
          {checkbox('retrainOnDegradation', 'Retrain when the model degrades')}
        </div>
      </fieldset>
      <fieldset>
        <legend>Staking</legend>
        <div className="form-grid">
          {select('stakingMode', 'Staking mode', STAKING_MODE_LABELS)}
          {numberField('kellyMultiplier', 'Kelly multiplier', { step: 0.05, hint: '0.25 = quarter Kelly' })}
          {percentField('minEdge', 'Minimum edge')}
          {numberField('minOdds', 'Minimum odds', { step: 0.05 })}
          {numberField('maxOdds', 'Maximum odds', { step: 0.5 })}
          {percentField('maxStakeFraction', 'Max stake per bet', 'of bankroll')}
          {percentField('maxWeeklyExposureFraction', 'Max weekly exposure', 'of bankroll')}
          <label className="field">
            Starting bankroll (£)
            <input
              type="number"
              step={100}
              value={settings.startingBankrollCents / 100}
              onChange={(e) => set('startingBankrollCents', Math.round(Number(e.target.value) * 100))}
              data-testid="settings-startingBankroll"
            />
          </label>
          {checkbox('oneOutcomePerMatch', 'At most one bet per match')}
        </div>
      </fieldset>
      <fieldset>
        <legend>Alerts</legend>
        <div className="form-grid">
          {numberField('alertBrierGap', 'Brier gap vs market', { step: 0.005 })}
          {numberField('alertWindowMatches', 'Rolling window (matches)')}
          {percentField('alertDrawdown', 'Drawdown alert')}
        </div>
      </fieldset>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy} data-testid="run-create">
          {busy ? 'Creating…' : 'Create run'}
        </button>
      </div>
    </form>
  );
}
