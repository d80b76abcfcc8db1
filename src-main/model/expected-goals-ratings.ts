import type { Match } from '../domain/football/match';
import { daysBetween } from '../domain/football/betting-week';
import { matchFingerprint } from './match-fingerprint';
import type { DixonColesSettings } from './dixon-coles-ratings';
import { fitPoissonRatings, type ShotRateRatings } from './shot-rate-ratings';

/**
 * Poisson ratings on an expected-goals proxy: each side's count is
 * (1 − alpha) · goals + alpha · shots on target · c, where c = goals / shots on target over the
 * fit's window (the league's conversion rate). alpha = 0 is a goals-only Poisson fit, alpha = 1
 * rates chance creation alone; in between, finishing luck is partly averaged out while real
 * finishing skill still counts. Same time decay, ridge and newcomer rule as the goal model.
 * A match without shot counts contributes its goals only. Returns the shot-rate shape (log
 * rates per team) so `predictShotRates` prices it.
 */
export function fitExpectedGoalsRatings(history: readonly Match[], cutoff: string, settings: DixonColesSettings, alpha: number): ShotRateRatings | null {
  if (!(alpha >= 0 && alpha <= 1)) throw new Error(`Expected-goals blend alpha must be in [0, 1], got ${alpha}`);
  const window = history.filter((m) => m.date < cutoff && daysBetween(m.date, cutoff) <= settings.historyDays);
  const teams = new Set(window.flatMap((m) => [m.homeTeamId, m.awayTeamId]));
  if (window.length === 0 || teams.size < 2) return null;
  const withShots = window.filter((m) => m.homeShotsOnTarget !== null && m.awayShotsOnTarget !== null);
  const shots = withShots.reduce((s, m) => s + m.homeShotsOnTarget! + m.awayShotsOnTarget!, 0);
  const conversion = shots > 0 ? withShots.reduce((s, m) => s + m.homeGoals + m.awayGoals, 0) / shots : 0;
  const blend = (goals: number, onTarget: number | null) => (onTarget === null || conversion === 0 ? goals : (1 - alpha) * goals + alpha * conversion * onTarget);
  return fitPoissonRatings(
    `xg|${alpha}|${JSON.stringify(settings)}|${cutoff}|${matchFingerprint(window)}`,
    window.map((m) => {
      const shotsKnown = m.homeShotsOnTarget !== null && m.awayShotsOnTarget !== null;
      return {
        homeTeam: m.homeTeamId,
        awayTeam: m.awayTeamId,
        homeGoals: blend(m.homeGoals, shotsKnown ? m.homeShotsOnTarget : null),
        awayGoals: blend(m.awayGoals, shotsKnown ? m.awayShotsOnTarget : null),
        weight: Math.exp(-settings.xiPerDay * daysBetween(m.date, cutoff)),
      };
    }),
    settings,
  );
}
