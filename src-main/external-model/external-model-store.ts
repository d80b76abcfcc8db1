import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LedgerDatabase } from '../ledger/ledger-database';
import { loadExternalModelSnapshot, saveExternalModel } from '../ledger/model-repository';
import type { Match } from '../domain/football/match';
import type { Triple } from '../domain/football/outcome';
import { bettingWeekStart } from '../domain/football/betting-week';
import { priceDayOf } from '../domain/football/price-day';
import type { Fixture } from '../model/fixture';
import type { ModelStore, PricingModel } from '../season/season-engine';
import { ExternalModelError } from './external-model-error';
import type { ExternalModelSnapshot } from './external-model-snapshot';
import { cachedHistoryCsv, fixturesCsv } from './model-input-csv';
import { ModelProcess, type ModelCommand } from './model-process';
import type { ModelIdentity } from './model-registry';
import { errorAnswerSchema, helloAnswerSchema, predictionsAnswerSchema, PROTOCOL_VERSION, trainedAnswerSchema, type ModelRequest } from './protocol';
import { validatePredictions } from './validate-predictions';

/** How long a failed call waits for the child's last stderr lines before reporting. */
const STDERR_DRAIN_MS = 500;

export interface ExternalModelSpec {
  readonly command: ModelCommand;
  /** The identity recorded with the run; checked against the model's files before every start. */
  readonly identity: ModelIdentity;
  readonly currentIdentity: () => ModelIdentity;
  readonly describeChange: (recorded: ModelIdentity, current: ModelIdentity) => string | null;
  readonly marketInformed: boolean;
  readonly timeoutMs: number;
  readonly seed: number;
  /** The run's matches by id, to hand a market-informed model its fixtures' pre-match prices. */
  readonly matchesById: ReadonlyMap<string, Match>;
}

/** Wall time spent in train and predict (files, start-up, calls, validation) and the compute the model reports. */
export interface ProtocolTimings {
  readonly starts: number;
  readonly trains: number;
  readonly predicts: number;
  readonly wallMs: number;
  /** Of wallMs, starting the child and its hello answer (the interpreter's own start-up). */
  readonly startMs: number;
  /** Of wallMs, the time between writing a request and reading its answer. */
  readonly callMs: number;
  readonly modelComputeMs: number;
}

export class ExternalTrainedModel implements PricingModel {
  constructor(
    readonly snapshot: ExternalModelSnapshot,
    private readonly session: ExternalModelSession,
  ) {}

  predict(fixtures: readonly Fixture[], history: readonly Match[]): Promise<Triple[]> {
    return this.session.predict(this, fixtures, history);
  }
}

export interface ExternalModelStore extends ModelStore<ExternalTrainedModel> {
  /** The signal of the task now running (a step, a run to the end): aborting it ends the child. */
  attachSignal(signal: AbortSignal | undefined): void;
  readonly timings: () => ProtocolTimings;
  readonly pid: () => number | undefined;
  /** Stops the child politely and deletes the run's temporary folder. */
  dispose(): Promise<void>;
  /** The same, at once (app shutdown, where nothing may be awaited). */
  disposeNow(): void;
}

/**
 * The ModelStore of a run whose model is a registered external command: a long-lived child per
 * run, started lazily and restarted after any broken promise, with the bulk data in a private
 * temporary folder (mkdtemp: mode 0700). Model versions are saved as ExternalModelSnapshots.
 */
export function externalModelStore(db: LedgerDatabase, runId: string, spec: ExternalModelSpec): ExternalModelStore {
  const session = new ExternalModelSession(spec);
  return {
    async train(_settings, history, cutoff, options) {
      session.signal = options.signal ?? session.signal;
      return session.train(history, cutoff);
    },
    save(model) {
      return saveExternalModel(db, model.snapshot, { runId });
    },
    load(modelId) {
      return new ExternalTrainedModel(loadExternalModelSnapshot(db, modelId, 'external'), session);
    },
    attachSignal(signal) {
      session.signal = signal;
    },
    timings: () => session.timings(),
    pid: () => session.pid(),
    dispose: () => session.dispose(),
    disposeNow: () => session.disposeNow(),
  };
}

