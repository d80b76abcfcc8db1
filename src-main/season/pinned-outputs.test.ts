import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seasonReportJson } from './season-report-text';
import { ledgerWithSeasons } from './testing/season-fixture';
import { seasonRange } from '../ingest/season-range';

/**
 * The default 2023-24 run (what `npm run simulate -- --season 2324 --json --export` plays),
 * pinned by hash. Refactors and speed-ups must leave these three outputs byte-identical; a
 * change that alters behaviour on purpose updates the hashes in the same commit and says why.
 * Recorded before the pure-week refactor and the speed-up (commit 0abc2c6).
 */
const PINNED = {
  slipsCsv: 'ef2d245cc9395fbd3bf61279e0f1d82aa6765e6bbe33dd1f3b906848ec0bb8bc',
  reportJson: 'c83e7c75d4258b406b74c42c2f96d699f6e7eca15c8c23db81357c6604ba6b57',
  dashboardJson: 'ab8823366f0f128e1aa46951320433ec3203d53b29188e629622ccad8042579d',
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the default 2023-24 run', () => {
  it('exports, reports and shows exactly the pinned outputs', { timeout: 180_000 }, async () => {
    const { service, dir } = ledgerWithSeasons(seasonRange('0506-2324'));
    try {
      const run = service.createRun({ name: 'E0 2324 (cli)', div: 'E0', holdoutSeason: '2324' });
      await service.runToEnd(run.id);
      const dashboard = service.dashboard(run.id);
      // The run's id and creation time are the only values that differ between two identical runs.
      const stable = JSON.stringify({ ...dashboard, run: { ...dashboard.run, id: 'run', createdAt: 'created' } });
      const outputs = {
        slipsCsv: sha256(service.exportSlips(run.id, { excelBom: false }).csv),
        reportJson: sha256(`${JSON.stringify(seasonReportJson(dashboard))}\n`),
        dashboardJson: sha256(stable),
      };
      expect(outputs).toEqual(PINNED);
    } finally {
      service.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
