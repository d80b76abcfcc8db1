import { createHash } from 'node:crypto';
import { ODDS_SOURCES, type Match } from '../domain/football/match';

/**
 * sha256 over every field of the matches a run uses, in id order: two runs with the same
 * fingerprint saw exactly the same results and prices, so their ledgers are comparable.
 */
export function dataFingerprintOf(matches: readonly Match[]): string {
  const hash = createHash('sha256');
  for (const m of [...matches].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const fields = [
      m.id, m.kickoff, m.homeTeam, m.awayTeam, m.homeGoals, m.awayGoals, m.result, m.halfTimeHomeGoals, m.halfTimeAwayGoals,
      m.homeShots, m.awayShots, m.homeShotsOnTarget, m.awayShotsOnTarget, ODDS_SOURCES.map((source) => m.odds[source] ?? null),
    ];
    hash.update(`${JSON.stringify(fields)}\n`);
  }
  return hash.digest('hex');
}
