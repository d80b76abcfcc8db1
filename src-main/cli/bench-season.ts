import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createEdgelineService } from '../app/edgeline-service-impl';
import { seasonRange } from '../ingest/season-range';
import { csvFilesIn } from '../ingest/import-folder';
import { seasonReportJson } from '../season/season-report-text';

/**
 * Plays a whole season with weekly steps and the default retraining policy, and prints the wall
 * time, peak memory and per-step latency of weeks that did not retrain (targets: season < 20 s,
 * step < 100 ms on the 2-core reference machine).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/football-data' },
      season: { type: 'string', default: '2324' },
      div: { type: 'string', default: 'E0' },
      model: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'edgeline-bench-season-'));
  const service = createEdgelineService({ databaseFile: join(dir, 'ledger.sqlite') });
  try {
    const seasons = new Set(seasonRange(`0506-${values.season}`));
    const files = csvFilesIn(resolve(values.data), { div: values.div }).filter((f) => [...seasons].some((s) => f.includes(`/${s}/`)));
    const imported = await service.importPaths(files);
    const run = service.createRun({
      name: `bench ${values.div} ${values.season}`,
      div: values.div,
      holdoutSeason: values.season,
      ...(values.model ? { modelKind: values.model as 'ensemble' } : {}),
    });
    const steps: { week: number; ms: number; retrained: boolean }[] = [];
    const started = performance.now();
    for (let week = 1; week <= run.weekCount; week += 1) {
      const t0 = performance.now();
      const view = await service.step(run.id);
      steps.push({ week, ms: performance.now() - t0, retrained: view.retrain !== null });
    }
    const seconds = (performance.now() - started) / 1000;
    const plain = steps.filter((s) => !s.retrained).map((s) => s.ms).sort((a, b) => a - b);
    const retrainMs = steps.filter((s) => s.retrained).map((s) => s.ms);
    const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? Number.NaN;
    const report = seasonReportJson(service.dashboard(run.id));
    const result = {
      season: values.season,
      div: values.div,
      matchesImported: imported.matches,
      weeks: run.weekCount,
      seconds: Number(seconds.toFixed(2)),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      stepMsWithoutRetrain: { median: Number(q(plain, 0.5).toFixed(1)), p95: Number(q(plain, 0.95).toFixed(1)), max: Number((plain.at(-1) ?? Number.NaN).toFixed(1)) },
      retrains: retrainMs.length,
      retrainMsMean: Number((retrainMs.reduce((s, x) => s + x, 0) / Math.max(1, retrainMs.length)).toFixed(0)),
      roi: report.roi,
      modelBrier: report.model.brier,
      marketBrier: report.market.brier,
    };
    if (values.json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      process.stdout.write(
        [
          `Season ${result.div} ${result.season}: ${result.weeks} weeks in ${result.seconds} s (target < 20 s)`,
          `Peak memory (RSS): ${result.peakRssMiB} MiB`,
          `Step without retraining: median ${result.stepMsWithoutRetrain.median} ms, p95 ${result.stepMsWithoutRetrain.p95} ms, max ${result.stepMsWithoutRetrain.max} ms (target < 100 ms)`,
          `Steps with retraining: ${result.retrains}, mean ${result.retrainMsMean} ms`,
          `ROI ${report.roi === null ? 'n/a' : (report.roi * 100).toFixed(2) + '%'}, model Brier ${report.model.brier.toFixed(4)}, market Brier ${report.market.brier?.toFixed(4) ?? 'n/a'}`,
        ].join('\n') + '\n',
      );
    }
  } finally {
    service.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:season: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
