import { mulberry32, type SeededRandom } from '../domain/evaluation/seeded-random';
import { addDays } from '../domain/football/betting-week';
import { matchIdOf, teamIdOf, type Match } from '../domain/football/match';
import { outcomeFromGoals } from '../domain/football/outcome';

export interface SyntheticLeagueOptions {
  readonly seed: number;
  readonly teams: number;
  /** Season codes in order, e.g. ['1920', '2021', '2122']. */
  readonly seasons: readonly string[];
  /** Teams swapped for new ones between seasons (promotion and relegation). */
  readonly promotedPerSeason: number;
}

function poisson(random: SeededRandom, rate: number): number {
  const limit = Math.exp(-rate);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/**
 * A reproducible fake league for model tests: teams with fixed attack/defence strengths play a
 * double round robin each season, one round per week (Saturdays from early August), goals drawn
 * from Poisson rates, shots loosely tied to the rates. The weakest teams are replaced by new
 * ones between seasons. No odds: the models never read them.
 */
export function syntheticLeague(options: SyntheticLeagueOptions): Match[] {
  const random = mulberry32(options.seed);
  let next = 0;
  const newTeam = (level: number) => ({ name: `Team ${String.fromCharCode(65 + (next % 26))}${Math.floor(next++ / 26) || ''}`, attack: level + 0.3 * (random() - 0.5), defence: level + 0.3 * (random() - 0.5) });
  let teams = Array.from({ length: options.teams }, () => newTeam(0.4 * (random() - 0.5)));
  const matches: Match[] = [];
  for (const [s, season] of options.seasons.entries()) {
    if (s > 0) {
      const strength = (t: { attack: number; defence: number }) => t.attack + t.defence;
      teams = [...teams].sort((a, b) => strength(b) - strength(a)).slice(0, teams.length - options.promotedPerSeason);
      while (teams.length < options.teams) teams.push(newTeam(-0.2));
    }
    const startYear = 2000 + Number(season.slice(0, 2));
    // The first Saturday on or after 5 August.
    let day = `${startYear}-08-05`;
    while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 6) day = addDays(day, 1);
    const n = teams.length;
    const order = teams.map((_, i) => i);
    for (let round = 0; round < 2 * (n - 1); round++) {
      const date = addDays(day, 7 * round);
      for (let i = 0; i < n / 2; i++) {
        let home = order[i]!;
        let away = order[n - 1 - i]!;
        if (round >= n - 1) [home, away] = [away, home];
        const h = teams[home]!;
        const a = teams[away]!;
        const homeRate = Math.exp(0.15 + 0.25 + h.attack - a.defence);
        const awayRate = Math.exp(0.15 + a.attack - h.defence);
        const homeGoals = poisson(random, homeRate);
        const awayGoals = poisson(random, awayRate);
        const homeShots = poisson(random, 9 * homeRate);
        const awayShots = poisson(random, 9 * awayRate);
        const base = { div: 'X0', season, date, homeTeamId: teamIdOf(h.name), awayTeamId: teamIdOf(a.name) };
        matches.push({
          ...base,
          id: matchIdOf(base),
          kickoff: null,
          homeTeam: h.name,
          awayTeam: a.name,
          homeGoals,
          awayGoals,
          result: outcomeFromGoals(homeGoals, awayGoals),
          halfTimeHomeGoals: null,
          halfTimeAwayGoals: null,
          homeShots,
          awayShots,
          homeShotsOnTarget: Math.min(homeShots, poisson(random, 3 * homeRate)),
          awayShotsOnTarget: Math.min(awayShots, poisson(random, 3 * awayRate)),
          odds: {},
        });
      }
      // Circle method: keep the first team fixed, rotate the others.
      order.splice(1, 0, order.pop()!);
    }
  }
  return matches;
}
