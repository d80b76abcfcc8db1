import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { openLedger, type LedgerDatabase } from '../ledger/ledger-database';
import { matchesOf, seasonsAvailable } from '../ledger/match-repository';
import { importedContentCount } from '../ledger/imported-file-repository';
import { deleteModels } from '../ledger/model-repository';
import { clearRunWeeks, deleteRunRow, findRun, insertRun, lastPlayedWeek, listRunRows, readBankrollHistory, readBets, readPerformance, readRunHistory, runModelIds, updateRunSettings, type RunRow } from '../ledger/run-repository';
import { EMPTY_IMPORT_SUMMARY, importFiles, mergeImportSummaries, type ImportFile } from '../ingest/import-service';
import { csvFilesIn, noSeasonFilesWarning } from '../ingest/import-folder';
import { readSeasonFile } from '../ingest/read-season-file';
import { checkDownloadBaseUrl } from '../ingest/download';
import { DEFAULT_DATA_URL } from '../ingest/download';
import { importFromSource } from '../ingest/import-source';
import type { Match } from '../domain/football/match';
import { bettingWeeksOf } from '../domain/football/betting-week';
import { runSettingsSchema, type RunSettings, type RunSettingsInput } from '../season/run-settings';
import { SeasonEngine, runMatchPool, trainingSeasonsOf } from '../season/season-engine';
import { ledgerModelStore } from '../season/ledger-model-store';
import { dashboardOf, dashboardSlices, runSummaryOf, weekViewOf } from '../season/season-report';
import { slipFileName } from '../season/slip-file-name';
import { recordConfiguration, searchPositionOf } from '../ledger/search-log';
import { strategyViewOf } from '../season/season-report';
import { strategyOf } from '../season/strategy-settings';
import { needsPriorSeasonFit, priorSeasonFitNeedsModel } from '../domain/betting/prior-season-fit';
import { priorFitSeasonsOfRun } from '../season/prior-season-walk';
import { betSlipCsv, betSlipRows } from '../season/bet-slip-export';
import { dataFingerprintOf } from '../season/data-fingerprint';
import { CodedError } from '../ipc/result';
import type { DataStatus, EdgelineService, ImportSummary, TaskOptions } from './edgeline-service';
import { externalModelStore, type ExternalModelStore } from '../external-model/external-model-store';
import { describeModelChange, findModel, modelIdentityOf, modelsFileOf, readModels } from '../external-model/model-registry';
import { provenanceOf } from '../external-model/external-model-settings';
import { parsePredictionsCsv, type ParsedPredictions } from '../external-model/imported-predictions';
import { importedPredictionsStore } from '../external-model/imported-predictions-store';
import { insertImportedPredictions } from '../ledger/imported-prediction-repository';
import { listLiveRuns, readOpenWeekHead } from '../ledger/live-run-repository';
import { createLiveSeasonService, liveRunRefusal } from './live-season-service';

export interface EdgelineServiceOptions {
  readonly databaseFile: string;
  /** Base URL seasons are downloaded from; EDGELINE_DATA_URL or football-data.co.uk otherwise. */
  readonly dataBaseUrl?: string;
  /** The registered external models (models.json in the user-data folder by default). */
  readonly modelsFile?: string;
}

