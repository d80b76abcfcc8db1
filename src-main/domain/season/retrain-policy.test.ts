import { describe, expect, it } from 'vitest';
import { brierGap, decideRetrain, type RetrainPolicy } from './retrain-policy';

const policy: RetrainPolicy = { everyWeeks: 4, onDegradation: true, minMatches: 3, brierGap: 0.02 };

describe('decideRetrain', () => {
  it('fits an initial model when the run has none', () => {
    expect(decideRetrain(null, policy)).toMatchObject({ retrain: true, reason: 'initial' });
  });

  it('refits on schedule once k weeks have passed since the last fit', () => {
    const track = { weeksSinceFit: 4, modelBriers: [], marketBriers: [] };
    expect(decideRetrain(track, policy)).toMatchObject({ retrain: true, reason: 'scheduled' });
    expect(decideRetrain({ ...track, weeksSinceFit: 3 }, policy)).toEqual({ retrain: false });
    expect(decideRetrain(track, { ...policy, everyWeeks: 0 })).toEqual({ retrain: false });
  });

  it('refits on degradation only with enough matches and a gap above the threshold', () => {
    // Gaps: 0.60-0.55, 0.62-0.58, 0.50-0.50 -> (0.05 + 0.04 + 0) / 3 = 0.03 > 0.02.
    const degraded = { weeksSinceFit: 1, modelBriers: [0.6, 0.62, 0.5], marketBriers: [0.55, 0.58, 0.5] };
    expect(decideRetrain(degraded, policy)).toMatchObject({ retrain: true, reason: 'degradation' });
    // Two matches are below minMatches = 3.
    expect(decideRetrain({ ...degraded, modelBriers: [0.6, 0.62], marketBriers: [0.55, 0.58] }, policy)).toEqual({ retrain: false });
    expect(decideRetrain(degraded, { ...policy, onDegradation: false })).toEqual({ retrain: false });
    // A match without prices does not count towards the sample.
    expect(decideRetrain({ ...degraded, marketBriers: [0.55, null, 0.5] }, policy)).toEqual({ retrain: false });
  });
});

describe('brierGap', () => {
  it('averages model minus market over matches that have both', () => {
    // (0.5 - 0.4) and (0.3 - 0.5): (0.1 - 0.2) / 2 = -0.05
    const result = brierGap([0.5, 0.7, 0.3], [0.4, null, 0.5]);
    expect(result?.matches).toBe(2);
    expect(result?.gap).toBeCloseTo(-0.05, 12);
    expect(brierGap([0.5], [null])).toBeNull();
  });
});
