import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readChecksumManifest } from '../ingest/checksum-manifest';
import { importFromSource } from '../ingest/import-source';
import { EMPTY_IMPORT_SUMMARY, type ImportSummary } from '../ingest/import-service';
import { seasonRange } from '../ingest/season-range';
import { openLedger, type LedgerDatabase } from '../ledger/ledger-database';

export const IMPORT_USAGE = `Usage: npm run import -- --from <folder|url> --db <ledger.sqlite> [--div E0] [--seasons 0506-2324] [--manifest <manifest.json>]
  --from      folder in the football-data layout (<from>/mmz4281/<season>/<div>.csv) or base URL (https://www.football-data.co.uk)
  --db        ledger database file, created if missing
  --div       division code (default E0)
  --seasons   season, range or comma list (0506-2324, 2324, 2122,2324); required with a URL,
              default for a folder: every <div>.csv in it
  --manifest  JSON list of {season, div, bytes, sha256, rows} that downloads must match
  --max-file-mb  refuse a season file larger than this (default 16)
Prints one line of JSON {"files":..,"matches":..,"added":..,"changed":..,"unchanged":..,"removed":..,
"renameCandidates":[..],"warnings":[..],"seasons":[..],"failed":[..]} (a file refused for its rows lists
them in "badRows" and counts them in "badRowCount"); exit code 1 if any file failed, with each failure
and its first 20 bad rows on stderr.`;

export interface ImportArgs {
  readonly from: string;
  readonly db: string;
  readonly div: string;
  readonly seasons?: readonly string[];
  readonly manifest?: string;
  readonly maxFileBytes?: number;
}

/** Parse the command line; throws an Error whose message says which argument is wrong. */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      from: { type: 'string' },
      db: { type: 'string' },
      div: { type: 'string', default: 'E0' },
      seasons: { type: 'string' },
      manifest: { type: 'string' },
      'max-file-mb': { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new Error(`Unexpected argument ${JSON.stringify(positionals[0])}`);
  if (values.from === undefined || values.from === '') throw new Error('Missing --from <folder|url>');
  if (values.db === undefined || values.db === '') throw new Error('Missing --db <ledger.sqlite>');
  if (!/^[A-Za-z0-9]+$/.test(values.div)) throw new Error(`--div ${JSON.stringify(values.div)}: expected a division code like E0`);
  const isUrl = /^https?:\/\//i.test(values.from);
  if (isUrl && values.seasons === undefined) throw new Error('Missing --seasons: required when --from is a URL');
  const maxMb = values['max-file-mb'] === undefined ? undefined : Number(values['max-file-mb']);
  if (maxMb !== undefined && !(maxMb > 0 && maxMb <= 4096)) throw new Error(`--max-file-mb ${JSON.stringify(values['max-file-mb'])}: expected a size in MB from 1 to 4096`);
  return {
    from: values.from,
    db: values.db,
    div: values.div,
    ...(values.seasons === undefined ? {} : { seasons: seasonRange(values.seasons) }),
    ...(values.manifest === undefined ? {} : { manifest: values.manifest }),
    ...(maxMb === undefined ? {} : { maxFileBytes: Math.round(maxMb * 1024 * 1024) }),
  };
}

/** Run an import; resolves to the summary to print (a ledger that cannot be opened is one failure). */
export async function runImport(args: ImportArgs): Promise<ImportSummary> {
  let db: LedgerDatabase;
  try {
    db = openLedger(args.db);
  } catch (error) {
    return { ...EMPTY_IMPORT_SUMMARY, failed: [{ file: args.db, error: (error as Error).message }] };
  }
  try {
    const manifest = args.manifest === undefined ? undefined : await readChecksumManifest(args.manifest);
    return await importFromSource(db, {
      from: args.from,
      div: args.div,
      ...(args.seasons === undefined ? {} : { seasons: args.seasons }),
      ...(manifest === undefined ? {} : { manifest }),
      ...(args.maxFileBytes === undefined ? {} : { maxFileBytes: args.maxFileBytes }),
    });
  } catch (error) {
    return { ...EMPTY_IMPORT_SUMMARY, failed: [{ file: args.manifest ?? args.from, error: (error as Error).message }] };
  } finally {
    db.close();
  }
}

/** Bad rows listed per file on stderr before "…and N more bad rows", as on the Data page. */
export const LISTED_BAD_ROWS = 20;

/** The failures for a person to read: one paragraph per file, its first 20 bad rows indented, then how many more. */
export function describeFailures(summary: ImportSummary): string {
  return summary.failed
    .map((failure) => {
      const count = failure.badRowCount ?? 0;
      if (count <= 1) return failure.error;
      const listed = (failure.badRows ?? []).slice(0, LISTED_BAD_ROWS);
      const more = count - listed.length;
      return [
        `${failure.file}: ${count} rows cannot be imported, so nothing from this file was imported; correct them and import it again:`,
        ...listed.map((row) => `  ${row.message}`),
        ...(more > 0 ? [`  …and ${more} more bad ${more === 1 ? 'row' : 'rows'}`] : []),
      ].join('\n');
    })
    .join('\n\n');
}

async function main(): Promise<void> {
  let args: ImportArgs;
  try {
    args = parseImportArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${IMPORT_USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const summary = await runImport(args);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  if (summary.failed.length > 0) process.stderr.write(`${describeFailures(summary)}\n`);
  process.exitCode = summary.failed.length > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
