import { writeTransaction } from '../ledger/write-transaction';
import { updateRunSettings } from '../ledger/run-repository';
import { needsPriorSeasonFit } from '../domain/betting/prior-season-fit';
import { measurePriorSeasons, strategyCalibrationError } from './prior-season-walk';
import type { LedgerDatabase } from '../ledger/ledger-database';
import {
  appendWeek,
  clearRunWeeks,
  lastPlayedWeek,
  readBankrollHistory,
  readPerformance,
  readPredictions,
  readRunModels,
  type RunModelRow,
  type RunRow,
} from '../ledger/run-repository';
import type { Match } from '../domain/football/match';
import type { Triple } from '../domain/football/outcome';
import { bettingWeeksOf, matchesInWeek, type BettingWeek } from '../domain/football/betting-week';
import { priceDayOf } from '../domain/football/price-day';
import { recordEvaluation } from '../ledger/model-repository';
import { INITIAL_MONITORING_STATE } from '../domain/season/monitoring';
import { decideWeekRetrain, playWeek, type PreMatchSource, type WeekFixture, type WeekModels, type WeekSettings, type WeekState } from '../domain/season/play-week';
import type { Fixture } from '../model/outcome-model';
import type { RunSettings } from './run-settings';
import { weekSettingsOf } from './run-config-mapping';
import { dataFingerprintOf } from './data-fingerprint';
import type { TaskOptions } from '../app/edgeline-service';

/** What the engine asks of a model version: prices, possibly from another process (hence maybe later). */
export interface PricingModel {
  predict(fixtures: readonly Fixture[], history: readonly Match[]): Triple[] | Promise<Triple[]>;
}

/** Trains, stores and reloads model versions; the engine never touches TF.js or the models table itself. */
export interface ModelStore<M extends PricingModel = PricingModel> {
  train(settings: RunSettings, history: readonly Match[], cutoff: string, options: TaskOptions): Promise<M>;
  /** Called inside the week's transaction, so a model version exists exactly when the week that fitted it does. */
  save(model: M): number;
  load(modelId: number): M;
}

/** The matches a run may ever see: its training seasons and its holdout season, sorted by date. */
export function runMatchPool(settings: RunSettings, allMatches: readonly Match[]): { pool: Match[]; holdout: Match[] } {
  const training = new Set(trainingSeasonsOf(settings, allMatches));
  const pool = allMatches.filter((m) => m.div === settings.div && (training.has(m.season) || m.season === settings.holdoutSeason));
  return { pool, holdout: pool.filter((m) => m.season === settings.holdoutSeason) };
}

/** The seasons the initial model trains on: as configured, or every season before the holdout. */
export function trainingSeasonsOf(settings: RunSettings, allMatches: readonly Match[]): string[] {
  if (settings.trainingSeasons.length > 0) return [...settings.trainingSeasons].sort();
  const seasons = new Set(allMatches.filter((m) => m.div === settings.div && m.season < settings.holdoutSeason).map((m) => m.season));
  return [...seasons].sort();
}

interface LoadedModel {
  readonly row: RunModelRow;
  readonly model: PricingModel;
}

/**
 * Plays a run's holdout season one betting week at a time: the I/O shell around the pure
 * `playWeek`. Models are fitted on matches that kicked off before the week starts, and each
 * fixture is predicted from results before its price day; results from a fixture's price day on
 * are read only to settle bets that are already decided. Each step
 * commits in one transaction, so the ledger is the whole state: `open` rebuilds the engine from
 * it and a resumed run continues exactly where an uninterrupted one would.
 */
export class SeasonEngine {
  private models: LoadedModel[] = [];
  private state: WeekState;
  private played = 0;
  private weekSettings: WeekSettings;
  private readonly matchesById: ReadonlyMap<string, Match>;

  private constructor(
    private readonly db: LedgerDatabase,
    private current: RunRow,
    private readonly pool: readonly Match[],
    private readonly holdout: readonly Match[],
    readonly weeks: readonly BettingWeek[],
    private readonly store: ModelStore,
  ) {
    this.weekSettings = weekSettingsOf(current.settings);
    this.matchesById = new Map(pool.map((m) => [m.id, m]));
    this.state = startingStateOf(current);
    this.restoreFromLedger();
  }

  static open(db: LedgerDatabase, run: RunRow, allMatches: readonly Match[], store: ModelStore): SeasonEngine {
    const { pool, holdout } = runMatchPool(run.settings, allMatches);
    const weeks = bettingWeeksOf(holdout);
    if (weeks.length !== run.weekCount || dataFingerprintOf(pool) !== run.dataFingerprint) {
      throw new Error(
        `Run "${run.name}" was played on other match data than the ledger now holds for ${run.settings.div} (its data fingerprint differs): ` +
          'a season file was re-imported with changes. Start a new run on the current data, or re-import the original files to continue this one.',
      );
    }
    return new SeasonEngine(db, run, pool, holdout, weeks, store);
  }

