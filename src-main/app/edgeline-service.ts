import type { DashboardView, RunSummary, WeekView } from '../season/season-views';
import type { RunSettingsInput, RunSettings } from '../season/run-settings';
import type { ImportSummary } from '../ingest/import-service';
import type { LiveSeasonService } from './live-season-service';

export type { ImportSummary };

/**
 * Everything the app can do, as one object the Electron IPC handlers and the headless HTTP
 * server both call. Implemented by the integrator in edgeline-service-impl.ts (createEdgelineService);
 * long tasks are plain async functions with progress and an AbortSignal, so a job runner can
 * host them in a worker thread.
 */

export interface DataStatus {
  readonly seasons: readonly { readonly div: string; readonly season: string; readonly matches: number }[];
  readonly totalMatches: number;
  readonly databaseFile: string;
  readonly defaultBaseUrl: string;
}


export interface TaskProgress {
  /** 0..1 */
  readonly fraction: number;
  readonly message: string;
  /**
   * The part of the task under way when it has its own measure, e.g. the model fit inside week 1
   * of a Run to end: the season's fraction hardly moves during a fit that takes most of the time,
   * so the screen shows this one beside it.
   */
  readonly stage?: { readonly fraction: number; readonly message: string };
}

export interface TaskOptions {
  readonly signal?: AbortSignal;
  /**
   * True once the task has been cancelled. Unlike `signal` it is current even while the thread
   * is busy in synchronous work (the job runner sets a flag in shared memory), so a model fit can
   * poll it between iterations and stop within one of them; it also reports an aborted `signal`.
   */
  readonly shouldStop?: () => boolean;
  readonly onProgress?: (progress: TaskProgress) => void;
}

export interface DownloadRequest {
  readonly baseUrl?: string;
  readonly divs: readonly string[];
  readonly seasons: readonly string[];
}

export interface ExternalModelView {
  readonly name: string;
  /** The command line as registered, to show what a name runs. */
  readonly commandLine: string;
}

/** Files a run is created with: a predictions CSV prices the run instead of a model (docs/external-models.md). */
export interface RunAttachments {
  readonly predictionsCsv?: { readonly fileName: string; readonly text: string };
}

export interface SlipExport {
  readonly fileName: string;
  readonly csv: string;
}

/** The live season's capabilities (This week) are in live-season-service.ts. */
export interface EdgelineService extends LiveSeasonService {
  dataStatus(): DataStatus;
  /** Suggested settings for a new run given the data present (defaults documented in docs/simulator.md). */
  defaultRunSettings(div?: string): RunSettings;
  importFiles(files: readonly { readonly name: string; readonly bytes: Uint8Array }[]): ImportSummary;
  /** Desktop only (paths the user picked in the native dialog): files, or folders searched for *.csv. */
  importPaths(paths: readonly string[]): Promise<ImportSummary>;
  download(request: DownloadRequest, options?: TaskOptions): Promise<ImportSummary>;

  listRuns(): RunSummary[];
  /** The external models in the models file (docs/external-models.md); a run may name only these. */
  listExternalModels(): readonly ExternalModelView[];
  /** Validates and stores the settings; the initial model is trained lazily by the first step. */
  createRun(settings: RunSettingsInput, attachments?: RunAttachments): RunSummary;
  deleteRun(runId: string): void;
  getRun(runId: string): RunSummary;
  /** Plays the next week (may retrain first). */
  step(runId: string, options?: TaskOptions): Promise<WeekView>;
  runToEnd(runId: string, options?: TaskOptions): Promise<RunSummary>;
  reset(runId: string): RunSummary;
  /** A played week, read back from the ledger (nothing is recomputed). */
  weekView(runId: string, week: number): WeekView;
  dashboard(runId: string): DashboardView;
  /**
   * The same view, built in slices with the event loop free between them (setImmediate): what the
   * screen asks for while a run plays, so a Cancel reaching the main process meanwhile is answered
   * between two slices instead of after the whole build.
   */
  dashboardInSlices(runId: string): Promise<DashboardView>;
  exportSlips(runId: string, options: { readonly excelBom: boolean; readonly week?: number }): SlipExport;
  close(): void;
}
