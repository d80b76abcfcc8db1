import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { parseFootballDataCsv } from '../ingest/football-data-csv';
import { bettingWeeksOf } from '../domain/football/betting-week';
import { MODEL_KINDS, type ModelKind } from '../model/outcome-model';
import { seasonFile } from '../season/testing/season-fixture';
import { publishAsOf, startFootballDataSite } from '../season/testing/football-data-site';
import { runWeeklyCommand, type WeeklyArgs } from './weekly';

/**
 * `npm run bench:weekly [-- --model dixon-coles] [--week 6]`: the two `weekly` targets on a local
 * copy of football-data's site (127.0.0.1) serving 2023-24 as it stood before week N, with
 * 2021-22 and 2022-23 for training. Prints the time of a call with nothing new, and of a call
 * that settles the open week and prices the next one without a retrain (week N -> N+1 with the
 * default 4-week schedule is not a retrain week for N = 6), in-process and as a whole child
 * process (tsx start-up included), with the machine's load.
 */
const { values } = parseArgs({ options: { model: { type: 'string', default: 'dixon-coles' }, week: { type: 'string', default: '6' } } });
if (!(MODEL_KINDS as readonly string[]).includes(values.model)) throw new Error(`--model: expected one of ${MODEL_KINDS.join(', ')}`);
const weekIndex = Number(values.week);
const weeks = bettingWeeksOf(parseFootballDataCsv(new Uint8Array(readFileSync(seasonFile('2324'))), { file: seasonFile('2324') }));
const site = await startFootballDataSite();
const dir = mkdtempSync(join(tmpdir(), 'edgeline-bench-weekly-'));
const args: WeeklyArgs = {
  db: join(dir, 'ledger.sqlite'), div: 'E0', season: '2324', dataUrl: site.url, reports: join(dir, 'reports'), json: true,
  modelKind: values.model as ModelKind, trainingSeasons: ['2122', '2223'],
};
const childArgs = ['--import', 'tsx', join(process.cwd(), 'src-main/cli/weekly.ts'), '--db', args.db, '--season', '2324', '--data-url', site.url, '--reports', args.reports, '--json'];
const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const value = await f();
  return [value, performance.now() - t0];
};
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
/** A whole `weekly` child process: wall time, and its CPU time (user + system, from /usr/bin/time) that a loaded machine does not inflate. */
async function child(): Promise<string> {
  const t0 = performance.now();
  const done = await promisify(execFile)('/usr/bin/time', ['-f', '%U %S', process.execPath, ...childArgs]).catch((e: { stderr: string }) => e);
  const wall = performance.now() - t0;
  const [user, sys] = (done.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  return `${wall.toFixed(0)} ms wall, ${(((user ?? NaN) + (sys ?? NaN)) * 1000).toFixed(0)} ms CPU`;
}

try {
  publishAsOf(site, weeks[weekIndex - 1]!);
  const [setup, setupMs] = await timed(() => runWeeklyCommand(args));
  console.log(`setup: first call, ${setup.outcome.settled.length} weeks replayed, week ${setup.outcome.openWeek?.week} opened: ${setupMs.toFixed(0)} ms (load ${load()})`);

  const [same, sameMs] = await timed(() => runWeeklyCommand(args));
  if (same.outcome.changed) throw new Error('a second call changed the ledger');
  console.log(`nothing new, in-process: ${sameMs.toFixed(0)} ms (load ${load()})`);
  console.log(`nothing new, child process: ${await child()} (load ${load()})`);

  publishAsOf(site, weeks[weekIndex]!);
  const [next, nextMs] = await timed(() => runWeeklyCommand(args));
  console.log(
    `settle week ${next.outcome.settled.map((s) => s.week).join(',')} and price week ${next.outcome.openWeek?.week}` +
      `${next.outcome.retrained.length > 0 ? ` (RETRAINED: ${next.outcome.retrained.join('; ')})` : ', no retrain'}, in-process: ${nextMs.toFixed(0)} ms (load ${load()})`,
  );
  publishAsOf(site, weeks[weekIndex + 1]!);
  console.log(`settle week ${weekIndex + 1} and price week ${weekIndex + 2}, child process: ${await child()} (load ${load()})`);
} finally {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
}
