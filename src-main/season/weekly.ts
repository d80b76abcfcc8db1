import { createHash } from 'node:crypto';
import type { LedgerDatabase } from '../ledger/ledger-database';
import { importFiles } from '../ingest/import-service';
import { importFixturesFile } from '../ingest/import-fixtures';
import { downloadFile, downloadSeasons } from '../ingest/download';
import { DownloadError } from '../ingest/download-error';
import { importedContentCount } from '../ledger/imported-file-repository';
import { seasonsAvailable } from '../ledger/match-repository';
import { findLiveRunId, readLiveInputs, readOpenWeek, recordLiveInputs, type OpenWeekRow } from '../ledger/live-run-repository';
import { findRun, type RunRow } from '../ledger/run-repository';
import { advanceLiveRun, describeRevision, findOrCreateLiveRun, openBetsOf, type LiveAdvance, type Revision } from './live-season';
import { ledgerModelStore } from './ledger-model-store';
import type { RunSettingsInput } from './run-settings';
import type { TaskOptions } from '../app/edgeline-service';

/**
 * One week's processing of a live season, what `npm run weekly` does: download the season's
 * results and the fixtures list, import both in one transaction (a failed download or a bad
 * file changes nothing), then bring the live run up to date. Calling it again with nothing new
 * on the site changes nothing and says so.
 */
export interface WeeklyRequest {
  readonly div: string;
  readonly season: string;
  readonly baseUrl: string;
  /** Settings of the live run when this call creates it (the first week of a season). */
  readonly settings?: Omit<RunSettingsInput, 'div' | 'holdoutSeason' | 'name'>;
  readonly retries?: number;
  readonly retryDelayMs?: number;
  readonly now?: () => Date;
}

/** One line of the bet slip: a bet to place now. */
export interface OpenBetLine {
  readonly match: string;
  readonly date: string;
  readonly kickoff: string | null;
  readonly selection: string;
  readonly odds: number;
  /** In currency units (the ledger keeps cents). */
  readonly stake: number;
  readonly edge: number;
  readonly pricesImportedAt: string;
}

export interface SettledWeekLine {
  readonly week: number;
  readonly weekStart: string;
  readonly weekEnd: string;
  readonly bets: number;
  readonly staked: number;
  readonly profit: number;
  readonly bankroll: number;
}

export interface WeeklyOutcome {
  readonly runId: string;
  readonly settled: readonly SettledWeekLine[];
  readonly open: readonly OpenBetLine[];
  /** The open week, if any: its number, its Tuesday, when its prices were imported. */
  readonly openWeek: { readonly week: number; readonly weekStart: string; readonly pricesImportedAt: string } | null;
  /** Monitoring alerts, revised settled matches and void bets raised by this call: each needs a person to look. */
  readonly alerts: readonly string[];
  readonly revisions: readonly Revision[];
  readonly voided: readonly OpenBetLine[];
  readonly retrained: readonly string[];
  /** Whether this call changed anything in the ledger (new data, a settled or opened week, a flagged revision). */
  readonly changed: boolean;
  /** New bets to place or a week settled. */
  readonly newBets: boolean;
}

const SELECTION = { H: 'home', D: 'draw', A: 'away' } as const;

export async function runWeekly(db: LedgerDatabase, request: WeeklyRequest, options: TaskOptions = {}): Promise<WeeklyOutcome> {
  const now = request.now ?? (() => new Date());
  const download = { retries: request.retries, retryDelayMs: request.retryDelayMs, signal: options.signal };
  const existing = findLiveRunId(db, request);
  if (existing !== null && request.settings) refuseOtherSettings(findRun(db, existing)!, request.settings);
  const trainingSeasons = request.settings?.trainingSeasons ?? [];
  const held = new Set(seasonsAvailable(db).filter((s) => s.div === request.div).map((s) => s.season));
  const missingTraining = existing === null ? trainingSeasons.filter((s) => !held.has(s)) : [];
  if (existing === null && trainingSeasons.length === 0 && ![...held].some((season) => season < request.season)) {
    throw new Error(`No ${request.div} season before ${request.season} in the ledger to train the model on: import earlier seasons (npm run import) or give --train`);
  }

  // Everything is downloaded before anything is written.
  const training = missingTraining.length === 0 ? [] : await downloadSeasons({ ...download, baseUrl: request.baseUrl, divs: [request.div], seasons: missingTraining });
  const results = await downloadCurrentSeason(request, download);
  const fixturesUrl = `${request.baseUrl.replace(/\/+$/, '')}/fixtures.csv`;
  const fixtures = await downloadFile(fixturesUrl, download);

  // The run was brought up to date with exactly these files and nothing else was imported since:
  // the week is as the last call left it, so nothing is parsed, imported or priced again.
  if (existing !== null && readLiveInputs(db, existing) === inputsFingerprint(results?.bytes ?? null, fixtures, importedContentCount(db))) {
    return outcomeOf(findRun(db, existing)!, unchangedAdvance(readOpenWeek(db, existing)), false);
  }

  const before = importedContentCount(db);
  db.transaction(() => {
    const summary = importFiles(db, [...training, ...(results ? [results] : [])].map((f) => ({ url: f.url, bytes: f.bytes })));
    if (summary.failed.length > 0) throw new Error(summary.failed.map((f) => f.error).join('\n'));
    importFixturesFile(db, { source: fixturesUrl, bytes: fixtures }, now());
  })();
  const after = importedContentCount(db);

  const run = findOrCreateLiveRun(db, request, request.settings ?? {});
  const advance = await advanceLiveRun(db, run, ledgerModelStore(db, run.id), { ...options, now });
  recordLiveInputs(db, run.id, inputsFingerprint(results?.bytes ?? null, fixtures, after));
  return outcomeOf(run, advance, existing === null || after > before);
}

