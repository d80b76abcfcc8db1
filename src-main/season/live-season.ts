import { randomUUID } from 'node:crypto';
import type { LedgerDatabase } from '../ledger/ledger-database';
import { appendWeek, findRun, insertRun, lastPlayedWeek, readBankrollHistory, readPerformance, readPredictions, readRunModels, type RunModelRow, type RunRow } from '../ledger/run-repository';
import {
  deleteOpenWeek, findLiveRunId, recordLiveWeekCount, insertLiveRun, insertOpenWeek, insertRunModel, insertSettledMatches, insertVoidBets, readOpenWeek, readSettledMatches,
  recordRevision, type FieldChange, type OpenWeekRow,
} from '../ledger/live-run-repository';
import { matchesOf } from '../ledger/match-repository';
import { fixturesOf, type StoredFixture } from '../ledger/fixture-repository';
import { recordEvaluation } from '../ledger/model-repository';
import { ODDS_SOURCES, type Match } from '../domain/football/match';
import { addDays, bettingWeekStart, type BettingWeek } from '../domain/football/betting-week';
import { INITIAL_MONITORING_STATE, type Alert } from '../domain/season/monitoring';
import { decideWeek, decideWeekRetrain, settleWeek, type DecidedWeek, type PlayedWeek, type WeekFixture, type WeekModels, type WeekState } from '../domain/season/play-week';
import type { PlacedBet, VoidBet } from '../domain/season/week-bet';
import type { Fixture } from '../model/outcome-model';
import type { TaskOptions } from '../app/edgeline-service';
import { runMatchPool, type ModelStore, type PricingModel } from './season-engine';
import { weekSettingsOf } from './run-config-mapping';
import { strategyOf } from './strategy-settings';
import { needsPriorSeasonFit } from '../domain/betting/prior-season-fit';
import { runSettingsSchema, type RunSettingsInput } from './run-settings';

/**
 * The live season: the run follows a season while it is played, on the same pure week as a
 * replay. Every week whose results are in is played as a replay plays it; the next week is
 * decided from the fixtures file's prices and kept open (its bets staked, unsettled) until its
 * results arrive, then settled with `settleWeek`. Each transition commits in one transaction
 * and the ledger is the whole state, so a process killed at any point continues where it was.
 * Settled bets are never rewritten: a later file that revises a settled match is reported.
 */

/** A settled match whose score, date or prices a later file changed. */
export interface Revision {
  readonly matchId: string;
  readonly match: string;
  readonly changes: readonly FieldChange[];
}

export interface LiveAdvance {
  /** Weeks settled in this call (replayed ones and the open week whose results came in). */
  readonly settled: readonly PlayedWeek[];
  /** Open bets voided in this call (their fixture was not played on its date). */
  readonly voided: readonly VoidBet[];
  /** The open week after this call, and whether this call opened it. */
  readonly open: OpenWeekRow | null;
  readonly opened: boolean;
  /** Model versions fitted in this call. */
  readonly retrained: readonly RunModelRow[];
  /** Revisions of settled matches seen for the first time in this call. */
  readonly revisions: readonly Revision[];
  readonly alerts: readonly Alert[];
  /** Names, dates and kick-offs of every match this call priced or voided, by id. */
  readonly fixtures: ReadonlyMap<string, Fixture>;
}

