import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { EdgelineService } from './edgeline-service';
import { FAST_RUN, ledgerWithSeasons } from '../season/testing/season-fixture';

describe('exporting bet slips exports what is shown', () => {
  let service: EdgelineService;
  let dir: string;
  let runId: string;

  beforeAll(async () => {
    ({ service, dir } = ledgerWithSeasons(['2122', '2223', '2324']));
    runId = service.createRun({ ...FAST_RUN, name: 'Dixon-Coles · 2023-24' }).id;
    for (let i = 0; i < 3; i++) await service.step(runId);
  }, 120_000);

  afterAll(() => {
    service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const dataRows = (csv: string): string[] => csv.split('\r\n').slice(1).filter((line) => line !== '');

  it('exports one week when a week is chosen, named with the run, the week and its start date', () => {
    const season = service.exportSlips(runId, { excelBom: false });
    const week2 = service.exportSlips(runId, { excelBom: false, week: 2 });
    const start = service.weekView(runId, 2).performance.weekStart;
    expect(week2.fileName).toBe(`edgeline-dixon-coles-2023-24-week-02-${start}-${runId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)}.csv`);
    expect(dataRows(week2.csv).every((line) => line.startsWith('2,'))).toBe(true);
    expect(dataRows(week2.csv)).toEqual(dataRows(season.csv).filter((line) => line.startsWith('2,')));
    expect(season.fileName).toMatch(/^edgeline-dixon-coles-2023-24-season-to-\d{4}-\d{2}-\d{2}-[A-Za-z0-9]{1,8}\.csv$/);
  });

  it('gives two runs of the same name different file names', () => {
    const twin = service.createRun({ ...FAST_RUN, name: 'Dixon-Coles · 2023-24' }).id;
    expect(service.exportSlips(twin, { excelBom: false }).fileName).not.toBe(service.exportSlips(runId, { excelBom: false }).fileName);
  });

  it('refuses a week that has not been played, saying how many have', () => {
    expect(() => service.exportSlips(runId, { excelBom: false, week: 9 })).toThrow('Run "Dixon-Coles · 2023-24" has not played week 9 yet (3 played)');
  });
});

describe('cancelling a run to the end', () => {
  it('stops within one week of the abort, even when the abort comes from a timer (as a worker message does)', async () => {
    const { service, dir } = ledgerWithSeasons(['2122', '2223', '2324']);
    try {
      const runId = service.createRun({ ...FAST_RUN, name: 'cancel me' }).id;
      const controller = new AbortController();
      let abortedAfter = 0;
      const running = service.runToEnd(runId, {
        signal: controller.signal,
        onProgress: (p) => {
          const played = /^Played week (\d+)/.exec(p.message);
          // A macrotask, like the worker's 'cancel' message: it only runs if the engine yields between weeks.
          if (played?.[1] === '2') setTimeout(() => ((abortedAfter = service.getRun(runId).weeksPlayed), controller.abort()), 0);
        },
      });
      await expect(running).rejects.toThrow();
      const kept = service.getRun(runId).weeksPlayed;
      expect(abortedAfter).toBeGreaterThanOrEqual(2);
      expect(kept - abortedAfter).toBeLessThanOrEqual(1);
      expect(kept).toBeLessThan(service.getRun(runId).weekCount);
    } finally {
      service.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
