import { useEffect, useMemo, useRef, useState } from 'react';
import type { AppError, DataStatus, RunSettings, RunSummary } from '../../../src-main/ipc/renderer-contract';
import { useApi } from '../../api/use-api';
import { formatSeason, leagueName } from '../../format/season';
import { ErrorBox } from '../../ui/ErrorBox';
import { fieldTextOf, firstBadField, NUMBER_FIELDS, parseField, parsePoolWeight, POOL_WEIGHT_FIELD, validateRunForm, type FormFieldKey, type NumberKey, type PoolWeightInput } from './run-form-fields';
import { NAMED_STRATEGY_IDS, namedStrategySettings, type NamedStrategyId } from '../../../src-main/ipc/renderer-contract';
import { MARGIN_METHOD_LABELS, MODEL_KIND_LABELS, optionsOf, PRICE_SOURCE_LABELS, STAKING_MODE_LABELS } from './settings-labels';

type FieldKey = FormFieldKey;

/** "Ensemble · 2023-24": the model and the season, until the user names the run. */
export function defaultRunName(settings: Pick<RunSettings, 'modelKind' | 'holdoutSeason'>): string {
  return `${MODEL_KIND_LABELS[settings.modelKind] ?? settings.modelKind} · ${formatSeason(settings.holdoutSeason)}`;
}

const textsOf = (settings: RunSettings): Record<NumberKey, string> =>
  Object.fromEntries(Object.values(NUMBER_FIELDS).map((rule) => [rule.key, fieldTextOf(rule, settings[rule.key as NumberKey])])) as Record<NumberKey, string>;

/** The form's pool weight for stored settings: fitted, or the fixed weight as text (0.1 is offered when the user turns fitting off). */
const poolWeightInputOf = (settings: RunSettings): PoolWeightInput =>
  settings.poolWeight === 'fitted' ? { fitted: true, text: '0.1' } : { fitted: false, text: String(settings.poolWeight) };

