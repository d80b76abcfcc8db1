import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

/**
 * `npm run lint:electron`: runs electronegativity over src-main and fails on any finding that is
 * not in ACCEPTED below (each one is explained in docs/app.md). The online "available security
 * fixes" check is skipped: it downloads Electron's release list, and CI has no internet.
 */
const ACCEPTED: readonly { readonly issue: string; readonly file: string; readonly why: string }[] = [
  { issue: 'PRELOAD_JS_CHECK', file: 'window.ts', why: 'The preload exposes invoke(channel, input) allow-listed to the contract channels, and a menu-command listener; nothing else.' },
  {
    issue: 'CSP_GLOBAL_CHECK',
    file: 'window.ts',
    why: "The CSP evaluator warns that script-src 'self' is weak if the origin hosts JSONP, Angular or user uploads; the app's origin serves only its own bundled files.",
  },
];

// No options: a stray argument is refused rather than silently ignored.
parseArgs({ options: {}, strict: true });

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const electronVersion = (require('electron/package.json') as { version: string }).version;
const dir = mkdtempSync(path.join(os.tmpdir(), 'edgeline-electronegativity-'));
// SARIF, not CSV: the tool writes its CSV header and rows with two concurrent writeFile calls,
// which can interleave and corrupt the file; the SARIF report is one write.
const report = path.join(dir, 'findings.sarif');

const run = spawnSync(process.execPath, [cli, '-i', 'src-main', '-o', report, '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-v', 'false'], {
  encoding: 'utf8',
});
if (run.status !== 0) {
  console.error(`electronegativity failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
interface SarifReport {
  readonly runs: readonly {
    readonly results: readonly {
      readonly ruleId: string;
      readonly level: string;
      readonly locations: readonly { readonly physicalLocation: { readonly artifactLocation: { readonly uri: string }; readonly region: { readonly startLine: number; readonly startColumn: number } } }[];
    }[];
  }[];
}
const sarif = JSON.parse(readFileSync(report, 'utf8')) as SarifReport;
const rows = (sarif.runs[0]?.results ?? []).map((result) => {
  const where = result.locations[0]?.physicalLocation;
  return {
    issue: result.ruleId,
    level: result.level,
    file: where?.artifactLocation.uri ?? '',
    location: where ? `${where.region.startLine}:${where.region.startColumn}` : '',
  };
});
rmSync(dir, { recursive: true, force: true });

const unexpected = rows.filter((row) => !ACCEPTED.some((a) => a.issue === row.issue && path.basename(row.file) === a.file));
for (const row of rows) console.log(`${unexpected.includes(row) ? 'NEW     ' : 'accepted'} ${row.issue} (${row.level}) ${row.file}:${row.location}`);
if (unexpected.length > 0) {
  console.error(`\n${unexpected.length} electronegativity finding(s) not accepted: fix them, or add them with a reason to ACCEPTED in src-main/cli/electronegativity-check.ts and docs/app.md`);
  process.exit(1);
}
console.log(`electronegativity: ${rows.length} finding(s), all accepted (Electron ${electronVersion})`);
