import { setTimeout as sleep } from 'node:timers/promises';
import type { DataStatus, DownloadRequest, EdgelineService, ImportSummary, TaskOptions } from '../../app/edgeline-service';
import { runSettingsSchema, type RunSettingsInput } from '../../season/run-settings';
import type { DashboardView, RunSummary, WeekView } from '../../season/season-views';
import { CodedError } from '../result';
import { EMPTY_IMPORT_SUMMARY, mergeImportSummaries } from '../../ingest/import-service';
import { alertNotificationOf } from '../../app/alert-notifier';

/**
 * A hand-written EdgelineService for the IPC and HTTP layer tests only: it keeps runs in memory
 * and counts CSV rows instead of simulating, so the tests can check validation, error codes,
 * transport and jobs without a database or a model. Never used by the app or the e2e tests.
 */
export function createInMemoryEdgelineService(): EdgelineService {
  const runs = new Map<string, RunSummary>();
  const seasons: { div: string; season: string; matches: number }[] = [];
  let nextRun = 1;

  const mustGet = (runId: string): RunSummary => {
    const run = runs.get(runId);
    if (run === undefined) throw new CodedError('not-found', `No run with id ${runId}`);
    return run;
  };
  const countRows = (name: string, bytes: Uint8Array): ImportSummary => {
    const lines = new TextDecoder('latin1').decode(bytes).split(/\r?\n/).filter((line) => line.trim() !== '');
    if (lines.length < 2) return { ...EMPTY_IMPORT_SUMMARY, files: 1, failed: [{ file: name, error: `${name}: no data rows` }] };
    seasons.push({ div: 'E0', season: name.replace(/\D/g, '').slice(0, 4) || '0000', matches: lines.length - 1 });
    return { ...EMPTY_IMPORT_SUMMARY, files: 1, matches: lines.length - 1, added: lines.length - 1 };
  };
  const merge = (summaries: ImportSummary[]): ImportSummary => summaries.reduce(mergeImportSummaries, EMPTY_IMPORT_SUMMARY);
  const weekView = (run: RunSummary, week: number): WeekView => ({
    runId: run.id,
    week,
    weekCount: run.weekCount,
    performance: {
      week,
      weekStart: '2023-08-08',
      weekEnd: '2023-08-14',
      matches: 10,
      valueBetsFound: 0,
      betsPlaced: 0,
      wins: 0,
      stakedCents: 0,
      profitCents: 0,
      roi: null,
      bankrollStartCents: run.bankrollCents,
      bankrollEndCents: run.bankrollCents,
      modelBrier: 0.6,
      marketBrier: 0.58,
      cumulativeModelBrier: 0.6,
      cumulativeMarketBrier: 0.58,
      drawdown: 0,
      meanClv: null,
      modelVersion: 1,
    },
    matches: [],
    candidates: [],
    alerts: [],
    retrain: null,
  });

  return {
    dataStatus(): DataStatus {
      return {
        seasons: [...seasons],
        totalMatches: seasons.reduce((sum, s) => sum + s.matches, 0),
        databaseFile: ':memory:',
        defaultBaseUrl: 'https://www.football-data.co.uk/mmz4281',
      };
    },
    defaultRunSettings(div = 'E0') {
      return runSettingsSchema.parse({ name: `${div} 2023-24`, div, holdoutSeason: '2324' });
    },
    importFiles(files) {
      return merge(files.map((file) => countRows(file.name, file.bytes)));
    },
    async importPaths(paths) {
      return { ...EMPTY_IMPORT_SUMMARY, files: paths.length };
    },
    async download(request: DownloadRequest, options?: TaskOptions) {
      for (const [i, season] of request.seasons.entries()) {
        await sleep(5, undefined, { signal: options?.signal });
        options?.onProgress?.({ fraction: (i + 1) / request.seasons.length, message: `Downloaded ${season}` });
      }
      return { ...EMPTY_IMPORT_SUMMARY, files: request.seasons.length * request.divs.length, matches: 380 * request.seasons.length, added: 380 * request.seasons.length };
    },
    listRuns() {
      return [...runs.values()];
    },
    listExternalModels() {
      return [{ name: 'my-model', commandLine: 'python3 model.py' }];
    },
    createRun(input: RunSettingsInput) {
      const settings = runSettingsSchema.parse(input);
      const id = `run-${nextRun++}`;
      const run: RunSummary = {
        id,
        name: settings.name,
        createdAt: '2026-11-26T16:00:00.000Z',
        settings,
        status: 'new',
        weeksPlayed: 0,
        weekCount: 3,
        startingBankrollCents: settings.startingBankrollCents,
        bankrollCents: settings.startingBankrollCents,
        profitCents: 0,
        stakedCents: 0,
        roi: null,
        bets: 0,
        dataFingerprint: 'f'.repeat(64),
      };
      runs.set(id, run);
      return run;
    },
    deleteRun(runId) {
      mustGet(runId);
      runs.delete(runId);
    },
    getRun: mustGet,
    async step(runId, options) {
      const run = mustGet(runId);
      if (run.weeksPlayed >= run.weekCount) throw new CodedError('invalid-input', `Run ${runId} has already played all ${run.weekCount} weeks`);
      await sleep(5, undefined, { signal: options?.signal });
      const played: RunSummary = { ...run, weeksPlayed: run.weeksPlayed + 1, status: run.weeksPlayed + 1 === run.weekCount ? 'finished' : 'in-progress' };
      runs.set(runId, played);
      return weekView(played, played.weeksPlayed);
    },
    async runToEnd(runId, options) {
      let run = mustGet(runId);
      while (run.weeksPlayed < run.weekCount) {
        await this.step(runId, options);
        run = mustGet(runId);
      }
      return run;
    },
    reset(runId) {
      const run: RunSummary = { ...mustGet(runId), weeksPlayed: 0, status: 'new' };
      runs.set(runId, run);
      return run;
    },
    weekView(runId, week) {
      const run = mustGet(runId);
      if (week < 1 || week > run.weeksPlayed) throw new CodedError('not-found', `Week ${week} of run ${runId} has not been played`);
      return weekView(run, week);
    },
    dashboard(runId): DashboardView {
      throw new CodedError('unsupported', `The in-memory test service has no dashboard (run ${runId})`);
    },
    dashboardInSlices(runId): Promise<DashboardView> {
      return Promise.reject(new CodedError('unsupported', `The in-memory test service has no dashboard (run ${runId})`));
    },
    exportSlips(runId, { excelBom }) {
      const run = mustGet(runId);
      return { fileName: `${run.name}-bets.csv`, csv: `${excelBom ? '\uFEFF' : ''}week,match\r\n` };
    },
    liveOverview() {
      return { runs: [], defaultSeason: '2324', defaultBaseUrl: 'https://www.football-data.co.uk', seasons: [] };
    },
    liveWeek(runId) {
      throw new CodedError('not-found', `The in-memory test service has no live run ${runId}`);
    },
    /** A Refresh that settles nothing; a data URL ending in /alerts makes it raise one alert (the notification tests). */
    async refreshLive(request, options) {
      await sleep(5, undefined, { signal: options?.signal });
      const alerts = request.baseUrl.endsWith('/alerts') ? ['Week 3: the model is behind the market'] : [];
      const outcome = { runId: 'live-1', settled: [], open: [], openWeek: null, alerts, revisions: [], voided: [], retrained: [], changed: false, newBets: false };
      return { outcome, runName: 'Live E0 2324', reportFile: null, notification: alertNotificationOf('Live E0 2324', alerts) };
    },
    liveReport(runId) {
      if (runId !== 'live-1') throw new CodedError('not-found', `The in-memory test service has no live run ${runId}`);
      return { fileName: 'week-02-2023-08-15.html', html: '<!doctype html><title>Week 2</title>', file: '/data/reports/week-02-2023-08-15.html' };
    },
    close() {
      runs.clear();
    },
  };
}