/** The live run of a division's season, created with `settings` the first time. */
export function findOrCreateLiveRun(db: LedgerDatabase, query: { readonly div: string; readonly season: string }, settings: Omit<RunSettingsInput, 'div' | 'holdoutSeason' | 'name'> & { readonly name?: string } = {}): RunRow {
  const existing = findLiveRunId(db, query);
  if (existing !== null) return findRun(db, existing)!;
  const parsed = runSettingsSchema.parse({ name: `Live ${query.div} ${query.season}`, ...settings, div: query.div, holdoutSeason: query.season });
  if (needsPriorSeasonFit(strategyOf(parsed))) {
    // A live run opens weeks as fixtures appear; measuring the seasons before it is built for replayed runs only.
    throw new Error('Run settings, poolWeight: a live season cannot fit its pool weight or calibration error on earlier seasons yet; set a fixed poolWeight and turn shrinkKellyByCalibration off.');
  }
  const run: RunRow = {
    id: randomUUID(),
    name: parsed.name,
    createdAt: new Date().toISOString(),
    settings: parsed,
    // A live season's data grows every week: it has no fixed fingerprint or week count to check a resume against.
    dataFingerprint: `live ${query.div} ${query.season}`,
    startingBankrollCents: parsed.startingBankrollCents,
    weekCount: 0,
  };
  db.transaction(() => {
    insertRun(db, run);
    insertLiveRun(db, { runId: run.id, div: query.div, season: query.season });
  })();
  return run;
}

interface LoadedModel {
  readonly row: RunModelRow;
  readonly model: PricingModel;
}

/**
 * Brings a live run up to date with the ledger's results and fixtures: settle what can be
 * settled, replay complete weeks, open the next one. Calling it again with no new data changes nothing.
 */
export async function advanceLiveRun(db: LedgerDatabase, run: RunRow, store: ModelStore, options: TaskOptions & { readonly now?: () => Date } = {}): Promise<LiveAdvance> {
  const now = options.now ?? (() => new Date());
  const weekSettings = weekSettingsOf(run.settings);
  // A run with named training seasons reads only those and its own, not every season of the division.
  const seasons = run.settings.trainingSeasons.length > 0 ? [...run.settings.trainingSeasons, run.settings.holdoutSeason] : undefined;
  const { pool, holdout } = runMatchPool(run.settings, matchesOf(db, { div: run.settings.div, ...(seasons ? { seasons } : {}) }));
  const resultById = new Map(holdout.map((m) => [m.id, m]));
  const fixtures = fixturesOf(db, { div: run.settings.div, season: run.settings.holdoutSeason }).filter((f) => !resultById.has(f.id));
  const revisions = detectRevisions(db, run.id, holdout, now());

  const settled: PlayedWeek[] = [];
  const voided: VoidBet[] = [];
  const retrained: RunModelRow[] = [];
  let opened = false;
  const seen = new Map<string, Fixture>();
  const models = new Map<number, LoadedModel>();
  const loadModels = (): LoadedModel[] =>
    readRunModels(db, run.id).map((row) => {
      const loaded = models.get(row.modelId) ?? { row, model: store.load(row.modelId) };
      models.set(row.modelId, loaded);
      return loaded;
    });

  for (;;) {
    options.signal?.throwIfAborted();
    const open = readOpenWeek(db, run.id);
    if (open !== null) {
      for (const f of open.fixtures) seen.set(f.id, f);
      const week = open.decided.input.week;
      const weekOver = holdout.some((m) => m.date > week.end);
      const playedIds = playedInWeek(open.decided, resultById);
      if (playedIds.size < open.decided.input.fixtures.length && !weekOver) break;
      const outcome = settleOpenWeek(open.decided, playedIds, holdout, readPredictions(db, run.id, { role: 'active' }));
      db.transaction(() => {
        if (outcome.played) commitSettledWeek(db, run.id, outcome.played, null, holdout.filter((m) => playedIds.has(m.id)));
        insertVoidBets(db, run.id, outcome.voided);
        deleteOpenWeek(db, run.id);
      })();
      if (outcome.played) settled.push(outcome.played);
      voided.push(...outcome.voided);
      continue;
    }

    const played = lastPlayedWeek(db, run.id);
    const lastEnd = played > 0 ? readPerformance(db, run.id, played)[0]!.weekEnd : null;
    const week = nextWeekOf([...holdout, ...fixtures], lastEnd, played + 1);
    if (week === null) break;
    const weekResults = holdout.filter((m) => m.date >= week.start && m.date <= week.end);
    const weekFixtures = fixtures.filter((f) => f.date >= week.start && f.date <= week.end);
    const complete = weekResults.length > 0 && (weekFixtures.length === 0 || holdout.some((m) => m.date > week.end));

    const history = pool.filter((m) => m.date < week.start);
    const pastActive = readPredictions(db, run.id, { role: 'active' });
    const current = loadModels();
    const decision = decideWeekRetrain(week.index, current.at(-1)?.row ?? null, pastActive, weekSettings.retrain);
    let trained: { readonly row: Omit<RunModelRow, 'modelId'>; readonly model: PricingModel } | null = null;
    if (decision.retrain) {
      options.onProgress?.({ fraction: 0, message: `Week ${week.index}: fitting the model on ${history.length} earlier matches` });
      const model = await store.train(run.settings, history, week.start, options);
      trained = { row: { version: current.length + 1, fittedBeforeWeek: week.index, reason: decision.reason, detail: decision.detail }, model };
    }
    options.signal?.throwIfAborted();
    const pricing = trained ? [...current, { row: { ...trained.row, modelId: Number.NaN }, model: trained.model }] : current;
    const priced = complete ? weekResults.map((m) => ({ fixture: fixtureOf(m), prices: m.odds })) : pricedFixturesOf(weekResults, weekFixtures);
    const decided = decideWeek({ week, state: restoredState(db, run), models: modelVersionsOf(pricing), fixtures: await priceFixtures(priced, history, pricing), settings: weekSettings });

    const pricedAt = now().toISOString();
    const playedWeek = complete ? settleWeek(decided, { results: resultsOf(weekResults), pastActive }) : null;
    db.transaction(() => {
      const newModel = trained ? { ...trained.row, modelId: store.save(trained.model) } : null;
      if (newModel) retrained.push(newModel);
      if (playedWeek) {
        commitSettledWeek(db, run.id, playedWeek, newModel, weekResults);
        return;
      }
      if (newModel) insertRunModel(db, run.id, newModel);
      const importedAt = weekFixtures.map((f) => f.pricesImportedAt).sort().at(-1) ?? pricedAt;
      insertOpenWeek(db, run.id, { week: week.index, weekStart: week.start, decided, fixtures: priced.map((p) => p.fixture), pricesImportedAt: importedAt, pricedAt });
    })();
    if (playedWeek) {
      settled.push(playedWeek);
      continue;
    }
    opened = true;
    break;
  }
  const open = readOpenWeek(db, run.id);
  // A voided bet is named with the date it was struck for, not the one its match moved to.
  for (const f of open?.fixtures ?? []) seen.set(f.id, f);
  for (const m of holdout) if (!seen.has(m.id)) seen.set(m.id, fixtureOf(m));
  return { settled, voided, open, opened, retrained, revisions, alerts: settled.flatMap((w) => w.alerts), fixtures: seen };
}

