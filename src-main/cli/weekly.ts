import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openLedger } from '../ledger/ledger-database';
import { DEFAULT_DATA_URL } from '../ingest/download';
import { seasonRange } from '../ingest/season-range';
import { seasonOfDate } from '../domain/football/upcoming-fixture';
import { MODEL_KINDS, type ModelKind } from '../model/outcome-model';
import { runWeekly, type WeeklyOutcome } from '../season/weekly';
import { writeWeekReports } from '../season/week-report';

export const WEEKLY_USAGE = `Usage: npm run weekly -- --db <ledger.sqlite> [--div E0] [--season 2425] [--data-url URL] [--reports DIR] [--json]
                          [--model KIND] [--train 2223,2324]
  --db        ledger database file, created if missing
  --div       division code (default E0)
  --season    season code (default: the season today's date falls in, July onwards opens a new one)
  --data-url  where the files are, in football-data's layout: <url>/mmz4281/<season>/<div>.csv and <url>/fixtures.csv
              (default ${DEFAULT_DATA_URL})
  --reports   folder for the weekly HTML report and CSV slip (default: reports/ beside the ledger)
  --json      print one JSON object {"settled":[..],"open":[..],"alerts":[..],"changed":bool,..}
  --model, --train  settings of the live run when this call creates it (model kind; training seasons,
              downloaded if the ledger lacks them); refused once the run exists with other settings
Exit status: 0 nothing new, 10 new bets or a settled week, 20 an alert to read (monitoring, a revised
settled match, a void bet), 1 an error (the ledger is unchanged), 2 a bad command line.`;

export const EXIT = { nothingNew: 0, error: 1, usage: 2, newBets: 10, alert: 20 } as const;

export interface WeeklyArgs {
  readonly db: string;
  readonly div: string;
  readonly season: string;
  readonly dataUrl: string;
  readonly reports: string;
  readonly json: boolean;
  readonly modelKind?: ModelKind;
  readonly trainingSeasons?: readonly string[];
}

/** Parse the command line; throws an Error whose message says which argument is wrong. */
export function parseWeeklyArgs(argv: readonly string[], today: Date = new Date()): WeeklyArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      db: { type: 'string' },
      div: { type: 'string', default: 'E0' },
      season: { type: 'string' },
      'data-url': { type: 'string', default: DEFAULT_DATA_URL },
      reports: { type: 'string' },
      json: { type: 'boolean', default: false },
      model: { type: 'string' },
      train: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new Error(`Unexpected argument ${JSON.stringify(positionals[0])}`);
  if (values.db === undefined || values.db === '') throw new Error('Missing --db <ledger.sqlite>');
  if (!/^[A-Z0-9]{1,4}$/.test(values.div)) throw new Error(`--div ${JSON.stringify(values.div)}: expected a division code like E0`);
  const season = values.season ?? seasonOfDate(today.toISOString().slice(0, 10));
  if (!/^\d{4}$/.test(season)) throw new Error(`--season ${JSON.stringify(season)}: expected a season code like 2324 for 2023-24`);
  if (!/^https?:\/\/\S+$/i.test(values['data-url'])) throw new Error(`--data-url ${JSON.stringify(values['data-url'])}: expected an http(s) URL`);
  if (values.model !== undefined && !(MODEL_KINDS as readonly string[]).includes(values.model)) {
    throw new Error(`--model ${JSON.stringify(values.model)}: expected one of ${MODEL_KINDS.join(', ')}`);
  }
  return {
    db: values.db,
    div: values.div,
    season,
    dataUrl: values['data-url'],
    reports: values.reports ?? join(dirname(resolve(values.db)), 'reports'),
    json: values.json,
    ...(values.model === undefined ? {} : { modelKind: values.model as ModelKind }),
    ...(values.train === undefined ? {} : { trainingSeasons: seasonRange(values.train) }),
  };
}

/** What a scheduler is told: an alert outranks new bets, which outrank nothing new. */
export function exitCodeOf(outcome: Pick<WeeklyOutcome, 'alerts' | 'newBets'>): number {
  if (outcome.alerts.length > 0) return EXIT.alert;
  return outcome.newBets ? EXIT.newBets : EXIT.nothingNew;
}

export function slipText(outcome: WeeklyOutcome, reportFile: string | null): string {
  const lines: string[] = [];
  for (const alert of outcome.alerts) lines.push(`ALERT: ${alert}`);
  for (const w of outcome.settled) {
    lines.push(`Settled week ${w.week} (${w.weekStart} to ${w.weekEnd}): ${w.bets} bets, staked ${w.staked.toFixed(2)}, profit ${w.profit.toFixed(2)}, bankroll ${w.bankroll.toFixed(2)}`);
  }
  for (const r of outcome.retrained) lines.push(`Retrained: ${r}`);
  if (outcome.openWeek) {
    lines.push(`Week ${outcome.openWeek.week} from ${outcome.openWeek.weekStart}: ${outcome.open.length} bet${outcome.open.length === 1 ? '' : 's'} at the prices imported ${outcome.openWeek.pricesImportedAt}`);
    for (const b of outcome.open) lines.push(`  ${b.date} ${b.kickoff ?? '     '}  ${b.match.padEnd(34)} ${b.selection.padEnd(5)} @ ${b.odds.toFixed(2).padStart(6)}  stake ${b.stake.toFixed(2).padStart(9)}`);
  } else {
    lines.push('No open week: no fixtures of this division and season after the last settled week.');
  }
  if (reportFile) lines.push(`Report: ${reportFile}`);
  lines.push(outcome.changed ? 'The ledger was updated.' : 'Nothing new: the ledger is unchanged.');
  return `${lines.join('\n')}\n`;
}

export async function runWeeklyCommand(args: WeeklyArgs): Promise<{ outcome: WeeklyOutcome; reportFile: string | null }> {
  const db = openLedger(args.db);
  try {
    const settings = {
      ...(args.modelKind === undefined ? {} : { modelKind: args.modelKind }),
      ...(args.trainingSeasons === undefined ? {} : { trainingSeasons: [...args.trainingSeasons] }),
    };
    const outcome = await runWeekly(db, { div: args.div, season: args.season, baseUrl: args.dataUrl, settings });
    const reportFile = writeWeekReports(db, outcome.runId, args.reports, { ledgerUnchanged: !outcome.changed });
    return { outcome, reportFile };
  } finally {
    db.close();
  }
}

/** The command: parse `argv`, run the week, print, and set the exit status. The bundle's entry point (scripts/bundled-cli.mjs). */
export async function main(argv: readonly string[]): Promise<void> {
  let args: WeeklyArgs;
  try {
    args = parseWeeklyArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${WEEKLY_USAGE}\n`);
    process.exitCode = EXIT.usage;
    return;
  }
  try {
    const { outcome, reportFile } = await runWeeklyCommand(args);
    process.stdout.write(args.json ? `${JSON.stringify({ ...outcome, report: reportFile })}\n` : slipText(outcome, reportFile));
    process.exitCode = exitCodeOf(outcome);
  } catch (error) {
    const message = (error as Error).message;
    process.stderr.write(args.json ? `${JSON.stringify({ error: message })}\n` : `weekly: ${message}\nThe ledger is unchanged by this failure; run weekly again once it is fixed.\n`);
    process.exitCode = EXIT.error;
  }
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
