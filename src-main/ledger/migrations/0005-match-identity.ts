import type { Migration } from './migration';

/**
 * Match ids stop containing the date: `E0-2324-2023-09-02-sheffield-united-everton` becomes
 * `E0-2324-sheffield-united-everton-1`, the home fixture and its order among the pair's
 * meetings at that ground (by date). A corrected date then updates the match instead of adding
 * a second one. Runs' predictions and bets follow their matches, so finished weeks stay readable;
 * run fingerprints hash match content, not ids, so open runs still continue.
 * A stale duplicate an earlier import left behind (the same fixture on two dates) becomes
 * meeting 2 here and is removed by the next import of its season file.
 */
export const matchIdentityMigration: Migration = {
  version: 5,
  name: 'match-identity',
  up(db) {
    db.exec(`
      CREATE TEMP TABLE match_ids AS
        SELECT id AS old_id,
               div || '-' || season || '-' || home_team_id || '-' || away_team_id || '-' ||
                 row_number() OVER (PARTITION BY div, season, home_team_id, away_team_id ORDER BY date, id) AS new_id
        FROM matches;
      CREATE UNIQUE INDEX temp.match_ids_by_old ON match_ids (old_id);
      UPDATE predictions SET match_id = (SELECT new_id FROM match_ids WHERE old_id = match_id) WHERE match_id IN (SELECT old_id FROM match_ids);
      UPDATE weekly_bets SET match_id = (SELECT new_id FROM match_ids WHERE old_id = match_id) WHERE match_id IN (SELECT old_id FROM match_ids);
      UPDATE matches SET id = (SELECT new_id FROM match_ids WHERE old_id = id);
      DROP TABLE temp.match_ids;
      CREATE INDEX matches_by_fixture ON matches (div, season, home_team_id, away_team_id);
    `);
  },
};
