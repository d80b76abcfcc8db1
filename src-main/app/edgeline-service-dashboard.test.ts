import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgelineService } from './edgeline-service';
import { FAST_RUN, ledgerWithSeasons } from '../season/testing/season-fixture';

describe('the dashboard built in slices (what dashboard:get serves while a run plays)', () => {
  let service: EdgelineService;
  let dir: string;
  let runId: string;

  beforeAll(async () => {
    ({ service, dir } = ledgerWithSeasons(['2122', '2223', '2324']));
    runId = service.createRun({ ...FAST_RUN, name: 'sliced' }).id;
    for (let i = 0; i < 6; i++) await service.step(runId);
  }, 120_000);

  afterAll(() => {
    service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the same view as the one built in one go', async () => {
    expect(await service.dashboardInSlices(runId)).toEqual(service.dashboard(runId));
  });

  it('lets the event loop run between its slices, where a Cancel request would be answered', async () => {
    // A ticker re-arms itself on every turn of the event loop: a build in one go lets it run
    // once at most before the build ends; one in slices lets it run between each two.
    let turns = 0;
    let ticking = true;
    const tick = (): void => {
      turns += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const built = service.dashboardInSlices(runId).finally(() => {
      ticking = false;
    });
    const turnsWhenStarted = turns;
    await built;
    expect(turnsWhenStarted).toBe(0);
    // Six slices: after the model band, the fair-close band, the ROI bootstrap, the paired score bootstrap and the risk figures.
    expect(turns).toBeGreaterThanOrEqual(5);
  });

  it('says which run is missing, as the one-go build does', async () => {
    await expect(service.dashboardInSlices('no-such-run')).rejects.toThrow(/no-such-run/);
    expect(() => service.dashboard('no-such-run')).toThrow(/no-such-run/);
  });
});
