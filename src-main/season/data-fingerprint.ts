import { createHash } from 'node:crypto';
import { ODDS_SOURCES, type Match } from '../domain/football/match';

/**
 * sha256 over every field of the matches a run uses, in (division, season, date, home, away)
 * order: two runs with the same fingerprint saw exactly the same results and prices, so their
 * ledgers are comparable. Each match is keyed by its content (date and teams), not its id, so
 * the fingerprint of a run recorded when ids still contained the date (schema 3) is unchanged.
 */
export function dataFingerprintOf(matches: readonly Match[]): string {
  const hash = createHash('sha256');
  const keyed = matches.map((m) => ({ key: `${m.div}-${m.season}-${m.date}-${m.homeTeamId}-${m.awayTeamId}`, m }));
  for (const { key, m } of keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const fields = [
      key, m.kickoff, m.homeTeam, m.awayTeam, m.homeGoals, m.awayGoals, m.result, m.halfTimeHomeGoals, m.halfTimeAwayGoals,
      m.homeShots, m.awayShots, m.homeShotsOnTarget, m.awayShotsOnTarget, ODDS_SOURCES.map((source) => m.odds[source] ?? null),
    ];
    hash.update(`${JSON.stringify(fields)}\n`);
  }
  return hash.digest('hex');
}
