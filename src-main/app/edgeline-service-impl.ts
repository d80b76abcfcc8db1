import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { openLedger, type LedgerDatabase } from '../ledger/ledger-database';
import { matchesOf, seasonsAvailable } from '../ledger/match-repository';
import { importedContentCount } from '../ledger/imported-file-repository';
import { deleteModels } from '../ledger/model-repository';
import { deleteRunRow, findRun, insertRun, lastPlayedWeek, listRunRows, readBankrollHistory, readBets, readPerformance, readRunHistory, runModelIds, type RunRow } from '../ledger/run-repository';
import { importFiles, type ImportFile } from '../ingest/import-service';
import { csvFilesIn } from '../ingest/import-folder';
import { DEFAULT_DATA_URL } from '../ingest/download';
import { importFromSource } from '../ingest/import-source';
import type { Match } from '../domain/football/match';
import { bettingWeeksOf } from '../domain/football/betting-week';
import { runSettingsSchema, type RunSettings, type RunSettingsInput } from '../season/run-settings';
import { SeasonEngine, runMatchPool, trainingSeasonsOf } from '../season/season-engine';
import { ledgerModelStore } from '../season/ledger-model-store';
import { recordConfiguration, searchPositionOf } from '../ledger/search-log';
import { dashboardOf, runSummaryOf, strategyViewOf, weekViewOf } from '../season/season-report';
import { betSlipCsv, betSlipRows } from '../season/bet-slip-export';
import { dataFingerprintOf } from '../season/data-fingerprint';
import { CodedError } from '../ipc/result';
import type { DataStatus, EdgelineService, ImportSummary, TaskOptions } from './edgeline-service';

export interface EdgelineServiceOptions {
  readonly databaseFile: string;
  /** Base URL seasons are downloaded from; EDGELINE_DATA_URL or football-data.co.uk otherwise. */
  readonly dataBaseUrl?: string;
}

