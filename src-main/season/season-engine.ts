import type { LedgerDatabase } from '../ledger/ledger-database';
import {
  appendWeek,
  clearRunWeeks,
  lastPlayedWeek,
  readPerformance,
  readPredictions,
  readRunModels,
  type BetRow,
  type PredictionRow,
  type RunModelRow,
  type RunRow,
} from '../ledger/run-repository';
import type { Match, OddsSource } from '../domain/football/match';
import type { Triple } from '../domain/football/outcome';
import { bettingWeeksOf, matchesInWeek, type BettingWeek } from '../domain/football/betting-week';
import { removeMargin } from '../domain/betting/margin-removal';
import { decideWeekBets, type BetDecision } from '../domain/betting/value-bets';
import { settleBet } from '../domain/betting/settlement';
import { matchBrierScore, matchLogLoss, matchRankedProbabilityScore } from '../domain/evaluation/scoring-rules';
import { recordEvaluation } from '../ledger/model-repository';
import { decideRetrain, type ModelTrackRecord } from '../domain/season/retrain-policy';
import { INITIAL_MONITORING_STATE, monitorWeek, type MonitoringState } from '../domain/season/monitoring';
import type { Fixture, TrainedOutcomeModel } from '../model/outcome-model';
import { runSettingsSchema, type RunSettings } from './run-settings';
import { stakingConfigOf } from './run-config-mapping';
import { dataFingerprintOf } from './data-fingerprint';
import type { TaskOptions } from '../app/edgeline-service';

/** Trains, stores and reloads model versions; the engine never touches TF.js or the models table itself. */
export interface ModelStore {
  train(settings: RunSettings, history: readonly Match[], cutoff: string, options: TaskOptions): Promise<TrainedOutcomeModel>;
  /** Called inside the week's transaction, so a model version exists exactly when the week that fitted it does. */
  save(model: TrainedOutcomeModel): number;
  load(modelId: number): TrainedOutcomeModel;
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

/** Closing prices used for closing-line value, by the book bets are struck at. */
const CLOSING_SOURCE: Record<RunSettings['priceSource'], readonly OddsSource[]> = {
  b365: ['b365Close', 'pinnacleClose', 'avgClose'],
  pinnacle: ['pinnacleClose', 'b365Close', 'avgClose'],
  avg: ['avgClose', 'pinnacleClose', 'b365Close'],
  max: ['maxClose', 'avgClose', 'pinnacleClose'],
};

/**
 * The book whose margin-free prices stand for "the market" in comparisons. Betting at the best
 * available price is a choice of where to bet, not a forecast: the max prices of several books
 * are not one market, so the average market is used to judge the model in that case.
 */
function marketSourceOf(priceSource: RunSettings['priceSource']): OddsSource {
  return priceSource === 'max' ? 'avg' : priceSource;
}

interface LoadedModel {
  readonly row: RunModelRow;
  readonly model: TrainedOutcomeModel;
}

/**
 * Plays a run's holdout season one betting week at a time. Everything a step uses comes from
 * matches that kicked off before the week starts; results of the week are read only to settle
 * bets that are already decided. Each step commits in one transaction, so the ledger is the
 * whole state: `open` rebuilds the engine from it and a resumed run continues exactly where an
 * uninterrupted one would.
 */
export class SeasonEngine {
  private models: LoadedModel[] = [];
  private bankrollCents: number;
  private staticBankrollCents: number;
  private peakCents: number;
  private played: number;
  private monitoring: MonitoringState;

  private constructor(
    private readonly db: LedgerDatabase,
    readonly run: RunRow,
    readonly settings: RunSettings,
    private readonly pool: readonly Match[],
    private readonly holdout: readonly Match[],
    readonly weeks: readonly BettingWeek[],
    private readonly store: ModelStore,
  ) {
    this.bankrollCents = run.startingBankrollCents;
    this.staticBankrollCents = run.startingBankrollCents;
    this.peakCents = run.startingBankrollCents;
    this.played = 0;
    this.monitoring = INITIAL_MONITORING_STATE;
    this.restoreFromLedger();
  }