  /** The run as stored; its settings gain `priorSeasonFit` when the first week measures the seasons before the holdout. */
  get run(): RunRow {
    return this.current;
  }

  get settings(): RunSettings {
    return this.current.settings;
  }

  get weeksPlayed(): number {
    return this.played;
  }

  get finished(): boolean {
    return this.played >= this.weeks.length;
  }

  private restoreFromLedger(): void {
    this.played = lastPlayedWeek(this.db, this.run.id);
    this.models = readRunModels(this.db, this.run.id).map((row) => ({ row, model: this.store.load(row.modelId) }));
    const last = readPerformance(this.db, this.run.id, this.played || undefined).at(-1);
    const bankroll = readBankrollHistory(this.db, this.run.id).at(-1);
    if (last && bankroll) {
      this.state = {
        bankrollCents: last.bankrollEndCents,
        staticBankrollCents: last.staticBankrollEndCents,
        peakCents: bankroll.peakCents,
        monitoring: { modelBehindMarket: last.modelBehindMarket, inDrawdown: last.inDrawdown },
      };
    }
  }

  /** Deletes every played week (and the run's model versions); the configuration stays. */
  reset(): void {
    this.db.transaction(() => clearRunWeeks(this.db, this.run.id))();
    this.models = [];
    this.state = startingStateOf(this.run);
    this.played = 0;
  }

  /** Plays the next week: maybe retrain, price, play the week, commit. Returns the week played. */
  async step(options: TaskOptions = {}): Promise<number> {
    if (this.finished) throw new Error(`Run "${this.run.name}" has played all ${this.weeks.length} weeks`);
    const weekNumber = this.played + 1;
    const week = this.weeks[weekNumber - 1]!;
    if (weekNumber === 1) await this.measurePriorSeasons(options);
    const history = this.pool.filter((m) => m.date < week.start);
    const pastActive = readPredictions(this.db, this.run.id, { role: 'active' });

    const decision = decideWeekRetrain(weekNumber, this.models.at(-1)?.row ?? null, pastActive, this.weekSettings.retrain);
    let trained: { readonly row: Omit<RunModelRow, 'modelId'>; readonly model: PricingModel } | null = null;
    if (decision.retrain) {
      options.onProgress?.({ fraction: 0, message: `Week ${weekNumber}: fitting the model on ${history.length} earlier matches` });
      const model = await this.store.train(this.settings, history, week.start, options);
      trained = { row: { version: this.models.length + 1, fittedBeforeWeek: weekNumber, reason: decision.reason, detail: decision.detail }, model };
      // Lets a cancel that arrived during the fit in before the week is priced.
      await yieldToEventLoop();
    }
    stopIfCancelled(options);

    // The registry id of a new model is known only once the week commits (below).
    const pricing: readonly LoadedModel[] = trained ? [...this.models, { row: { ...trained.row, modelId: Number.NaN }, model: trained.model }] : this.models;
    const played = matchesInWeek(this.holdout, week);
    const lastPriceDay = lastPriceDayOf(played, week);
    const record = playWeek({
      week,
      state: this.state,
      models: modelVersionsOf(pricing),
      fixtures: await this.priceWeek(played, this.pool.filter((m) => m.date < lastPriceDay), pricing),
      settings: this.weekSettings,
      probabilityErrorSd: strategyCalibrationError(this.settings, this.weekSettings.strategy, pastActive, this.matchesById),
      results: played.map((m) => ({ matchId: m.id, result: m.result, closingPrices: m.odds })),
      pastActive,
    });

    let models = this.models;
    // Waits (and says so) while another program writes to the ledger, instead of failing after 5 s.
    writeTransaction(this.db, () => {
      const newModel = trained ? { ...trained.row, modelId: this.store.save(trained.model) } : null;
      if (trained && newModel) models = [...this.models, { row: newModel, model: trained.model }];
      appendWeek(this.db, this.run.id, { ...record, newModel });
      recordEvaluation(this.db, { modelId: models.at(-1)!.row.modelId, scope: 'week', scopeKey: `${this.run.id}/${week.start}`, ...record.evaluation });
    });

    this.models = models;
    this.played = weekNumber;
    this.state = record.state;
    return weekNumber;
  }

  async runToEnd(options: TaskOptions = {}): Promise<void> {
    while (!this.finished) {
      await yieldToEventLoop();
      stopIfCancelled(options);
      // Forward the week's own progress (the model fit) so a long fit does not look frozen.
      const before = this.played;
      const week = await this.step({
        signal: options.signal,
        shouldStop: options.shouldStop,
        onProgress: (p) => {
          const message = p.message.replace(/^Week \d+: /, '');
          options.onProgress?.({ fraction: (before + p.fraction) / this.weeks.length, message: `Week ${before + 1} of ${this.weeks.length}: ${message}`, stage: { fraction: p.fraction, message } });
        },
      });
      options.onProgress?.({ fraction: week / this.weeks.length, message: `Played week ${week} of ${this.weeks.length}` });
    }
  }

