import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { parseFootballDataCsv } from '../ingest/football-data-csv';
import { bettingWeeksOf } from '../domain/football/betting-week';
import { MODEL_KINDS, type ModelKind } from '../model/outcome-model';
import { seasonFile } from '../season/testing/season-fixture';
import { publishAsOf, startFootballDataSite } from '../season/testing/football-data-site';
import { runWeeklyCommand, type WeeklyArgs } from './weekly';

/**
 * `npm run bench:weekly [-- --model dixon-coles] [--week 6] [--repeat 3]`: the two `weekly`
 * targets (nothing new: < 2 s; a week to settle and price, no retrain: < 5 s) on a local copy of
 * football-data's site (127.0.0.1) serving 2023-24 as it stood before week N, with 2021-22 and
 * 2022-23 for training. Each case is timed as a scheduler runs it, `npm run -s weekly -- ...` as
 * a whole process (npm, node start-up, loading the bundle, the downloads and the work), and
 * in-process for comparison; the median of `--repeat` calls, wall and CPU time (user + system of
 * the process tree, which a loaded machine inflates less than wall time), with the load average.
 * A settling call is repeated from a copy of the ledger as it stood before it, so each repeat
 * does the same work. Week N -> N+1 with the default 4-week schedule is not a retrain week for N = 6.
 */
const { values } = parseArgs({ options: { model: { type: 'string', default: 'dixon-coles' }, week: { type: 'string', default: '6' }, repeat: { type: 'string', default: '3' } } });
if (!(MODEL_KINDS as readonly string[]).includes(values.model)) throw new Error(`--model: expected one of ${MODEL_KINDS.join(', ')}`);
const weekIndex = Number(values.week);
const repeat = Number(values.repeat);
if (!(Number.isInteger(repeat) && repeat >= 1)) throw new Error(`--repeat: expected a whole number of at least 1, got ${values.repeat}`);
const weeks = bettingWeeksOf(parseFootballDataCsv(new Uint8Array(readFileSync(seasonFile('2324'))), { file: seasonFile('2324') }));
const site = await startFootballDataSite();
const dir = mkdtempSync(join(tmpdir(), 'edgeline-bench-weekly-'));
const args: WeeklyArgs = {
  db: join(dir, 'ledger.sqlite'), div: 'E0', season: '2324', dataUrl: site.url, reports: join(dir, 'reports'), json: true,
  modelKind: values.model as ModelKind, trainingSeasons: ['2122', '2223'],
};
const npmArgs = ['run', '-s', 'weekly', '--', '--db', args.db, '--season', '2324', '--data-url', site.url, '--reports', args.reports, '--json'];
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const run = promisify(execFile);

interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly stdout: string;
  readonly code: number;
}

/** One whole `npm run weekly` process tree: wall time, and CPU time from /usr/bin/time (it counts the children npm waits for). */
async function wholeProcess(): Promise<Timing> {
  const t0 = performance.now();
  const done = await run('/usr/bin/time', ['-f', '%U %S', 'npm', ...npmArgs]).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => e,
  );
  const wallMs = performance.now() - t0;
  const [user, sys] = (done.stderr.trim().split('\n').at(-1) ?? '').replace(/^Command exited with non-zero status \d+\s*/m, '').split(' ').map(Number);
  return { wallMs, cpuMs: ((user ?? NaN) + (sys ?? NaN)) * 1000, stdout: done.stdout, code: done.code };
}

async function inProcess(): Promise<Timing> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { outcome, reportFile } = await runWeeklyCommand(args);
  const cpu = process.cpuUsage(cpu0);
  return { wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, stdout: JSON.stringify({ ...outcome, report: reportFile }), code: 0 };
}

/** `repeat` timings of `call`, each after `before` (which restores the ledger for a settling call). */
async function timed(label: string, call: () => Promise<Timing>, check: (printed: { changed: boolean; settled: { week: number }[]; retrained: string[] }) => void, before: () => void = () => {}): Promise<void> {
  const timings: Timing[] = [];
  const loads: string[] = [];
  for (let i = 0; i < repeat; i += 1) {
    before();
    const t = await call();
    check(JSON.parse(t.stdout.trim().split('\n').at(-1)!));
    timings.push(t);
    loads.push(load());
  }
  const walls = timings.map((t) => t.wallMs.toFixed(0)).join(', ');
  console.log(`${label}: median ${median(timings.map((t) => t.wallMs)).toFixed(0)} ms wall, ${median(timings.map((t) => t.cpuMs)).toFixed(0)} ms CPU (walls ${walls}; load ${loads.at(-1)})`);
}

const nothingNew = (printed: { changed: boolean }) => {
  if (printed.changed) throw new Error('a call with nothing new changed the ledger');
};
const settledOne = (printed: { settled: { week: number }[]; retrained: string[] }) => {
  if (printed.settled.map((s) => s.week).join() !== String(weekIndex)) throw new Error(`expected week ${weekIndex} settled, got ${JSON.stringify(printed.settled)}`);
  if (printed.retrained.length > 0) throw new Error(`expected no retrain, got ${printed.retrained.join('; ')}`);
};

try {
  console.log(`bench:weekly, ${values.model} trained on 2021-22 and 2022-23, 2023-24 served from ${site.url}; load ${load()} on ${(await import('node:os')).cpus().length} cores`);
  const build = performance.now();
  await run(process.execPath, ['scripts/bundled-cli.mjs', '--build', 'weekly']);
  console.log(`bundle built (once, as the first call after a change does): ${(performance.now() - build).toFixed(0)} ms`);

  publishAsOf(site, weeks[weekIndex - 1]!);
  const setup = await inProcess();
  console.log(`setup: first call replays weeks 1-${weekIndex - 1} and opens week ${weekIndex}: ${setup.wallMs.toFixed(0)} ms (load ${load()})`);

  await timed('nothing new, npm run weekly (whole process)', wholeProcess, nothingNew);
  await timed('nothing new, in-process', inProcess, nothingNew);

  publishAsOf(site, weeks[weekIndex]!);
  const before = join(dir, 'before-settling.sqlite');
  copyFileSync(args.db, before);
  const restore = () => {
    for (const suffix of ['-wal', '-shm']) rmSync(`${args.db}${suffix}`, { force: true });
    copyFileSync(before, args.db);
  };
  await timed(`settle week ${weekIndex} and price week ${weekIndex + 1}, no retrain, npm run weekly (whole process)`, wholeProcess, settledOne, restore);
  await timed(`settle week ${weekIndex} and price week ${weekIndex + 1}, no retrain, in-process`, inProcess, settledOne, restore);
} finally {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
}
