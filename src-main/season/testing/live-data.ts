import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { matchIdOf, teamIdOf } from '../../domain/football/match';
import { decodeCsvText } from '../../ingest/decode-csv-text';

/** The columns of football-data's fixtures file this app reads (identity, kick-off and pre-match prices). */
const FIXTURE_COLUMNS = ['Div', 'Date', 'Time', 'HomeTeam', 'AwayTeam', 'B365H', 'B365D', 'B365A', 'PSH', 'PSD', 'PSA', 'MaxH', 'MaxD', 'MaxA', 'AvgH', 'AvgD', 'AvgA'];

interface RowIdentity {
  readonly id: string;
  readonly date: string;
}

function recordsOf(bytes: Uint8Array): Record<string, string>[] {
  return parse(decodeCsvText(bytes), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
}

function identityOf(row: Record<string, string>, season: string): RowIdentity {
  const [d, m, y] = (row.Date ?? '').split('/');
  const date = `${y!.length === 2 ? `20${y}` : y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return { id: matchIdOf({ div: row.Div ?? '', season, homeTeamId: teamIdOf(row.HomeTeam ?? ''), awayTeamId: teamIdOf(row.AwayTeam ?? '') }), date };
}

/** A fixtures file built from real results rows: the chosen rows with their pre-match prices, results and closing prices removed. */
export function fixturesCsvOf(results: Uint8Array, keep: (row: RowIdentity) => boolean, season = '2324'): Uint8Array {
  const rows = recordsOf(results).filter((row) => keep(identityOf(row, season)));
  return new TextEncoder().encode(stringify([FIXTURE_COLUMNS, ...rows.map((row) => FIXTURE_COLUMNS.map((c) => row[c] ?? ''))]));
}

/** The results file as it stood on a day: only the rows the filter keeps, header and cells unchanged. */
export function resultsCsvOf(results: Uint8Array, keep: (row: RowIdentity) => boolean, season = '2324'): Uint8Array {
  const text = decodeCsvText(results);
  const lines = text.split(/\r?\n/);
  const records = recordsOf(results);
  const kept = lines.slice(1).filter((_, i) => records[i] !== undefined && keep(identityOf(records[i]!, season)));
  return new TextEncoder().encode([lines[0], ...kept].join('\n') + '\n');
}

/** A football-data CSV (results or fixtures) with one match, found by its teams, moved to `isoDate`. */
export function redatedCsv(bytes: Uint8Array, match: { readonly homeTeam: string; readonly awayTeam: string }, isoDate: string): Uint8Array {
  const text = decodeCsvText(bytes);
  const [y, m, d] = isoDate.split('-');
  const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const row = new RegExp(`^([A-Z0-9]+),\\d\\d?/\\d\\d?/\\d{2,4}(,[^,]*,${escape(match.homeTeam)},${escape(match.awayTeam)},)`, 'm');
  if (!row.test(text)) throw new Error(`redatedCsv: no row of ${match.homeTeam} v ${match.awayTeam}`);
  return new TextEncoder().encode(text.replace(row, `$1,${d}/${m}/${y}$2`));
}
