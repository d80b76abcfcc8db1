import { useEffect, useState } from 'react';
import type { AppError, LiveOverview, NamedStrategyId } from '../../../src-main/ipc/renderer-contract';
import { NAMED_STRATEGY_IDS, namedStrategySettings } from '../../../src-main/ipc/renderer-contract';
import { useApi } from '../../api/use-api';
import { formatSeason, LEAGUES, leagueName } from '../../format/season';
import { ErrorBox } from '../../ui/ErrorBox';
import { NUMBER_FIELDS } from '../runs/run-form-fields';
import { MODEL_KIND_LABELS, optionsOf } from '../runs/settings-labels';
import { initialLiveRunForm, LIVE_NUMBER_KEYS, liveRunRequestOf, withStrategy, type LiveFormField, type LiveRunForm as FormState } from './live-run-form';

type CreateRequest = Extract<ReturnType<typeof liveRunRequestOf>, { ok: true }>['request'];

/**
 * A new live run: the league and season to follow, where football-data's files are, and the
 * settings of a normal run. Its first Refresh creates it; the settings are fixed from then on.
 */
export function LiveRunForm(props: { overview: LiveOverview; busy: boolean; error: AppError | null; onStart: (request: CreateRequest) => void; onCancel?: () => void }) {
  const api = useApi();
  const [form, setForm] = useState<FormState | null>(null);
  const [errors, setErrors] = useState<Partial<Record<LiveFormField, string>>>({});
  const [loadError, setLoadError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    void api.invoke('settings:defaults', { div: 'E0' }).then((result) => {
      if (!live) return;
      if (!result.ok) return setLoadError(result.error);
      const strategy = NAMED_STRATEGY_IDS.find((id) => namedStrategySettings(id).strategyName === result.value.strategyName) ?? NAMED_STRATEGY_IDS[0]!;
      setForm(initialLiveRunForm(result.value, props.overview.defaultSeason, props.overview.defaultBaseUrl, strategy));
    });
    return () => {
      live = false;
    };
  }, [api, props.overview.defaultSeason, props.overview.defaultBaseUrl]);

  if (form === null) return <div className="panel">{loadError === null ? 'Loading defaults…' : <ErrorBox error={loadError} />}</div>;

  const held = props.overview.seasons.filter((s) => s.div === form.div && s.season < form.season).map((s) => s.season);
  const errorId = (key: LiveFormField): string => `live-${key}-error`;
  const described = (key: LiveFormField) => ({ 'aria-invalid': errors[key] !== undefined, 'aria-describedby': errors[key] === undefined ? undefined : errorId(key) });
  const fieldError = (key: LiveFormField) =>
    errors[key] === undefined ? null : (
      <span className="field-error" id={errorId(key)} data-testid={`live-${key}-error`}>
        {errors[key]}
      </span>
    );
  const submit = (): void => {
    const result = liveRunRequestOf(form);
    if (!result.ok) {
      setErrors(result.errors);
      const first = Object.keys(result.errors)[0];
      document.querySelector<HTMLElement>(`[data-testid="live-${first}"]`)?.focus();
      return;
    }
    setErrors({});
    props.onStart(result.request);
  };

  return (
    <form
      className="panel"
      noValidate
      data-testid="live-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2>New live run</h2>
      <p className="muted" style={{ marginTop: 0 }}>
        A live run follows a season while it is played, on the same rules as a replay. Its first Refresh downloads the season&apos;s results and football-data&apos;s fixtures list, plays every
        week already over, and stakes the coming week at the fixtures file&apos;s prices. Its settings are fixed from then on.
      </p>
      <ErrorBox error={props.error} testId="live-form-error" />
      <fieldset>
        <legend>Season</legend>
        <div className="form-grid">
          <label className="field">
            League
            <select value={form.div} onChange={(e) => setForm({ ...form, div: e.target.value })} data-testid="live-div" {...described('div')}>
              {LEAGUES.map((l) => (
                <option key={l.div} value={l.div}>
                  {l.name}
                </option>
              ))}
            </select>
            {fieldError('div')}
          </label>
          <label className="field">
            Season
            <input value={form.season} onChange={(e) => setForm({ ...form, season: e.target.value })} maxLength={4} data-testid="live-season" {...described('season')} />
            {fieldError('season')}
            <span className="hint">{/^\d{4}$/.test(form.season) ? formatSeason(form.season) : 'like 2425'}</span>
          </label>
          <label className="field" style={{ gridColumn: 'span 2' }}>
            Data URL
            <input value={form.baseUrl} onChange={(e) => setForm({ ...form, baseUrl: e.target.value })} data-testid="live-baseUrl" {...described('baseUrl')} />
            {fieldError('baseUrl')}
            <span className="hint">football-data&apos;s layout: &lt;url&gt;/mmz4281/&lt;season&gt;/&lt;league&gt;.csv and &lt;url&gt;/fixtures.csv</span>
          </label>
          <label className="field">
            Training seasons
            <input value={form.training} onChange={(e) => setForm({ ...form, training: e.target.value })} placeholder="e.g. 2223-2324" data-testid="live-training" {...described('training')} />
            {fieldError('training')}
            <span className="hint">
              {form.training.trim() === ''
                ? held.length === 0
                  ? `none held for ${leagueName(form.div)}: name some to download`
                  : `empty: the ${held.length} held before ${formatSeason(form.season)}`
                : 'downloaded if the ledger lacks them'}
            </span>
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>Model, strategy and staking</legend>
        <div className="form-grid">
          <label className="field">
            Model
            <select value={form.modelKind} onChange={(e) => setForm({ ...form, modelKind: e.target.value as FormState['modelKind'] })} data-testid="live-modelKind">
              {optionsOf(MODEL_KIND_LABELS).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Strategy
            <select value={form.strategy} onChange={(e) => setForm(withStrategy(form, e.target.value as NamedStrategyId))} data-testid="live-strategy">
              {NAMED_STRATEGY_IDS.map((id) => (
                <option key={id} value={id}>
                  {namedStrategySettings(id).strategyName}
                </option>
              ))}
            </select>
            <span className="hint">{namedStrategySettings(form.strategy).probabilitySource === 'model' ? "Bets on the model's own probabilities." : "Market-informed: bets on probabilities read from the market's prices."}</span>
          </label>
          {LIVE_NUMBER_KEYS.map((key) => {
            const rule = NUMBER_FIELDS[key];
            return (
              <label className="field" key={key}>
                {rule.label}
                {rule.unit === 'percent' ? ' (%)' : rule.unit === 'pounds' ? ' (£)' : ''}
                <input
                  type="number"
                  step={rule.step}
                  value={form.numbers[key]}
                  onChange={(e) => setForm({ ...form, numbers: { ...form.numbers, [key]: e.target.value } })}
                  data-testid={`live-${key}`}
                  {...described(key)}
                />
                {fieldError(key)}
                {rule.hint !== undefined && <span className="hint">{rule.hint}</span>}
              </label>
            );
          })}
        </div>
      </fieldset>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={props.busy} data-testid="live-start">
          {props.busy ? 'Refreshing…' : 'Create and Refresh'}
        </button>
        {props.onCancel !== undefined && (
          <button type="button" onClick={props.onCancel} disabled={props.busy} data-testid="live-form-cancel">
            Back to the live runs
          </button>
        )}
      </div>
    </form>
  );
}
