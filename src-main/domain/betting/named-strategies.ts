import type { Strategy, StrategyStaking } from './strategy';

/*
 * The named strategies, with type imports only: the run form reads them through the renderer
 * contract, so nothing here may pull betting code into the renderer bundle.
 */
export const NAMED_STRATEGY_IDS = ['market-consensus', 'model', 'model-shrunk-to-market'] as const;
export type NamedStrategyId = (typeof NAMED_STRATEGY_IDS)[number];

/**
 * How many seasons before the holdout a run measures on before its first week (the fitted pool
 * weight, and the calibration error Kelly shrinks by): each costs one model fit and a season of
 * predictions (docs/betting.md "The pool weight, fitted per run").
 */
export const DEFAULT_PRIOR_FIT_SEASONS = 3;

/**
 * The strategies the run form and the backtest offer by name. The defaults of each were chosen
 * on 2012-13..2018-19 only (docs/betting.md "Strategies"); the market consensus is the default
 * run because it had the best closing-line value on those seasons.
 */
export type NamedStrategy = Omit<Strategy, 'marginMethod' | 'staking'> & { readonly staking: Extract<StrategyStaking, { kind: 'kelly' }> };

export const NAMED_STRATEGIES: Readonly<Record<NamedStrategyId, NamedStrategy>> = {
  'market-consensus': {
    name: 'Market consensus',
    probabilitySource: { kind: 'market-consensus', reference: 'pinnacle' },
    priceSource: 'best',
    filters: { minEdge: 0.02, maxCredibleEdge: Number.POSITIVE_INFINITY, minOdds: 1.01, maxOdds: 3 },
    staking: { kind: 'kelly', multiplier: 0.25, shrinkByCalibration: false },
  },
  model: {
    name: 'Model',
    probabilitySource: { kind: 'model' },
    priceSource: 'b365',
    filters: { minEdge: 0.05, maxCredibleEdge: 0.1, minOdds: 1.25, maxOdds: 5 },
    staking: { kind: 'kelly', multiplier: 0.25, shrinkByCalibration: false },
  },
  'model-shrunk-to-market': {
    name: 'Model shrunk to market',
    // Fitted per run on the seasons before its holdout (weight null until then).
    probabilitySource: { kind: 'model-shrunk-to-market', reference: 'pinnacle', weight: null, fittedOn: null },
    priceSource: 'best',
    filters: { minEdge: 0.02, maxCredibleEdge: 0.1, minOdds: 1.01, maxOdds: 5 },
    staking: { kind: 'kelly', multiplier: 0.25, shrinkByCalibration: false },
  },
};

export const DEFAULT_STRATEGY_ID: NamedStrategyId = 'market-consensus';

