import type { BankrollPoint, WeeklyPerformanceRow } from '../../../src-main/ipc/renderer-contract';

/** Small factories for chart option tests: a neutral week/point with the fields under test overridden. */
export function weekRow(overrides: Partial<WeeklyPerformanceRow> & { week: number }): WeeklyPerformanceRow {
  return {
    weekStart: '2023-08-08',
    weekEnd: '2023-08-14',
    matches: 10,
    valueBetsFound: 0,
    betsPlaced: 0,
    wins: 0,
    stakedCents: 0,
    profitCents: 0,
    roi: null,
    bankrollStartCents: 1_000_000,
    bankrollEndCents: 1_000_000,
    modelBrier: 0.6,
    marketBrier: 0.58,
    cumulativeModelBrier: 0.6,
    cumulativeMarketBrier: 0.58,
    drawdown: 0,
    meanClv: null,
    modelVersion: 1,
    ...overrides,
  };
}

export function bankrollPoint(overrides: Partial<BankrollPoint> & { week: number; bankrollCents: number }): BankrollPoint {
  return {
    peakCents: overrides.bankrollCents,
    drawdown: 0,
    expectedP05Cents: 900_000,
    expectedP50Cents: 1_000_000,
    expectedP95Cents: 1_100_000,
    staticModelBankrollCents: null,
    ...overrides,
  };
}