class ExternalModelSession {
  signal: AbortSignal | undefined;
  private process: ModelProcess | null = null;
  /** State folders of the versions the current process has trained. */
  private trainedHere = new Map<ExternalTrainedModel, string>();
  private folder: string | null = null;
  private readonly writtenFiles = new Set<string>();
  private stateCount = 0;
  private counters = { starts: 0, trains: 0, predicts: 0, wallMs: 0, startMs: 0, callMs: 0, modelComputeMs: 0 };
  private nextId = 1;
  private ready = false;
  private disposed = false;

  private readonly historyCsv: ReturnType<typeof cachedHistoryCsv>;

  constructor(private readonly spec: ExternalModelSpec) {
    this.historyCsv = cachedHistoryCsv({ withOdds: spec.marketInformed });
  }

  private get name(): string {
    return this.spec.command.name;
  }

  timings(): ProtocolTimings {
    return { ...this.counters };
  }

  pid(): number | undefined {
    return this.process?.alive ? this.process.pid : undefined;
  }

  private dir(): string {
    this.folder ??= mkdtempSync(path.join(tmpdir(), 'edgeline-model-'));
    return this.folder;
  }

  async train(history: readonly Match[], cutoff: string): Promise<ExternalTrainedModel> {
    return this.timed(() => this.trainNow(history, cutoff));
  }

  predict(model: ExternalTrainedModel, fixtures: readonly Fixture[], history: readonly Match[]): Promise<Triple[]> {
    return this.timed(() => this.predictNow(model, fixtures, history));
  }

