import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createEdgelineService } from '../app/edgeline-service-impl';
import { seasonRange } from '../ingest/season-range';
import { csvFilesIn } from '../ingest/import-folder';
import { seasonReportJson } from '../season/season-report-text';
import { MODEL_KINDS, type ModelKind } from '../model/outcome-model';
import { STAKING_MODES, type StakingMode } from '../domain/betting/stake-sizing';
import { modelWorkSince, readModelWork, type ModelWork } from '../model/model-work';

const USAGE = `Usage: npm run bench:season -- [--season 2324] [--div E0] [--data <dir>] [--model ensemble|dixon-coles|feature-net]
       [--staking independent|multi-outcome|joint-log-growth] [--repeat 3] [--json]
Plays a whole season with weekly steps and the default retraining policy and prints wall and user
CPU time split by phase (initial fit, scheduled refits, plain steps, dashboard) with the model work
behind each (goal-model fits, Newton iterations, feature rows built / reused). --repeat N plays it
in N fresh processes (cold memos each time) and prints the median run.`;

/** Targets of issue 10 on the 2-core reference machine (docs/performance.md). */
const TARGETS = { seasonSeconds: 5, featureNetSeasonSeconds: 8, plainStepMs: 40, refitMs: 200 } as const;

interface Phase {
  readonly steps: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly work: ModelWork;
}

interface SeasonBench {
  readonly season: string;
  readonly div: string;
  readonly model: string;
  readonly staking: string;
  readonly weeks: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly importSeconds: number;
  readonly peakRssMiB: number;
  readonly phases: { readonly initialFit: Phase; readonly scheduledRefits: Phase; readonly plainSteps: Phase; readonly dashboard: Phase };
  readonly stepMsWithoutRetrain: { readonly median: number; readonly p95: number; readonly max: number };
  readonly refitMs: { readonly mean: number; readonly max: number };
  readonly roi: number | null;
  readonly modelBrier: number;
  readonly marketBrier: number | null;
}

const NO_WORK: ModelWork = { goalModelFits: 0, newtonIterations: 0, fitsReused: 0, featureRowsBuilt: 0, featureRowsReused: 0, netTrainings: 0 };

function addPhase(phase: Phase, wallMs: number, cpuMs: number, work: ModelWork): Phase {
  const sum = Object.fromEntries(Object.entries(phase.work).map(([k, v]) => [k, v + work[k as keyof ModelWork]])) as unknown as ModelWork;
  return { steps: phase.steps + 1, wallMs: phase.wallMs + wallMs, cpuMs: phase.cpuMs + cpuMs, work: sum };
}

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

