import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importFolder } from '../ingest/import-folder';
import { openLedger } from '../ledger/ledger-database';

/**
 * Benchmark: import all 19 EPL seasons of ../shared/data/football-data into a fresh ledger file
 * (open + migrate + read + parse + store, one transaction per file), several times, and print
 * one line of JSON with the median time, the match count and the database size. Target: < 0.5 s
 * (issue 10; the first run of a process is slower: it also warms the parser and SQLite).
 */
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, from: { type: 'string', default: '../shared/data/football-data/mmz4281' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--runs ${JSON.stringify(values.runs)}: expected a whole number of runs, at least 1\n`);
  process.exit(2);
}
const source = path.resolve(process.cwd(), values.from);

const seconds: number[] = [];
let matches = 0;
let files = 0;
let databaseBytes = 0;
for (let run = 0; run < runs; run += 1) {
  const folder = mkdtempSync(path.join(tmpdir(), 'edgeline-bench-import-'));
  const file = path.join(folder, 'ledger.sqlite');
  try {
    const started = performance.now();
    const db = openLedger(file);
    const summary = await importFolder(db, source, { div: 'E0' });
    db.close();
    seconds.push((performance.now() - started) / 1000);
    if (summary.failed.length > 0) throw new Error(`Benchmark import failed: ${JSON.stringify(summary.failed)}`);
    matches = summary.matches;
    files = summary.files;
    databaseBytes = statSync(file).size;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
const sorted = [...seconds].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
const round = (s: number): number => Math.round(s * 1000) / 1000;
process.stdout.write(
  `${JSON.stringify({ seconds: round(median), runs: seconds.map(round), matches, files, databaseBytes, databaseMiB: Math.round((databaseBytes / 2 ** 20) * 100) / 100, targetSeconds: 0.5 })}\n`,
);
