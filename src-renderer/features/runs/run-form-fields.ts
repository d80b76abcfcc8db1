import type { RunSettings } from '../../../src-main/ipc/renderer-contract';

export type NumberKey = { [K in keyof RunSettings]-?: RunSettings[K] extends number ? K : never }[keyof RunSettings];

/**
 * Every number on the run form as the user types it: the label, the unit it is edited in and
 * the bounds (the run-settings schema's, restated in the user's units so a message can say
 * "Minimum edge must be 0% or more" next to the field before anything is sent).
 */
export interface NumberFieldRule {
  readonly key: NumberKey | 'poolWeight';
  readonly label: string;
  /** How the field is shown: a percentage (schema stores 0.05 for 5%), pounds (schema stores cents) or a plain number. */
  readonly unit: 'percent' | 'pounds' | 'plain';
  readonly min: number;
  /** true: the value must be strictly above `min`. */
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly integer?: boolean;
  readonly step: number;
  readonly hint?: string;
}

export const NUMBER_FIELDS: Record<NumberKey, NumberFieldRule> = {
  seed: { key: 'seed', label: 'Seed', unit: 'plain', min: 0, max: 2 ** 31 - 1, integer: true, step: 1, hint: 'same seed + data = same ledger' },
  retrainEveryWeeks: { key: 'retrainEveryWeeks', label: 'Retrain every (weeks)', unit: 'plain', min: 0, max: 52, integer: true, step: 1, hint: '0 = never on schedule' },
  retrainMinMatches: { key: 'retrainMinMatches', label: 'Min matches before degradation retrain', unit: 'plain', min: 10, integer: true, step: 1 },
  kellyMultiplier: { key: 'kellyMultiplier', label: 'Kelly multiplier', unit: 'plain', min: 0, minExclusive: true, max: 1, step: 0.05, hint: '0.25 = quarter Kelly' },
  minEdge: { key: 'minEdge', label: 'Minimum edge', unit: 'percent', min: 0, max: 100, step: 0.5 },
  minOdds: { key: 'minOdds', label: 'Minimum odds', unit: 'plain', min: 1, minExclusive: true, step: 0.05 },
  maxOdds: { key: 'maxOdds', label: 'Maximum odds', unit: 'plain', min: 1, minExclusive: true, step: 0.5 },
  maxStakeFraction: { key: 'maxStakeFraction', label: 'Max stake per bet', unit: 'percent', min: 0, minExclusive: true, max: 100, step: 0.5, hint: 'of bankroll' },
  maxWeeklyExposureFraction: { key: 'maxWeeklyExposureFraction', label: 'Max weekly exposure', unit: 'percent', min: 0, minExclusive: true, max: 100, step: 0.5, hint: 'of bankroll' },
  startingBankrollCents: { key: 'startingBankrollCents', label: 'Starting bankroll', unit: 'pounds', min: 0, minExclusive: true, max: 1e11, step: 100 },
  alertBrierGap: { key: 'alertBrierGap', label: 'Brier gap vs market', unit: 'plain', min: 0, step: 0.005 },
  alertWindowMatches: { key: 'alertWindowMatches', label: 'Rolling window (matches)', unit: 'plain', min: 10, integer: true, step: 1 },
  alertDrawdown: { key: 'alertDrawdown', label: 'Drawdown alert', unit: 'percent', min: 0, minExclusive: true, max: 100, step: 1 },
  priorFitSeasons: {
    key: 'priorFitSeasons', label: 'Seasons before the holdout to fit on', unit: 'plain', min: 1, max: 10, integer: true, step: 1,
    hint: 'fitted pool weight and calibration error; each season costs one model fit',
  },
};

/** A fixed pool weight, typed when the user turns "fitted" off (the setting is "fitted" or this number). */
export const POOL_WEIGHT_FIELD: NumberFieldRule = { key: 'poolWeight', label: 'Weight on the model (shrunk to market)', unit: 'plain', min: 0, max: 1, step: 0.05, hint: '0 = the market, 1 = the model' };

/** The pool weight as the form holds it: fitted per run, or a fixed weight as typed. */
export interface PoolWeightInput {
  readonly fitted: boolean;
  readonly text: string;
}

