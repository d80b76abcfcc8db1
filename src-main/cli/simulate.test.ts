import { describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { SHARED_DATA, ledgerWithSeasons } from '../season/testing/season-fixture';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('./simulate.ts', import.meta.url));

function simulate(args: string[]) {
  return run(process.execPath, ['--import', 'tsx', CLI, ...args], { maxBuffer: 16 * 1024 * 1024 });
}

describe('npm run simulate', () => {
  it('plays a season and prints the JSON report whose totals match the exported slips', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgeline-simulate-'));
    try {
      const slips = join(dir, 'slips.csv');
      const { stdout } = await simulate([
        '--db', join(dir, 'ledger.sqlite'), '--season', '2324', '--data', SHARED_DATA, '--training', '2122-2223',
        '--model', 'dixon-coles', '--json', '--export', slips,
      ]);
      const report = JSON.parse(stdout.trim());
      for (const key of ['bets', 'wins', 'staked', 'profit', 'roi', 'roiCi', 'finalBankroll', 'maxDrawdown', 'sharpe', 'clv', 'model', 'market', 'alerts', 'retrains', 'weeks']) {
        expect(report).toHaveProperty(key);
      }
      expect(report.weeks).toBeGreaterThanOrEqual(36);
      expect(report.model.brier).toBeGreaterThan(0.4);
      expect(report.market.rps).toBeGreaterThan(0.1);
      expect(report.roiCi[0]).toBeLessThanOrEqual(report.roi);
      expect(report.roiCi[1]).toBeGreaterThanOrEqual(report.roi);

      const rows = parse(readFileSync(slips, 'utf8'), { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(report.bets);
      const cents = (text: string) => Math.round(Number(text) * 100);
      const staked = rows.reduce((s, r) => s + cents(r.stake_gbp!), 0);
      const profit = rows.reduce((s, r) => s + cents(r.profit_gbp!), 0);
      expect(staked).toBe(Math.round(report.staked * 100));
      expect(profit).toBe(Math.round(report.profit * 100));
      expect(cents(rows.at(-1)!.bankroll_after_gbp!)).toBe(Math.round(report.finalBankroll * 100));
      expect(rows.filter((r) => r.result === 'won')).toHaveLength(report.wins);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names what is missing', async () => {
    await expect(simulate(['--season', '2324'])).rejects.toMatchObject({ stderr: expect.stringContaining('--db is required') });
    const dir = mkdtempSync(join(tmpdir(), 'edgeline-simulate-'));
    try {
      await expect(simulate(['--db', join(dir, 'x.sqlite'), '--season', '2324'])).rejects.toMatchObject({
        stderr: expect.stringContaining('has no E0 2324 matches: import them first or pass --data <dir|url>'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('continues a run killed with kill -9 (--run ID, found with --list) to exactly the uninterrupted report and slips', { timeout: 300_000 }, async () => {
    const fixture = ledgerWithSeasons(['2122', '2223', '2324']);
    fixture.service.close();
    const { dir } = fixture;
    try {
      const reference = fixture.databaseFile;
      const interrupted = join(dir, 'interrupted.sqlite');
      copyFileSync(reference, interrupted);
      const runArgs = ['--season', '2324', '--training', '2122-2223', '--model', 'dixon-coles', '--seed', '7', '--name', 'resume test'];

      const whole = await simulate(['--db', reference, ...runArgs, '--json', '--export', join(dir, 'whole.csv')]);

      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--db', interrupted, ...runArgs], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (/Played week ([3-9]|\d\d) /.test(stderr)) child.kill('SIGKILL');
        });
        child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`simulate ended with ${code} before it was killed: ${stderr}`))));
      });

      const listed = JSON.parse((await simulate(['--db', interrupted, '--list', '--json'])).stdout) as { id: string; name: string; weeksPlayed: number; weekCount: number }[];
      expect(listed).toHaveLength(1);
      expect(listed[0]!.name).toBe('resume test');
      expect(listed[0]!.weeksPlayed).toBeGreaterThanOrEqual(3);
      expect(listed[0]!.weeksPlayed).toBeLessThan(listed[0]!.weekCount);

      const resumed = await simulate(['--db', interrupted, '--run', listed[0]!.id, '--json', '--export', join(dir, 'resumed.csv')]);
      expect(resumed.stdout).toBe(whole.stdout);
      expect(readFileSync(join(dir, 'resumed.csv'), 'utf8')).toBe(readFileSync(join(dir, 'whole.csv'), 'utf8'));
      const again = JSON.parse((await simulate(['--db', interrupted, '--list', '--json'])).stdout) as { weeksPlayed: number; weekCount: number }[];
      expect(again[0]!.weeksPlayed).toBe(again[0]!.weekCount);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses --run with --season, and names an unknown run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgeline-simulate-'));
    try {
      await expect(simulate(['--db', join(dir, 'x.sqlite'), '--run', 'abc', '--season', '2324'])).rejects.toMatchObject({
        stderr: expect.stringContaining('--season cannot be combined with --run: a run keeps its own settings'),
      });
      await expect(simulate(['--db', join(dir, 'x.sqlite'), '--run', 'abc'])).rejects.toMatchObject({
        stderr: expect.stringContaining('There is no run with id abc'),
      });
      expect((await simulate(['--db', join(dir, 'x.sqlite'), '--list'])).stdout).toBe('No runs yet\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
