import type { LiveRunSettingsInput, NamedStrategyId, RunSettings } from '../../../src-main/ipc/renderer-contract';
import { namedStrategySettings, seasonRange } from '../../../src-main/ipc/renderer-contract';
import { fieldTextOf, NUMBER_FIELDS, parseField, type NumberKey } from '../runs/run-form-fields';

/**
 * The new-live-run form as the user fills it: the season to follow, where its files are, and
 * the settings of a normal run (model, strategy, staking, retraining, alerts). Everything is
 * text until submit, as on the run form, so each field can say what is wrong with it.
 */
export const LIVE_NUMBER_KEYS = [
  'startingBankrollCents', 'kellyMultiplier', 'minEdge', 'maxStakeFraction', 'maxWeeklyExposureFraction', 'retrainEveryWeeks', 'alertBrierGap', 'alertWindowMatches', 'alertDrawdown',
] as const satisfies readonly NumberKey[];
export type LiveNumberKey = (typeof LIVE_NUMBER_KEYS)[number];

export interface LiveRunForm {
  readonly div: string;
  readonly season: string;
  readonly baseUrl: string;
  /** Empty: every season of the division the ledger holds before the live one. */
  readonly training: string;
  readonly modelKind: RunSettings['modelKind'];
  readonly strategy: NamedStrategyId;
  readonly numbers: Readonly<Record<LiveNumberKey, string>>;
}

export type LiveFormField = 'div' | 'season' | 'baseUrl' | 'training' | LiveNumberKey;

export type LiveFormResult =
  | { readonly ok: true; readonly request: { readonly create: { readonly div: string; readonly season: string; readonly settings: LiveRunSettingsInput }; readonly baseUrl: string } }
  | { readonly ok: false; readonly errors: Partial<Record<LiveFormField, string>> };

/** The form's first state: the defaults of a normal run, with the chosen strategy's own filters and stake. */
export function initialLiveRunForm(defaults: RunSettings, season: string, baseUrl: string, strategy: NamedStrategyId): LiveRunForm {
  return withStrategy({ div: defaults.div, season, baseUrl, training: '', modelKind: defaults.modelKind, strategy, numbers: numberTextsOf(defaults) }, strategy);
}

/** Choosing a strategy sets the fields it defines (minimum edge, Kelly multiplier), as on the run form. */
export function withStrategy(form: LiveRunForm, strategy: NamedStrategyId): LiveRunForm {
  const chosen = namedStrategySettings(strategy);
  const numbers = { ...form.numbers };
  for (const key of ['minEdge', 'kellyMultiplier'] as const) numbers[key] = fieldTextOf(NUMBER_FIELDS[key], chosen[key]);
  return { ...form, strategy, numbers };
}

function numberTextsOf(settings: RunSettings): Record<LiveNumberKey, string> {
  return Object.fromEntries(LIVE_NUMBER_KEYS.map((key) => [key, fieldTextOf(NUMBER_FIELDS[key], settings[key])])) as Record<LiveNumberKey, string>;
}

/** The Refresh request that creates the run, or a message for each field that is wrong. */
export function liveRunRequestOf(form: LiveRunForm): LiveFormResult {
  const errors: Partial<Record<LiveFormField, string>> = {};
  const div = form.div.trim().toUpperCase();
  if (!/^[A-Z0-9]{1,4}$/.test(div)) errors.div = 'League: choose a division code like E0';
  const season = form.season.trim();
  if (!/^\d{4}$/.test(season) || (Number(season.slice(0, 2)) + 1) % 100 !== Number(season.slice(2))) errors.season = 'Season: write it as two consecutive years, like 2425 for 2024-25';
  const baseUrl = form.baseUrl.trim();
  if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) errors.baseUrl = 'Data URL: an http or https address, like https://www.football-data.co.uk';
  let trainingSeasons: string[] = [];
  if (form.training.trim() !== '') {
    try {
      trainingSeasons = seasonRange(form.training);
      if (errors.season === undefined && trainingSeasons.some((s) => s >= season)) errors.training = `Training seasons: every one must come before the live season ${season}`;
    } catch {
      errors.training = 'Training seasons: write seasons like 2223, a range 2122-2223, or a list 2122,2223';
    }
  }
  const values: Partial<Record<LiveNumberKey, number>> = {};
  for (const key of LIVE_NUMBER_KEYS) {
    const parsed = parseField(NUMBER_FIELDS[key], form.numbers[key]);
    if (parsed.ok) values[key] = parsed.value;
    else errors[key] = parsed.message;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const settings: LiveRunSettingsInput = { ...namedStrategySettings(form.strategy), modelKind: form.modelKind, trainingSeasons, ...values };
  return { ok: true, request: { create: { div, season, settings }, baseUrl: baseUrl.replace(/\/+$/, '') } };
}
