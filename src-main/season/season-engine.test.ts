import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { openLedger, type LedgerDatabase } from '../ledger/ledger-database';
import { findRun, readBets, readPerformance, readPredictions, readRunHistory, readRunModels } from '../ledger/run-repository';
import { weekViewOf } from './season-report';
import { isSettled } from '../domain/season/week-bet';
import { matchesOf } from '../ledger/match-repository';
import { bettingWeeksOf } from '../domain/football/betting-week';
import { loadModel } from '../ledger/model-repository';
import type { EdgelineService } from '../app/edgeline-service';
import { createEdgelineService } from '../app/edgeline-service-impl';
import { FAST_RUN, ledgerWithSeasons, seasonFile } from './testing/season-fixture';

describe('the season engine on real EPL data (2021-22 and 2022-23 train, 2023-24 plays)', () => {
  let service: EdgelineService;
  let databaseFile: string;
  let dir: string;
  let db: LedgerDatabase;
  let runId: string;

  beforeAll(async () => {
    ({ service, databaseFile, dir } = ledgerWithSeasons(['2122', '2223', '2324']));
    runId = service.createRun(FAST_RUN).id;
    await service.runToEnd(runId);
    db = openLedger(databaseFile);
  });

  afterAll(() => {
    db.close();
    service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plays every betting week of the holdout season once', () => {
    const holdout = matchesOf(db, { div: 'E0', seasons: ['2324'] });
    const weeks = bettingWeeksOf(holdout);
    const performance = readPerformance(db, runId);
    expect(performance.map((p) => p.week)).toEqual(weeks.map((w) => w.index));
    expect(performance.reduce((n, p) => n + p.matches, 0)).toBe(380);
    expect(readPredictions(db, runId, { role: 'active' })).toHaveLength(380);
  });

  it('shows each week the same from a history read from that week on as from the whole history, retrain weeks included', () => {
    const run = findRun(db, runId)!;
    const byId = new Map(matchesOf(db, { div: 'E0', seasons: ['2324'] }).map((m) => [m.id, m]));
    const whole = readRunHistory(db, run);
    expect(whole.models.length).toBeGreaterThan(1);
    for (const { week } of whole.weeks) {
      expect(weekViewOf(run, readRunHistory(db, run, { fromWeek: week }), byId, week)).toEqual(weekViewOf(run, whole, byId, week));
    }
    const retrained = whole.models.at(-1)!.fittedBeforeWeek;
    expect(weekViewOf(run, readRunHistory(db, run, { fromWeek: retrained }), byId, retrained).retrain?.matchesCompared).toBeGreaterThan(0);
  });

  it('reconciles: start + sum of P/L = final bankroll, and weekly rows sum to the season', () => {
    const run = service.getRun(runId);
    const placed = readBets(db, runId, { stakedOnly: true }).filter(isSettled);
    const performance = readPerformance(db, runId);
    const profit = placed.reduce((s, b) => s + b.profitCents, 0);
    expect(run.startingBankrollCents + profit).toBe(run.bankrollCents);
    expect(performance.reduce((s, p) => s + p.profitCents, 0)).toBe(profit);
    expect(performance.reduce((s, p) => s + p.stakedCents, 0)).toBe(placed.reduce((s, b) => s + b.stakeCents, 0));
    expect(performance.reduce((s, p) => s + p.betsPlaced, 0)).toBe(placed.length);
    performance.forEach((p, i) => {
      expect(p.bankrollEndCents).toBe(p.bankrollStartCents + p.profitCents);
      if (i > 0) expect(p.bankrollStartCents).toBe(performance[i - 1]!.bankrollEndCents);
    });
    expect(placed.length).toBeGreaterThan(0);
    expect(Number.isInteger(run.bankrollCents)).toBe(true);
  });

  it('never prices a week with a model trained on that week or later', () => {
    const holdout = matchesOf(db, { div: 'E0', seasons: ['2324'] });
    const weeks = bettingWeeksOf(holdout);
    const models = readRunModels(db, runId);
    expect(models[0]!.reason).toBe('initial');
    for (const version of models) {
      const model = loadModel(db, version.modelId);
      const fittedFor = weeks[version.fittedBeforeWeek - 1]!;
      expect(model.trainedThrough < fittedFor.start).toBe(true);
    }
    // The initial model never saw the holdout season.
    expect(loadModel(db, models[0]!.modelId).trainedThrough < weeks[0]!.start).toBe(true);
  });

  it('retrains on schedule and keeps a static-model shadow book', () => {
    const models = readRunModels(db, runId);
    const scheduled = models.filter((m) => m.reason === 'scheduled');
    expect(scheduled.length).toBeGreaterThanOrEqual(5);
    const staticPredictions = readPredictions(db, runId, { role: 'static' });
    expect(staticPredictions).toHaveLength(380);
    expect(new Set(staticPredictions.map((p) => p.modelVersion))).toEqual(new Set([1]));
    const dashboard = service.dashboard(runId);
    const compared = dashboard.retrains.filter((r) => r.reason !== 'initial' && r.matchesCompared > 0);
    expect(compared.length).toBeGreaterThan(0);
    for (const r of compared) {
      expect(r.challengerBrier).not.toBeNull();
      expect(r.championBrier).not.toBeNull();
    }
  });

  it('reports the same numbers in the dashboard as the ledger holds', () => {
    const dashboard = service.dashboard(runId);
    const placed = readBets(db, runId, { stakedOnly: true }).filter(isSettled);
    expect(dashboard.kpis.bets).toBe(placed.length);
    expect(dashboard.kpis.profitCents).toBe(placed.reduce((s, b) => s + b.profitCents, 0));
    expect(dashboard.weeks).toHaveLength(dashboard.run.weekCount);
    expect(dashboard.bankroll.at(-1)!.bankrollCents).toBe(dashboard.kpis.bankrollCents);
    let peak = dashboard.kpis.startingBankrollCents;
    for (const point of dashboard.bankroll) {
      peak = Math.max(peak, point.bankrollCents);
      expect(point.peakCents).toBe(peak);
      expect(point.drawdown).toBeCloseTo((peak - point.bankrollCents) / peak, 12);
      expect(point.expectedP05Cents).toBeLessThanOrEqual(point.expectedP50Cents);
      expect(point.expectedP50Cents).toBeLessThanOrEqual(point.expectedP95Cents);
    }
    expect(Math.max(...dashboard.bankroll.map((p) => p.drawdown))).toBeCloseTo(dashboard.kpis.maxDrawdown, 12);
    // Weekly CLV is over the bets placed that week, never over rejected candidates.
    for (const row of dashboard.weeks) {
      const clvs = placed.filter((b) => b.week === row.week && b.closingFairProbability !== null).map((b) => b.decimalOdds * b.closingFairProbability! - 1);
      if (clvs.length === 0) expect(row.meanClv).toBeNull();
      else expect(row.meanClv).toBeCloseTo(clvs.reduce((s, x) => s + x, 0) / clvs.length, 12);
    }
    expect(dashboard.kpis.clv).not.toBeNull(); // 2023-24 has closing odds
    expect(dashboard.scores.marketBrier).toBeGreaterThan(0.45);
    expect(dashboard.scores.modelBrier).toBeGreaterThan(0.45);
  });

  it('reads a played week back from the ledger with its bet slip and rejections explained', () => {
    const view = service.weekView(runId, 3);
    expect(view.week).toBe(3);
    expect(view.matches.length).toBe(view.performance.matches);
    expect(view.candidates.some((c) => c.status === 'settled')).toBe(true);
    for (const c of view.candidates) {
      expect(c.status).not.toBe('placed');
      if (c.status === 'rejected') expect(c.rejectionText).toMatch(/\w/);
    }
    expect(() => service.weekView(runId, 99)).toThrow(expect.objectContaining({ code: 'not-found', message: expect.stringMatching(/week 99 is not in the ledger/) }));
  });

  it('gives byte-identical bet slips for the same configuration and data, and resets to nothing', async () => {
    const first = service.exportSlips(runId, { excelBom: false }).csv;
    const again = service.createRun(FAST_RUN).id;
    await service.runToEnd(again);
    expect(service.exportSlips(again, { excelBom: false }).csv).toBe(first);
    service.reset(again);
    expect(service.getRun(again)).toMatchObject({ weeksPlayed: 0, bankrollCents: FAST_RUN.startingBankrollCents ?? 1_000_000, status: 'new' });
    service.deleteRun(again);
    expect(() => service.getRun(again)).toThrow(/no run with id/);
  });

  it('stops a run to the end when cancelled, keeping every week committed before the cancel', async () => {
    const runIdToCancel = service.createRun({ ...FAST_RUN, name: 'cancelled' }).id;
    const controller = new AbortController();
    const progress: number[] = [];
    await expect(
      service.runToEnd(runIdToCancel, {
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p.fraction);
          // Progress also moves during a model fit; cancel once the third week has committed.
          if (p.message.startsWith('Played week 3 ')) controller.abort();
        },
      }),
    ).rejects.toThrow(/abort/i);
    const summary = service.getRun(runIdToCancel);
    expect(summary.weeksPlayed).toBe(3);
    expect(summary.status).toBe('in-progress');
    // It continues from week 4 when asked again.
    const next = await service.step(runIdToCancel);
    expect(next.week).toBe(4);
    service.deleteRun(runIdToCancel);
  });

  it('refuses to continue a run whose match data changed since it was created, even when another connection imported it', async () => {
    const changed = ledgerWithSeasons(['2122', '2223', '2324']);
    try {
      const id = changed.service.createRun(FAST_RUN).id;
      await changed.service.step(id);
      // A corrected file: one 2023-24 result differs (Burnley 0-3 Man City becomes 1-3).
      const text = readFileSync(seasonFile('2324'), 'latin1').replace('Burnley,Man City,0,3,A', 'Burnley,Man City,1,3,A');
      // Imported through another connection, as when the app imports while the job worker plays.
      const other = createEdgelineService({ databaseFile: changed.databaseFile });
      const summary = other.importFiles([{ name: seasonFile('2324'), bytes: new Uint8Array(Buffer.from(text, 'latin1')) }]);
      other.close();
      expect(summary.failed).toEqual([]);
      await expect(changed.service.step(id)).rejects.toThrow(/was played on other match data than the ledger now holds for E0/);
    } finally {
      changed.service.close();
      rmSync(changed.dir, { recursive: true, force: true });
    }
  });
});
