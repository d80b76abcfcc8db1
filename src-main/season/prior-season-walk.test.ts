import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { openLedger } from '../ledger/ledger-database';
import { readBets, readPredictions } from '../ledger/run-repository';
import { matchesOf } from '../ledger/match-repository';
import { calibrationErrorBefore } from '../domain/betting/prior-season-fit';
import { rmsCalibrationErrorOfBins } from '../domain/evaluation/calibration-error';
import { calibrationKellyScale } from '../domain/betting/calibration-kelly';
import type { EdgelineService } from '../app/edgeline-service';
import { FAST_RUN, ledgerWithSeasons, seasonFile } from './testing/season-fixture';
import type { RunSettingsInput } from './run-settings';

/** Dixon-Coles needs one season before a season it prices, so 2020-21 makes 2021-22 and 2022-23 measurable. */
const SEASONS = ['2021', '2122', '2223', '2324'];
const SHRUNK: RunSettingsInput = {
  ...FAST_RUN,
  trainingSeasons: ['2021', '2122', '2223'],
  strategyName: 'Model shrunk to market',
  probabilitySource: 'model-shrunk-to-market',
  referenceBook: 'pinnacle',
  priceSource: 'best',
  minEdge: 0.02,
  poolWeight: 'fitted',
  priorFitSeasons: 2,
};

/** The 2023-24 file with every result turned round: what the holdout holds must not move a fit made before it. */
function flippedHoldout(): Uint8Array {
  const [header, ...rows] = readFileSync(seasonFile('2324'), 'latin1').split(/\r?\n/);
  const columns = header!.split(',');
  const [hg, ag, res] = ['FTHG', 'FTAG', 'FTR'].map((c) => columns.indexOf(c));
  const flipped = rows.map((row) => {
    const cells = row.split(',');
    if (cells.length < columns.length) return row;
    [cells[hg!], cells[ag!]] = [cells[ag!]!, cells[hg!]!];
    cells[res!] = cells[res!] === 'H' ? 'A' : cells[res!] === 'A' ? 'H' : 'D';
    return cells.join(',');
  });
  return new Uint8Array(Buffer.from([header, ...flipped].join('\n'), 'latin1'));
}