export function createEdgelineService(options: EdgelineServiceOptions): EdgelineService {
  const db: LedgerDatabase = openLedger(options.databaseFile);
  const dataBaseUrl = options.dataBaseUrl ?? process.env.EDGELINE_DATA_URL ?? DEFAULT_DATA_URL;
  const matchCache = new Map<string, { matches: Match[]; byId: Map<string, Match> }>();
  const engines = new Map<string, SeasonEngine>();
  const modelsFile = options.modelsFile ?? modelsFileOf();
  /** External models' child processes, one per run with an open engine; ended with the engine. */
  const externalStores = new Map<string, ExternalModelStore>();

  function disposeExternal(runId?: string): void {
    for (const [id, store] of externalStores) {
      if (runId !== undefined && id !== runId) continue;
      store.disposeNow();
      externalStores.delete(id);
    }
  }

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
      disposeExternal();
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

  /** What a run's dashboard is built from, read from the ledger in one go. */
  function dashboardInputs(runId: string): Parameters<typeof dashboardSlices> {
    const run = runRow(runId);
    return [run, readRunHistory(db, run), matchesOfDiv(run.settings.div).byId, searchPositionOf(db, run.settings)];
  }

  /** The engine for a run, reopened from the ledger if another connection (a worker) has moved it on. */
  function engineOf(runId: string): SeasonEngine {
    const run = runRow(runId);
    dropIfDataChanged();
    const cached = engines.get(runId);
    const playedInLedger = lastPlayedWeek(db, runId);
    if (cached && cached.weeksPlayed === playedInLedger) return cached;
    disposeExternal(runId);
    const engine = SeasonEngine.open(db, run, matchesOfDiv(run.settings.div).matches, modelStoreOf(run));
    engines.set(runId, engine);
    return engine;
  }

  function modelStoreOf(run: RunRow) {
    const settings = run.settings;
    const external = settings.externalModel;
    if (settings.importedPredictions !== undefined) return importedPredictionsStore(db, run.id, settings.importedPredictions);
    if (external === undefined) return ledgerModelStore(db, run.id);
    const registered = findModel(modelsFile, external.name);
    const recorded = external.identity ?? modelIdentityOf(registered);
    const change = describeModelChange(external.name, recorded, modelIdentityOf(registered));
    if (change) throw new CodedError('conflict', change);
    const store = externalModelStore(db, run.id, {
      command: registered,
      identity: recorded,
      currentIdentity: () => modelIdentityOf(findModel(modelsFile, external.name)),
      describeChange: (was, now) => describeModelChange(external.name, was, now),
      marketInformed: external.marketInformed,
      timeoutMs: external.timeoutSeconds * 1000,
      seed: settings.seed,
      matchesById: matchesOfDiv(settings.div).byId,
    });
    externalStores.set(run.id, store);
    return store;
  }

  /** The task's signal reaches the external model's child, so a cancel ends it at once. */
  function attachSignal(runId: string, taskOptions: TaskOptions | undefined): void {
    externalStores.get(runId)?.attachSignal(taskOptions?.signal);
  }

  function summaryOf(run: RunRow) {
    const summary = runSummaryOf(run, { weeks: readPerformance(db, run.id) });
    const live = listLiveRuns(db).find((l) => l.runId === run.id);
    return live === undefined ? summary : { ...summary, live: { div: live.div, season: live.season, openWeek: readOpenWeekHead(db, run.id) } };
  }

  /** A live run moves only with its season (This week → Refresh); replay actions on it are refused in words. */
  function refuseIfLive(runId: string, action: 'step' | 'reset'): void {
    if (listLiveRuns(db).some((l) => l.runId === runId)) throw new CodedError('conflict', liveRunRefusal(runRow(runId).name, action));
  }

  const live = createLiveSeasonService({ db, databaseFile: options.databaseFile, defaultBaseUrl: dataBaseUrl, summaryOf });

  function parseSettings(input: RunSettingsInput): RunSettings {
    const parsed = runSettingsSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CodedError('invalid-input', `Run settings, ${issue.path.join('.') || 'form'}: ${issue.message}`);
    }
    return parsed.data;
  }

  const service: EdgelineService = {
    ...live,

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

    async importPaths(paths) {
      let summary = EMPTY_IMPORT_SUMMARY;
      for (const chosen of paths) {
        const files = statSync(chosen, { throwIfNoEntry: false })?.isDirectory() ? csvFilesIn(chosen) : [chosen];
        if (files.length === 0) summary = mergeImportSummaries(summary, { ...EMPTY_IMPORT_SUMMARY, warnings: [noSeasonFilesWarning(chosen)] });
        for (const file of files) {
          const read = await readSeasonFile(file);
          summary = mergeImportSummaries(summary, read.ok ? importFiles(db, [{ path: file, bytes: read.bytes }]) : { ...EMPTY_IMPORT_SUMMARY, failed: [{ file, error: read.error }] });
        }
      }
      return afterImport(summary);
    },

    /**
     * Season by season, each file imported as soon as it arrives: a missing season (say, one not
     * published yet) becomes a failed entry and the rest still import, and a cancel keeps the
     * seasons that were already imported. Only http(s) sources: a download never reads local files.
     */
    async download(request, taskOptions: TaskOptions = {}) {
      const baseUrl = checkDownloadBaseUrl(request.baseUrl ?? dataBaseUrl);
      const targets = request.divs.flatMap((div) => request.seasons.map((season) => ({ div, season })));
      let summary = EMPTY_IMPORT_SUMMARY;
      for (const [i, target] of targets.entries()) {
        taskOptions.signal?.throwIfAborted();
        taskOptions.onProgress?.({ fraction: i / targets.length, message: `Downloading ${target.div} ${target.season} (${i + 1} of ${targets.length})` });
        summary = mergeImportSummaries(summary, afterImport(await importFromSource(db, { from: baseUrl, div: target.div, seasons: [target.season], signal: taskOptions.signal })));
      }
      taskOptions.onProgress?.({ fraction: 1, message: `Downloaded ${summary.files} of ${targets.length} files` });
      return summary;
    },

    listRuns() {
      return listRunRows(db).map((run) => summaryOf(run));
    },

    listExternalModels() {
      return readModels(modelsFile).map((m) => ({ name: m.name, commandLine: [m.command, ...m.args].join(' ') }));
    },

    createRun(input, attachments = {}) {
      // What a run measures before its first week is its own output: one copied from another run (another holdout) would be a leak.
      const { priorSeasonFit: _measuredElsewhere, ...chosen } = parseSettings(input);
      let settings: RunSettings = chosen;
      const attached = attachments.predictionsCsv;
      if (settings.importedPredictions !== undefined && attached === undefined) {
        throw new CodedError('invalid-input', 'Run settings, importedPredictions: attach the predictions file itself (npm run simulate -- --predictions FILE).');
      }
      if (attached !== undefined && settings.externalModel !== undefined) {
        throw new CodedError('invalid-input', 'Run settings: a run is priced either by an external model or by imported predictions, not both.');
      }
      if (settings.externalModel !== undefined) {
        // The command is the models file's, never the caller's: only a registered name may be chosen.
        let registered;
        try {
          registered = findModel(modelsFile, settings.externalModel.name);
        } catch (error) {
          throw new CodedError('invalid-input', `Run settings, externalModel.name: ${(error as Error).message}`);
        }
        settings = { ...settings, externalModel: { ...settings.externalModel, identity: modelIdentityOf(registered) } };
      }
      const all = matchesOfDiv(settings.div).matches;
      const { pool, holdout } = runMatchPool(settings, all);
      if (holdout.length === 0) {
        throw new CodedError('invalid-input', `Run settings, holdoutSeason: there are no ${settings.div} matches for season ${settings.holdoutSeason}; import that season first.`);
      }
      for (const key of ['retrainMinMatches', 'alertWindowMatches'] as const) {
        if (settings[key] > holdout.length) {
          throw new CodedError('invalid-input', `Run settings, ${key}: ${settings[key]} matches is more than the ${holdout.length} of ${settings.div} ${settings.holdoutSeason}, so it could never be reached.`);
        }
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
      if (settings.externalModel === undefined && settings.modelKind !== 'dixon-coles' && training.length < 2) {
        throw new CodedError(
          'invalid-input',
          `Run settings, modelKind: the ${settings.modelKind} model learns from match features that need a season of history before them, so it needs at least two training seasons (${training.length} available); import more seasons or choose Dixon-Coles.`,
        );
      }
      if (training.some((s) => s >= settings.holdoutSeason)) {
        throw new CodedError('invalid-input', `Run settings, trainingSeasons: every training season must come before the holdout ${settings.holdoutSeason}.`);
      }
      const strategy = strategyOf(settings);
      if (needsPriorSeasonFit(strategy)) {
        if (attached !== undefined && priorSeasonFitNeedsModel(strategy)) {
          throw new CodedError(
            'invalid-input',
            `Run settings, ${settings.poolWeight === 'fitted' && settings.probabilitySource === 'model-shrunk-to-market' ? 'poolWeight' : 'shrinkKellyByCalibration'}: imported predictions cover only the holdout, so nothing can be measured on the seasons before it; set a fixed poolWeight and turn shrinkKellyByCalibration off.`,
          );
        }
        if (priorFitSeasonsOfRun(settings, strategy, training).length === 0) {
          throw new CodedError('invalid-input', `Run settings, priorFitSeasons: strategy "${strategy.name}" is measured on the seasons before the holdout, and ${training.length} training season(s) leave none with a season to fit its model on; import earlier seasons${settings.probabilitySource === 'model-shrunk-to-market' ? ' or set a fixed poolWeight' : ''}.`);
        }
      }
      let imported: ParsedPredictions | null = null;
      if (attached !== undefined) {
        try {
          imported = parsePredictionsCsv(attached.fileName, attached.text, all, holdout);
        } catch (error) {
          throw new CodedError('invalid-input', `Imported predictions ${(error as Error).message}`);
        }
        // The rows are all there is: retraining would only re-read them.
        settings = {
          ...settings,
          importedPredictions: { fileName: basename(attached.fileName), sha256: imported.sha256, rows: imported.predictions.length },
          retrainEveryWeeks: 0,
          retrainOnDegradation: false,
        };
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
        if (imported) insertImportedPredictions(db, run.id, imported.predictions);
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
      disposeExternal(runId);
    },

    getRun(runId) {
      return summaryOf(runRow(runId));
    },

    async step(runId, taskOptions) {
      refuseIfLive(runId, 'step');
      const engine = engineOf(runId);
      if (engine.finished) throw new CodedError('conflict', `Run "${engine.run.name}" has already played all ${engine.weeks.length} weeks.`);
      attachSignal(runId, taskOptions);
      const week = await engine.step(taskOptions);
      return weekViewOf(engine.run, readRunHistory(db, engine.run, { fromWeek: week }), matchesOfDiv(engine.settings.div).byId, week);
    },

    async runToEnd(runId, taskOptions) {
      refuseIfLive(runId, 'step');
      const engine = engineOf(runId);
      attachSignal(runId, taskOptions);
      await engine.runToEnd(taskOptions);
      return summaryOf(engine.run);
    },

    /**
     * Deletes every played week and the run's model versions. A run on an external model is
     * re-recorded with the model's current files: a reset is how a changed model is accepted.
     */
    reset(runId) {
      refuseIfLive(runId, 'reset');
      const settings = runRow(runId).settings;
      const modelIds = runModelIds(db, runId);
      disposeExternal(runId);
      engines.delete(runId);
      db.transaction(() => {
        clearRunWeeks(db, runId);
        if (settings.externalModel !== undefined) {
          const identity = modelIdentityOf(findModel(modelsFile, settings.externalModel.name));
          // The model's files changed: what the run measured with the old ones goes too.
          updateRunSettings(db, runId, JSON.stringify({ ...settings, externalModel: { ...settings.externalModel, identity }, priorSeasonFit: undefined }));
        }
      })();
      deleteModels(db, modelIds);
      return summaryOf(runRow(runId));
    },

    weekView(runId, week) {
      const run = runRow(runId);
      const played = lastPlayedWeek(db, runId);
      if (!Number.isInteger(week) || week < 1 || week > played) {
        throw new CodedError('not-found', `Run "${run.name}" has played weeks 1 to ${played}; week ${week} is not in the ledger.`);
      }
      return weekViewOf(run, readRunHistory(db, run, { fromWeek: week }), matchesOfDiv(run.settings.div).byId, week);
    },

    dashboard(runId) {
      return dashboardOf(...dashboardInputs(runId));
    },

    async dashboardInSlices(runId) {
      // Everything is read before the first slice: later slices see the same snapshot even if a week commits meanwhile.
      const slices = dashboardSlices(...dashboardInputs(runId));
      for (;;) {
        const next = slices.next();
        if (next.done === true) return next.value;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },

    exportSlips(runId, exportOptions) {
      const run = runRow(runId);
      const performance = readPerformance(db, runId);
      const { week } = exportOptions;
      const exported = week === undefined ? undefined : performance.find((p) => p.week === week);
      if (week !== undefined && exported === undefined) throw new CodedError('not-found', `Run "${run.name}" has not played week ${week} yet (${performance.length} played)`);
      const bets = readBets(db, runId, { stakedOnly: true }).filter((b) => week === undefined || b.week === week);
      const rows = betSlipRows(bets, matchesOfDiv(run.settings.div).byId, run.startingBankrollCents, readBankrollHistory(db, runId), run.dataFingerprint, strategyViewOf(run.settings).probabilities);
      const fileName = exported === undefined ? slipFileName(run, { season: true, lastWeekEnd: performance.at(-1)?.weekEnd ?? null }) : slipFileName(run, { week: exported.week, weekStart: exported.weekStart });
      return { fileName, csv: betSlipCsv(rows, { ...exportOptions, provenance: provenanceOf(run.settings) }) };
    },

    close() {
      disposeExternal();
      engines.clear();
      db.close();
    },
  };
  return service;
}
