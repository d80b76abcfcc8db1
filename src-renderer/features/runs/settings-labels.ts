import type { RunSettings } from '../../../src-main/ipc/renderer-contract';

/** Labels for every enum value of the run settings; `Record` makes a new enum value a compile error here. */
export const MODEL_KIND_LABELS: Record<RunSettings['modelKind'], string> = {
  'dixon-coles': 'Dixon-Coles',
  'feature-net': 'Feature network (TF.js)',
  ensemble: 'Ensemble',
};

export const MARGIN_METHOD_LABELS: Record<RunSettings['marginMethod'], string> = {
  basic: 'Normalisation (basic)',
  additive: 'Additive',
  power: 'Power',
  shin: 'Shin',
  'odds-ratio': 'Odds ratio',
  wpo: 'Weights proportional to odds',
  bb: 'Balanced book',
  jsd: 'Jensen-Shannon',
  goto: 'Goto (sequential)',
};

export const PRICE_SOURCE_LABELS: Record<RunSettings['priceSource'], string> = {
  b365: 'Bet365 pre-match',
  pinnacle: 'Pinnacle pre-match',
  avg: 'Market average',
  best: 'Best price across books (assumes an account at every book, prices still on offer, no limits)',
};

export const STAKING_MODE_LABELS: Record<RunSettings['stakingMode'], string> = {
  independent: 'Independent Kelly per bet',
  'multi-outcome': 'Multi-outcome Kelly per match',
  'joint-log-growth': 'Joint log-growth (whole week)',
};

export function optionsOf<T extends string>(labels: Record<T, string>): { value: T; label: string }[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}