describe('a run measures the seasons before its holdout before its first week', () => {
  let service: EdgelineService;
  let databaseFile: string;
  let dir: string;

  beforeAll(() => {
    ({ service, databaseFile, dir } = ledgerWithSeasons(SEASONS));
  });
  afterAll(() => {
    service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fits the pool weight on the model\'s out-of-sample forecasts of the seasons before the holdout, records it, and never reads the holdout', async () => {
    const run = service.createRun(SHRUNK);
    expect(service.dashboard(run.id).strategy.probabilities).toContain('not fitted yet');
    await service.step(run.id);
    const fit = service.getRun(run.id).settings.priorSeasonFit!;
    expect(fit.seasons).toEqual(['2122', '2223']);
    expect(fit.matches).toBe(760);
    expect(fit.calibration).toBeNull();
    expect(fit.poolWeight!.weight).toBeGreaterThanOrEqual(0);
    expect(fit.poolWeight!.weight).toBeLessThanOrEqual(1);
    expect(fit.poolWeight!.standardError).toBeGreaterThan(0);
    expect(service.dashboard(run.id).strategy.probabilities).toBe(
      `market-informed: model pooled with Pinnacle pre-match fair prices, model weight ${fit.poolWeight!.weight.toFixed(3)} fitted on 2021-22..2022-23 (760 matches, standard error ${fit.poolWeight!.standardError.toFixed(3)})`,
    );

    // The same seasons before the holdout with the holdout's results turned round: the same fit, to the last bit.
    const other = ledgerWithSeasons(SEASONS.slice(0, 3));
    try {
      other.service.importFiles([{ name: seasonFile('2324'), bytes: flippedHoldout() }]);
      const corrupted = other.service.createRun(SHRUNK);
      await other.service.step(corrupted.id);
      expect(other.service.getRun(corrupted.id).settings.priorSeasonFit).toEqual(fit);
    } finally {
      other.service.close();
      rmSync(other.dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('shrinks each Kelly stake by the calibration error of the strategy\'s own past forecasts, exactly calibrationKellyScale of the plain stake', async () => {
    const model: RunSettingsInput = { ...FAST_RUN, trainingSeasons: ['2021', '2122', '2223'], priorFitSeasons: 2 };
    const plain = service.createRun({ ...model, name: 'plain Kelly' });
    const shrunk = service.createRun({ ...model, name: 'shrunk Kelly', shrinkKellyByCalibration: true });
    await service.step(plain.id);
    await service.step(shrunk.id);
    const fit = service.getRun(shrunk.id).settings.priorSeasonFit!;
    expect(fit.poolWeight).toBeNull();
    expect(fit.seasons).toEqual(['2122', '2223']);
    const sd = rmsCalibrationErrorOfBins(fit.calibration!);
    expect(sd).toBeGreaterThan(0);
    expect(service.dashboard(shrunk.id).strategy.staking).toContain(`${sd.toFixed(3)} on 2021-22..2022-23 (760 matches) before the first week`);
    const db = openLedger(databaseFile);
    try {
      const before = readBets(db, plain.id, { week: 1, book: 'active' });
      const after = readBets(db, shrunk.id, { week: 1, book: 'active' });
      expect(after.map((b) => [b.matchId, b.outcome, b.edge])).toEqual(before.map((b) => [b.matchId, b.outcome, b.edge]));
      const candidates = before.filter((b) => b.appliedKelly > 0);
      expect(candidates.length).toBeGreaterThan(0);
      for (const b of candidates) {
        const a = after.find((x) => x.matchId === b.matchId && x.outcome === b.outcome)!;
        expect(a.appliedKelly).toBeCloseTo(b.appliedKelly * calibrationKellyScale(b.edge, b.decimalOdds, sd), 12);
        expect(a.appliedKelly).toBeLessThan(b.appliedKelly);
      }

      // Week 2 adds week 1's own forecasts (its results are in) to the prior seasons, and nothing of week 2.
      await service.step(plain.id);
      await service.step(shrunk.id);
      const results = new Map(matchesOf(db, { div: 'E0' }).map((m) => [m.id, m.result]));
      const week1 = readPredictions(db, shrunk.id, { week: 1, role: 'active' }).map((p) => ({ probabilities: p.probabilities, result: results.get(p.matchId)! }));
      const sd2 = calibrationErrorBefore(fit.calibration!, week1);
      expect(sd2).not.toBe(sd);
      const plain2 = readBets(db, plain.id, { week: 2, book: 'active' }).filter((b) => b.appliedKelly > 0);
      const shrunk2 = readBets(db, shrunk.id, { week: 2, book: 'active' });
      expect(plain2.length).toBeGreaterThan(0);
      for (const b of plain2) {
        const a = shrunk2.find((x) => x.matchId === b.matchId && x.outcome === b.outcome)!;
        expect(a.appliedKelly).toBeCloseTo(b.appliedKelly * calibrationKellyScale(b.edge, b.decimalOdds, sd2), 12);
      }
    } finally {
      db.close();
    }
  }, 300_000);

  it('measures for itself even when given another run\'s measurement', async () => {
    const copied = { seasons: ['2122', '2223'], matches: 760, poolWeight: { weight: 1, unconstrainedWeight: 1, standardError: 0.1 }, calibration: null };
    const run = service.createRun({ ...SHRUNK, name: 'copied', priorSeasonFit: copied });
    expect(service.getRun(run.id).settings.priorSeasonFit).toBeUndefined();
    await service.step(run.id);
    expect(service.getRun(run.id).settings.priorSeasonFit!.poolWeight!.weight).not.toBe(1);
  }, 300_000);

  it('refuses a fitted weight it could never fit, naming the setting', () => {
    expect(() => service.createRun({ ...SHRUNK, trainingSeasons: ['2223'] })).toThrow(/Run settings, priorFitSeasons: strategy "Model shrunk to market" is measured on the seasons before the holdout.*or set a fixed poolWeight/);
  });
});
