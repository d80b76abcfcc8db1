import { describe, expect, it } from 'vitest';
import { fieldTextOf, firstBadField, NUMBER_FIELDS, parseField, parsePoolWeight, validateRunForm, type NumberKey } from './run-form-fields';

const defaults: Record<NumberKey, string> = {
  seed: '42', retrainEveryWeeks: '4', retrainMinMatches: '40', kellyMultiplier: '0.25', minEdge: '5', minOdds: '1.25', maxOdds: '10',
  maxStakeFraction: '5', maxWeeklyExposureFraction: '25', startingBankrollCents: '10000', alertBrierGap: '0.02', alertWindowMatches: '50', alertDrawdown: '20', priorFitSeasons: '3',
};

describe('parseField', () => {
  it('stores percentages as fractions and pounds as cents', () => {
    expect(parseField(NUMBER_FIELDS.minEdge, '5')).toEqual({ ok: true, value: 0.05 });
    expect(parseField(NUMBER_FIELDS.startingBankrollCents, '10000.5')).toEqual({ ok: true, value: 1_000_050 });
    expect(fieldTextOf(NUMBER_FIELDS.minEdge, 0.05)).toBe('5');
    expect(fieldTextOf(NUMBER_FIELDS.startingBankrollCents, 1_000_000)).toBe('10000');
  });

  it('says what is wrong in the field\'s own terms', () => {
    expect(parseField(NUMBER_FIELDS.minEdge, '-1')).toEqual({ ok: false, message: 'Minimum edge must be 0% or more' });
    expect(parseField(NUMBER_FIELDS.minEdge, '120')).toEqual({ ok: false, message: 'Minimum edge must be 100% or less' });
    expect(parseField(NUMBER_FIELDS.kellyMultiplier, '0')).toEqual({ ok: false, message: 'Kelly multiplier must be more than 0' });
    expect(parseField(NUMBER_FIELDS.startingBankrollCents, '0')).toEqual({ ok: false, message: 'Starting bankroll must be more than £0' });
    expect(parseField(NUMBER_FIELDS.retrainEveryWeeks, '2.5')).toEqual({ ok: false, message: 'Retrain every (weeks) must be a whole number' });
    expect(parseField(NUMBER_FIELDS.alertWindowMatches, '5')).toEqual({ ok: false, message: 'Rolling window (matches) must be 10 or more' });
  });

  it('treats a cleared field as empty, not as zero', () => {
    expect(parseField(NUMBER_FIELDS.minOdds, '')).toEqual({ ok: false, message: 'Minimum odds is empty: enter a number' });
    expect(parseField(NUMBER_FIELDS.minOdds, '  ')).toEqual({ ok: false, message: 'Minimum odds is empty: enter a number' });
  });
});

describe('validateRunForm', () => {
  it('accepts the defaults', () => {
    expect(validateRunForm('Ensemble · 2023-24', defaults).errors).toEqual({});
  });

  it('checks the odds range across two fields and names the first bad field in screen order', () => {
    const { errors } = validateRunForm('', { ...defaults, minOdds: '3', maxOdds: '2', minEdge: '-2' });
    expect(errors).toEqual({
      name: 'Name is empty: give the run a name',
      minEdge: 'Minimum edge must be 0% or more',
      maxOdds: 'Maximum odds must be above the minimum odds (3)',
    });
    expect(firstBadField(errors)).toBe('name');
    expect(firstBadField({ maxOdds: 'x', minEdge: 'y' })).toBe('minEdge');
  });

  it('sends a fitted pool weight as "fitted" and a fixed one as the number typed, checked in its own terms', () => {
    expect(validateRunForm('r', defaults).values.poolWeight).toBe('fitted');
    expect(validateRunForm('r', defaults, { fitted: false, text: '0.25' }).values.poolWeight).toBe(0.25);
    expect(parsePoolWeight({ fitted: true, text: 'anything' })).toEqual({ ok: true, value: 'fitted' });
    const { errors } = validateRunForm('r', { ...defaults, priorFitSeasons: '0', kellyMultiplier: '0' }, { fitted: false, text: '1.5' });
    expect(errors).toEqual({
      poolWeight: 'Weight on the model (shrunk to market) must be 1 or less',
      priorFitSeasons: 'Seasons before the holdout to fit on must be 1 or more',
      kellyMultiplier: 'Kelly multiplier must be more than 0',
    });
    expect(firstBadField(errors)).toBe('poolWeight');
    expect(validateRunForm('r', defaults, { fitted: false, text: '' }).errors.poolWeight).toBe('Weight on the model (shrunk to market) is empty: enter a number');
    expect(validateRunForm('r', { ...defaults, priorFitSeasons: '2.5' }).errors.priorFitSeasons).toBe('Seasons before the holdout to fit on must be a whole number');
  });
});
