import type { DashboardView, RunSummary, WeekView } from '../season/season-views';
import type { RunSettingsInput, RunSettings } from '../season/run-settings';

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

export interface ImportSummary {
  readonly files: number;
  readonly matches: number;
  readonly failed: readonly { readonly file: string; readonly error: string }[];
}

export interface TaskProgress {
  /** 0..1 */
  readonly fraction: number;
  readonly message: string;
}

export interface TaskOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: TaskProgress) => void;
}

export interface DownloadRequest {
  readonly baseUrl?: string;
  readonly divs: readonly string[];
  readonly seasons: readonly string[];
}

export interface SlipExport {
  readonly fileName: string;
  readonly csv: string;
}

export interface EdgelineService {
  dataStatus(): DataStatus;
  /** Suggested settings for a new run given the data present (defaults documented in docs/simulator.md). */
  defaultRunSettings(div?: string): RunSettings;
  importFiles(files: readonly { readonly name: string; readonly bytes: Uint8Array }[]): ImportSummary;
  importPaths(paths: readonly string[]): ImportSummary;
  download(request: DownloadRequest, options?: TaskOptions): Promise<ImportSummary>;

  listRuns(): RunSummary[];
  /** Validates and stores the settings; the initial model is trained lazily by the first step. */
  createRun(settings: RunSettingsInput): RunSummary;
  deleteRun(runId: string): void;
  getRun(runId: string): RunSummary;
  /** Plays the next week (may retrain first). */
  step(runId: string, options?: TaskOptions): Promise<WeekView>;
  runToEnd(runId: string, options?: TaskOptions): Promise<RunSummary>;
  reset(runId: string): RunSummary;
  /** A played week, read back from the ledger (nothing is recomputed). */
  weekView(runId: string, week: number): WeekView;
  dashboard(runId: string): DashboardView;
  exportSlips(runId: string, options: { readonly excelBom: boolean; readonly week?: number }): SlipExport;
  close(): void;
}