  static open(db: LedgerDatabase, run: RunRow, allMatches: readonly Match[], store: ModelStore): SeasonEngine {
    const settings = runSettingsSchema.parse(JSON.parse(run.settingsJson));
    const { pool, holdout } = runMatchPool(settings, allMatches);
    const weeks = bettingWeeksOf(holdout);
    if (weeks.length !== run.weekCount || dataFingerprintOf(pool) !== run.dataFingerprint) {
      throw new Error(
        `Run "${run.name}" was played on other match data than the ledger now holds for ${settings.div} (its data fingerprint differs): ` +
          'a season file was re-imported with changes. Start a new run on the current data, or re-import the original files to continue this one.',
      );
    }
    return new SeasonEngine(db, run, settings, pool, holdout, weeks, store);
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
    const performance = readPerformance(this.db, this.run.id);
    const last = performance.at(-1);
    if (last) {
      this.bankrollCents = last.bankrollEndCents;
      this.staticBankrollCents = last.staticBankrollEndCents;
      this.monitoring = { modelBehindMarket: last.modelBehindMarket, inDrawdown: last.inDrawdown };
      this.peakCents = Math.max(this.run.startingBankrollCents, ...performance.map((p) => p.bankrollEndCents));
    }
  }

  /** Deletes every played week (and the run's model versions); the configuration stays. */
  reset(): void {
    this.db.transaction(() => clearRunWeeks(this.db, this.run.id))();
    this.models = [];
    this.bankrollCents = this.run.startingBankrollCents;
    this.staticBankrollCents = this.run.startingBankrollCents;
    this.peakCents = this.run.startingBankrollCents;
    this.played = 0;
    this.monitoring = INITIAL_MONITORING_STATE;
  }

  private activeModel(): LoadedModel | null {
    return this.models.at(-1) ?? null;
  }

  private trackRecord(week: number, pastActive: readonly PredictionRow[]): ModelTrackRecord | null {
    const active = this.activeModel();
    if (!active) return null;
    const since = pastActive.filter((p) => p.modelVersion === active.row.version);
    return {
      weeksSinceFit: week - active.row.fittedBeforeWeek,
      modelBriers: since.map((p) => p.brier),
      marketBriers: since.map((p) => p.marketBrier),
    };
  }

  /** Plays the next week: maybe retrain, price, decide bets, settle, commit. Returns the week played. */
  async step(options: TaskOptions = {}): Promise<number> {
    if (this.finished) throw new Error(`Run "${this.run.name}" has played all ${this.weeks.length} weeks`);
    const weekNumber = this.played + 1;
    const week = this.weeks[weekNumber - 1]!;
    const history = this.pool.filter((m) => m.date < week.start);

    const pastActive = readPredictions(this.db, this.run.id, { role: 'active' });
    let newModel: RunModelRow | null = null;
    const decision = decideRetrain(this.trackRecord(weekNumber, pastActive), {
      everyWeeks: this.settings.retrainEveryWeeks,
      onDegradation: this.settings.retrainOnDegradation,
      minMatches: this.settings.retrainMinMatches,
      brierGap: this.settings.alertBrierGap,
    });
    let trained: LoadedModel | null = null;
    if (decision.retrain) {
      options.onProgress?.({ fraction: 0, message: `Week ${weekNumber}: fitting the model on ${history.length} earlier matches` });
      const model = await this.store.train(this.settings, history, week.start, options);
      // The registry id is known only once the week commits (below).
      newModel = { version: this.models.length + 1, modelId: Number.NaN, fittedBeforeWeek: weekNumber, reason: decision.reason, detail: decision.detail };
      trained = { row: newModel, model };
      await yieldToEventLoop();
    }
    options.signal?.throwIfAborted();

    let models = trained ? [...this.models, trained] : this.models;
    const record = await this.playWeek(week, weekNumber, history, models, newModel, pastActive);
    this.db.transaction(() => {
      if (trained && newModel) {
        const saved = { ...newModel, modelId: this.store.save(trained.model) };
        models = [...this.models, { row: saved, model: trained.model }];
        appendWeek(this.db, this.run.id, { ...record.ledger, newModel: saved });
      } else {
        appendWeek(this.db, this.run.id, record.ledger);
      }
      const activeId = models.at(-1)!.row.modelId;
      recordEvaluation(this.db, { modelId: activeId, scope: 'week', scopeKey: `${this.run.id}/${week.start}`, ...record.evaluation });
    })();

    this.models = models;
    this.played = weekNumber;
    this.bankrollCents = record.ledger.performance.bankrollEndCents;
    this.staticBankrollCents = record.ledger.performance.staticBankrollEndCents;
    this.peakCents = record.ledger.bankrollPeakCents;
    this.monitoring = record.monitoring;
    return weekNumber;
  }