/** The open bets of the run's own book, as a bettor places them. */
export function openBetsOf(open: OpenWeekRow | null): PlacedBet[] {
  if (open === null) return [];
  return open.decided.bets.filter((b): b is PlacedBet => b.status === 'placed' && b.book === 'active');
}

function commitSettledWeek(db: LedgerDatabase, runId: string, week: PlayedWeek, newModel: RunModelRow | null, matches: readonly Match[]): void {
  appendWeek(db, runId, { ...week, newModel });
  const active = readRunModels(db, runId).find((m) => m.version === week.performance.modelVersion)!;
  recordEvaluation(db, { modelId: active.modelId, scope: 'week', scopeKey: `${runId}/${week.performance.weekStart}`, ...week.evaluation });
  insertSettledMatches(db, runId, week.performance.week, matches);
  recordLiveWeekCount(db, runId, week.performance.week);
}

/**
 * The open week's fixtures that were played in that week: the same match (same id: division,
 * season, teams and meeting, whatever day of the week it moved to). A match played outside the
 * week, rearranged to a later one, is not: its bets are void and a later week prices it again,
 * as a replay of that week does (and as a bookmaker voids a bet on a match moved out of its round).
 */
function playedInWeek(decided: DecidedWeek, resultById: ReadonlyMap<string, Match>): Set<string> {
  const { start, end } = decided.input.week;
  return new Set(
    decided.input.fixtures.flatMap((f) => {
      const date = resultById.get(f.matchId)?.date;
      return date !== undefined && date >= start && date <= end ? [f.matchId] : [];
    }),
  );
}

