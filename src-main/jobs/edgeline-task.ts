import type { DownloadRequest, EdgelineService, ImportSummary, TaskOptions, TaskProgress } from '../app/edgeline-service';
import type { RunSummary, WeekView } from '../season/season-views';
import type { LiveRefreshOutcome, LiveRefreshRequest } from '../app/live-season-service';
import type { JobStatus } from './job-status';
import { onLedgerWait, waitingForLedgerMessage } from '../ledger/write-transaction';

/** An uploaded file as it crossed IPC or HTTP: base64, decoded in the worker so the host thread never holds the bytes twice. */
export interface UploadedFile {
  readonly name: string;
  readonly bytesBase64: string;
}

/**
 * The long-running service calls the app hosts in the job worker. Imports are here too: parsing
 * and storing a large upload on the host thread stalled every other call for seconds.
 */
export type EdgelineTask =
  | { readonly kind: 'download'; readonly request: DownloadRequest }
  | { readonly kind: 'import-files'; readonly files: readonly UploadedFile[] }
  | { readonly kind: 'import-paths'; readonly paths: readonly string[] }
  | { readonly kind: 'step'; readonly runId: string }
  | { readonly kind: 'run-to-end'; readonly runId: string }
  /** This week → Refresh: what `npm run weekly` does, for one live run (or the first of a new one). */
  | { readonly kind: 'live-refresh'; readonly request: LiveRefreshRequest };

export type EdgelineTaskKind = EdgelineTask['kind'];

/** What each kind of task produces; jobs:wait results are typed by the kind. */
export interface EdgelineTaskResults {
  readonly download: ImportSummary;
  readonly 'import-files': ImportSummary;
  readonly 'import-paths': ImportSummary;
  readonly step: WeekView;
  readonly 'run-to-end': RunSummary;
  readonly 'live-refresh': LiveRefreshOutcome;
}

export type EdgelineJobStatus = { [K in EdgelineTaskKind]: JobStatus<K, EdgelineTaskResults[K]> }[EdgelineTaskKind];

/**
 * Runs one task against the service. While the ledger is locked by another program, the task's
 * progress says so (keeping the last fraction), instead of looking frozen.
 */
export async function runEdgelineTask(service: EdgelineService, task: EdgelineTask, options: TaskOptions): Promise<unknown> {
  let fraction = 0;
  const onProgress = (progress: TaskProgress): void => {
    fraction = progress.fraction;
    options.onProgress?.(progress);
  };
  const stop = onLedgerWait((wait) => options.onProgress?.({ fraction, message: waitingForLedgerMessage(wait) }));
  try {
    return await dispatchTask(service, task, { ...options, onProgress });
  } finally {
    stop();
  }
}

function dispatchTask(service: EdgelineService, task: EdgelineTask, options: TaskOptions): Promise<unknown> {
  switch (task.kind) {
    case 'download':
      return service.download(task.request, options);
    case 'import-files':
      return Promise.resolve(service.importFiles(task.files.map((file) => ({ name: file.name, bytes: new Uint8Array(Buffer.from(file.bytesBase64, 'base64')) }))));
    case 'import-paths':
      return service.importPaths(task.paths);
    case 'step':
      return service.step(task.runId, options);
    case 'run-to-end':
      return service.runToEnd(task.runId, options);
    case 'live-refresh':
      return service.refreshLive(task.request, options);
    default: {
      const unexpected: never = task;
      throw new Error(`Unknown task ${JSON.stringify(unexpected)}`);
    }
  }
}

/** Jobs with the same key never overlap: one mutating job per run, one download at a time. */
export function lockKeyOf(task: EdgelineTask): string {
  switch (task.kind) {
    case 'download':
    case 'import-files':
    case 'import-paths':
      return 'data';
    case 'step':
    case 'run-to-end':
      return `run:${task.runId}`;
    // A Refresh moves its run, so it holds the run's lock (reset, delete and step wait for it);
    // creating one holds its division and season, of which a ledger has one live run.
    case 'live-refresh':
      return 'runId' in task.request ? `run:${task.request.runId}` : `live:${task.request.create.div}:${task.request.create.season}`;
    default: {
      const unexpected: never = task;
      throw new Error(`Unknown task ${JSON.stringify(unexpected)}`);
    }
  }
}
