import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Match } from '../domain/football/match';
import type { WeekBet } from '../domain/season/week-bet';
import { betSlipCsv, betSlipRows } from './bet-slip-export';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

const match: Match = {
  id: 'm1', div: 'E0', season: '2324', date: '2023-08-12', kickoff: '12:30', homeTeam: 'Arsenal', awayTeam: "Nott'm Forest",
  homeTeamId: 'arsenal', awayTeamId: 'nottm-forest', homeGoals: 2, awayGoals: 1, result: 'H', halfTimeHomeGoals: null, halfTimeAwayGoals: null,
  homeShots: null, awayShots: null, homeShotsOnTarget: null, awayShotsOnTarget: null, odds: {},
};
const bet: WeekBet = {
  week: 1, book: 'active', matchId: 'm1', outcome: 'D', decimalOdds: 7, modelProbability: 0.150242, marketProbability: 0.116692, edge: 0.051697,
  fullKelly: 0.0086, appliedKelly: 0.002154, robustAcrossMethods: true, closingOdds: 7, closingFairProbability: 0.116978, modelVersion: 1,
  status: 'settled', stakeCents: 123_456, won: false, profitCents: -123_456,
};

/** Each cell as LibreOffice Calc imported it: its numeric value (absent for text), number format and shown text. */
function importedCells(html: string): { value: string | null; format: string | null; text: string }[] {
  return [...html.matchAll(/<td([^>]*)>(?:<[^/][^>]*>)*([^<]*)/g)].map(([, attributes, text]) => ({
    value: /sdval="([^"]*)"/.exec(attributes!)?.[1] ?? null,
    format: /sdnum="[^;"]*;[^;"]*;([^"]*)"/.exec(attributes!)?.[1]?.replaceAll('&quot;', '"') ?? null,
    text: text!.trim(),
  }));
}

describe('the Excel variant of the bet slips in a real spreadsheet', () => {
  it.skipIf(!hasSoffice)("opens in LibreOffice Calc's UTF-8 CSV import with money, kick-off and percentages as numbers and team names as text", { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgeline-slips-calc-'));
    try {
      const csvFile = join(dir, 'slips.csv');
      writeFileSync(csvFile, betSlipCsv(betSlipRows([bet], new Map([['m1', match]]), 1_000_000, [], 'abc', 'model'), { excelBom: true }));
      // 44 comma, 34 double quote, 76 UTF-8, from line 1: the import dialog's defaults for a UTF-8 file.
      execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--infilter=CSV:44,34,76,1', '--convert-to', 'html:HTML (StarCalc)', '--outdir', dir, csvFile], {
        stdio: 'ignore',
        env: { ...process.env, LANG: 'C.UTF-8' },
      });
      const cells = importedCells(readFileSync(join(dir, 'slips.html'), 'utf8'));
      const header = cells.slice(0, 19).map((c) => c.text);
      expect(header[0]).toBe('week');
      const row = Object.fromEntries(header.map((name, i) => [name, cells[19 + i]!]));
      expect(row.kickoff).toMatchObject({ value: '45150.5208333333', format: 'YYYY-MM-DD HH:MM:SS' });
      expect(row.match).toMatchObject({ value: null, text: "Arsenal v Nott'm Forest" });
      expect(row.stake_gbp).toMatchObject({ value: '1234.56' });
      expect(row.profit_gbp).toMatchObject({ value: '-1234.56' });
      expect(row.bankroll_after_gbp).toMatchObject({ value: '8765.44' });
      expect(row.probability_pct).toMatchObject({ value: '15.0242' });
      expect(row.edge_pct).toMatchObject({ value: '5.1697' });
      expect(row.odds_taken).toMatchObject({ value: '7' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