/**
 * Settles an open week on the matches that were played in it ({@link playedInWeek}). A fixture
 * without a result in the week once the week is over was postponed: the week is settled without
 * it and its staked bets are void.
 */
function settleOpenWeek(decided: DecidedWeek, playedIds: ReadonlySet<string>, holdout: readonly Match[], pastActive: PlayedWeekInput): { played: PlayedWeek | null; voided: VoidBet[] } {
  const voided = decided.bets.flatMap((b): VoidBet[] => (b.status === 'placed' && !playedIds.has(b.matchId) ? [{ ...b, status: 'void' }] : []));
  if (playedIds.size === 0) return { played: null, voided };
  const kept: DecidedWeek = {
    input: { ...decided.input, fixtures: decided.input.fixtures.filter((f) => playedIds.has(f.matchId)) },
    forecasts: decided.forecasts.filter((f) => playedIds.has(f.matchId)),
    bets: decided.bets.filter((b) => playedIds.has(b.matchId)),
  };
  return { played: settleWeek(kept, { results: resultsOf(holdout.filter((m) => playedIds.has(m.id))), pastActive }), voided };
}

type PlayedWeekInput = Parameters<typeof settleWeek>[1]['pastActive'];

function resultsOf(matches: readonly Match[]) {
  return matches.map((m) => ({ matchId: m.id, result: m.result, closingPrices: m.odds }));
}

/** The week after the last settled one that has a match or a fixture, numbered as a replay numbers it. */
function nextWeekOf(dated: readonly { readonly date: string }[], lastEnd: string | null, index: number): BettingWeek | null {
  const first = dated.map((d) => d.date).filter((date) => lastEnd === null || date > lastEnd).sort()[0];
  if (first === undefined) return null;
  const start = bettingWeekStart(first);
  return { index, start, end: addDays(start, 6) };
}

interface PricedFixture {
  readonly fixture: Fixture;
  readonly prices: WeekFixture['prices'];
}