export function createEdgelineService(options: EdgelineServiceOptions): EdgelineService {
  const db: LedgerDatabase = openLedger(options.databaseFile);
  const dataBaseUrl = options.dataBaseUrl ?? process.env.EDGELINE_DATA_URL ?? DEFAULT_DATA_URL;
  const matchCache = new Map<string, { matches: Match[]; byId: Map<string, Match> }>();
  const engines = new Map<string, SeasonEngine>();

  /**
   * Cached matches and engines belong to one version of the data. Another connection (the job
   * worker, or the app while a worker runs) may import new files, so the version is re-read.
   */
  let dataVersion = importedContentCount(db);
  function dropIfDataChanged(): void {
    const now = importedContentCount(db);
    if (now !== dataVersion) {
      dataVersion = now;
      matchCache.clear();
      engines.clear();
    }
  }

  function matchesOfDiv(div: string) {
    dropIfDataChanged();
    let cached = matchCache.get(div);
    if (!cached) {
      const matches = matchesOf(db, { div });
      cached = { matches, byId: new Map(matches.map((m) => [m.id, m])) };
      matchCache.set(div, cached);
    }
    return cached;
  }

  /** New or corrected matches: every cached view of the data is stale, and open runs must re-check their fingerprint. */
  function afterImport(summary: ImportSummary): ImportSummary {
    dropIfDataChanged();
    return summary;
  }

  function runRow(runId: string): RunRow {
    const run = findRun(db, runId);
    if (!run) throw new CodedError('not-found', `There is no run with id ${runId}; it may have been deleted.`);
    return run;
  }

  /** The engine for a run, reopened from the ledger if another connection (a worker) has moved it on. */
  function engineOf(runId: string): SeasonEngine {
    const run = runRow(runId);
    dropIfDataChanged();
    const cached = engines.get(runId);
    const playedInLedger = lastPlayedWeek(db, runId);
    if (cached && cached.weeksPlayed === playedInLedger) return cached;
    const engine = SeasonEngine.open(db, run, matchesOfDiv(run.settings.div).matches, ledgerModelStore(db, runId));
    engines.set(runId, engine);
    return engine;
  }

  function summaryOf(run: RunRow) {
    return runSummaryOf(run, { weeks: readPerformance(db, run.id) });
  }

  function parseSettings(input: RunSettingsInput): RunSettings {
    const parsed = runSettingsSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CodedError('invalid-input', `Run settings, ${issue.path.join('.') || 'form'}: ${issue.message}`);
    }
    return parsed.data;
  }

  const service: EdgelineService = {
    dataStatus(): DataStatus {
      const seasons = seasonsAvailable(db).map((s) => ({ div: s.div, season: s.season, matches: s.count }));
      return { seasons, totalMatches: seasons.reduce((n, s) => n + s.matches, 0), databaseFile: options.databaseFile, defaultBaseUrl: dataBaseUrl };
    },

    defaultRunSettings(div = 'E0'): RunSettings {
      const seasons = seasonsAvailable(db).filter((s) => s.div === div).map((s) => s.season).sort();
      const holdoutSeason = seasons.at(-1) ?? '2324';
      return runSettingsSchema.parse({ name: `${div} ${holdoutSeason} walk-forward`, div, holdoutSeason });
    },

    importFiles(files) {
      const batch: ImportFile[] = files.map((f) => ({ path: f.name, bytes: f.bytes }));
      return afterImport(importFiles(db, batch));
    },

    importPaths(paths) {
      const batch: ImportFile[] = paths.flatMap((path) => {
        const files = statSync(path).isDirectory() ? csvFilesIn(path) : [path];
        return files.map((file) => ({ path: file, bytes: new Uint8Array(readFileSync(file)) }));
      });
      return afterImport(importFiles(db, batch));
    },

    /**
     * Season by season, each file imported as soon as it arrives: a missing season (say, one not
     * published yet) becomes a failed entry and the rest still import, and a cancel keeps the
     * seasons that were already imported.
     */
    async download(request, taskOptions: TaskOptions = {}) {
      const baseUrl = request.baseUrl ?? dataBaseUrl;
      const targets = request.divs.flatMap((div) => request.seasons.map((season) => ({ div, season })));
      let files = 0;
      let matches = 0;
      const failed: { file: string; error: string }[] = [];
      for (const [i, target] of targets.entries()) {
        taskOptions.signal?.throwIfAborted();
        taskOptions.onProgress?.({ fraction: i / targets.length, message: `Downloading ${target.div} ${target.season} (${i + 1} of ${targets.length})` });
        const summary = afterImport(await importFromSource(db, { from: baseUrl, div: target.div, seasons: [target.season], signal: taskOptions.signal }));
        files += summary.files;
        matches += summary.matches;
        failed.push(...summary.failed);
      }
      taskOptions.onProgress?.({ fraction: 1, message: `Downloaded ${files} of ${targets.length} files` });
      return { files, matches, failed };
    },

    listRuns() {
      return listRunRows(db).map((run) => summaryOf(run));
    },

    createRun(input) {
      const settings = parseSettings(input);
      const all = matchesOfDiv(settings.div).matches;
      const { pool, holdout } = runMatchPool(settings, all);
      if (holdout.length === 0) {
        throw new CodedError('invalid-input', `Run settings, holdoutSeason: there are no ${settings.div} matches for season ${settings.holdoutSeason}; import that season first.`);
      }
      const training = trainingSeasonsOf(settings, all);
      const present = new Set(all.map((m) => m.season));
      const missing = training.filter((s) => !present.has(s));
      if (training.length === 0 || missing.length > 0) {
        throw new CodedError(
          'invalid-input',
          training.length === 0
            ? `Run settings, trainingSeasons: there is no ${settings.div} season before ${settings.holdoutSeason} to train on; import earlier seasons.`
            : `Run settings, trainingSeasons: ${missing.join(', ')} not imported for ${settings.div}.`,
        );
      }
      if (settings.modelKind !== 'dixon-coles' && training.length < 2) {
        throw new CodedError(
          'invalid-input',
          `Run settings, modelKind: the ${settings.modelKind} model learns from match features that need a season of history before them, so it needs at least two training seasons (${training.length} available); import more seasons or choose Dixon-Coles.`,
        );
      }
      if (training.some((s) => s >= settings.holdoutSeason)) {
        throw new CodedError('invalid-input', `Run settings, trainingSeasons: every training season must come before the holdout ${settings.holdoutSeason}.`);
      }
      const run: RunRow = {
        id: randomUUID(),
        name: settings.name,
        createdAt: new Date().toISOString(),
        settings,
        dataFingerprint: dataFingerprintOf(pool),
        startingBankrollCents: settings.startingBankrollCents,
        weekCount: bettingWeeksOf(holdout).length,
      };
      db.transaction(() => {
        insertRun(db, run);
        recordConfiguration(db, settings, run.createdAt);
      })();
      return summaryOf(run);
    },

    deleteRun(runId) {
      runRow(runId);
      db.transaction(() => {
        const modelIds = runModelIds(db, runId);
        deleteRunRow(db, runId);
        deleteModels(db, modelIds);
      })();
      engines.delete(runId);
    },

    getRun(runId) {
      return summaryOf(runRow(runId));
    },

    async step(runId, taskOptions) {
      const engine = engineOf(runId);
      if (engine.finished) throw new CodedError('conflict', `Run "${engine.run.name}" has already played all ${engine.weeks.length} weeks.`);
      const week = await engine.step(taskOptions);
      return weekViewOf(engine.run, readRunHistory(db, engine.run), matchesOfDiv(engine.settings.div).byId, week);
    },

    async runToEnd(runId, taskOptions) {
      const engine = engineOf(runId);
      await engine.runToEnd(taskOptions);
      return summaryOf(engine.run);
    },

    reset(runId) {
      const engine = engineOf(runId);
      const modelIds = runModelIds(db, runId);
      engine.reset();
      deleteModels(db, modelIds);
      return summaryOf(engine.run);
    },

    weekView(runId, week) {
      const run = runRow(runId);
      const played = lastPlayedWeek(db, runId);
      if (!Number.isInteger(week) || week < 1 || week > played) {
        throw new CodedError('not-found', `Run "${run.name}" has played weeks 1 to ${played}; week ${week} is not in the ledger.`);
      }
      return weekViewOf(run, readRunHistory(db, run), matchesOfDiv(run.settings.div).byId, week);
    },

    dashboard(runId) {
      const run = runRow(runId);
      return dashboardOf(run, readRunHistory(db, run), matchesOfDiv(run.settings.div).byId, searchPositionOf(db, run.settings));
    },

    exportSlips(runId, exportOptions) {
      const run = runRow(runId);
      const rows = betSlipRows(readBets(db, runId, { stakedOnly: true }), matchesOfDiv(run.settings.div).byId, run.startingBankrollCents, readBankrollHistory(db, runId), run.dataFingerprint, strategyViewOf(run.settings).probabilities);
      const safeName = basename(run.name).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'run';
      return { fileName: `edgeline-${safeName}-bet-slips.csv`, csv: betSlipCsv(rows, exportOptions) };
    },

    close() {
      engines.clear();
      db.close();
    },
  };
  return service;
}
