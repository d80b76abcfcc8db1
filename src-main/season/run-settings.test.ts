import { describe, expect, it } from 'vitest';
import { describeZodError } from '../ipc/error-to-app-error';
import { runSettingsSchema, type RunSettingsInput } from './run-settings';

const base: RunSettingsInput = { name: 'EPL 2023-24', div: 'E0', holdoutSeason: '2324' };

function problems(input: Record<string, unknown>): string {
  const parsed = runSettingsSchema.safeParse({ ...base, ...input });
  return parsed.success ? 'accepted' : describeZodError(parsed.error);
}

describe('runSettingsSchema refuses what no run could mean', () => {
  it('fills every default for the minimal settings', () => {
    expect(problems({})).toBe('accepted');
  });

  it('an unknown key, such as a misspelt setting, instead of silently ignoring it', () => {
    expect(problems({ kellyMultiplyer: 0.5 })).toBe('(input): Unrecognized key: "kellyMultiplyer"');
  });

  it('odds bounds outside 1.01 to 1000', () => {
    expect(problems({ minOdds: 1.001 })).toBe('minOdds: Odds bounds must be at least 1.01');
    expect(problems({ maxOdds: 1e9 })).toBe('maxOdds: Odds bounds must be at most 1000');
    expect(problems({ minOdds: 3, maxOdds: 2 })).toBe('maxOdds: minOdds must be below maxOdds');
  });

  it('sample sizes larger than any season', () => {
    expect(problems({ retrainMinMatches: 100_000 })).toBe('retrainMinMatches: No season has more than 552 matches');
    expect(problems({ alertWindowMatches: 1e6 })).toBe('alertWindowMatches: No season has more than 552 matches');
  });

  it('a Brier gap beyond the whole range of the Brier score', () => {
    expect(problems({ alertBrierGap: 5 })).toBe('alertBrierGap: Too big: expected number to be <=2');
  });
});
