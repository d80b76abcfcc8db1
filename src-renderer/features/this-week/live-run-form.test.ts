import { describe, expect, it } from 'vitest';
import { namedStrategySettings, NAMED_STRATEGY_IDS } from '../../../src-main/ipc/renderer-contract';
import { runSettingsSchema } from '../../../src-main/season/run-settings';
import { initialLiveRunForm, liveRunRequestOf, withStrategy } from './live-run-form';

const defaults = runSettingsSchema.parse({ name: 'x', div: 'E0', holdoutSeason: '2324' });
const strategy = NAMED_STRATEGY_IDS[0]!;
const form = initialLiveRunForm(defaults, '2425', 'https://www.football-data.co.uk', strategy);

describe('the new live run form', () => {
  it('turns the defaults into the request of a first Refresh, with the strategy and the run defaults', () => {
    const result = liveRunRequestOf({ ...form, training: '2223-2324', baseUrl: 'http://127.0.0.1:8123/' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request.baseUrl).toBe('http://127.0.0.1:8123');
    expect(result.request.create).toMatchObject({ div: 'E0', season: '2425' });
    const settings = result.request.create.settings;
    expect(settings).toMatchObject({ ...namedStrategySettings(strategy), trainingSeasons: ['2223', '2324'], startingBankrollCents: defaults.startingBankrollCents, alertWindowMatches: defaults.alertWindowMatches });
    // What the form sends is a valid run's settings once the season fixes the rest.
    expect(runSettingsSchema.safeParse({ ...settings, name: 'Live', div: 'E0', holdoutSeason: '2425' }).success).toBe(true);
  });

  it("sets the chosen strategy's own minimum edge and Kelly multiplier in the fields", () => {
    for (const id of NAMED_STRATEGY_IDS) {
      const chosen = withStrategy(form, id);
      const result = liveRunRequestOf(chosen);
      expect(result.ok && [result.request.create.settings.minEdge, result.request.create.settings.kellyMultiplier]).toEqual([namedStrategySettings(id).minEdge, namedStrategySettings(id).kellyMultiplier]);
    }
  });

  it('names every bad field in the user\'s terms', () => {
    const result = liveRunRequestOf({ ...form, div: 'e0x!', season: '2426', baseUrl: 'file:///tmp', training: '22-23', numbers: { ...form.numbers, kellyMultiplier: '2', startingBankrollCents: '' } });
    expect(result).toEqual({
      ok: false,
      errors: {
        div: 'League: choose a division code like E0',
        season: 'Season: write it as two consecutive years, like 2425 for 2024-25',
        baseUrl: 'Data URL: an http or https address, like https://www.football-data.co.uk',
        training: 'Training seasons: write seasons like 2223, a range 2122-2223, or a list 2122,2223',
        kellyMultiplier: 'Kelly multiplier must be 1 or less',
        startingBankrollCents: 'Starting bankroll is empty: enter a number',
      },
    });
    expect(liveRunRequestOf({ ...form, training: '2425' })).toEqual({ ok: false, errors: { training: 'Training seasons: every one must come before the live season 2425' } });
  });
});