/** The stored setting for the form's pool weight, or the message to show next to it. */
export function parsePoolWeight(input: PoolWeightInput): { ok: true; value: 'fitted' | number } | { ok: false; message: string } {
  return input.fitted ? { ok: true, value: 'fitted' } : parseField(POOL_WEIGHT_FIELD, input.text);
}

/** The order the form shows the fields in, so "the first bad field" is the first on screen. */
export const FIELD_ORDER: readonly FormFieldKey[] = [
  'name', 'seed', 'poolWeight', 'priorFitSeasons', 'retrainEveryWeeks', 'retrainMinMatches', 'kellyMultiplier', 'minEdge', 'minOdds', 'maxOdds',
  'maxStakeFraction', 'maxWeeklyExposureFraction', 'startingBankrollCents', 'alertBrierGap', 'alertWindowMatches', 'alertDrawdown',
];

const unitText = (rule: NumberFieldRule, value: number): string => (rule.unit === 'percent' ? `${value}%` : rule.unit === 'pounds' ? `£${value}` : String(value));

/** The value shown in a field for a stored setting (0.05 -> "5", 1_000_000 cents -> "10000"). */
export function fieldTextOf(rule: NumberFieldRule, stored: number): string {
  if (rule.unit === 'percent') return String(Math.round(stored * 10_000) / 100);
  if (rule.unit === 'pounds') return String(stored / 100);
  return String(stored);
}

/** Parses what the user typed: the stored value, or the message to show next to the field. */
export function parseField(rule: NumberFieldRule, text: string): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `${rule.label} is empty: enter a number` };
  const shown = Number(trimmed);
  if (!Number.isFinite(shown)) return { ok: false, message: `${rule.label} must be a number` };
  if (rule.integer === true && !Number.isInteger(shown)) return { ok: false, message: `${rule.label} must be a whole number` };
  if (rule.minExclusive === true ? shown <= rule.min : shown < rule.min) {
    const bound = unitText(rule, rule.min);
    return { ok: false, message: rule.minExclusive === true ? `${rule.label} must be more than ${bound}` : `${rule.label} must be ${bound} or more` };
  }
  if (rule.max !== undefined && shown > rule.max) return { ok: false, message: `${rule.label} must be ${unitText(rule, rule.max)} or less` };
  const value = rule.unit === 'percent' ? shown / 100 : rule.unit === 'pounds' ? Math.round(shown * 100) : shown;
  return { ok: true, value };
}

export type FormFieldKey = NumberKey | 'name' | 'poolWeight';

/** All field messages for a form, including the rules that tie two fields together. */
export function validateRunForm(
  name: string,
  texts: Readonly<Record<NumberKey, string>>,
  poolWeight: PoolWeightInput = { fitted: true, text: '' },
): { values: Partial<Record<NumberKey, number>> & { poolWeight?: 'fitted' | number }; errors: Partial<Record<FormFieldKey, string>> } {
  const values: Partial<Record<NumberKey, number>> & { poolWeight?: 'fitted' | number } = {};
  const errors: Partial<Record<FormFieldKey, string>> = {};
  const pool = parsePoolWeight(poolWeight);
  if (pool.ok) values.poolWeight = pool.value;
  else errors.poolWeight = pool.message;
  if (name.trim() === '') errors.name = 'Name is empty: give the run a name';
  else if (name.trim().length > 80) errors.name = 'Name must be 80 characters or fewer';
  for (const rule of Object.values(NUMBER_FIELDS)) {
    const key = rule.key as NumberKey;
    const parsed = parseField(rule, texts[key]);
    if (parsed.ok) values[key] = parsed.value;
    else errors[key] = parsed.message;
  }
  if (values.minOdds !== undefined && values.maxOdds !== undefined && values.minOdds >= values.maxOdds) {
    errors.maxOdds = `Maximum odds must be above the minimum odds (${values.minOdds})`;
  }
  return { values, errors };
}

export function firstBadField(errors: Partial<Record<FormFieldKey, string>>): FormFieldKey | undefined {
  return FIELD_ORDER.find((key) => errors[key] !== undefined);
}
