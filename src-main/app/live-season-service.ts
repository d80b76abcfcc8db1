import { basename, dirname, join } from 'node:path';
import type { LedgerDatabase } from '../ledger/ledger-database';
import { findRun, readRunHistory, type RunRow } from '../ledger/run-repository';
import { listLiveRuns, readOpenWeek } from '../ledger/live-run-repository';
import { seasonsAvailable } from '../ledger/match-repository';
import { checkDownloadBaseUrl } from '../ingest/download';
import { seasonOfDate } from '../domain/football/upcoming-fixture';
import { addDays } from '../domain/football/betting-week';
import type { Outcome } from '../domain/football/outcome';
import { openBetsOf } from '../season/live-season';
import { runWeekly, type WeeklyOutcome } from '../season/weekly';
import { weekReportOf, writeWeekReports } from '../season/week-report';
import type { RunSummary } from '../season/season-views';
import { runSettingsSchema, type RunSettingsInput } from '../season/run-settings';
import { CodedError } from '../ipc/result';
import { alertNotificationOf, type AlertNotification } from './alert-notifier';
import type { TaskOptions } from './edgeline-service';

/**
 * The app's side of the live season (docs/live-season.md): the "This week" screen's views and
 * its Refresh, which is `npm run weekly` run in the job worker — `runWeekly` then the week's
 * report, nothing of the weekly logic restated here.
 */

/** The settings a live run is created with: a normal run's, less what the season fixes (name, division, season). */
export type LiveRunSettingsInput = Omit<RunSettingsInput, 'div' | 'holdoutSeason' | 'name'>;

/** Refresh one live run, or create the live run of a division's season by its first Refresh. */
export type LiveRefreshRequest =
  | { readonly runId: string; readonly baseUrl: string }
  | { readonly create: { readonly div: string; readonly season: string; readonly settings: LiveRunSettingsInput }; readonly baseUrl: string };

/** An open bet as the screen lists it; money in integer cents as the ledger keeps it. */
export interface OpenBetView {
  readonly matchId: string;
  readonly match: string;
  readonly homeTeam: string;
  readonly awayTeam: string;
  readonly date: string;
  readonly kickoff: string | null;
  readonly outcome: Outcome;
  readonly decimalOdds: number;
  readonly stakeCents: number;
  readonly edge: number;
}

export interface OpenWeekView {
  readonly week: number;
  readonly weekStart: string;
  readonly weekEnd: string;
  /** When the fixtures file these prices came from was imported (the price time of every bet). */
  readonly pricesImportedAt: string;
  /** When the week was decided and staked. */
  readonly pricedAt: string;
  readonly fixtures: number;
  readonly bets: readonly OpenBetView[];
  readonly stakedCents: number;
}

export interface SettledWeekView {
  readonly week: number;
  readonly weekStart: string;
  readonly weekEnd: string;
  readonly bets: number;
  readonly stakedCents: number;
  readonly profitCents: number;
  readonly bankrollEndCents: number;
}

/** One live run as the screen shows it. */
export interface LiveWeekView {
  readonly run: RunSummary;
  readonly div: string;
  readonly season: string;
  readonly openWeek: OpenWeekView | null;
  readonly lastSettled: SettledWeekView | null;
  /** Monitoring alerts of the last settled week, still standing until a later week settles. */
  readonly standingAlerts: readonly string[];
  /** The week's HTML report on disk, once one has been written. */
  readonly reportFile: string | null;
}

export interface LiveOverview {
  readonly runs: readonly LiveWeekView[];
  /** What a new live run defaults to: the season today falls in, the configured data source. */
  readonly defaultSeason: string;
  readonly defaultBaseUrl: string;
  /** Seasons the ledger holds per division, to offer training seasons. */
  readonly seasons: readonly { readonly div: string; readonly season: string }[];
}

/** What one Refresh did: `weekly`'s own outcome, the report it wrote, and the notification its alerts call for. */
export interface LiveRefreshOutcome {
  readonly outcome: WeeklyOutcome;
  readonly runName: string;
  readonly reportFile: string | null;
  readonly notification: AlertNotification | null;
}

export interface LiveSeasonService {
  liveOverview(): LiveOverview;
  liveWeek(runId: string): LiveWeekView;
  refreshLive(request: LiveRefreshRequest, options?: TaskOptions): Promise<LiveRefreshOutcome>;
  /** The current week's report of a live run, read from the ledger, with the file it is kept in. */
  liveReport(runId: string): { readonly fileName: string; readonly html: string; readonly file: string };
}