/**
 * What the run is up to date with: the contents of the season's results file (none before its
 * first round) and of the fixtures file, and how many file contents the ledger has imported (so a
 * season imported by another path, `npm run import` or the app, counts as new data).
 */
function inputsFingerprint(results: Uint8Array | null, fixtures: Uint8Array, importedContents: number): string {
  const sha = (bytes: Uint8Array | null) => (bytes === null ? null : createHash('sha256').update(bytes).digest('hex'));
  return createHash('sha256').update(JSON.stringify({ results: sha(results), fixtures: sha(fixtures), importedContents })).digest('hex');
}

/** A call that found the run up to date: no week settled or opened, the open week as it is. */
function unchangedAdvance(open: OpenWeekRow | null): LiveAdvance {
  return { settled: [], voided: [], open, opened: false, retrained: [], revisions: [], alerts: [], fixtures: new Map((open?.fixtures ?? []).map((f) => [f.id, f])) };
}

/** The season's results file; none yet (HTTP 404) before its first round is played. */
async function downloadCurrentSeason(request: WeeklyRequest, download: { retries?: number; retryDelayMs?: number; signal?: AbortSignal }) {
  try {
    const [file] = await downloadSeasons({ ...download, baseUrl: request.baseUrl, divs: [request.div], seasons: [request.season] });
    return file!;
  } catch (error) {
    if (error instanceof DownloadError && error.failure === 'not-found') return null;
    throw error;
  }
}

function outcomeOf(run: RunRow, advance: LiveAdvance, dataChanged: boolean): WeeklyOutcome {
  const pricesImportedAt = advance.open?.pricesImportedAt ?? '';
  const lineOf = (bet: { matchId: string; outcome: 'H' | 'D' | 'A'; decimalOdds: number; stakeCents: number; edge: number }, importedAt: string): OpenBetLine => {
    const fixture = advance.fixtures.get(bet.matchId);
    return {
      match: fixture ? `${fixture.homeTeam} v ${fixture.awayTeam}` : bet.matchId,
      date: fixture?.date ?? '',
      kickoff: fixture?.kickoff ?? null,
      selection: SELECTION[bet.outcome],
      odds: bet.decimalOdds,
      stake: bet.stakeCents / 100,
      edge: bet.edge,
      pricesImportedAt: importedAt,
    };
  };
  const open = openBetsOf(advance.open).map((b) => lineOf(b, pricesImportedAt));
  const settled = advance.settled.map((w) => ({
    week: w.performance.week,
    weekStart: w.performance.weekStart,
    weekEnd: w.performance.weekEnd,
    bets: w.performance.betsPlaced,
    staked: w.performance.stakedCents / 100,
    profit: w.performance.profitCents / 100,
    bankroll: w.performance.bankrollEndCents / 100,
  }));
  const voided = advance.voided.filter((b) => b.book === 'active').map((b) => lineOf(b, ''));
  const alerts = [
    ...advance.alerts.map((a) => `Week ${a.week}: ${a.message}`),
    ...advance.revisions.map((r) => describeRevision(r.match, r.changes)),
    ...voided.map((b) => `${b.match} (${b.date}) was not played on its date: the ${b.selection} bet of ${b.stake.toFixed(2)} is void and the stake returned`),
  ];
  return {
    runId: run.id,
    settled,
    open,
    openWeek: advance.open ? { week: advance.open.week, weekStart: advance.open.weekStart, pricesImportedAt } : null,
    alerts,
    revisions: advance.revisions,
    voided,
    retrained: advance.retrained.map((m) => `model v${m.version} fitted before week ${m.fittedBeforeWeek} (${m.reason}: ${m.detail})`),
    changed: dataChanged || advance.settled.length > 0 || advance.voided.length > 0 || advance.opened || advance.revisions.length > 0,
    newBets: advance.opened || advance.settled.length > 0,
  };
}

/** Settings given for a run that already exists must be its own: a live run's rules do not change mid-season. */
function refuseOtherSettings(run: RunRow, settings: NonNullable<WeeklyRequest['settings']>): void {
  for (const [key, value] of Object.entries(settings)) {
    const stored = (run.settings as Record<string, unknown>)[key];
    if (JSON.stringify(stored) !== JSON.stringify(value)) {
      throw new Error(`The live run "${run.name}" already exists with ${key} = ${JSON.stringify(stored)}; it cannot change to ${JSON.stringify(value)} mid-season (leave the option out, or use another --db)`);
    }
  }
}