/** The run configuration form; defaults come from settings:defaults (the schema's defaults for the data present). */
export function NewRunForm(props: { status: DataStatus; onCreated: (run: RunSummary) => void }) {
  const api = useApi();
  const leagues = useMemo(() => [...new Set(props.status.seasons.map((s) => s.div))].sort(), [props.status]);
  const [div, setDiv] = useState(leagues[0] ?? 'E0');
  const [settings, setSettings] = useState<RunSettings | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [externalModels, setExternalModels] = useState<readonly { name: string; commandLine: string }[]>([]);

  useEffect(() => {
    let live = true;
    void api.invoke('models:list', {}).then((result) => {
      if (live && result.ok) setExternalModels(result.value);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const [texts, setTexts] = useState<Record<NumberKey, string> | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [nameEdited, setNameEdited] = useState(false);
  const [poolWeight, setPoolWeight] = useState<PoolWeightInput>({ fitted: true, text: '0.1' });
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let live = true;
    void api.invoke('settings:defaults', { div }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setSettings({ ...result.value, name: defaultRunName(result.value) });
        setTexts(textsOf(result.value));
        setPoolWeight(poolWeightInputOf(result.value));
        setFieldErrors({});
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api, div]);

  const seasonsOfDiv = useMemo(() => props.status.seasons.filter((s) => s.div === div).map((s) => s.season).sort(), [props.status, div]);

  if (settings === null || texts === null) return <div className="panel">Loading defaults…</div>;

  const set = <K extends keyof RunSettings>(key: K, value: RunSettings[K]): void => {
    const next = { ...settings, [key]: value };
    // The proposed name follows the model and season until the user types one.
    if (!nameEdited && (key === 'modelKind' || key === 'holdoutSeason')) next.name = defaultRunName(next);
    setSettings(next);
  };
  const errorId = (key: FieldKey): string => `settings-${key}-error`;
  const fieldError = (key: FieldKey) =>
    fieldErrors[key] === undefined ? null : (
      <span className="field-error" id={errorId(key)} data-testid={`settings-${key}-error`}>
        {fieldErrors[key]}
      </span>
    );
  /**
   * Numbers are edited as typed (a cleared field stays empty instead of snapping to 0) and
   * checked on leaving the field and on submit. Percentages are shown as such: people think
   * "5% edge", the schema stores 0.05.
   */
  const numberField = (key: NumberKey) => {
    const rule = NUMBER_FIELDS[key];
    const unit = rule.unit === 'percent' ? ' (%)' : rule.unit === 'pounds' ? ' (£)' : '';
    const shownMax = rule.max;
    return (
      <label className="field">
        {rule.label}
        {unit}
        <input
          type="number"
          step={rule.step}
          min={rule.minExclusive === true ? undefined : rule.min}
          max={shownMax}
          value={texts[key]}
          aria-invalid={fieldErrors[key] !== undefined}
          aria-describedby={fieldErrors[key] === undefined ? undefined : errorId(key)}
          onChange={(e) => setTexts({ ...texts, [key]: e.target.value })}
          onBlur={() => {
            const parsed = parseField(rule, texts[key]);
            setFieldErrors((current) => ({ ...current, [key]: parsed.ok ? undefined : parsed.message }));
          }}
          data-testid={`settings-${key === 'startingBankrollCents' ? 'startingBankroll' : key}`}
        />
        {fieldError(key)}
        {rule.hint !== undefined && <span className="hint">{rule.hint}</span>}
      </label>
    );
  };
  const checkbox = (key: 'retrainOnDegradation' | 'oneOutcomePerMatch' | 'shrinkKellyByCalibration', label: string) => (
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
    const { values, errors } = validateRunForm(settings.name, texts, poolWeight);
    setFieldErrors(errors);
    const first = firstBadField(errors);
    if (first !== undefined) {
      const testId = `settings-${first === 'startingBankrollCents' ? 'startingBankroll' : first}`;
      const input = formRef.current?.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      input?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      input?.focus({ preventScroll: true });
      return;
    }
    setBusy(true);
    const result = await api.invoke('runs:create', { settings: { ...settings, ...values } });
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
      ref={formRef}
      noValidate
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
            <input
              value={settings.name}
              maxLength={80}
              aria-invalid={fieldErrors.name !== undefined}
              aria-describedby={fieldErrors.name === undefined ? undefined : errorId('name')}
              onChange={(e) => {
                setNameEdited(true);
                setSettings({ ...settings, name: e.target.value });
              }}
              data-testid="settings-name"
            />
            {fieldError('name')}
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
          {numberField('seed')}
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
              onChange={(e) => {
                const next = { ...settings, ...namedStrategySettings(e.target.value as NamedStrategyId) };
                setSettings(next);
                setPoolWeight(poolWeightInputOf(next));
                setTexts({ ...texts, priorFitSeasons: String(next.priorFitSeasons) });
              }}
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
          {settings.probabilitySource === 'model-shrunk-to-market' && (
            <label className="field" style={{ flexDirection: 'row', alignItems: 'center', gap: 8 }}>
              <input
                type="checkbox"
                checked={poolWeight.fitted}
                onChange={(e) => setPoolWeight({ ...poolWeight, fitted: e.target.checked })}
                data-testid="settings-poolWeight-fitted"
              />
              Fit the weight on the model before the holdout
            </label>
          )}
          {settings.probabilitySource === 'model-shrunk-to-market' && !poolWeight.fitted && (
            <label className="field">
              {POOL_WEIGHT_FIELD.label}
              <input
                type="number"
                step={POOL_WEIGHT_FIELD.step}
                min={POOL_WEIGHT_FIELD.min}
                max={POOL_WEIGHT_FIELD.max}
                value={poolWeight.text}
                aria-invalid={fieldErrors.poolWeight !== undefined}
                aria-describedby={fieldErrors.poolWeight === undefined ? undefined : errorId('poolWeight')}
                onChange={(e) => setPoolWeight({ ...poolWeight, text: e.target.value })}
                onBlur={() => {
                  const parsed = parsePoolWeight(poolWeight);
                  setFieldErrors((current) => ({ ...current, poolWeight: parsed.ok ? undefined : parsed.message }));
                }}
                data-testid="settings-poolWeight"
              />
              {fieldError('poolWeight')}
              <span className="hint">{POOL_WEIGHT_FIELD.hint}</span>
            </label>
          )}
          {((settings.probabilitySource === 'model-shrunk-to-market' && poolWeight.fitted) || settings.shrinkKellyByCalibration) && numberField('priorFitSeasons')}
        </div>
      </fieldset>
      <fieldset>
        <legend>Model and market</legend>
        <div className="form-grid">
          <label className="field">
            Model
            <select
              value={settings.externalModel ? `external:${settings.externalModel.name}` : settings.modelKind}
              onChange={(e) => {
                const value = e.target.value;
                // The schema fills marketInformed and timeoutSeconds with their defaults on the main side.
                if (value.startsWith('external:')) {
                  const name = value.slice('external:'.length);
                  setSettings({
                    ...settings,
                    externalModel: { name } as RunSettings['externalModel'],
                    ...(nameEdited ? {} : { name: `${name} · ${formatSeason(settings.holdoutSeason)}` }),
                  });
                } else {
                  // The proposed name follows the model until the user types one (as `set` does).
                  const next = { ...settings, modelKind: value as RunSettings['modelKind'], externalModel: undefined };
                  setSettings(nameEdited ? next : { ...next, name: defaultRunName(next) });
                }
              }}
              data-testid="settings-modelKind"
            >
              {optionsOf(MODEL_KIND_LABELS).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
              {externalModels.map((m) => (
                <option key={m.name} value={`external:${m.name}`} title={m.commandLine}>
                  {`${m.name} (external)`}
                </option>
              ))}
            </select>
          </label>
          {select('marginMethod', 'Margin removal', MARGIN_METHOD_LABELS)}
          {select('priceSource', 'Prices bet at', PRICE_SOURCE_LABELS)}
          {numberField('retrainEveryWeeks')}
          {numberField('retrainMinMatches')}
          {checkbox('retrainOnDegradation', 'Retrain when the model degrades')}
        </div>
      </fieldset>
      <fieldset>
        <legend>Staking</legend>
        <div className="form-grid">
          {select('stakingMode', 'Staking mode', STAKING_MODE_LABELS)}
          {numberField('kellyMultiplier')}
          {numberField('minEdge')}
          {numberField('minOdds')}
          {numberField('maxOdds')}
          {numberField('maxStakeFraction')}
          {numberField('maxWeeklyExposureFraction')}
          {numberField('startingBankrollCents')}
          {checkbox('oneOutcomePerMatch', 'At most one bet per match')}
          {settings.flatStakeFraction === null && checkbox('shrinkKellyByCalibration', "Shrink Kelly by the calibration error of the strategy's past forecasts")}
        </div>
      </fieldset>
      <fieldset>
        <legend>Alerts</legend>
        <div className="form-grid">
          {numberField('alertBrierGap')}
          {numberField('alertWindowMatches')}
          {numberField('alertDrawdown')}
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