  async runToEnd(options: TaskOptions = {}): Promise<void> {
    while (!this.finished) {
      await yieldToEventLoop();
      options.signal?.throwIfAborted();
      // Forward the week's own progress (the model fit) so a long fit does not look frozen.
      const before = this.played;
      const week = await this.step({
        signal: options.signal,
        onProgress: (p) => options.onProgress?.({ fraction: (before + p.fraction) / this.weeks.length, message: `Week ${before + 1} of ${this.weeks.length}: ${p.message.replace(/^Week \d+: /, '')}` }),
      });
      options.onProgress?.({ fraction: week / this.weeks.length, message: `Played week ${week} of ${this.weeks.length}` });
    }
  }

  private async playWeek(
    week: BettingWeek,
    weekNumber: number,
    history: readonly Match[],
    models: readonly LoadedModel[],
    newModel: RunModelRow | null,
    pastActive: readonly PredictionRow[],
  ) {
    const active = models.at(-1)!;
    const initial = models[0]!;
    const champion = models.length > 1 ? models.at(-2)! : null;
    const played = matchesInWeek(this.holdout, week);
    const fixtures: Fixture[] = played.map(fixtureOf);

    const activeP = await active.model.predict(fixtures, history);
    const staticP = initial === active ? activeP : await initial.model.predict(fixtures, history);
    const championP = champion ? await champion.model.predict(fixtures, history) : null;

    const marketSource = marketSourceOf(this.settings.priceSource);
    const marketP: (Triple | null)[] = played.map((m) => {
      const odds = m.odds[marketSource];
      return odds ? (removeMargin(odds, this.settings.marginMethod).probabilities as unknown as Triple) : null;
    });

    const predictions: PredictionRow[] = [];
    const addPredictions = (role: PredictionRow['role'], version: number, probabilities: readonly Triple[]) => {
      played.forEach((m, i) => {
        const p = probabilities[i]!;
        const market = marketP[i] ?? null;
        predictions.push({
          week: weekNumber, matchId: m.id, role, modelVersion: version, probabilities: p, marketProbabilities: market,
          brier: matchBrierScore(p, m.result), marketBrier: market ? matchBrierScore(market, m.result) : null,
        });
      });
    };
    addPredictions('active', active.row.version, activeP);
    addPredictions('static', initial.row.version, staticP);
    if (champion && championP) addPredictions('champion', champion.row.version, championP);

    const activeBook = this.settleBook('active', played, activeP, this.bankrollCents, weekNumber, active.row.version);
    const staticBook = this.settleBook('static', played, staticP, this.staticBankrollCents, weekNumber, initial.row.version);

    const bankrollEndCents = this.bankrollCents + activeBook.profitCents;
    const peakCents = Math.max(this.peakCents, bankrollEndCents);
    const drawdown = peakCents === 0 ? 0 : (peakCents - bankrollEndCents) / peakCents;

    const activeSoFar = [...pastActive, ...predictions.filter((p) => p.role === 'active')];
    const monitored = monitorWeek(
      { week: weekNumber, modelBriers: activeSoFar.map((p) => p.brier), marketBriers: activeSoFar.map((p) => p.marketBrier), drawdown },
      this.monitoring,
      { brierGap: this.settings.alertBrierGap, windowMatches: this.settings.alertWindowMatches, drawdown: this.settings.alertDrawdown },
    );

    const weekActive = predictions.filter((p) => p.role === 'active');
    const priced = weekActive.filter((p) => p.marketProbabilities !== null);
    const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const marketBrier = priced.length > 0 ? mean(priced.map((p) => p.marketBrier!)) : null;
    const rps = played.map((m, i) => matchRankedProbabilityScore(activeP[i]!, m.result));
    const marketRps = priced.length > 0 ? mean(played.flatMap((m, i) => (marketP[i] ? [matchRankedProbabilityScore(marketP[i]!, m.result)] : []))) : null;

    return {
      evaluation: { brier: mean(weekActive.map((p) => p.brier)), rps: mean(rps), logLoss: mean(played.map((m, i) => matchLogLoss(activeP[i]!, m.result))), matches: played.length },
      monitoring: monitored.state,
      ledger: {
        performance: {
          week: weekNumber,
          weekStart: week.start,
          weekEnd: week.end,
          matches: played.length,
          valueBetsFound: activeBook.valueBetsFound,
          betsPlaced: activeBook.placed,
          wins: activeBook.wins,
          stakedCents: activeBook.stakedCents,
          profitCents: activeBook.profitCents,
          bankrollStartCents: this.bankrollCents,
          bankrollEndCents,
          staticBankrollEndCents: this.staticBankrollCents + staticBook.profitCents,
          modelBrier: mean(weekActive.map((p) => p.brier)),
          marketBrier,
          modelRps: mean(rps),
          marketRps,
          modelVersion: active.row.version,
          modelBehindMarket: monitored.state.modelBehindMarket,
          inDrawdown: monitored.state.inDrawdown,
        },
        bankrollPeakCents: peakCents,
        predictions,
        bets: [...activeBook.bets, ...staticBook.bets],
        alerts: monitored.alerts,
        newModel,
      },
    };
  }

