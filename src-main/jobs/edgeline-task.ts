import type { DownloadRequest, EdgelineService, ImportSummary, TaskOptions } from '../app/edgeline-service';
import type { RunSummary, WeekView } from '../season/season-views';
import type { JobStatus } from './job-status';

/** The long-running service calls the app hosts in the job worker. */
export type EdgelineTask =
  | { readonly kind: 'download'; readonly request: DownloadRequest }
  | { readonly kind: 'step'; readonly runId: string }
  | { readonly kind: 'run-to-end'; readonly runId: string };

export type EdgelineTaskKind = EdgelineTask['kind'];

/** What each kind of task produces; jobs:wait results are typed by the kind. */
export interface EdgelineTaskResults {
  readonly download: ImportSummary;
  readonly step: WeekView;
  readonly 'run-to-end': RunSummary;
}

export type EdgelineJobStatus = { [K in EdgelineTaskKind]: JobStatus<K, EdgelineTaskResults[K]> }[EdgelineTaskKind];

export function runEdgelineTask(service: EdgelineService, task: EdgelineTask, options: TaskOptions): Promise<unknown> {
  switch (task.kind) {
    case 'download':
      return service.download(task.request, options);
    case 'step':
      return service.step(task.runId, options);
    case 'run-to-end':
      return service.runToEnd(task.runId, options);
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
      return 'data';
    case 'step':
    case 'run-to-end':
      return `run:${task.runId}`;
    default: {
      const unexpected: never = task;
      throw new Error(`Unknown task ${JSON.stringify(unexpected)}`);
    }
  }
}
