import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { EdgelineService, TaskProgress } from '../app/edgeline-service';
import { FAST_RUN, ledgerWithSeasons } from './testing/season-fixture';

/**
 * Cancel during a model fit: the job runner's shared flag is polled between the fit's
 * iterations (fit-control.ts), so the fit stops in the middle, the week is not committed, and the
 * run plays on afterwards exactly as an uninterrupted one.
 */
describe('cancelling a run while its ensemble model is being fitted', () => {
  let service: EdgelineService;
  let dir: string;
  const ensemble = { ...FAST_RUN, modelKind: 'ensemble' as const, trainingSeasons: ['2021', '2122', '2223'] };

  beforeAll(() => {
    ({ service, dir } = ledgerWithSeasons(['2021', '2122', '2223', '2324']));
  });

  afterAll(() => {
    service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops inside the initial fit, reports its progress on the way, commits nothing, and plays the same week 1 afterwards', async () => {
    const runId = service.createRun({ ...ensemble, name: 'cancelled in the fit' }).id;
    const progress: TaskProgress[] = [];
    let polls = 0;
    let stopAsked = false;
    const shouldStop = (): boolean => {
      polls += 1;
      return stopAsked;
    };
    await expect(
      service.step(runId, {
        shouldStop,
        onProgress: (p) => {
          progress.push(p);
          // Cancel a third of the way through the goal-model fits behind the features.
          if (/(\d+) of (\d+) weeks of features/.test(p.message)) {
            const [, done, needed] = /(\d+) of (\d+) weeks of features/.exec(p.message)!;
            if (Number(done) * 3 >= Number(needed)) stopAsked = true;
          }
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });

    const fitting = progress.filter((p) => p.message.includes('weeks of features'));
    expect(new Set(fitting.map((p) => p.fraction)).size).toBeGreaterThan(10);
    expect(fitting.every((p) => p.fraction >= 0 && p.fraction < 0.8)).toBe(true);
    expect(fitting.at(-1)?.message).toMatch(/^Training the ensemble model: \d+ of \d+ weeks of features$/);
    // It stopped at the first poll after the request: the fit did not run on to the end.
    const [, done, needed] = /(\d+) of (\d+) weeks/.exec(fitting.at(-1)!.message)!;
    expect(Number(done)).toBeLessThan(Number(needed));
    expect(polls).toBeGreaterThan(0);
    expect(service.getRun(runId)).toMatchObject({ weeksPlayed: 0, status: 'new' });

    const resumed = await service.step(runId);
    const fresh = service.createRun({ ...ensemble, name: 'never cancelled' }).id;
    const uninterrupted = await service.step(fresh);
    expect(resumed.week).toBe(1);
    expect({ ...resumed.performance, runId: '' }).toEqual({ ...uninterrupted.performance, runId: '' });
    expect(resumed.candidates).toEqual(uninterrupted.candidates);
    expect(service.exportSlips(runId, { excelBom: false }).csv.split('\n').slice(1)).toEqual(service.exportSlips(fresh, { excelBom: false }).csv.split('\n').slice(1));
  });

  it('in Run to end, reports the fit as a stage of its own, which moves from 0 while the season hardly does', async () => {
    const runId = service.createRun({ ...ensemble, name: 'run to end, cancelled in the fit' }).id;
    const staged: TaskProgress[] = [];
    let stopAsked = false;
    await expect(
      service.runToEnd(runId, {
        shouldStop: () => stopAsked,
        onProgress: (p) => {
          if (p.stage === undefined) return;
          staged.push(p);
          if (p.stage.fraction >= 0.3) stopAsked = true;
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    const weeks = service.getRun(runId).weekCount;
    expect(new Set(staged.map((p) => p.stage!.fraction)).size).toBeGreaterThan(5);
    expect(Math.max(...staged.map((p) => p.stage!.fraction))).toBeGreaterThanOrEqual(0.3);
    // The season's own fraction stays inside week 1 all along.
    expect(staged.every((p) => p.fraction < 1 / weeks)).toBe(true);
    expect(staged.at(-1)).toMatchObject({
      message: expect.stringMatching(/^Week 1 of \d+: Training the ensemble model: \d+ of \d+ weeks of features$/),
      stage: { message: expect.stringMatching(/^Training the ensemble model: \d+ of \d+ weeks of features$/) },
    });
  });
});
