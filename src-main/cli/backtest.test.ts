import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SHARED_DATA } from '../season/testing/season-fixture';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('./backtest.ts', import.meta.url));

function backtest(args: string[]) {
  return run(process.execPath, ['--import', 'tsx', CLI, ...args], { maxBuffer: 16 * 1024 * 1024 });
}

describe('npm run backtest', () => {
  it('plays each season with the same strategy and prints one row per season and a pooled row that adds them up', async () => {
    const { stdout } = await backtest(['--div', 'E0', '--seasons', '2223-2324', '--data', SHARED_DATA, '--model', 'dixon-coles', '--json']);
    const out = JSON.parse(stdout.trim());
    expect(Object.keys(out)).toEqual(['seasons', 'pooled', 'strategy']);
    expect(out.seasons.map((s: { season: string }) => s.season)).toEqual(['2223', '2324']);
    for (const row of [...out.seasons, out.pooled]) {
      expect(Object.keys(row)).toEqual(['season', 'bets', 'roi', 'roiCi', 'clv', 'beatCloseShare', 'model', 'market', 'searchLog', 'priorSeasonFit']);
      expect(row.roiCi[0]).toBeLessThanOrEqual(row.roi);
      expect(row.roiCi[1]).toBeGreaterThanOrEqual(row.roi);
      // CLV is a fraction, not a percentage.
      expect(Math.abs(row.clv)).toBeLessThan(0.5);
      expect(row.model.rps).toBeGreaterThan(0.15);
      expect(row.market.rps).toBeGreaterThan(0.15);
    }
    expect(out.pooled.bets).toBe(out.seasons[0].bets + out.seasons[1].bets);
    // A fresh ledger: the only try on each season, so nothing to deflate; the log counts per season, not pooled.
    for (const row of out.seasons) {
      expect(row.searchLog).toMatchObject({ k: 1, n: 1 });
      expect(row.searchLog.pValue).toBeGreaterThan(0);
      expect(row.searchLog.deflatedP).toBe(row.searchLog.pValue);
    }
    expect(out.pooled.searchLog).toBeNull();
    // The default strategy: the market consensus (docs/betting.md).
    expect(out.strategy).toMatchObject({ name: 'Market consensus', probabilitySource: { kind: 'market-consensus', reference: 'pinnacle' }, priceSource: 'best' });
  }, 300_000);

  it('fits the shrunk strategy\'s pool weight per season on the seasons before it, and prints the fit with the season', async () => {
    const { stdout } = await backtest(['--seasons', '2324', '--data', SHARED_DATA, '--model', 'dixon-coles', '--strategy', 'model-shrunk-to-market', '--json']);
    const out = JSON.parse(stdout.trim());
    const fit = out.seasons[0].priorSeasonFit;
    expect(fit).toMatchObject({ seasons: ['2021', '2122', '2223'], matches: 1140, calibrationError: null });
    expect(fit.poolWeight.weight).toBeGreaterThanOrEqual(0);
    expect(fit.poolWeight.weight).toBeLessThanOrEqual(1);
    expect(out.pooled.priorSeasonFit).toBeNull();
    // The strategy as configured: fitted, so no weight of its own.
    expect(out.strategy.probabilitySource).toEqual({ kind: 'model-shrunk-to-market', reference: 'pinnacle', weight: null, fittedOn: null });
    const text = (await backtest(['--seasons', '2324', '--data', SHARED_DATA, '--model', 'dixon-coles', '--strategy', 'model-shrunk-to-market'])).stdout;
    expect(text).toContain(`2324: probabilities market-informed: model pooled with Pinnacle pre-match fair prices, model weight ${fit.poolWeight.weight.toFixed(3)} fitted on 2020-21..2022-23 (1140 matches`);
  }, 300_000);

  it('plays a strategy from a file, and refuses an unknown strategy naming the ones it knows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgeline-backtest-test-'));
    try {
      const file = join(dir, 'strategy.json');
      writeFileSync(file, JSON.stringify({ strategyName: 'Avg consensus at the best price', probabilitySource: 'market-consensus', referenceBook: 'avg', priceSource: 'best', minEdge: 0.01 }));
      const db = join(dir, 'ledger.sqlite');
      const first = JSON.parse((await backtest(['--seasons', '2324', '--data', SHARED_DATA, '--model', 'dixon-coles', '--db', db, '--json'])).stdout.trim());
      const { stdout } = await backtest(['--seasons', '2324', '--data', SHARED_DATA, '--model', 'dixon-coles', '--db', db, '--strategy', file, '--json']);
      const second = JSON.parse(stdout.trim());
      expect(first.seasons[0].searchLog).toMatchObject({ k: 1, n: 1 });
      // The same ledger remembers the first try: the file strategy is the second configuration of two, and its p is deflated for both.
      const log = second.seasons[0].searchLog;
      expect(log).toMatchObject({ k: 2, n: 2 });
      expect(log.deflatedP).toBeCloseTo(1 - (1 - log.pValue) ** 2, 12);
      expect(log.pValue).toBeGreaterThan(0);
      expect(log.pValue).toBeLessThan(1);
      expect(log.deflatedP).toBeGreaterThan(log.pValue);
      expect(second.strategy).toMatchObject({ name: 'Avg consensus at the best price', probabilitySource: { kind: 'market-consensus', reference: 'avg' }, priceSource: 'best' });
      await expect(backtest(['--seasons', '2324', '--data', SHARED_DATA, '--strategy', 'lucky'])).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining('--strategy "lucky" is neither a strategy name (market-consensus, model, model-shrunk-to-market) nor a readable file'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
