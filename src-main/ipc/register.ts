import type { EdgelineService, ImportSummary } from '../app/edgeline-service';
import { notificationOfJob, type AlertNotifier } from '../app/alert-notifier';
import type { EdgelineJobStatus, EdgelineTask } from '../jobs/edgeline-task';
import { lockKeyOf } from '../jobs/edgeline-task';
import type { JobStatus } from '../jobs/job-status';
import { contract, isChannel, type Channel, type ChannelOutput, type JobTicket, type ParsedInput } from './contract';
import { describeZodError, errorToAppError } from './error-to-app-error';
import { CodedError, fail, ok, type Result } from './result';

/** The part of JobRunner the handlers use. */
export interface JobHost {
  start(task: EdgelineTask, lockKey: string): Result<{ readonly jobId: string }>;
  wait(jobId: string, timeoutMs: number): Promise<JobStatus | undefined>;
  cancel(jobId: string): JobStatus | undefined;
  runningJobFor(lockKey: string): JobStatus | undefined;
}

/** Native dialogs, present only in the Electron app; the headless server has none. */
export interface DesktopHost {
  /** The native open dialog for CSV files or for one folder; null when the user cancelled it. */
  chooseImportPaths(kind: 'files' | 'folder'): Promise<readonly string[] | null>;
  /** Shows a save dialog and writes the text; returns the path, or null when cancelled. */
  saveTextFile(suggestedName: string, text: string): Promise<string | null>;
  /** Opens a report the app wrote (never a path from the caller) in the system's browser. */
  openReport?(file: string): Promise<void>;
}

export interface HandlerDeps {
  readonly service: EdgelineService;
  readonly jobs: JobHost;
  readonly desktop?: DesktopHost;
  /** Shows the alerts of a finished Refresh or replayed week as a desktop notification (Electron only). */
  readonly notifier?: AlertNotifier;
}

/** Job kinds whose result may carry alerts worth a notification. */
const NOTIFYING_KINDS: ReadonlySet<string> = new Set(['live-refresh', 'step']);

