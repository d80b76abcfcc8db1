import { z } from 'zod';
import type { EdgelineService, SlipExport } from '../app/edgeline-service';
import type { EdgelineJobStatus, EdgelineTaskKind, EdgelineTaskResults } from '../jobs/edgeline-task';
import { runSettingsSchema } from '../season/run-settings';
import type { LiveOverview, LiveRunSettingsInput, LiveWeekView } from '../app/live-season-service';
import { CHANNEL_NAMES, type ChannelName } from './channel-names';

/**
 * The one IPC contract: channel name -> zod input schema (validated at runtime on every call,
 * Electron or HTTP) and output type (derived from the service, never restated). Adding a
 * capability = an entry here + a handler in register.ts + a call in src-renderer/api.
 */

const runId = z.string().trim().min(1, 'runId is required').max(200);
const seasonCode = z.string().regex(/^\d{4}$/, 'Seasons are written like 2324 for 2023-24');
const divCode = z.string().regex(/^[A-Z0-9]{1,4}$/, 'Division codes look like E0, SP1, D1');

/** Only http(s): a download must never read local files (see checkDownloadBaseUrl). */
const downloadUrl = z.url({ protocol: /^https?$/, error: 'The download source must be an http or https URL' });

/**
 * A live run's settings: a normal run's, less what the season fixes. Checked here against the
 * run-settings schema so a bad field is named before any job starts.
 */
const liveRunSettings = z.record(z.string(), z.unknown()).superRefine((settings, ctx) => {
  for (const fixed of ['name', 'div', 'holdoutSeason'] as const) {
    if (fixed in settings) ctx.addIssue({ code: 'custom', path: [fixed], message: 'is fixed by the live season and cannot be set' });
  }
  const parsed = runSettingsSchema.safeParse({ ...settings, name: 'live', div: 'E0', holdoutSeason: '9900' });
  if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path as PropertyKey[], message: issue.message });
}) as unknown as z.ZodType<LiveRunSettingsInput>;

/** Marks a channel's output type without a runtime value. */
function returns<T>(): T {
  return undefined as T;
}

interface ChannelSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** 'job' channels start a background job and return its id; poll with jobs:wait. */
  readonly mode: 'call' | 'job';
  readonly output: O;
}

function call<I extends z.ZodType, O>(input: I, output: O): ChannelSpec<I, O> {
  return { input, mode: 'call', output };
}

function job<I extends z.ZodType, K extends EdgelineTaskKind>(input: I, kind: K): ChannelSpec<I, JobTicket<K>> & { readonly jobKind: K } {
  return { input, mode: 'job', output: returns<JobTicket<K>>(), jobKind: kind };
}

/** What a job channel answers: the job to poll with jobs:wait, and the kind of task it runs (so its result type is known). */
export interface JobTicket<K extends EdgelineTaskKind = EdgelineTaskKind> {
  readonly jobId: string;
  readonly kind: K;
}

/** The live runs as the This week screen lists them: the service's view and the Refresh running on each, if any. */
export type LiveOverviewWithJobs = Omit<LiveOverview, 'runs'> & { readonly runs: readonly (LiveWeekView & { readonly refreshing: JobTicket<'live-refresh'> | null })[] };

/** The value a finished job of this kind returns through jobs:wait. */
export type JobResult<K extends EdgelineTaskKind> = EdgelineTaskResults[K];

type Out<M extends keyof EdgelineService> = ReturnType<EdgelineService[M]>;

