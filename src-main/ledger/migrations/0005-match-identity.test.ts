import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger } from '../ledger-database';
import { MIGRATIONS } from './index';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'edgeline-0005-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('migration 0005-match-identity', () => {
  it('renames every match to its home fixture and meeting, and moves predictions and bets with it', () => {
    const file = path.join(folder, 'ledger.sqlite');
    const v3 = openLedger(file, { migrations: MIGRATIONS.slice(0, 3) });
    const match = v3.prepare(
      `INSERT INTO matches (id, div, season, date, home_team, away_team, home_team_id, away_team_id, home_goals, away_goals, result)
       VALUES (?, 'E0', '2324', ?, ?, ?, ?, ?, 1, 0, 'H')`,
    );
    // The stale row a corrected date left behind under the old ids, and its correction.
    match.run('E0-2324-2023-09-02-sheffield-united-everton', '2023-09-02', 'Sheffield United', 'Everton', 'sheffield-united', 'everton');
    match.run('E0-2324-2023-09-03-sheffield-united-everton', '2023-09-03', 'Sheffield United', 'Everton', 'sheffield-united', 'everton');
    match.run('E0-2324-2023-08-11-burnley-man-city', '2023-08-11', 'Burnley', 'Man City', 'burnley', 'man-city');
    v3.prepare("INSERT INTO runs VALUES ('r1', 'run', '2024-01-01', '{}', 'f', 100000, 38)").run();
    v3.prepare("INSERT INTO predictions (run_id, week, match_id, role, model_version, p_home, p_draw, p_away, brier) VALUES ('r1', 1, 'E0-2324-2023-08-11-burnley-man-city', 'active', 1, 0.2, 0.2, 0.6, 0.3)").run();
    v3.prepare(
      `INSERT INTO weekly_bets (run_id, week, book, match_id, outcome, decimal_odds, model_probability, market_probability, edge, full_kelly, applied_kelly,
         stake_cents, placed, robust, profit_cents, model_version)
       VALUES ('r1', 1, 'active', 'E0-2324-2023-08-11-burnley-man-city', 'A', 1.33, 0.8, 0.74, 0.06, 0.2, 0.05, 500, 1, 1, 165, 1)`,
    ).run();
    v3.close();

    const db = openLedger(file);
    expect(db.prepare('SELECT id, date FROM matches ORDER BY id').all()).toEqual([
      { id: 'E0-2324-burnley-man-city-1', date: '2023-08-11' },
      { id: 'E0-2324-sheffield-united-everton-1', date: '2023-09-02' },
      { id: 'E0-2324-sheffield-united-everton-2', date: '2023-09-03' },
    ]);
    expect(db.prepare('SELECT match_id FROM predictions').pluck().all()).toEqual(['E0-2324-burnley-man-city-1']);
    expect(db.prepare('SELECT match_id FROM weekly_bets').pluck().all()).toEqual(['E0-2324-burnley-man-city-1']);
    db.close();
  });
});