type Implementation = { readonly [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C> };

/** One entry per channel: raw input in (validated here), Result out. Electron and HTTP both call these. */
export type HandlerTable = { readonly [C in Channel]: (rawInput: unknown) => Promise<Result<ChannelOutput<C>>> };

export function registerHandlers({ service, jobs, desktop, notifier }: HandlerDeps): HandlerTable {
  const startJob = <T extends EdgelineTask>(task: T): JobTicket<T['kind']> => {
    const started = jobs.start(task, lockKeyOf(task));
    if (!started.ok) throw new CodedError(started.error.code, started.error.message);
    if (notifier !== undefined && NOTIFYING_KINDS.has(task.kind)) void notifyWhenDone(started.value.jobId);
    return { jobId: started.value.jobId, kind: task.kind };
  };

  /** Follows a job to its end on the host, so the notification comes whether or not a page is polling. */
  const notifyWhenDone = async (jobId: string): Promise<void> => {
    for (;;) {
      const status = await jobs.wait(jobId, 60_000);
      if (status === undefined) return;
      if (status.state === 'running') continue;
      const runName = (runId: string): string => {
        try {
          return service.getRun(runId).name;
        } catch {
          return runId;
        }
      };
      const notification = notificationOfJob(status as EdgelineJobStatus, runName);
      if (notification !== null) notifier?.notify(notification);
      return;
    }
  };
  /** Reset and delete change a run under a job's feet; refuse them while one is running. */
  const ensureIdle = (runId: string): void => {
    const running = jobs.runningJobFor(lockKeyOf({ kind: 'step', runId }));
    if (running !== undefined) {
      throw new CodedError('busy', `Run ${runId} is busy with job ${running.jobId} (${running.kind}); cancel it or wait for it first`);
    }
  };
  /** A call whose work runs in the job worker (imports): the host thread only waits for it. */
  const runInWorker = async (task: EdgelineTask): Promise<unknown> => {
    const { jobId } = startJob(task);
    for (;;) {
      const status = await jobs.wait(jobId, 60_000);
      if (status === undefined) throw Object.assign(new Error(`Job ${jobId} was forgotten before it finished`), { code: 'failed' });
      if (status.state === 'succeeded') return status.result;
      if (status.state === 'failed') throw Object.assign(new Error(status.error.message), { code: status.error.code });
      if (status.state === 'cancelled') throw Object.assign(new Error('The import was cancelled'), { code: 'cancelled' });
    }
  };
  const jobStatus = (jobId: string, status: JobStatus | undefined): EdgelineJobStatus => {
    if (status === undefined) throw new CodedError('not-found', `No job with id ${jobId} (it may have finished long ago)`);
    return status as EdgelineJobStatus;
  };

  const implementation: Implementation = {
    'data:status': () => service.dataStatus(),
    'data:import-files': async ({ files }) => (await runInWorker({ kind: 'import-files', files })) as ImportSummary,
    // Paths come only from the native dialog the user answered, never from the caller.
    'data:import-paths': async ({ folder }) => {
      if (desktop === undefined) throw new CodedError('unsupported', 'Importing by path needs the desktop app; upload the files instead');
      const paths = await desktop.chooseImportPaths(folder ? 'folder' : 'files');
      return paths === null || paths.length === 0 ? null : ((await runInWorker({ kind: 'import-paths', paths })) as ImportSummary);
    },
    'data:download': (request) => startJob({ kind: 'download', request }),
    'runs:list': () => service.listRuns(),
    'models:list': () => service.listExternalModels(),
    'runs:create': ({ settings }) => service.createRun(settings),
    'runs:get': ({ runId }) => service.getRun(runId),
    'runs:delete': ({ runId }) => {
      ensureIdle(runId);
      service.deleteRun(runId);
      return { deleted: runId };
    },
    'season:step': ({ runId }) => startJob({ kind: 'step', runId }),
    'season:run-to-end': ({ runId }) => startJob({ kind: 'run-to-end', runId }),
    'season:reset': ({ runId }) => {
      ensureIdle(runId);
      return service.reset(runId);
    },
    'season:week': ({ runId, week }) => service.weekView(runId, week),
    'dashboard:get': ({ runId }) => service.dashboardInSlices(runId),
    'slips:export': async ({ runId, excelBom, week, saveWithDialog }) => {
      const slip = service.exportSlips(runId, { excelBom, week });
      const savedTo = saveWithDialog && desktop !== undefined ? await desktop.saveTextFile(slip.fileName, slip.csv) : null;
      return { ...slip, savedTo };
    },
    'jobs:wait': async ({ jobId, timeoutMs }) => jobStatus(jobId, await jobs.wait(jobId, timeoutMs)),
    'jobs:cancel': ({ jobId }) => jobStatus(jobId, jobs.cancel(jobId)),
    'settings:defaults': ({ div }) => service.defaultRunSettings(div),
    'live:list': () => {
      const overview = service.liveOverview();
      return {
        ...overview,
        runs: overview.runs.map((view) => {
          const running = jobs.runningJobFor(lockKeyOf({ kind: 'live-refresh', request: { runId: view.run.id, baseUrl: '' } }));
          return { ...view, refreshing: running?.kind === 'live-refresh' ? { jobId: running.jobId, kind: 'live-refresh' as const } : null };
        }),
      };
    },
    'live:refresh': (request) => startJob({ kind: 'live-refresh', request }),
    'live:report': async ({ runId, open }) => {
      const report = service.liveReport(runId);
      const opener = desktop?.openReport;
      if (open && opener !== undefined) await opener.call(desktop, report.file);
      return { ...report, opened: open && opener !== undefined };
    },
  };

  const table: Record<string, (rawInput: unknown) => Promise<Result<unknown>>> = {};
  for (const channel of Object.keys(contract) as Channel[]) {
    table[channel] = async (rawInput) => {
      const parsed = contract[channel].input.safeParse(rawInput ?? {});
      if (!parsed.success) return fail('invalid-input', `${channel} input: ${describeZodError(parsed.error)}`);
      try {
        const run = implementation[channel] as (input: unknown) => unknown;
        return ok(await run(parsed.data));
      } catch (error) {
        return { ok: false, error: errorToAppError(error) };
      }
    };
  }
  return table as unknown as HandlerTable;
}

/** Calls a handler by a channel name that arrived from outside (HTTP path, IPC channel). */
export function dispatch(table: HandlerTable, channel: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) return Promise.resolve(fail('unknown-channel', `Unknown channel "${channel}"`));
  return table[channel](rawInput);
}
