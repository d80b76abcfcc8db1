import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Match } from '../domain/football/match';
import { openLedger } from '../ledger/ledger-database';
import { matchesOf } from '../ledger/match-repository';
import { readPredictions } from '../ledger/run-repository';
import { FAST_RUN } from '../season/testing/season-fixture';
import { seasonReportJson, seasonReportText } from '../season/season-report-text';
import { externalModelLedger } from './testing/external-model-fixture';

let ledger: ReturnType<typeof externalModelLedger>;
let holdout: Match[];

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** A file pricing every 2023-24 match: home favoured by a fixed margin, dates as football-data writes them. */
function predictionsFile(edit: (lines: string[]) => string[] = (l) => l): string {
  const lines = holdout.map((m, i) => `E0,${ddmmyyyy(m.date)},${m.homeTeam},${m.awayTeam},${(0.4 + (i % 5) / 100).toFixed(2)},0.27,${(0.33 - (i % 5) / 100).toFixed(2)},2023-08-01T09:00:00Z`);
  return `${['Div,Date,HomeTeam,AwayTeam,pH,pD,pA,ModelTime', ...edit(lines)].join('\n')}\n`;
}

beforeAll(() => {
  ledger = externalModelLedger();
  const db = openLedger(ledger.databaseFile);
  holdout = matchesOf(db, { div: 'E0', seasons: ['2324'] });
  db.close();
}, 60_000);

afterAll(() => {
  ledger.service.close();
  rmSync(ledger.dir, { recursive: true, force: true });
});

describe('imported predictions', () => {
  it('price a whole season from the file, and every result says the look-ahead cannot be verified', async () => {
    const { service } = ledger;
    const run = service.createRun({ ...FAST_RUN, name: 'from a file' }, { predictionsCsv: { fileName: '/somewhere/my-model.csv', text: predictionsFile() } });
    expect(run.settings.importedPredictions).toMatchObject({ fileName: 'my-model.csv', rows: holdout.length });
    expect(run.settings.retrainEveryWeeks).toBe(0);
    await service.runToEnd(run.id);
    const db = openLedger(ledger.databaseFile);
    const active = readPredictions(db, run.id, { role: 'active' });
    db.close();
    expect(active).toHaveLength(holdout.length);
    const first = active.find((p) => p.matchId === holdout[0]!.id)!;
    expect(first.probabilities).toEqual([0.4, 0.27, 0.33]);
    expect(service.getRun(run.id).provenance).toEqual(['look-ahead not verifiable']);
    const report = seasonReportJson(service.dashboard(run.id));
    expect(report.model_source).toBe('imported: my-model.csv');
    expect(seasonReportText(report)).toContain('Labels: look-ahead not verifiable');
    const csv = service.exportSlips(run.id, { excelBom: false }).csv.split('\r\n');
    expect(csv[0]!.endsWith(',provenance')).toBe(true);
    expect(csv[1]!.endsWith(',look-ahead not verifiable')).toBe(true);
  }, 60_000);

  it('name every row that does not match an imported match, or is not a probability triple, by line', () => {
    const text = predictionsFile((lines) => [
      ...lines.slice(0, 2),
      'E0,12/08/2023,Arsenal,Nowhere FC,0.5,0.3,0.2,',
      'E0,31/02/2023,Arsenal,Chelsea,0.5,0.3,0.2,',
      lines[0]!,
      lines[3]!.replace(/,0\.27,/, ',0.37,'),
      lines[4]!.replace(/,0\.27,/, ',NaN,'),
      lines[5]!.replace(/,0\.27,/, ',-0.27,'),
      ...lines.slice(7),
    ]);
    const attempt = () => ledger.service.createRun({ ...FAST_RUN, name: 'bad file' }, { predictionsCsv: { fileName: 'bad.csv', text } });
    expect(attempt).toThrow(/^Imported predictions bad\.csv: 7 problems:\n/);
    expect(attempt).toThrow('line 4: no imported match E0 2023-08-12 Arsenal v Nowhere FC');
    expect(attempt).toThrow('line 5: Date "31/02/2023" is not a date (dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd)');
    expect(attempt).toThrow(`line 6: E0 ${holdout[0]!.date} ${holdout[0]!.homeTeam} v ${holdout[0]!.awayTeam} is already priced on line 2`);
    expect(attempt).toThrow(/line 7 \(E0 .+\): pH \+ pD \+ pA = 1\.1, not 1 \(within 0\.000001\)/);
    expect(attempt).toThrow(/line 8 \(E0 .+\): pD "NaN" is not a number/);
    expect(attempt).toThrow(/line 9 \(E0 .+\): pD is -0\.27, outside \[0, 1\]/);
    const unpriced = [holdout[2]!, holdout[6]!].map((m) => `${m.date} ${m.homeTeam} v ${m.awayTeam}`).join('; ');
    expect(attempt).toThrow(`2 matches of the season have no row, first ${unpriced}`);
    expect(ledger.service.listRuns().some((r) => r.name === 'bad file')).toBe(false);
  });

  it('refuse a file without the required columns, and a run that names a file it does not attach', () => {
    expect(() => ledger.service.createRun({ ...FAST_RUN, name: 'x' }, { predictionsCsv: { fileName: 'p.csv', text: 'Div,Date,HomeTeam,AwayTeam,H,D,A\n' } })).toThrow(
      'Imported predictions p.csv: missing columns pH, pD, pA (needs Div, Date, HomeTeam, AwayTeam, pH, pD, pA, optionally ModelTime)',
    );
    expect(() => ledger.service.createRun({ ...FAST_RUN, name: 'x', importedPredictions: { fileName: 'p.csv', sha256: '0'.repeat(64), rows: 380 } })).toThrow(
      'Run settings, importedPredictions: attach the predictions file itself',
    );
  });
});
