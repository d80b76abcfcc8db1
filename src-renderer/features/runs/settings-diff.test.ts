import { describe, expect, it } from 'vitest';
import type { RunSettings } from '../../../src-main/ipc/renderer-contract';
import { settingsDiff, strategyOf } from './settings-diff';

const base: RunSettings = {
  name: 'A', div: 'E0', holdoutSeason: '2324', trainingSeasons: [], modelKind: 'ensemble', marginMethod: 'power', priceSource: 'b365', stakingMode: 'independent',
  kellyMultiplier: 0.25, minEdge: 0.05, minOdds: 1.25, maxOdds: 10, maxStakeFraction: 0.05, maxWeeklyExposureFraction: 0.25, oneOutcomePerMatch: true,
  startingBankrollCents: 1_000_000, retrainEveryWeeks: 4, retrainOnDegradation: true, retrainMinMatches: 40, alertBrierGap: 0.02, alertWindowMatches: 50, alertDrawdown: 0.2, seed: 42,
  strategyName: 'Model', probabilitySource: 'model', referenceBook: 'pinnacle', poolWeight: 'fitted', priorFitSeasons: 3, shrinkKellyByCalibration: false, maxCredibleEdge: null, flatStakeFraction: null,
};

describe('settingsDiff', () => {
  it('names every setting two runs differ in, with both values, and ignores the name', () => {
    const other: RunSettings = { ...base, name: 'B', modelKind: 'dixon-coles', minEdge: 0.03, priceSource: 'best', trainingSeasons: ['2122', '2223'] };
    expect(settingsDiff(base, other)).toEqual([
      { key: 'trainingSeasons', label: 'Training seasons', a: 'all before the holdout', b: '2021-22, 2022-23' },
      { key: 'modelKind', label: 'Model', a: 'Ensemble', b: 'Dixon-Coles' },
      { key: 'priceSource', label: 'Prices bet at', a: 'Bet365 pre-match', b: 'Best price across books (assumes an account at every book, prices still on offer, no limits)' },
      { key: 'minEdge', label: 'Minimum edge', a: '5%', b: '3%' },
    ]);
  });

  it('is empty for runs with the same settings', () => {
    expect(settingsDiff(base, { ...base, name: 'Copy' })).toEqual([]);
  });

  it('reads the staking strategy in one line', () => {
    expect(strategyOf(base)).toBe('Independent Kelly per bet · 0.25× · min edge 5%');
  });
});