/** A week still being played: its played matches and its fixtures, in the order a replay prices them (date, kick-off, id). */
function pricedFixturesOf(results: readonly Match[], fixtures: readonly StoredFixture[]): PricedFixture[] {
  const all = [...results.map((m) => ({ fixture: fixtureOf(m), prices: m.odds })), ...fixtures.map((f) => ({ fixture: fixtureOf(f), prices: f.odds }))];
  const key = (p: PricedFixture) => `${p.fixture.date}|${p.fixture.kickoff ?? ''}|${p.fixture.id}`;
  return all.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function fixtureOf(m: Fixture): Fixture {
  return { id: m.id, div: m.div, season: m.season, date: m.date, kickoff: m.kickoff, homeTeam: m.homeTeam, awayTeam: m.awayTeam, homeTeamId: m.homeTeamId, awayTeamId: m.awayTeamId };
}

async function priceFixtures(priced: readonly PricedFixture[], history: readonly Match[], models: readonly LoadedModel[]): Promise<WeekFixture[]> {
  const active = models.at(-1)!;
  const initial = models[0]!;
  const champion = models.length > 1 ? models.at(-2)! : null;
  const fixtures = priced.map((p) => p.fixture);
  const activeP = await active.model.predict(fixtures, history);
  const staticP = initial === active ? activeP : await initial.model.predict(fixtures, history);
  const championP = champion ? await champion.model.predict(fixtures, history) : null;
  return priced.map((p, i) => ({ matchId: p.fixture.id, prices: p.prices, probabilities: { active: activeP[i]!, static: staticP[i]!, champion: championP?.[i] ?? null } }));
}

function modelVersionsOf(models: readonly LoadedModel[]): WeekModels {
  return { active: models.at(-1)!.row.version, static: models[0]!.row.version, champion: models.length > 1 ? models.at(-2)!.row.version : null };
}

function restoredState(db: LedgerDatabase, run: RunRow): WeekState {
  const last = readPerformance(db, run.id, lastPlayedWeek(db, run.id) || undefined).at(-1);
  const bankroll = readBankrollHistory(db, run.id).at(-1);
  if (!last || !bankroll) {
    return { bankrollCents: run.startingBankrollCents, staticBankrollCents: run.startingBankrollCents, peakCents: run.startingBankrollCents, monitoring: INITIAL_MONITORING_STATE };
  }
  return {
    bankrollCents: last.bankrollEndCents,
    staticBankrollCents: last.staticBankrollEndCents,
    peakCents: bankroll.peakCents,
    monitoring: { modelBehindMarket: last.modelBehindMarket, inDrawdown: last.inDrawdown },
  };
}

/**
 * Compares each settled match with what the ledger holds now (by id, or by the same teams in the
 * season when the date moved) and records each new difference once. The ledger's bets stay as
 * they were struck and settled.
 */
function detectRevisions(db: LedgerDatabase, runId: string, holdout: readonly Match[], at: Date): Revision[] {
  const found: Revision[] = [];
  for (const settledMatch of readSettledMatches(db, runId)) {
    const sameTeams = holdout.filter((m) => m.homeTeamId === settledMatch.homeTeamId && m.awayTeamId === settledMatch.awayTeamId);
    const byId = sameTeams.find((m) => m.id === settledMatch.id);
    const candidates = byId && sameTeams.length === 1 ? [byId] : sameTeams.filter((m) => m.id !== settledMatch.id);
    for (const now of candidates) {
      const changes = changesOf(settledMatch, now);
      if (changes.length > 0 && recordRevision(db, runId, { matchId: settledMatch.id, seen: now, changes }, at)) {
        found.push({ matchId: settledMatch.id, match: `${settledMatch.homeTeam} v ${settledMatch.awayTeam} (${settledMatch.date})`, changes });
      }
    }
  }
  return found;
}

/**
 * A revision in the user's words, the one sentence the weekly CLI, the This week screen and the
 * week's report show: "Burnley v Man City (2023-08-11) was revised after it was settled: away
 * goals 3 → 2, Bet365 pre-match prices 8.00 / 5.50 / 1.33 → 8.05 / 5.50 / 1.33; the ledger keeps it as it was bet".
 */
export function describeRevision(match: string, changes: readonly FieldChange[]): string {
  const said = changes.map((c) => `${FIELD_WORDS[c.field] ?? c.field} ${valueInWords(c.settled)} → ${valueInWords(c.now)}`);
  return `${match} was revised after it was settled: ${said.join(', ')}; the ledger keeps it as it was bet`;
}

const PRICE_WORDS: Record<(typeof ODDS_SOURCES)[number], string> = {
  b365: 'Bet365 pre-match', pinnacle: 'Pinnacle pre-match', avg: 'average pre-match', max: 'best pre-match',
  b365Close: 'Bet365 closing', pinnacleClose: 'Pinnacle closing', avgClose: 'average closing', maxClose: 'best closing',
};

const FIELD_WORDS: Readonly<Record<string, string>> = {
  date: 'date', kickoff: 'kick-off', homeGoals: 'home goals', awayGoals: 'away goals', result: 'result',
  ...Object.fromEntries(ODDS_SOURCES.map((source) => [`odds.${source}`, `${PRICE_WORDS[source]} prices (home / draw / away)`])),
};

function valueInWords(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'number' ? v.toFixed(2) : String(v))).join(' / ');
  return String(value);
}

function changesOf(settled: Match, now: Match): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of ['date', 'kickoff', 'homeGoals', 'awayGoals', 'result'] as const) {
    if (settled[field] !== now[field]) changes.push({ field, settled: settled[field], now: now[field] });
  }
  for (const source of ODDS_SOURCES) {
    const before = settled.odds[source] ?? null;
    const after = now.odds[source] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ field: `odds.${source}`, settled: before, now: after });
  }
  return changes;
}
