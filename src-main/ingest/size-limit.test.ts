import { execFile } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MEASURE = fileURLToPath(new URL('./testing/measure-import-memory.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MB = 1024 * 1024;

/** A 200 MB E0.csv of well-formed rows (what a mistaken export or a concatenation of years looks like). */
async function writeHugeSeason(file: string, bytes: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HS,AS,HST,AST,B365H,B365D,B365A\n');
  let written = 0;
  for (let i = 0; written < bytes; i += 1) {
    const day = new Date(Date.UTC(2023, 7, 1 + (i % 300)));
    const d = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
    const row = `E0,${d},15:00,Home Team ${i % 1000},Away Team ${Math.floor(i / 1000) % 1000},1,1,D,10,10,4,4,2.50,3.20,2.90\n`;
    written += row.length;
    if (!out.write(row)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

let dir: string;
let file: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'edgeline-huge-'));
  mkdirSync(path.join(dir, 'mmz4281', '2324'), { recursive: true });
  file = path.join(dir, 'mmz4281', '2324', 'E0.csv');
  await writeHugeSeason(file, 200 * MB);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a 200 MB season file', () => {
  it('is refused at the size limit, naming the file, in a process whose peak memory stays small', { timeout: 120_000 }, async () => {
    expect(statSync(file).size).toBeGreaterThanOrEqual(200 * MB);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', MEASURE, ROOT, path.join(dir, 'mmz4281'), path.join(dir, 'ledger.sqlite')], {
      cwd: ROOT,
    });
    const measured = JSON.parse(stdout) as { failed: { file: string; error: string }[]; matches: number; seconds: number; peakRssMb: number };
    console.log(`200 MB file: peak RSS ${measured.peakRssMb} MB, ${measured.seconds.toFixed(2)} s`);
    expect(measured.failed).toEqual([
      { file, error: `${file}: expected a season file of at most 16.0 MB (football-data files are under 1 MB; raise the size limit if this one is genuine), found more than 16.0 MB` },
    ]);
    expect(measured.matches).toBe(0);
    // tsx, better-sqlite3 and the importer alone take about 100 MB; the file must add at most its limit.
    expect(measured.peakRssMb).toBeLessThan(300);
  });
});
