/** "2324" -> "2023-24"; anything else is shown as given. */
export function formatSeason(code: string): string {
  const match = /^(\d{2})(\d{2})$/.exec(code);
  if (match === null) return code;
  const first = Number(match[1]);
  const century = first >= 50 ? 1900 : 2000;
  return `${century + first}-${match[2]}`;
}

/** Leagues football-data.co.uk publishes in the mmz4281 layout, by division code. */
export const LEAGUES: readonly { readonly div: string; readonly name: string }[] = [
  { div: 'E0', name: 'England · Premier League' },
  { div: 'E1', name: 'England · Championship' },
  { div: 'E2', name: 'England · League One' },
  { div: 'E3', name: 'England · League Two' },
  { div: 'SC0', name: 'Scotland · Premiership' },
  { div: 'D1', name: 'Germany · Bundesliga' },
  { div: 'D2', name: 'Germany · 2. Bundesliga' },
  { div: 'I1', name: 'Italy · Serie A' },
  { div: 'SP1', name: 'Spain · La Liga' },
  { div: 'F1', name: 'France · Ligue 1' },
  { div: 'N1', name: 'Netherlands · Eredivisie' },
  { div: 'P1', name: 'Portugal · Primeira Liga' },
];

export function leagueName(div: string): string {
  return LEAGUES.find((league) => league.div === div)?.name ?? div;
}