  /**
   * A fitted pool weight and the calibration Kelly shrinks from are measured once, on the seasons
   * before the holdout, before the first week is priced, and kept in the run's settings so a
   * resumed run and every report read the same figures.
   */
  private async measurePriorSeasons(options: TaskOptions): Promise<void> {
    const strategy = this.weekSettings.strategy;
    if (!needsPriorSeasonFit(strategy) || this.settings.priorSeasonFit !== undefined) return;
    const fit = await measurePriorSeasons(
      this.settings,
      strategy,
      this.pool,
      trainingSeasonsOf(this.settings, this.pool),
      {
        train: (history, cutoff, trainOptions) => this.store.train(this.settings, history, cutoff, trainOptions),
        priceWeek: async (model, played, week) => {
          const lastPriceDay = lastPriceDayOf(played, week);
          return model.predict(played.map(fixtureOf), this.pool.filter((m) => m.date < lastPriceDay));
        },
      },
      options,
    );
    const settings: RunSettings = { ...this.settings, priorSeasonFit: fit };
    writeTransaction(this.db, () => updateRunSettings(this.db, this.run.id, JSON.stringify(settings)));
    this.current = { ...this.current, settings };
    this.weekSettings = weekSettingsOf(settings);
  }

  /**
   * Each model's probabilities for the week (a model may answer asynchronously, from another
   * process). `history` holds every result before the week's last price day; the model cuts each
   * fixture's inputs at its own price day (DESIGN.md), so a weekend match sees the midweek round
   * its Friday price knew and a midweek match sees nothing of its own week.
   */
  private async priceWeek(played: readonly Match[], history: readonly Match[], models: readonly LoadedModel[]): Promise<WeekFixture[]> {
    const active = models.at(-1)!;
    const initial = models[0]!;
    const champion = models.length > 1 ? models.at(-2)! : null;
    const fixtures = played.map(fixtureOf);
    const activeP = await active.model.predict(fixtures, history);
    const staticP = initial === active ? activeP : await initial.model.predict(fixtures, history);
    const championP = champion ? await champion.model.predict(fixtures, history) : null;
    return played.map((m, i) => ({
      matchId: m.id,
      prices: preMatchPricesOf(m),
      probabilities: { active: activeP[i]!, static: staticP[i]!, champion: championP?.[i] ?? null },
    }));
  }
}

function startingStateOf(run: RunRow): WeekState {
  return { bankrollCents: run.startingBankrollCents, staticBankrollCents: run.startingBankrollCents, peakCents: run.startingBankrollCents, monitoring: INITIAL_MONITORING_STATE };
}

function modelVersionsOf(models: readonly LoadedModel[]): WeekModels {
  return { active: models.at(-1)!.row.version, static: models[0]!.row.version, champion: models.length > 1 ? models.at(-2)!.row.version : null };
}

/** The latest price day among the week's matches (the week start when it has none). */
function lastPriceDayOf(matches: readonly Match[], week: BettingWeek): string {
  return matches.reduce((latest, m) => {
    const day = priceDayOf(m.date);
    return day > latest ? day : latest;
  }, week.start);
}

/** Every pre-match price source of a match (the strategy picks its reference and its price among them); never a close. */
export function preMatchPricesOf(m: Match): WeekFixture['prices'] {
  const prices: Partial<Record<PreMatchSource, Triple>> = {};
  for (const source of PRE_MATCH_SOURCES) {
    const odds = m.odds[source];
    if (odds) prices[source] = odds;
  }
  return prices;
}

const PRE_MATCH_SOURCES: readonly PreMatchSource[] = ['b365', 'pinnacle', 'avg', 'max'];

/** What a model may see of a match it prices: no goals, no result. */
export function fixtureOf(m: Match): Fixture {
  return {
    id: m.id, div: m.div, season: m.season, date: m.date, kickoff: m.kickoff,
    homeTeam: m.homeTeam, awayTeam: m.awayTeam, homeTeamId: m.homeTeamId, awayTeamId: m.awayTeamId,
  };
}

/** A cancel seen through the job runner's shared flag stops the run like an aborted signal. */
function stopIfCancelled(options: TaskOptions): void {
  if (options.shouldStop?.() === true && options.signal?.aborted !== true) throw new DOMException('Cancelled', 'AbortError');
  options.signal?.throwIfAborted();
}

/**
 * A week's work resolves through promise continuations only, which never let the worker's
 * message handler run: a cancel would wait for the whole season. One macrotask turn between
 * weeks (and after a fit) lets the abort arrive, so Cancel stops within one week.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
