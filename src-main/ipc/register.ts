import type { EdgelineService } from '../app/edgeline-service';
import type { EdgelineJobStatus, EdgelineTask } from '../jobs/edgeline-task';
import { lockKeyOf } from '../jobs/edgeline-task';
import type { JobStatus } from '../jobs/job-status';
import { contract, isChannel, type Channel, type ChannelOutput, type ParsedInput } from './contract';
import { describeZodError, errorToAppError } from './error-to-app-error';
import { fail, ok, type Result } from './result';

/** The part of JobRunner the handlers use. */
export interface JobHost {
  start(task: EdgelineTask, lockKey: string): Result<{ readonly jobId: string }>;
  wait(jobId: string, timeoutMs: number): Promise<JobStatus | undefined>;
  cancel(jobId: string): JobStatus | undefined;
  runningJobFor(lockKey: string): JobStatus | undefined;
}

/** Native dialogs, present only in the Electron app; the headless server has none. */
export interface DesktopHost {
  /** Null when the user cancelled the dialog. */
  chooseImportPaths(): Promise<readonly string[] | null>;
  /** Shows a save dialog and writes the text; returns the path, or null when cancelled. */
  saveTextFile(suggestedName: string, text: string): Promise<string | null>;
}

export interface HandlerDeps {
  readonly service: EdgelineService;
  readonly jobs: JobHost;
  readonly desktop?: DesktopHost;
}

type Implementation = { readonly [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C> };

/** One entry per channel: raw input in (validated here), Result out. Electron and HTTP both call these. */
export type HandlerTable = { readonly [C in Channel]: (rawInput: unknown) => Promise<Result<ChannelOutput<C>>> };

export function registerHandlers({ service, jobs, desktop }: HandlerDeps): HandlerTable {
  const startJob = (task: EdgelineTask): ChannelOutput<'season:step'> => {
    const started = jobs.start(task, lockKeyOf(task));
    if (!started.ok) throw Object.assign(new Error(started.error.message), { code: started.error.code });
    return started.value;
  };
  /** Reset and delete change a run under a job's feet; refuse them while one is running. */
  const ensureIdle = (runId: string): void => {
    const running = jobs.runningJobFor(lockKeyOf({ kind: 'step', runId }));
    if (running !== undefined) {
      throw Object.assign(new Error(`Run ${runId} is busy with job ${running.jobId} (${running.kind}); cancel it or wait for it first`), { code: 'busy' });
    }
  };
  const jobStatus = (jobId: string, status: JobStatus | undefined): EdgelineJobStatus => {
    if (status === undefined) throw Object.assign(new Error(`No job with id ${jobId} (it may have finished long ago)`), { code: 'not-found' });
    return status as EdgelineJobStatus;
  };

  const implementation: Implementation = {
    'data:status': () => service.dataStatus(),
    'data:import-files': ({ files }) =>
      service.importFiles(files.map((file) => ({ name: file.name, bytes: new Uint8Array(Buffer.from(file.bytesBase64, 'base64')) }))),
    'data:import-paths': async () => {
      if (desktop === undefined) throw Object.assign(new Error('Importing by path needs the desktop app; upload the files instead'), { code: 'unsupported' });
      const paths = await desktop.chooseImportPaths();
      return paths === null || paths.length === 0 ? null : service.importPaths(paths);
    },
    'data:download': (request) => startJob({ kind: 'download', request }),
    'runs:list': () => service.listRuns(),
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
    'dashboard:get': ({ runId }) => service.dashboard(runId),
    'slips:export': async ({ runId, excelBom, week, saveWithDialog }) => {
      const slip = service.exportSlips(runId, { excelBom, week });
      const savedTo = saveWithDialog && desktop !== undefined ? await desktop.saveTextFile(slip.fileName, slip.csv) : null;
      return { ...slip, savedTo };
    },
    'jobs:wait': async ({ jobId, timeoutMs }) => jobStatus(jobId, await jobs.wait(jobId, timeoutMs)),
    'jobs:cancel': ({ jobId }) => jobStatus(jobId, jobs.cancel(jobId)),
    'settings:defaults': ({ div }) => service.defaultRunSettings(div),
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