async function benchOnce(values: { data: string; season: string; div: string; model?: string; staking?: string }): Promise<SeasonBench> {
  const dir = mkdtempSync(join(tmpdir(), 'edgeline-bench-season-'));
  const service = createEdgelineService({ databaseFile: join(dir, 'ledger.sqlite') });
  try {
    const seasons = new Set(seasonRange(`0506-${values.season}`));
    const files = csvFilesIn(resolve(values.data), { div: values.div }).filter((f) => [...seasons].some((s) => f.includes(`/${s}/`)));
    const importStarted = performance.now();
    await service.importPaths(files);
    const importSeconds = (performance.now() - importStarted) / 1000;
    const run = service.createRun({
      name: `bench ${values.div} ${values.season}`,
      div: values.div,
      holdoutSeason: values.season,
      ...(values.model ? { modelKind: values.model as ModelKind } : {}),
      ...(values.staking ? { stakingMode: values.staking as StakingMode } : {}),
    });
    const empty: Phase = { steps: 0, wallMs: 0, cpuMs: 0, work: NO_WORK };
    let initialFit = empty;
    let scheduledRefits = empty;
    let plainSteps = empty;
    const plainMs: number[] = [];
    const refitMs: number[] = [];
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    for (let week = 1; week <= run.weekCount; week += 1) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const w0 = readModelWork();
      const view = await service.step(run.id);
      const ms = performance.now() - t0;
      const args = [ms, cpuMsSince(c0), modelWorkSince(w0)] as const;
      if (week === 1) initialFit = addPhase(initialFit, ...args);
      else if (view.retrain !== null) {
        scheduledRefits = addPhase(scheduledRefits, ...args);
        refitMs.push(ms);
      } else {
        plainSteps = addPhase(plainSteps, ...args);
        plainMs.push(ms);
      }
    }
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const w0 = readModelWork();
    const report = seasonReportJson(service.dashboard(run.id));
    const dashboard = addPhase(empty, performance.now() - t0, cpuMsSince(c0), modelWorkSince(w0));
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = cpuMsSince(cpuStarted) / 1000;
    plainMs.sort((a, b) => a - b);
    const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? Number.NaN;
    const round = (x: number) => Number(x.toFixed(1));
    return {
      season: values.season,
      div: values.div,
      model: values.model ?? 'ensemble',
      staking: values.staking ?? 'independent',
      weeks: run.weekCount,
      seconds: Number(seconds.toFixed(2)),
      cpuSeconds: Number(cpuSeconds.toFixed(2)),
      importSeconds: Number(importSeconds.toFixed(2)),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      phases: { initialFit, scheduledRefits, plainSteps, dashboard },
      stepMsWithoutRetrain: { median: round(q(plainMs, 0.5)), p95: round(q(plainMs, 0.95)), max: round(plainMs.at(-1) ?? Number.NaN) },
      refitMs: { mean: round(refitMs.reduce((s, x) => s + x, 0) / Math.max(1, refitMs.length)), max: round(Math.max(0, ...refitMs)) },
      roi: report.roi,
      modelBrier: report.model.brier,
      marketBrier: report.market.brier,
    };
  } finally {
    service.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the bench in `n` fresh child processes, so no memo survives from one run to the next. */
function benchInChildren(n: number, args: readonly string[]): SeasonBench[] {
  const runs: SeasonBench[] = [];
  for (let i = 0; i < n; i++) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, ...args, '--json'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`bench run ${i + 1} of ${n} failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as SeasonBench);
  }
  return runs;
}

function formatPhase(name: string, p: Phase): string {
  const w = p.work;
  return (
    `  ${name.padEnd(17)} ${String(p.steps).padStart(2)} step(s) ${(p.wallMs / 1000).toFixed(2).padStart(6)} s wall ${(p.cpuMs / 1000).toFixed(2).padStart(6)} s CPU | ` +
    `${w.goalModelFits} fits, ${w.newtonIterations} Newton it., ${w.fitsReused} fits reused, ${w.featureRowsBuilt} rows built, ${w.featureRowsReused} reused, ${w.netTrainings} net trainings`
  );
}

function formatBench(r: SeasonBench, loadAverage: string): string {
  const target = r.model === 'feature-net' ? TARGETS.featureNetSeasonSeconds : TARGETS.seasonSeconds;
  return [
    `Season ${r.div} ${r.season}, model ${r.model}, staking ${r.staking}: ${r.weeks} weeks in ${r.seconds} s wall, ${r.cpuSeconds} s CPU (target < ${target} s; load average ${loadAverage})`,
    formatPhase('initial fit', r.phases.initialFit),
    formatPhase('scheduled refits', r.phases.scheduledRefits),
    formatPhase('plain steps', r.phases.plainSteps),
    formatPhase('dashboard', r.phases.dashboard),
    `Step without retraining: median ${r.stepMsWithoutRetrain.median} ms, p95 ${r.stepMsWithoutRetrain.p95} ms, max ${r.stepMsWithoutRetrain.max} ms (target < ${TARGETS.plainStepMs} ms)`,
    `Scheduled refit: mean ${r.refitMs.mean} ms, max ${r.refitMs.max} ms (target < ${TARGETS.refitMs} ms)`,
    `Import before the season (not counted above): ${r.importSeconds} s; peak memory (RSS) ${r.peakRssMiB} MiB`,
    `ROI ${r.roi === null ? 'n/a' : (r.roi * 100).toFixed(2) + '%'}, model Brier ${r.modelBrier.toFixed(4)}, market Brier ${r.marketBrier?.toFixed(4) ?? 'n/a'}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/football-data' },
      season: { type: 'string', default: '2324' },
      div: { type: 'string', default: 'E0' },
      model: { type: 'string' },
      staking: { type: 'string' },
      repeat: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.model !== undefined && !MODEL_KINDS.includes(values.model as ModelKind)) throw new Error(`--model must be one of ${MODEL_KINDS.join(', ')}, got ${JSON.stringify(values.model)}`);
  if (values.staking !== undefined && !(STAKING_MODES as readonly string[]).includes(values.staking)) {
    throw new Error(`--staking must be one of ${STAKING_MODES.join(', ')}, got ${JSON.stringify(values.staking)}`);
  }
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat must be a whole number >= 1, got ${JSON.stringify(values.repeat)}`);
  const { loadavg } = await import('node:os');
  const loadAverage = loadavg().map((l) => l.toFixed(2)).join(' ');
  let result: SeasonBench;
  let runs: SeasonBench[] = [];
  if (repeat === 1) {
    result = await benchOnce(values);
  } else {
    const args = ['--data', values.data, '--season', values.season, '--div', values.div, ...(values.model ? ['--model', values.model] : []), ...(values.staking ? ['--staking', values.staking] : [])];
    runs = benchInChildren(repeat, args);
    result = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
  }
  const loadAfter = loadavg().map((l) => l.toFixed(2)).join(' ');
  if (values.json) {
    process.stdout.write(`${JSON.stringify(repeat === 1 ? { ...result, loadAverage } : { median: result, runs, loadAverageBefore: loadAverage, loadAverageAfter: loadAfter })}\n`);
    return;
  }
  if (repeat > 1) process.stdout.write(`${repeat} runs in fresh processes: ${runs.map((r) => `${r.seconds} s wall / ${r.cpuSeconds} s CPU`).join(', ')}; the median run:\n`);
  process.stdout.write(`${formatBench(result, repeat > 1 ? `${loadAverage} before, ${loadAfter} after` : loadAverage)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:season: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
