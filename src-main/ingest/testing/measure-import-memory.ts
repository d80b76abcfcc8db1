/**
 * Child process for the size-limit test and its before/after figure: imports the folder given
 * with the importFolder of the source tree given (this repository, or an older checkout) into a
 * fresh ledger and prints the summary and the process's peak resident memory as one JSON line.
 * Usage: node --import tsx measure-import-memory.ts <repo root> <folder> <ledger file>
 */
export {};

const [root, folder, ledger] = process.argv.slice(2) as [string, string, string];
const { openLedger } = (await import(`${root}/src-main/ledger/ledger-database.ts`)) as typeof import('../../ledger/ledger-database');
const { importFolder } = (await import(`${root}/src-main/ingest/import-folder.ts`)) as typeof import('../import-folder');
const db = openLedger(ledger);
const started = performance.now();
const summary = await importFolder(db, folder, { div: 'E0' });
db.close();
process.stdout.write(
  `${JSON.stringify({ failed: summary.failed, matches: summary.matches, seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
