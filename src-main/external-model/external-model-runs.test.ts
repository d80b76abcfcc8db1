import { readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgelineService } from '../app/edgeline-service';
import { FAST_RUN } from '../season/testing/season-fixture';
import { seasonReportJson, seasonReportText } from '../season/season-report-text';
import { addModel } from './model-registry';
import { externalModelLedger, processExists, registerTestModel, scratchDir, TEST_MODEL, waitFor } from './testing/external-model-fixture';

/**
 * Runs priced by real child processes (test-model.mjs) through the real service, ledger and
 * protocol. Each bad model behaves until the week starting BAD_FROM and then breaks one promise;
 * the weeks before must be in the ledger exactly as a good model's run has them.
 */
const BAD_FROM = '2023-09-12';
let ledger: ReturnType<typeof externalModelLedger>;
let service: EdgelineService;
let reference: ReturnType<EdgelineService['dashboard']>;

function externalRun(name: string, model: string, extra: { marketInformed?: boolean; timeoutSeconds?: number } = {}) {
  return service.createRun({ ...FAST_RUN, name, externalModel: { name: model, ...extra } });
}

beforeAll(async () => {
  ledger = externalModelLedger();
  service = ledger.service;
  registerTestModel(ledger.modelsFile, 'good');
  const run = externalRun('reference', 'good');
  await service.runToEnd(run.id);
  reference = service.dashboard(run.id);
}, 120_000);

afterAll(() => {
  service.close();
  rmSync(ledger.dir, { recursive: true, force: true });
});

