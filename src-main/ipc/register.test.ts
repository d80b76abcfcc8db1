import { afterAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../jobs/job-runner';
import type { EdgelineTask } from '../jobs/edgeline-task';
import { registerHandlers, dispatch, type DesktopHost } from './register';
import { CHANNELS } from './contract';
import { createInMemoryEdgelineService } from './test-support/in-memory-edgeline-service';
import { EMPTY_IMPORT_SUMMARY } from '../ingest/import-service';

const jobs = new JobRunner<EdgelineTask>({ workerUrl: new URL('./test-support/in-memory-job-worker.ts', import.meta.url), workerData: null });
afterAll(() => jobs.close());

function setup(desktop?: DesktopHost) {
  const service = createInMemoryEdgelineService();
  return { service, handlers: registerHandlers({ service, jobs, desktop }) };
}

const validSettings = { name: 'EPL 2023-24', div: 'E0', holdoutSeason: '2324' };

describe('registerHandlers', () => {
  it('has a handler for every contract channel', () => {
    const { handlers } = setup();
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('fills run settings defaults from the schema when creating a run', async () => {
    const { handlers } = setup();
    const created = await handlers['runs:create']({ settings: validSettings });
    expect(created.ok && created.value.settings.kellyMultiplier).toBe(0.25);
    expect(created.ok && created.value.settings.marginMethod).toBe('power');
  });

  it('rejects a bad setting with invalid-input naming the field', async () => {
    const { handlers } = setup();
    expect(await handlers['runs:create']({ settings: { ...validSettings, kellyMultiplier: 2 } })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'runs:create input: settings.kellyMultiplier: Too big: expected number to be <=1' },
    });
  });

  it('rejects unknown keys and missing fields', async () => {
    const { handlers } = setup();
    expect(await handlers['runs:get']({ runId: 'run-1', extra: true })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'runs:get input: (input): Unrecognized key: "extra"' },
    });
    expect(await handlers['season:week']({ runId: 'run-1' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'season:week input: week: Invalid input: expected number, received undefined' },
    });
  });

  it('passes a service error code through (not-found for an unknown run)', async () => {
    const { handlers } = setup();
    expect(await handlers['runs:get']({ runId: 'run-404' })).toEqual({ ok: false, error: { code: 'not-found', message: 'No run with id run-404' } });
  });

  it('answers unknown-channel for a channel outside the contract', async () => {
    const { handlers } = setup();
    expect(await dispatch(handlers, 'fs:read', {})).toEqual({ ok: false, error: { code: 'unknown-channel', message: 'Unknown channel "fs:read"' } });
  });

  it('imports uploads in the job worker, not on the host thread', async () => {
    const service = createInMemoryEdgelineService();
    const onHost: string[] = [];
    const handlers = registerHandlers({ service: { ...service, importFiles: (files) => (onHost.push('importFiles'), service.importFiles(files)) }, jobs });
    const bytes = Uint8Array.from([0x44, 0x69, 0x76, 0x0a, 0x45, 0xe9, 0x0a]);
    const result = await handlers['data:import-files']({ files: [{ name: 'E0-2324.csv', bytesBase64: Buffer.from(bytes).toString('base64') }] });
    expect(result).toEqual({ ok: true, value: { ...EMPTY_IMPORT_SUMMARY, files: 1, matches: 1, added: 1 } });
    expect(onHost).toEqual([]);
  });

  it('refuses import by path without a desktop host, and imports the files or the folder the dialog returns', async () => {
    expect(await setup().handlers['data:import-paths']({})).toEqual({
      ok: false,
      error: { code: 'unsupported', message: 'Importing by path needs the desktop app; upload the files instead' },
    });
    const asked: string[] = [];
    const desktop: DesktopHost = { chooseImportPaths: async (kind) => (asked.push(kind), ['/a/E0.csv', '/b/E0.csv']), saveTextFile: async () => null };
    expect(await setup(desktop).handlers['data:import-paths']({})).toEqual({ ok: true, value: { ...EMPTY_IMPORT_SUMMARY, files: 2 } });
    expect(await setup(desktop).handlers['data:import-paths']({ folder: true })).toEqual({ ok: true, value: { ...EMPTY_IMPORT_SUMMARY, files: 2 } });
    expect(asked).toEqual(['files', 'folder']);
  });

  it('takes no path from the caller: data:import-paths refuses any input but the folder flag', async () => {
    const desktop: DesktopHost = { chooseImportPaths: async () => null, saveTextFile: async () => null };
    expect(await setup(desktop).handlers['data:import-paths']({ paths: ['/etc/passwd'] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses a download source that is not http or https (no local folder through the API)', async () => {
    for (const baseUrl of ['file:///etc', 'data:text/csv,Div', 'ftp://example.com/']) {
      expect(await setup().handlers['data:download']({ baseUrl, divs: ['E0'], seasons: ['2324'] })).toEqual({
        ok: false,
        error: { code: 'invalid-input', message: 'data:download input: baseUrl: The download source must be an http or https URL' },
      });
    }
  });

  it('saves the export through the desktop save dialog when asked', async () => {
    const written: string[] = [];
    const desktop: DesktopHost = {
      chooseImportPaths: async () => null,
      saveTextFile: async (name, text) => (written.push(text), `/home/me/${name}`),
    };
    const { handlers } = setup(desktop);
    await handlers['runs:create']({ settings: validSettings });
    const exported = await handlers['slips:export']({ runId: 'run-1', excelBom: true, saveWithDialog: true });
    expect(exported).toEqual({
      ok: true,
      value: { fileName: 'EPL 2023-24-bets.csv', csv: '\uFEFFweek,match\r\n', savedTo: '/home/me/EPL 2023-24-bets.csv' },
    });
    expect(written).toEqual(['\uFEFFweek,match\r\n']);
  });

  it('runs season:step as a job in the worker and returns the week through jobs:wait', async () => {
    const { handlers } = setup();
    const ticket = await handlers['season:step']({ runId: 'run-1' });
    if (!ticket.ok) throw new Error(ticket.error.message);
    // The ticket names the job's kind, so a caller knows the result's type without naming it.
    expect(ticket.value.kind).toBe('step');
    const status = await handlers['jobs:wait']({ jobId: ticket.value.jobId, timeoutMs: 20_000 });
    expect(status.ok && status.value.state).toBe('succeeded');
    expect(status.ok && status.value.kind === 'step' && status.value.state === 'succeeded' && status.value.result.week).toBe(1);
  });

  it('refuses a second mutating job on the same run with busy', async () => {
    const { handlers } = setup();
    const first = await handlers['season:run-to-end']({ runId: 'run-1' });
    const second = await handlers['season:step']({ runId: 'run-1' });
    expect(second.ok).toBe(false);
    expect(!second.ok && second.error.code).toBe('busy');
    const reset = await handlers['season:reset']({ runId: 'run-1' });
    expect(!reset.ok && reset.error.message).toMatch(/^Run run-1 is busy with job [0-9a-f-]{36} \(run-to-end\); cancel it or wait for it first$/);
    if (first.ok) await handlers['jobs:wait']({ jobId: first.value.jobId, timeoutMs: 20_000 });
  });

  it('cancels a running download job through jobs:cancel', async () => {
    const { handlers } = setup();
    const seasons = Array.from({ length: 40 }, (_, i) => `${String(i).padStart(2, '0')}${String(i + 1).padStart(2, '0')}`);
    const ticket = await handlers['data:download']({ divs: ['E0'], seasons });
    if (!ticket.ok) throw new Error(ticket.error.message);
    await handlers['jobs:cancel']({ jobId: ticket.value.jobId });
    const status = await handlers['jobs:wait']({ jobId: ticket.value.jobId, timeoutMs: 20_000 });
    expect(status.ok && status.value.state).toBe('cancelled');
  });

  it('notifies the alerts of a finished Refresh from the host, with nobody polling, and nothing for a quiet one', async () => {
    const shown: { title: string; body: string }[] = [];
    const handlers = registerHandlers({ service: createInMemoryEdgelineService(), jobs, notifier: { notify: (n) => shown.push(n) } });
    const quiet = await handlers['live:refresh']({ runId: 'live-1', baseUrl: 'http://127.0.0.1:9/quiet' });
    const loud = await handlers['live:refresh']({ runId: 'live-2', baseUrl: 'http://127.0.0.1:9/alerts' });
    if (!quiet.ok || !loud.ok) throw new Error('expected two tickets');
    expect(loud.value.kind).toBe('live-refresh');
    for (let i = 0; i < 200 && shown.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    await handlers['jobs:wait']({ jobId: quiet.value.jobId, timeoutMs: 20_000 });
    expect(shown).toEqual([{ title: 'Edgeline: an alert on Live E0 2324', body: 'Week 3: the model is behind the market' }]);
  });

  it('checks a new live run\'s settings and data source before any job starts, naming the field', async () => {
    const { handlers } = setup();
    expect(await handlers['live:refresh']({ create: { div: 'E0', season: '2425', settings: { kellyMultiplier: 2 } }, baseUrl: 'https://www.football-data.co.uk' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('create.settings.kellyMultiplier: Too big: expected number to be <=1') },
    });
    expect(await handlers['live:refresh']({ create: { div: 'E0', season: '2425', settings: { name: 'mine' } }, baseUrl: 'https://www.football-data.co.uk' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('create.settings.name: is fixed by the live season and cannot be set') },
    });
    expect(await handlers['live:refresh']({ runId: 'live-1', baseUrl: 'file:///etc' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it("opens the week's report on the desktop by the service's own path, and hands the page the HTML otherwise", async () => {
    const opened: string[] = [];
    const desktop: DesktopHost = { chooseImportPaths: async () => null, saveTextFile: async () => null, openReport: async (file) => void opened.push(file) };
    expect(await setup(desktop).handlers['live:report']({ runId: 'live-1', open: true })).toMatchObject({ ok: true, value: { opened: true, file: '/data/reports/week-02-2023-08-15.html' } });
    expect(opened).toEqual(['/data/reports/week-02-2023-08-15.html']);
    expect(await setup().handlers['live:report']({ runId: 'live-1', open: true })).toMatchObject({ ok: true, value: { opened: false, html: '<!doctype html><title>Week 2</title>' } });
    expect(await setup(desktop).handlers['live:report']({ runId: 'live-1', file: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('answers not-found for an unknown job id', async () => {
    const { handlers } = setup();
    expect(await handlers['jobs:wait']({ jobId: 'job-x', timeoutMs: 10 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No job with id job-x (it may have finished long ago)' },
    });
  });
});
