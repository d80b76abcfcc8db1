import type { Match } from '../domain/football/match';

/**
 * A cheap 64-bit hash (two 32-bit FNV-style lanes) of the matches' dates, teams and scores, plus
 * their count: the memo key for fits that depend on exactly these results. Any changed score
 * changes it, so a memoised fit can never serve corrupted or different data.
 */
export function matchFingerprint(matches: readonly Match[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const m of matches) {
    const s = `${m.date}|${m.homeTeamId}|${m.awayTeamId}|${m.homeGoals}|${m.awayGoals}|${m.homeShots}|${m.awayShots}|${m.homeShotsOnTarget}|${m.awayShotsOnTarget};`;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
  }
  return `${matches.length}:${(h1 >>> 0).toString(16)}${(h2 >>> 0).toString(16)}`;
}
