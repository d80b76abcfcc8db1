import { describe, expect, it } from 'vitest';
import { INITIAL_MONITORING_STATE, monitorWeek, type MonitoringThresholds } from './monitoring';

const thresholds: MonitoringThresholds = { brierGap: 0.02, windowMatches: 2, drawdown: 0.2 };

describe('monitorWeek', () => {
  it('alerts once when the rolling model Brier falls behind the market by more than the gap', () => {
    // Last two matches: (0.70 - 0.60 + 0.64 - 0.60) / 2 = 0.07 > 0.02.
    const behind = { week: 3, modelBriers: [0.1, 0.7, 0.64], marketBriers: [0.5, 0.6, 0.6], drawdown: 0 };
    const first = monitorWeek(behind, INITIAL_MONITORING_STATE, thresholds);
    expect(first.alerts).toEqual([
      { week: 3, kind: 'model-worse-than-market', message: 'Model Brier is 0.0700 worse than the market over the last 2 matches (threshold 0.02).' },
    ]);
    // Still behind next week: no repeated alert.
    expect(monitorWeek({ ...behind, week: 4 }, first.state, thresholds).alerts).toEqual([]);
  });

  it('waits for a full window of priced matches', () => {
    const result = monitorWeek({ week: 1, modelBriers: [0.9], marketBriers: [0.1], drawdown: 0 }, INITIAL_MONITORING_STATE, thresholds);
    expect(result.alerts).toEqual([]);
    expect(result.state.modelBehindMarket).toBe(false);
  });

  it('alerts when the drawdown crosses the threshold and re-arms after recovery', () => {
    const deep = monitorWeek({ week: 5, modelBriers: [], marketBriers: [], drawdown: 0.25 }, INITIAL_MONITORING_STATE, thresholds);
    expect(deep.alerts).toEqual([{ week: 5, kind: 'drawdown', message: 'Bankroll is 25.0% below its peak (threshold 20%).' }]);
    const recovered = monitorWeek({ week: 6, modelBriers: [], marketBriers: [], drawdown: 0.05 }, deep.state, thresholds);
    expect(recovered.alerts).toEqual([]);
    expect(monitorWeek({ week: 7, modelBriers: [], marketBriers: [], drawdown: 0.3 }, recovered.state, thresholds).alerts).toHaveLength(1);
  });
});
