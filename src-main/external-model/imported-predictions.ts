import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { teamIdOf, type Match } from '../domain/football/match';
import type { Triple } from '../domain/football/outcome';
import { SUM_TOLERANCE } from './validate-predictions';

/** One row of an imported predictions file, matched to an imported match. */
export interface ImportedPrediction {
  readonly line: number;
  readonly matchId: string;
  readonly probabilities: Triple;
  /** When the model says it made the prediction, as written in the file (not checked: it cannot be). */
  readonly modelTime: string | null;
}

export interface ParsedPredictions {
  readonly sha256: string;
  readonly predictions: readonly ImportedPrediction[];
}

const REQUIRED = ['Div', 'Date', 'HomeTeam', 'AwayTeam', 'pH', 'pD', 'pA'] as const;
const MODEL_TIME = 'ModelTime';

/** dd/mm/yy (20yy), dd/mm/yyyy or yyyy-mm-dd to ISO; null when not a real date. */
function isoDateOf(text: string): string | null {
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = dmy ? [dmy[3]!.length === 2 ? 2000 + Number(dmy[3]) : Number(dmy[3]), Number(dmy[2]), Number(dmy[1])] : ymd ? [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])] : [NaN, NaN, NaN];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(probe.getTime()) || probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a predictions file (Div, Date, HomeTeam, AwayTeam, pH, pD, pA, optional ModelTime) and
 * matches every row to an imported match by division, date and teams (team names folded as the
 * importer folds them). Every problem is collected and reported with its line, so one pass over
 * the file finds them all; then every match of `required` (the run's holdout) must have a row.
 */
export function parsePredictionsCsv(fileName: string, text: string, matches: readonly Match[], required: readonly Match[]): ParsedPredictions {
  const records = parse(text.replace(/^\uFEFF/, ''), { columns: false, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  const [header, ...rows] = records;
  if (!header) throw new Error(`${fileName}: the file is empty; expected a header ${REQUIRED.join(', ')}`);
  const missingColumns = REQUIRED.filter((c) => !header.includes(c));
  if (missingColumns.length > 0) throw new Error(`${fileName}: missing column${missingColumns.length > 1 ? 's' : ''} ${missingColumns.join(', ')} (needs ${REQUIRED.join(', ')}, optionally ${MODEL_TIME})`);
  const index = new Map(header.map((c, i) => [c, i]));
  const byKey = new Map(matches.map((m) => [`${m.div}|${m.date}|${m.homeTeamId}|${m.awayTeamId}`, m]));
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const predictions: ImportedPrediction[] = [];
  rows.forEach((cells, i) => {
    const line = i + 2;
    const cell = (name: string) => cells[index.get(name)!] ?? '';
    const date = isoDateOf(cell('Date'));
    if (date === null) {
      problems.push(`line ${line}: Date ${JSON.stringify(cell('Date'))} is not a date (dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd)`);
      return;
    }
    const label = `${cell('Div')} ${date} ${cell('HomeTeam')} v ${cell('AwayTeam')}`;
    const match = byKey.get(`${cell('Div')}|${date}|${teamIdOf(cell('HomeTeam'))}|${teamIdOf(cell('AwayTeam'))}`);
    if (!match) {
      problems.push(`line ${line}: no imported match ${label}`);
      return;
    }
    const earlier = seen.get(match.id);
    if (earlier !== undefined) {
      problems.push(`line ${line}: ${label} is already priced on line ${earlier}`);
      return;
    }
    const before = problems.length;
    const values = (['pH', 'pD', 'pA'] as const).map((field) => {
      const value = Number(cell(field));
      if (cell(field) === '' || !Number.isFinite(value)) problems.push(`line ${line} (${label}): ${field} ${JSON.stringify(cell(field))} is not a number`);
      else if (value < 0 || value > 1) problems.push(`line ${line} (${label}): ${field} is ${value}, outside [0, 1]`);
      return value;
    });
    const sum = values[0]! + values[1]! + values[2]!;
    if (problems.length === before && Math.abs(sum - 1) > SUM_TOLERANCE) problems.push(`line ${line} (${label}): pH + pD + pA = ${Number(sum.toFixed(9))}, not 1 (within ${SUM_TOLERANCE})`);
    seen.set(match.id, line);
    predictions.push({ line, matchId: match.id, probabilities: values as unknown as Triple, modelTime: index.has(MODEL_TIME) ? cell(MODEL_TIME) || null : null });
  });
  const unpriced = required.filter((m) => !seen.has(m.id));
  if (unpriced.length > 0) {
    problems.push(`${unpriced.length} match${unpriced.length > 1 ? 'es' : ''} of the season ha${unpriced.length > 1 ? 've' : 's'} no row, first ${unpriced.slice(0, 3).map((m) => `${m.date} ${m.homeTeam} v ${m.awayTeam}`).join('; ')}`);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 10);
    throw new Error(`${fileName}: ${problems.length} problem${problems.length > 1 ? 's' : ''}:\n${shown.join('\n')}${problems.length > shown.length ? `\n… and ${problems.length - shown.length} more` : ''}`);
  }
  return { sha256: createHash('sha256').update(text).digest('hex'), predictions };
}