describe('a model that breaks the protocol', () => {
  const cases: readonly (readonly [string, readonly string[], RegExp])[] = [
    ['wrong-count', [], /predictions for \d+ fixtures: 1 not priced, first .+ v .+ on 2023-09-/],
    ['nan', [], /: pD is NaN, not a finite number/],
    ['negative', [], /: pA is -0\.1\d*, outside \[0, 1\]/],
    ['sum', [], /: pH \+ pD \+ pA = 1\.1, not 1 \(within 0\.000001\)|: pH \+ pD \+ pA = 1\.1, not 1 \(within 1e-6\)/],
    ['malformed', [], /answered the predict request for the fixtures priced on 2023-09-15 with a line that is not JSON/],
    ['huge', [], /wrote more than 1 MiB on one line/],
    ['unknown-id', [], /prices "E0-2324-nowhere", which is not one of this week's fixtures/],
    ['error', [], /reported an error in the predict request for the fixtures priced on 2023-09-15: ratings file is missing/],
    ['stdout-noise', [], /not JSON .*"fitting\.\.\."/],
    ['crash', [], /exited with code 3 while Edgeline waited for the predict request for the fixtures priced on 2023-09-15[\s\S]*Last lines of its stderr:[\s\S]*Traceback: ZeroDivisionError/],
  ];
  for (const [mode, switches, message] of cases) {
    it(`${mode}: the week is not committed, the error says what was wrong, earlier weeks are intact`, async () => {
      registerTestModel(ledger.modelsFile, `bad-${mode}`, ['--mode', mode, '--bad-from', BAD_FROM, ...switches]);
      const run = externalRun(`bad ${mode}`, `bad-${mode}`);
      await expect(service.runToEnd(run.id)).rejects.toThrow(message);
      const played = service.getRun(run.id).weeksPlayed;
      const weeks = service.dashboard(run.id).weeks;
      expect(played).toBeGreaterThan(0);
      expect(weeks.at(-1)!.weekStart < BAD_FROM).toBe(true);
      expect(weeks).toEqual(reference.weeks.slice(0, played));
      // Asking again gives the same answer and still commits nothing.
      await expect(service.step(run.id)).rejects.toThrow(message);
      expect(service.getRun(run.id).weeksPlayed).toBe(played);
    }, 60_000);
  }

  it('a bad answer also shows the last lines of the model stderr', async () => {
    registerTestModel(ledger.modelsFile, 'bad-sum-stderr', ['--mode', 'sum', '--bad-from', BAD_FROM]);
    const run = externalRun('bad sum stderr', 'bad-sum-stderr');
    await expect(service.runToEnd(run.id)).rejects.toThrow(/The week was not committed; fix the model and play it again\.\nLast lines of its stderr:\ntest model: misbehaving \(sum\) from 2023-09-15/);
  }, 60_000);

  it('another protocol version is refused by name before anything is played', async () => {
    registerTestModel(ledger.modelsFile, 'v2', ['--protocol', '2']);
    const run = externalRun('protocol two', 'v2');
    await expect(service.step(run.id)).rejects.toThrow('Model "v2" speaks protocol version 2, but this Edgeline speaks version 1 (docs/external-models.md); update the model or Edgeline.');
    expect(service.getRun(run.id).weeksPlayed).toBe(0);
  });

  it('a command that does not exist is a clear error', async () => {
    addModel(ledger.modelsFile, { name: 'missing', command: 'no-such-model-binary', args: [], cwd: ledger.dir });
    const run = externalRun('missing command', 'missing');
    await expect(service.step(run.id)).rejects.toThrow(/Model "missing" could not be started \(no-such-model-binary in .+\): spawn no-such-model-binary ENOENT/);
  });

  it('the app lists the registered models by name and command line, for the run form', () => {
    expect(service.listExternalModels()).toContainEqual({ name: 'good', commandLine: `${process.execPath} ${TEST_MODEL}` });
  });

  it('a run cannot name a model that is not registered', () => {
    expect(() => externalRun('nobody', 'nobody')).toThrow(/Run settings, externalModel.name: No external model named "nobody" in .+models\.json \(registered: good/);
  });

  it('a run cannot smuggle in its own command: the models file decides what runs', async () => {
    const run = service.createRun({
      ...FAST_RUN,
      name: 'smuggled',
      externalModel: { name: 'good', identity: { command: '/bin/sh', args: ['-c', 'touch /tmp/pwned'], cwd: '/', files: [] } },
    });
    expect(service.getRun(run.id).settings.externalModel!.identity!.command).toBe(process.execPath);
    await service.step(run.id);
    expect(service.getRun(run.id).weeksPlayed).toBe(1);
  });
});

describe('the child process ends with the run', () => {
  it('a hang is stopped by the per-call timeout, and the child is gone', async () => {
    const dir = scratchDir('edgeline-hang-');
    const pidFile = path.join(dir, 'pid');
    registerTestModel(ledger.modelsFile, 'hang', ['--mode', 'hang', '--bad-from', BAD_FROM, '--pid-file', pidFile]);
    const run = externalRun('hang', 'hang', { timeoutSeconds: 1 });
    await expect(service.runToEnd(run.id)).rejects.toThrow(/Model "hang" did not answer the predict request for the fixtures priced on 2023-09-15 within 1 s \(the run's externalModel.timeoutSeconds\); it was stopped\./);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await waitFor(() => !processExists(pid));
    expect(service.dashboard(run.id).weeks).toEqual(reference.weeks.slice(0, service.getRun(run.id).weeksPlayed));
  }, 60_000);

  it('cancel ends a child that is stuck in a call at once', async () => {
    const dir = scratchDir('edgeline-cancel-');
    const pidFile = path.join(dir, 'pid');
    registerTestModel(ledger.modelsFile, 'stuck', ['--mode', 'hang', '--bad-from', '2023-08-01', '--pid-file', pidFile]);
    const run = externalRun('cancelled', 'stuck', { timeoutSeconds: 600 });
    const controller = new AbortController();
    const playing = service.runToEnd(run.id, { signal: controller.signal });
    await waitFor(() => {
      try {
        return processExists(Number(readFileSync(pidFile, 'utf8')));
      } catch {
        return false;
      }
    });
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    await expect(playing).rejects.toThrow();
    await waitFor(() => !processExists(pid), 2000);
    expect(service.getRun(run.id).weeksPlayed).toBe(0);
  }, 30_000);

  it('closing the service (app shutdown) ends the children of every open run', async () => {
    const dir = scratchDir('edgeline-close-');
    const pidFile = path.join(dir, 'pid');
    registerTestModel(ledger.modelsFile, 'stuck-at-close', ['--mode', 'hang', '--bad-from', '2023-08-01', '--pid-file', pidFile]);
    const own = ledger.reopen();
    const run = own.createRun({ ...FAST_RUN, name: 'closed', externalModel: { name: 'stuck-at-close', timeoutSeconds: 600 } });
    const playing = own.runToEnd(run.id);
    playing.catch(() => undefined);
    await waitFor(() => {
      try {
        return processExists(Number(readFileSync(pidFile, 'utf8')));
      } catch {
        return false;
      }
    });
    const pid = Number(readFileSync(pidFile, 'utf8'));
    own.close();
    await waitFor(() => !processExists(pid), 2000);
  }, 30_000);
});

describe('resume', () => {
  it('after a crash is fixed, the run resumes (in a new app session) and ends exactly as an uninterrupted one', async () => {
    const dir = scratchDir('edgeline-crash-');
    const flag = path.join(dir, 'crash-now');
    registerTestModel(ledger.modelsFile, 'flaky', ['--crash-if-exists', flag]);
    const run = externalRun('reference', 'flaky');
    for (let i = 0; i < 6; i += 1) await service.step(run.id);
    writeFileSync(flag, '');
    await expect(service.step(run.id)).rejects.toThrow(/Model "flaky" exited with code 3 [\s\S]*test model: giving up on the week of/);
    expect(service.getRun(run.id).weeksPlayed).toBe(6);
    rmSync(flag);
    const resumed = ledger.reopen();
    try {
      await resumed.runToEnd(run.id);
      const view = resumed.dashboard(run.id);
      expect(view.weeks).toEqual(reference.weeks);
      // The model's name and the search log's count of configurations tried differ by construction (another registered model, tried later).
      expect({ ...seasonReportJson(view), model_source: null, search: null }).toEqual({ ...seasonReportJson(reference), model_source: null, search: null });
      const referenceRun = reference.run.id;
      expect(resumed.exportSlips(run.id, { excelBom: false }).csv).toBe(resumed.exportSlips(referenceRun, { excelBom: false }).csv);
    } finally {
      resumed.close();
    }
  }, 120_000);

  it('a changed model file is detected on resume; a reset accepts the change', async () => {
    const dir = scratchDir('edgeline-changed-');
    const copy = path.join(dir, 'model.mjs');
    copyFileSync(TEST_MODEL, copy);
    addModel(ledger.modelsFile, { name: 'editable', command: process.execPath, args: ['model.mjs'], cwd: dir });
    const run = externalRun('changed', 'editable');
    await service.step(run.id);
    await service.step(run.id);
    appendFileSync(copy, '\n// tuned\n');
    const reopened = ledger.reopen();
    try {
      expect(() => reopened.getRun(run.id)).not.toThrow();
      await expect(reopened.step(run.id)).rejects.toThrow(/Model "editable" is not the one this run was played with: model\.mjs changed \(sha256 [0-9a-f]{12}… -> [0-9a-f]{12}…\)\. The weeks already in the ledger were priced by the old model; reset the run/);
      expect(reopened.getRun(run.id).weeksPlayed).toBe(2);
      reopened.reset(run.id);
      await reopened.step(run.id);
      expect(reopened.getRun(run.id).weeksPlayed).toBe(1);
    } finally {
      reopened.close();
    }
  }, 60_000);

  it('a model whose state is not a function of history, cutoff and seed cannot be restored', async () => {
    registerTestModel(ledger.modelsFile, 'noisy', ['--noisy-state']);
    const run = externalRun('noisy', 'noisy');
    await service.step(run.id);
    const reopened = ledger.reopen();
    try {
      await expect(reopened.step(run.id)).rejects.toThrow(/Model "noisy", retrained to its cutoff 2023-08-08 to restore a saved version, wrote a different state/);
      expect(reopened.getRun(run.id).weeksPlayed).toBe(1);
    } finally {
      reopened.close();
    }
  }, 60_000);
});

describe('the leakage guarantee', () => {
  const RESULT_COLUMNS = ['FTHG', 'FTAG', 'FTR', 'HTHG', 'HTAG', 'HS', 'AS', 'HST', 'AST'];
  const parse = (file: string) => {
    const [header, ...lines] = readFileSync(file, 'utf8').split('\r\n').filter((l) => l !== '');
    const columns = header!.split(',');
    return { columns, rows: lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [columns[i]!, c]))) };
  };
  const recorded = (dir: string) =>
    readdirSync(dir)
      .sort()
      .map((entry) => ({ request: JSON.parse(readFileSync(path.join(dir, entry, 'request.json'), 'utf8')) as { kind: string; cutoff: string }, dir: path.join(dir, entry) }));
  const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('no row on or after a cutoff, no result of a fixture and (by default) no price ever reaches the model', async () => {
    const dir = scratchDir('edgeline-record-');
    registerTestModel(ledger.modelsFile, 'recorder', ['--record', dir]);
    const run = externalRun('recorded', 'recorder');
    await service.runToEnd(run.id);
    const calls = recorded(dir);
    expect(calls.filter((c) => c.request.kind === 'train').length).toBe(1 + service.dashboard(run.id).retrains.filter((r) => r.reason !== 'initial').length);
    expect(calls.filter((c) => c.request.kind === 'predict').length).toBeGreaterThanOrEqual(run.weekCount);
    for (const call of calls) {
      const history = parse(path.join(call.dir, 'history.csv'));
      expect(history.rows.length).toBeGreaterThan(0);
      for (const row of history.rows) expect(row.Date! < call.request.cutoff, `${row.Id} in a file cut at ${call.request.cutoff}`).toBe(true);
      const files = [history, ...(call.request.kind === 'predict' ? [parse(path.join(call.dir, 'fixtures.csv'))] : [])];
      for (const file of files) expect(file.columns.filter((c) => /^(B365|PS|Avg|Max|Bb)/.test(c))).toEqual([]);
      if (call.request.kind === 'predict') {
        const fixtures = parse(path.join(call.dir, 'fixtures.csv'));
        expect(fixtures.columns).toEqual(['Id', 'Div', 'Season', 'Date', 'Time', 'HomeTeam', 'AwayTeam']);
        expect(fixtures.columns.filter((c) => RESULT_COLUMNS.includes(c))).toEqual([]);
        for (const row of fixtures.rows) expect(row.Date! >= call.request.cutoff && row.Date! <= addDays(call.request.cutoff, 6)).toBe(true);
      }
    }
    expect(service.getRun(run.id).provenance).toBeUndefined();
  }, 120_000);

  it('a market-informed run hands over pre-match prices only, and says so on every result', async () => {
    const dir = scratchDir('edgeline-record-odds-');
    registerTestModel(ledger.modelsFile, 'recorder-odds', ['--record', dir]);
    const run = externalRun('market informed', 'recorder-odds', { marketInformed: true });
    for (let i = 0; i < 3; i += 1) await service.step(run.id);
    for (const call of recorded(dir)) {
      const history = parse(path.join(call.dir, 'history.csv'));
      for (const row of history.rows) expect(row.Date! < call.request.cutoff).toBe(true);
      const files = [history, ...(call.request.kind === 'predict' ? [parse(path.join(call.dir, 'fixtures.csv'))] : [])];
      for (const file of files) {
        expect(file.columns).toContain('B365H');
        expect(file.columns).toContain('PSA');
        expect(file.columns.filter((c) => /C[HDA]$/.test(c))).toEqual([]);
      }
    }
    expect(service.getRun(run.id).provenance).toEqual(['market-informed']);
    const report = seasonReportJson(service.dashboard(run.id));
    expect(report.provenance).toEqual(['market-informed']);
    expect(seasonReportText(report)).toContain('Labels: market-informed');
    const csv = service.exportSlips(run.id, { excelBom: false }).csv.split('\r\n');
    expect(csv[0]!.endsWith(',provenance')).toBe(true);
    expect(csv.slice(1, -1).every((line) => line.endsWith(',market-informed'))).toBe(true);
  }, 60_000);
});
