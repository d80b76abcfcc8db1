import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createEdgelineService } from '../app/edgeline-service-impl';
import { seasonRange } from '../ingest/season-range';
import { seasonReportJson } from '../season/season-report-text';
import type { RunSettingsInput } from '../season/run-settings';

/**
 * The measurement behind the staking defaults: the same model replayed over seasons *before* the
 * default holdout under several staking rules, so the defaults are not tuned on the season they
 * are shown on. Prints ROI, final bankroll growth, max drawdown and mean CLV per rule and season.
 */
const RULES: readonly { label: string; settings: Partial<RunSettingsInput> }[] = [
  { label: 'full Kelly, edge > 0%', settings: { kellyMultiplier: 1, minEdge: 0, maxStakeFraction: 1, maxWeeklyExposureFraction: 1 } },
  { label: 'half Kelly, edge > 2%', settings: { kellyMultiplier: 0.5, minEdge: 0.02 } },
  { label: 'quarter Kelly, edge > 2%', settings: { kellyMultiplier: 0.25, minEdge: 0.02 } },
  { label: 'quarter Kelly, edge > 5% (default)', settings: {} },
  { label: 'quarter Kelly, edge > 10%', settings: { kellyMultiplier: 0.25, minEdge: 0.1 } },
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/football-data' },
      seasons: { type: 'string', default: '1920,2021,2122,2223' },
      div: { type: 'string', default: 'E0' },
      model: { type: 'string', default: 'dixon-coles' },
      json: { type: 'boolean', default: false },
    },
  });
  const seasons = seasonRange(values.seasons);
  const dir = mkdtempSync(join(tmpdir(), 'edgeline-bench-staking-'));
  const service = createEdgelineService({ databaseFile: join(dir, 'ledger.sqlite') });
  const results: { rule: string; season: string; bets: number; roi: number | null; growth: number; maxDrawdown: number; clv: number | null }[] = [];
  try {
    await service.importPaths([resolve(values.data)]);
    for (const season of seasons) {
      for (const rule of RULES) {
        const run = service.createRun({ name: `${rule.label} ${season}`, div: values.div, holdoutSeason: season, modelKind: values.model as 'dixon-coles', ...rule.settings });
        await service.runToEnd(run.id);
        const r = seasonReportJson(service.dashboard(run.id));
        results.push({ rule: rule.label, season, bets: r.bets, roi: r.roi, growth: r.growth, maxDrawdown: r.maxDrawdown, clv: r.clv?.mean ?? null });
        service.deleteRun(run.id);
      }
    }
  } finally {
    service.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(results)}\n`);
    return;
  }
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`).padStart(8);
  process.stdout.write(`model: ${values.model}; seasons ${seasons.join(', ')}\n`);
  process.stdout.write(`${'rule'.padEnd(36)}${'season'.padStart(7)}${'bets'.padStart(6)}${'ROI'.padStart(8)}${'growth'.padStart(8)}${'maxDD'.padStart(8)}${'CLV'.padStart(8)}\n`);
  for (const r of results) {
    process.stdout.write(`${r.rule.padEnd(36)}${r.season.padStart(7)}${String(r.bets).padStart(6)}${pct(r.roi)}${pct(r.growth)}${pct(r.maxDrawdown)}${pct(r.clv)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:staking: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