export const contract = {
  'data:status': call(z.object({}).strict(), returns<Out<'dataStatus'>>()),
  'data:import-files': call(
    z
      .object({
        files: z
          .array(
            z.object({
              name: z.string().min(1).max(260),
              /** File bytes, base64: JSON (HTTP) cannot carry binary and Latin-1 CSVs must reach the decoder untouched. */
              bytesBase64: z.string().max(50_000_000),
            }),
          )
          .min(1, 'Choose at least one CSV file')
          .max(200),
      })
      .strict(),
    returns<Out<'importFiles'>>(),
  ),
  /**
   * Desktop only: shows the native open dialog (CSV files, or with `folder` one folder searched
   * for *.csv) in the main process and imports what the user picked. No path ever comes from the caller.
   */
  'data:import-paths': call(z.object({ folder: z.boolean().default(false) }).strict(), returns<Awaited<Out<'importPaths'>> | null>()),
  'data:download': job(
    z
      .object({
        /** Only http(s): a download must never read local files (see checkDownloadBaseUrl). */
        baseUrl: z.url({ protocol: /^https?$/, error: 'The download source must be an http or https URL' }).optional(),
        divs: z.array(divCode).min(1, 'Choose a league').max(30),
        seasons: z.array(seasonCode).min(1, 'Choose at least one season').max(40),
      })
      .strict(),
    'download',
  ),
  'runs:list': call(z.object({}).strict(), returns<Out<'listRuns'>>()),
  /** The registered external models a run may name; registering one is the user's, outside the app. */
  'models:list': call(z.object({}).strict(), returns<Out<'listExternalModels'>>()),
  'runs:create': call(z.object({ settings: runSettingsSchema }).strict(), returns<Out<'createRun'>>()),
  'runs:get': call(z.object({ runId }).strict(), returns<Out<'getRun'>>()),
  'runs:delete': call(z.object({ runId }).strict(), returns<{ readonly deleted: string }>()),
  'season:step': job(z.object({ runId }).strict(), 'step'),
  'season:run-to-end': job(z.object({ runId }).strict(), 'run-to-end'),
  'season:reset': call(z.object({ runId }).strict(), returns<Out<'reset'>>()),
  'season:week': call(z.object({ runId, week: z.number().int().min(0).max(200) }).strict(), returns<Out<'weekView'>>()),
  'dashboard:get': call(z.object({ runId }).strict(), returns<Out<'dashboard'>>()),
  'slips:export': call(
    z
      .object({
        runId,
        excelBom: z.boolean().default(false),
        /** Export only this played week (what the Bet slips page shows when a week is selected); omitted = the whole season. */
        week: z.number().int().positive().optional(),
        /** Desktop: ask where to save and write the file in the main process. Ignored in browser mode. */
        saveWithDialog: z.boolean().default(false),
      })
      .strict(),
    returns<SlipExport & { readonly savedTo: string | null }>(),
  ),
  'jobs:wait': call(
    z.object({ jobId: z.string().min(1), timeoutMs: z.number().int().min(0).max(60_000).default(25_000) }).strict(),
    returns<EdgelineJobStatus>(),
  ),
  'jobs:cancel': call(z.object({ jobId: z.string().min(1) }).strict(), returns<EdgelineJobStatus>()),
  'settings:defaults': call(z.object({ div: divCode.optional() }).strict(), returns<Out<'defaultRunSettings'>>()),
  /**
   * The live runs with their open weeks, and what a new one defaults to (This week screen); each
   * run names the Refresh job running on it, so a page opened meanwhile can follow it.
   */
  'live:list': call(z.object({}).strict(), returns<LiveOverviewWithJobs>()),
  /**
   * This week → Refresh, as a job: `npm run weekly` for one live run (`runId`), or the first
   * Refresh of a new live run (`create`: its division, season and settings, fixed from then on).
   */
  'live:refresh': job(
    z.union([
      z.object({ runId, baseUrl: downloadUrl }).strict(),
      z.object({ create: z.object({ div: divCode, season: seasonCode, settings: liveRunSettings }).strict(), baseUrl: downloadUrl }).strict(),
    ]),
    'live-refresh',
  ),
  /**
   * The current week's HTML report of a live run. With `open` on the desktop the main process
   * opens the file in the system's browser (`opened` says so); the page itself shows the HTML otherwise.
   */
  'live:report': call(z.object({ runId, open: z.boolean().default(false) }).strict(), returns<Awaited<Out<'liveReport'>> & { readonly opened: boolean }>()),
} as const satisfies Record<ChannelName, ChannelSpec<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];
/** The channels that start a background job. */
export type JobChannel = { [C in Channel]: Contract[C] extends { readonly jobKind: EdgelineTaskKind } ? C : never }[Channel];
/** The kind of task a job channel starts. */
export type JobKindOf<C extends JobChannel> = Contract[C] extends { readonly jobKind: infer K extends EdgelineTaskKind } ? K : never;

/** Every channel, from the dependency-free list (the `satisfies` above keeps the two in step). */
export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}
