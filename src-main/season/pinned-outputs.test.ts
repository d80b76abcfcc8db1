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
 * First recorded before the pure-week refactor and the speed-up (commit 0abc2c6), which kept them;
 * changed since, on purpose, by the verdict, the strategies (market-consensus default, Pinnacle
 * close for CLV, risk figures, search log) and the spreadsheet-ready slip columns.
 */
const PINNED = {
  slipsCsv: 'd9f8ca7b57cb326fa25e25ada3fa8f767549bf529254055e3b56f06f9080f620',
  reportJson: '3400e0f48964507d260a73b0d8502e49b5623e7f7b4d059b66567ed9dcd167a1',
  dashboardJson: '0079c72223529c375e0faab0020c414e92da6de2c17217124f909503250af6c2',
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
