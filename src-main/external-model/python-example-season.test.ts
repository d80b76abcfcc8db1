import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readBets, readPerformance } from '../ledger/run-repository';
import { isSettled } from '../domain/season/week-bet';
import { openLedger } from '../ledger/ledger-database';
import { FAST_RUN } from '../season/testing/season-fixture';
import { seasonReportJson } from '../season/season-report-text';
import { addModel } from './model-registry';
import { EXAMPLES, externalModelLedger } from './testing/external-model-fixture';

/**
 * The Python example (standard library only) plays the whole 2023-24 season through the real
 * protocol, twice, in two separate ledgers: the exports must match byte for byte.
 */
const ledgers: ReturnType<typeof externalModelLedger>[] = [];

afterAll(() => {
  for (const l of ledgers) {
    l.service.close();
    rmSync(l.dir, { recursive: true, force: true });
  }
});

async function playSeason() {
  const ledger = externalModelLedger();
  ledgers.push(ledger);
  addModel(ledger.modelsFile, { name: 'poisson', command: 'python3', args: ['poisson_model.py'], cwd: EXAMPLES });
  const run = ledger.service.createRun({ ...FAST_RUN, name: 'python example', externalModel: { name: 'poisson' } });
  await ledger.service.runToEnd(run.id);
  const view = ledger.service.dashboard(run.id);
  return { ledger, run, view, report: JSON.stringify(seasonReportJson(view)), slips: ledger.service.exportSlips(run.id, { excelBom: false }).csv };
}

describe('the Python example model over a whole season', () => {
  it('plays every week, the ledger reconciles, and a second run is byte-identical', async () => {
    const first = await playSeason();
    expect(first.view.run.weeksPlayed).toBe(first.run.weekCount);
    expect(first.view.retrains.length).toBeGreaterThan(5);

    const db = openLedger(first.ledger.databaseFile);
    try {
      const weeks = readPerformance(db, first.run.id);
      const bets = readBets(db, first.run.id, { book: 'active', stakedOnly: true }).filter(isSettled);
      const profit = bets.reduce((s, b) => s + b.profitCents, 0);
      expect(first.run.startingBankrollCents + profit).toBe(weeks.at(-1)!.bankrollEndCents);
      for (const w of weeks) {
        const weekProfit = bets.filter((b) => b.week === w.week).reduce((s, b) => s + b.profitCents, 0);
        expect(w.bankrollEndCents - w.bankrollStartCents).toBe(weekProfit);
      }
    } finally {
      db.close();
    }
    // A plain Poisson model is behind the market but not absurdly so (DESIGN.md benchmarks).
    expect(first.view.scores.modelRps).toBeGreaterThan(first.view.scores.marketRps!);
    expect(first.view.scores.modelRps).toBeLessThan(0.21);

    const second = await playSeason();
    expect(second.slips).toBe(first.slips);
    expect(second.report).toBe(first.report);
  }, 180_000);
});