  /** Decides and settles one book's bets for the week (the active model's, or the static shadow's). */
  private settleBook(book: BetRow['book'], played: readonly Match[], probabilities: readonly Triple[], bankrollCents: number, week: number, modelVersion: number) {
    const priced = played.flatMap((m, i) => {
      const odds = m.odds[this.settings.priceSource];
      return odds ? [{ match: m, input: { matchId: m.id, modelProbabilities: probabilities[i]!, decimalOdds: odds, marginMethod: this.settings.marginMethod } }] : [];
    });
    const decisions: BetDecision[] = decideWeekBets({ bankrollCents, matches: priced.map((p) => p.input), staking: stakingConfigOf(this.settings) });
    const byId = new Map(played.map((m) => [m.id, m]));
    let stakedCents = 0;
    let profitCents = 0;
    let wins = 0;
    let placed = 0;
    let valueBetsFound = 0;
    const bets: BetRow[] = decisions.map((d) => {
      const match = byId.get(d.matchId)!;
      if (d.edge > 0) valueBetsFound += 1;
      const won = d.placed ? match.result === d.outcome : null;
      const profit = d.placed ? settleBet(d.stakeCents, d.decimalOdds, won === true) : 0;
      if (d.placed) {
        placed += 1;
        stakedCents += d.stakeCents;
        profitCents += profit;
        if (won) wins += 1;
      }
      const closing = closingPriceOf(match, CLOSING_SOURCE[this.settings.priceSource]);
      const index = d.outcome === 'H' ? 0 : d.outcome === 'D' ? 1 : 2;
      return {
        week,
        book,
        matchId: d.matchId,
        outcome: d.outcome,
        decimalOdds: d.decimalOdds,
        modelProbability: d.modelProbability,
        marketProbability: d.marketProbability,
        edge: d.edge,
        fullKelly: d.fullKelly,
        appliedKelly: d.appliedKelly,
        stakeCents: d.placed ? d.stakeCents : 0,
        placed: d.placed,
        rejection: d.rejection,
        robust: d.robustAcrossMethods,
        won,
        profitCents: profit,
        closingOdds: closing ? closing[index] : null,
        closingFairProbability: closing ? removeMargin(closing, this.settings.marginMethod).probabilities[index]! : null,
        modelVersion,
      };
    });
    return { bets, stakedCents, profitCents, wins, placed, valueBetsFound };
  }
}

function closingPriceOf(match: Match, sources: readonly OddsSource[]): Triple | null {
  for (const source of sources) {
    const odds = match.odds[source];
    if (odds) return odds;
  }
  return null;
}

/** What a model may see of a match it prices: no goals, no result. */
export function fixtureOf(m: Match): Fixture {
  return {
    id: m.id, div: m.div, season: m.season, date: m.date, kickoff: m.kickoff,
    homeTeam: m.homeTeam, awayTeam: m.awayTeam, homeTeamId: m.homeTeamId, awayTeamId: m.awayTeamId,
  };
}

/**
 * A week's work resolves through promise continuations only, which never let the worker's
 * message handler run: a cancel would wait for the whole season. One macrotask turn between
 * weeks (and after a fit) lets the abort arrive, so Cancel stops within one week.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