/** The refusal a replay action on a live run meets: a live run moves only with its season. */
export function liveRunRefusal(name: string, action: 'step' | 'reset'): string {
  return action === 'reset'
    ? `"${name}" is a live run: its settled weeks are the bets as they were struck and are never reset. Delete it to start the season again.`
    : `"${name}" is a live run: use This week → Refresh to settle its open week and price the next.`;
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export function createLiveSeasonService(deps: {
  readonly db: LedgerDatabase;
  readonly databaseFile: string;
  readonly defaultBaseUrl: string;
  readonly summaryOf: (run: RunRow) => RunSummary;
  readonly now?: () => Date;
}): LiveSeasonService {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const reportsDir = join(dirname(deps.databaseFile), 'reports');

  const liveRunOf = (runId: string): { readonly run: RunRow; readonly div: string; readonly season: string } => {
    const live = listLiveRuns(db).find((l) => l.runId === runId);
    const run = findRun(db, runId);
    if (run === null) throw new CodedError('not-found', `There is no run with id ${runId}; it may have been deleted.`);
    if (live === undefined) throw new CodedError('invalid-input', `"${run.name}" replays a season that is over; only a live run has a This week screen.`);
    return { run, div: live.div, season: live.season };
  };

  const reportFileOf = (run: RunRow): string | null => {
    const report = weekReportOf(db, run);
    return report === null ? null : join(reportsDir, `week-${String(report.week).padStart(2, '0')}-${report.weekStart}.html`);
  };

  const viewOf = (runId: string): LiveWeekView => {
    const { run, div, season } = liveRunOf(runId);
    const open = readOpenWeek(db, runId);
    const history = readRunHistory(db, run);
    const last = history.weeks.at(-1) ?? null;
    const openWeek: OpenWeekView | null =
      open === null
        ? null
        : (() => {
            const names = new Map(open.fixtures.map((f) => [f.id, f]));
            const bets = openBetsOf(open).map((b): OpenBetView => {
              const f = names.get(b.matchId);
              return {
                matchId: b.matchId,
                match: f ? `${f.homeTeam} v ${f.awayTeam}` : b.matchId,
                homeTeam: f?.homeTeam ?? '',
                awayTeam: f?.awayTeam ?? '',
                date: f?.date ?? '',
                kickoff: f?.kickoff ?? null,
                outcome: b.outcome,
                decimalOdds: b.decimalOdds,
                stakeCents: b.stakeCents,
                edge: b.edge,
              };
            });
            return {
              week: open.week,
              weekStart: open.weekStart,
              weekEnd: addDays(open.weekStart, 6),
              pricesImportedAt: open.pricesImportedAt,
              pricedAt: open.pricedAt,
              fixtures: open.fixtures.length,
              bets,
              stakedCents: bets.reduce((s, b) => s + b.stakeCents, 0),
            };
          })();
    const file = reportFileOf(run);
    return {
      run: deps.summaryOf(run),
      div,
      season,
      openWeek,
      lastSettled:
        last === null
          ? null
          : { week: last.week, weekStart: last.weekStart, weekEnd: last.weekEnd, bets: last.betsPlaced, stakedCents: last.stakedCents, profitCents: last.profitCents, bankrollEndCents: last.bankrollEndCents },
      standingAlerts: last === null ? [] : history.alerts.filter((a) => a.week === last.week).map((a) => `Week ${a.week}: ${a.message}`),
      reportFile: file,
    };
  };

  return {
    liveOverview() {
      return {
        runs: listLiveRuns(db).map((l) => viewOf(l.runId)),
        defaultSeason: seasonOfDate(isoDay(now())),
        defaultBaseUrl: deps.defaultBaseUrl,
        seasons: seasonsAvailable(db).map((s) => ({ div: s.div, season: s.season })),
      };
    },

    liveWeek: viewOf,

    async refreshLive(request, options = {}) {
      const baseUrl = checkDownloadBaseUrl(request.baseUrl);
      let target: { readonly div: string; readonly season: string; readonly settings?: LiveRunSettingsInput };
      if ('runId' in request) {
        const { div, season } = liveRunOf(request.runId);
        target = { div, season };
      } else {
        checkNewLiveRun(db, request.create);
        target = request.create;
      }
      options.onProgress?.({ fraction: 0.05, message: `Downloading ${target.div} ${target.season} results and the fixtures list from ${baseUrl}` });
      const outcome = await runWeekly(db, { ...target, baseUrl }, { signal: options.signal, onProgress: (p) => options.onProgress?.({ fraction: 0.2 + 0.7 * p.fraction, message: p.message }) });
      options.onProgress?.({ fraction: 0.95, message: 'Writing the week\'s report' });
      // An unchanged ledger leaves the week's files as they are (weekly does the same).
      const reportFile = writeWeekReports(db, outcome.runId, reportsDir, { ledgerUnchanged: !outcome.changed });
      const run = findRun(db, outcome.runId)!;
      return { outcome, runName: run.name, reportFile, notification: alertNotificationOf(run.name, outcome.alerts) };
    },

    liveReport(runId) {
      const { run } = liveRunOf(runId);
      const report = weekReportOf(db, run);
      if (report === null) throw new CodedError('not-found', `"${run.name}" has no week yet: Refresh it first.`);
      // Written again (unchanged files are left alone) so the file named is the page shown.
      const file = writeWeekReports(db, runId, reportsDir)!;
      return { fileName: basename(file), html: report.html, file };
    },
  };
}

/**
 * The checks a first Refresh makes before downloading anything, in the form's terms: one live
 * run per division and season, and something to train the model on.
 */
function checkNewLiveRun(db: LedgerDatabase, target: { readonly div: string; readonly season: string; readonly settings: LiveRunSettingsInput }): void {
  const existing = listLiveRuns(db).find((l) => l.div === target.div && l.season === target.season);
  if (existing !== undefined) {
    const name = findRun(db, existing.runId)?.name ?? existing.runId;
    throw new CodedError('conflict', `There is already a live run of ${target.div} ${target.season} ("${name}"): choose it and Refresh. A live run's rules do not change mid-season.`);
  }
  const parsed = runSettingsSchema.safeParse({ ...target.settings, name: 'live', div: target.div, holdoutSeason: target.season });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CodedError('invalid-input', `Live run settings, ${issue.path.join('.') || 'form'}: ${issue.message}`);
  }
  const training = parsed.data.trainingSeasons;
  if (training.some((s) => s >= target.season)) {
    throw new CodedError('invalid-input', `Live run settings, trainingSeasons: every training season must come before ${target.season}.`);
  }
  const held = seasonsAvailable(db).some((s) => s.div === target.div && s.season < target.season);
  if (training.length === 0 && !held) {
    throw new CodedError(
      'invalid-input',
      `Live run settings, trainingSeasons: the ledger has no ${target.div} season before ${target.season} to train the model on; name the training seasons to download (e.g. 2122-2223) or import earlier seasons on the Data screen.`,
    );
  }
}