  /** Everything the protocol costs is inside: files, start-up, handshake, the call, validation, hashing. */
  private async timed<T>(work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.counters.wallMs += performance.now() - started;
    }
  }

  private async trainNow(history: readonly Match[], cutoff: string): Promise<ExternalTrainedModel> {
    const late = history.find((m) => m.date >= cutoff);
    if (late) throw new Error(`External model "${this.name}": history holds ${late.id} dated ${late.date}, on or after the cutoff ${cutoff}`);
    if (history.length === 0) throw new Error(`External model "${this.name}": no matches before the cutoff ${cutoff} to train on`);
    const process = await this.ensureProcess();
    const { stateDir, stateSha256 } = await this.trainIn(process, history, cutoff);
    const snapshot: ExternalModelSnapshot = {
      format: 'edgeline-external-model/1',
      kind: 'external',
      name: this.name,
      cutoff,
      seed: this.spec.seed,
      marketInformed: this.spec.marketInformed,
      stateSha256,
      trainedThrough: history.reduce((last, m) => (m.date > last ? m.date : last), history[0]!.date),
      trainingWindow: { from: history.reduce((first, m) => (m.date < first ? m.date : first), history[0]!.date), to: history.at(-1)!.date, matches: history.length },
      identity: this.spec.identity,
    };
    const model = new ExternalTrainedModel(snapshot, this);
    this.trainedHere.set(model, stateDir);
    return model;
  }

  /**
   * The week's fixtures are asked for in groups by price day (DESIGN.md): a weekend fixture may
   * know the midweek round's results, a midweek fixture only what came before its Tuesday. Each
   * request's history file holds exactly the matches before its group's price day.
   */
  private async predictNow(model: ExternalTrainedModel, fixtures: readonly Fixture[], history: readonly Match[]): Promise<Triple[]> {
    if (fixtures.length === 0) return [];
    const weekStart = bettingWeekStart(fixtures[0]!.date);
    const outside = fixtures.find((f) => bettingWeekStart(f.date) !== weekStart);
    if (outside) throw new Error(`External model "${this.name}": fixture ${outside.id} is not in the week starting ${weekStart}`);
    const groups = new Map<string, number[]>();
    fixtures.forEach((f, i) => {
      const day = priceDayOf(f.date);
      groups.set(day, [...(groups.get(day) ?? []), i]);
    });
    const answers: Triple[] = new Array<Triple>(fixtures.length);
    for (const [cutoff, indices] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const priced = await this.predictGroup(model, indices.map((i) => fixtures[i]!), history.filter((m) => m.date < cutoff), cutoff);
      indices.forEach((fixtureIndex, k) => {
        answers[fixtureIndex] = priced[k]!;
      });
    }
    return answers;
  }

  private async predictGroup(model: ExternalTrainedModel, fixtures: readonly Fixture[], history: readonly Match[], cutoff: string): Promise<Triple[]> {
    const process = await this.ensureProcess();
    let stateDir = this.trainedHere.get(model);
    if (stateDir === undefined) {
      // A version restored from the ledger, or trained by a process that has since been replaced.
      const restored = await this.trainIn(process, history.filter((m) => m.date < model.snapshot.cutoff), model.snapshot.cutoff);
      if (restored.stateSha256 !== model.snapshot.stateSha256) {
        throw new ExternalModelError(
          'not-reproducible',
          `Model "${this.name}", retrained to its cutoff ${model.snapshot.cutoff} to restore a saved version, wrote a different state (sha256 ${restored.stateSha256.slice(0, 12)}… instead of ${model.snapshot.stateSha256.slice(0, 12)}…): ` +
            'its state must depend only on the history, the cutoff and the seed. Make the model deterministic, or reset the run.',
        );
      }
      stateDir = restored.stateDir;
      this.trainedHere.set(model, stateDir);
    }
    const withOdds = this.spec.marketInformed;
    const fixturesFile = this.writeOnce(`fixtures-${cutoff}.csv`, () => fixturesCsv(fixtures, { withOdds, oddsOf: (id) => this.spec.matchesById.get(id) }));
    const historyFile = this.writeOnce(`history-${cutoff}.csv`, () => this.historyCsv(history));
    const describe = `the predict request for the fixtures priced on ${cutoff}`;
    const answer = await this.call(process, { type: 'predict', id: this.nextId++, fixtures: fixturesFile, history: historyFile, cutoff, stateDir }, describe, 'predict');
    const parsed = predictionsAnswerSchema.safeParse(answer);
    if (!parsed.success) throw await this.badAnswer(process, describe, `answered ${preview(answer)}, expected {"type": "predictions", "id", "predictions": [...]}`);
    this.counters.modelComputeMs += parsed.data.computeMs ?? 0;
    try {
      return validatePredictions(fixtures, parsed.data.predictions);
    } catch (error) {
      throw await this.badAnswer(process, describe, (error as Error).message);
    }
  }

  private async trainIn(process: ModelProcess, history: readonly Match[], cutoff: string): Promise<{ stateDir: string; stateSha256: string }> {
    this.stateCount += 1;
    const stateDir = path.join(this.dir(), 'state', String(this.stateCount));
    mkdirSync(stateDir, { recursive: true });
    const historyFile = this.writeOnce(`history-${cutoff}.csv`, () => this.historyCsv(history));
    const describe = `the train request for the cutoff ${cutoff}`;
    const message: ModelRequest = { type: 'train', id: this.nextId++, history: historyFile, cutoff, seed: this.spec.seed, stateDir, marketInformed: this.spec.marketInformed };
    const answer = await this.call(process, message, describe, 'train');
    const parsed = trainedAnswerSchema.safeParse(answer);
    if (!parsed.success) throw await this.badAnswer(process, describe, `answered ${preview(answer)}, expected {"type": "trained", "id"}`);
    this.counters.modelComputeMs += parsed.data.computeMs ?? 0;
    return { stateDir, stateSha256: hashFolder(stateDir) };
  }

  private writeOnce(name: string, text: () => string): string {
    const file = path.join(this.dir(), name);
    if (!this.writtenFiles.has(file)) {
      writeFileSync(file, text());
      this.writtenFiles.add(file);
    }
    return file;
  }

  private async ensureProcess(): Promise<ModelProcess> {
    if (this.disposed) throw new Error(`External model "${this.name}": the run's model session was closed`);
    if (this.process?.alive && this.ready) return this.process;
    this.process?.kill();
    this.process = null;
    this.trainedHere = new Map();
    const change = this.spec.describeChange(this.spec.identity, this.spec.currentIdentity());
    if (change) throw new ExternalModelError('model-changed', change);
    const startedAt = performance.now();
    const process = new ModelProcess(this.spec.command);
    // Known before the handshake, so a shutdown during it still ends the child.
    this.process = process;
    this.ready = false;
    this.counters.starts += 1;
    const answer = await this.call(process, { type: 'hello', protocol: PROTOCOL_VERSION, model: this.name }, 'the hello request', null);
    const hello = helloAnswerSchema.safeParse(answer);
    if (!hello.success) throw await this.badAnswer(process, 'the hello request', `answered ${preview(answer)}, expected {"type": "hello", "protocol": ${PROTOCOL_VERSION}}`);
    if (hello.data.protocol !== PROTOCOL_VERSION) {
      process.kill();
      this.process = null;
      throw new ExternalModelError(
        'protocol-version',
        `Model "${this.name}" speaks protocol version ${hello.data.protocol}, but this Edgeline speaks version ${PROTOCOL_VERSION} (docs/external-models.md); update the model or Edgeline.`,
      );
    }
    this.ready = true;
    this.counters.startMs += performance.now() - startedAt;
    return process;
  }

  /** One request; any failure ends the process, so the next call starts a fresh one. */
  private async call(process: ModelProcess, message: ModelRequest, describe: string, kind: 'train' | 'predict' | null): Promise<unknown> {
    const started = performance.now();
    try {
      const answer = await process.request(message, describe, { timeoutMs: this.spec.timeoutMs, signal: this.signal });
      this.counters.callMs += performance.now() - started;
      const reported = errorAnswerSchema.safeParse(answer);
      if (reported.success) {
        process.kill();
        await process.waitForExit(STDERR_DRAIN_MS);
        throw new ExternalModelError('model-error', `Model "${this.name}" reported an error in ${describe}: ${reported.data.message}${tailOf(process)}`);
      }
      const echoed = (answer as { id?: unknown } | null)?.id;
      if ('id' in message && echoed !== message.id) throw await this.badAnswer(process, describe, `answered with id ${JSON.stringify(echoed)}, expected ${message.id}`);
      return answer;
    } catch (error) {
      process.kill();
      if (this.process === process) this.process = null;
      throw error;
    } finally {
      if (kind === 'train') this.counters.trains += 1;
      if (kind === 'predict') this.counters.predicts += 1;
    }
  }

  /** Ends the child and waits (briefly) for the last of its stderr, which the message shows. */
  private async badAnswer(process: ModelProcess, describe: string, what: string): Promise<ExternalModelError> {
    process.kill();
    if (this.process === process) this.process = null;
    await process.waitForExit(STDERR_DRAIN_MS);
    return new ExternalModelError('bad-answer', `Model "${this.name}", ${describe}: ${what}. The week was not committed; fix the model and play it again.${tailOf(process)}`);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const process = this.process;
    this.process = null;
    await process?.stop();
    this.removeFolder();
  }

  disposeNow(): void {
    this.disposed = true;
    this.process?.kill();
    this.process = null;
    this.removeFolder();
  }

  private removeFolder(): void {
    if (this.folder !== null && existsSync(this.folder)) rmSync(this.folder, { recursive: true, force: true });
    this.folder = null;
    this.writtenFiles.clear();
    this.trainedHere = new Map();
  }
}

function tailOf(process: ModelProcess): string {
  const tail = process.stderrTail();
  return tail ? `\nLast lines of its stderr:\n${tail}` : '';
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** sha256 over (relative path, bytes) of every file under `folder`, in sorted path order. */
export function hashFolder(folder: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, relative);
      else if (entry.isFile()) hash.update(`${relative}\0`).update(readFileSync(full)).update('\0');
    }
  };
  walk(folder, '');
  return hash.digest('hex');
}
