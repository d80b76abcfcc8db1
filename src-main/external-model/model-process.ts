import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BroadcastChannel, isMainThread } from 'node:worker_threads';
import { MAX_ANSWER_BYTES, parseAnswerLine, type ModelRequest } from './protocol';
import { ExternalModelError } from './external-model-error';

/** How a registered model is started. */
export interface ModelCommand {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

const STDERR_LINES_KEPT = 20;
const STOP_GRACE_MS = 1000;

/**
 * Children live in process groups of their own (so a model's own subprocesses go with it), and
 * every thread reports its children's group ids to the main thread, which kills what is left
 * when the app exits: a worker thread stopped by terminate() runs no cleanup of its own.
 */
const pidChannel = new BroadcastChannel('edgeline:external-model-pids');
pidChannel.unref();
const liveGroups = new Set<number>();
if (isMainThread) {
  pidChannel.onmessage = (event) => {
    const { pid, alive } = (event as { data: { pid: number; alive: boolean } }).data;
    if (alive) liveGroups.add(pid);
    else liveGroups.delete(pid);
  };
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid);
  });
}

function track(pid: number, alive: boolean): void {
  if (alive) liveGroups.add(pid);
  else liveGroups.delete(pid);
  if (!isMainThread) pidChannel.postMessage({ pid, alive });
}

function killGroup(pid: number): void {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

interface Pending {
  readonly describe: string;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/**
 * One long-lived child process speaking the protocol. One request is in flight at a time; the
 * answer is the next stdout line. Any broken promise (timeout, crash, an over-long or malformed
 * line) kills the child: its state is unknown from then on.
 */
export class ModelProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private stdoutBuffer = '';
  private readonly stderrLines: string[] = [];
  private stderrPartial = '';
  private pending: Pending | null = null;
  private exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private startError: Error | null = null;
  private readonly exitWaiters: (() => void)[] = [];
  private closed = false;

  constructor(readonly model: ModelCommand) {
    this.child = spawn(model.command, [...model.args], {
      cwd: model.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      env: { ...process.env, PYTHONUNBUFFERED: '1', PYTHONHASHSEED: '0' },
      windowsHide: true,
    });
    if (this.child.pid !== undefined) track(this.child.pid, true);
    this.child.stdout.setEncoding('utf8');
    this.child.stderr.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => this.onStdout(chunk));
    this.child.stderr.on('data', (chunk: string) => this.onStderr(chunk));
    this.child.stdin.on('error', () => {
      // EPIPE when the child has died; the exit handler reports it.
    });
    this.child.on('error', (error) => {
      this.startError = error;
      this.fail(new ExternalModelError('start-failed', `Model "${model.name}" could not be started (${model.command} in ${model.cwd}): ${error.message}`));
      this.onExit(null, null);
      this.onClose();
    });
    this.child.on('exit', (code, signal) => this.onExit(code, signal));
    // 'close' comes after the last stderr bytes, so the crash message can show them.
    this.child.on('close', () => this.onClose());
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.exited === null && this.startError === null;
  }

  /** The last lines the model wrote to stderr, for error messages. */
  stderrTail(): string {
    const lines = [...this.stderrLines, ...(this.stderrPartial ? [this.stderrPartial] : [])];
    return lines.slice(-STDERR_LINES_KEPT).join('\n');
  }

  /** Sends one request and resolves with the parsed answer line. */
  request(message: ModelRequest, describe: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<unknown> {
    if (this.pending) throw new Error(`Model "${this.model.name}": a request is already in flight`);
    if (!this.alive) return Promise.reject(this.deadError(describe));
    options.signal?.throwIfAborted();
    return new Promise<unknown>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        this.pending = null;
        finish();
        this.kill();
        reject(options.signal!.reason instanceof Error ? options.signal!.reason : new DOMException('Cancelled', 'AbortError'));
      };
      const timer = setTimeout(() => {
        this.fail(
          () =>
            new ExternalModelError(
            'timeout',
            `Model "${this.model.name}" did not answer ${describe} within ${options.timeoutMs / 1000} s (the run's externalModel.timeoutSeconds); it was stopped.${this.tailText()}`,
          ),
        );
      }, options.timeoutMs);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.pending = {
        describe,
        resolve: (value) => {
          finish();
          resolve(value);
        },
        reject: (error) => {
          finish();
          reject(error);
        },
      };
      this.child.stdin.write(`${JSON.stringify(message)}\n`);
    });
  }

  /** Asks the model to exit, then kills it if it has not within a second. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    const gone = new Promise<void>((resolve) => this.exitWaiters.push(resolve));
    this.child.stdin.write(`${JSON.stringify({ type: 'shutdown' } satisfies ModelRequest)}\n`);
    this.child.stdin.end();
    const timer = setTimeout(() => this.kill(), STOP_GRACE_MS);
    await gone;
    clearTimeout(timer);
  }

  /** Ends the child (and its process group) at once. */
  kill(): void {
    if (this.child.pid !== undefined && this.exited === null) killGroup(this.child.pid);
  }

  /** Resolves once the child has exited and its output is read, or after `capMs`. */
  waitForExit(capMs = Number.POSITIVE_INFINITY): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = Number.isFinite(capMs) ? setTimeout(resolve, capMs) : undefined;
      this.exitWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private onStdout(chunk: string): void {
    this.stdoutBuffer += chunk;
    for (;;) {
      const newline = this.stdoutBuffer.indexOf('\n');
      if (newline < 0) break;
      const line = this.stdoutBuffer.slice(0, newline).replace(/\r$/, '');
      this.stdoutBuffer = this.stdoutBuffer.slice(newline + 1);
      if (line.trim() !== '') this.onLine(line);
    }
    if (Buffer.byteLength(this.stdoutBuffer) > MAX_ANSWER_BYTES) {
      this.stdoutBuffer = '';
      this.fail(this.badAnswer(`wrote more than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB on one line (an answer is a few kilobytes)`));
    }
  }

  private onLine(line: string): void {
    if (Buffer.byteLength(line) > MAX_ANSWER_BYTES) {
      this.fail(this.badAnswer(`wrote more than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB on one line (an answer is a few kilobytes)`));
      return;
    }
    const pending = this.pending;
    if (!pending) {
      this.fail(this.badAnswer(`wrote to stdout when no request was waiting: ${preview(line)} (stdout carries only answers; write logs to stderr)`));
      return;
    }
    let parsed: unknown;
    try {
      parsed = parseAnswerLine(line);
    } catch (error) {
      this.fail(this.badAnswer(`answered ${pending.describe} with a line that is not JSON (${(error as Error).message}): ${preview(line)}`));
      return;
    }
    this.pending = null;
    pending.resolve(parsed);
  }

  private onStderr(chunk: string): void {
    const parts = (this.stderrPartial + chunk).split('\n');
    this.stderrPartial = parts.pop() ?? '';
    for (const part of parts) this.stderrLines.push(part.length > 500 ? `${part.slice(0, 500)}…` : part);
    if (this.stderrLines.length > STDERR_LINES_KEPT) this.stderrLines.splice(0, this.stderrLines.length - STDERR_LINES_KEPT);
    if (this.stderrPartial.length > 2000) this.stderrPartial = `${this.stderrPartial.slice(0, 500)}…`;
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.exited) return;
    this.exited = { code, signal };
    if (this.child.pid !== undefined) {
      // The group may outlive its leader (a model's own subprocesses): end it too.
      killGroup(this.child.pid);
      track(this.child.pid, false);
    }
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    const code = this.exited?.code ?? null;
    const signal = this.exited?.signal ?? null;
    const how = code !== null ? `exited with code ${code}` : `was killed by ${signal ?? 'a signal'}`;
    this.fail(new ExternalModelError('crashed', `Model "${this.model.name}" ${how} while Edgeline waited for ${this.pending?.describe ?? 'nothing'}.${this.tailText()}`));
    for (const waiter of this.exitWaiters.splice(0)) waiter();
  }

  private fail(error: Error | (() => Error)): void {
    const pending = this.pending;
    this.pending = null;
    this.kill();
    if (!pending) return;
    if (typeof error !== 'function') {
      pending.reject(error);
      return;
    }
    // The message shows the model's last stderr lines, which may still be in the pipe.
    void this.waitForExit(500).then(() => pending.reject(error()));
  }

  private badAnswer(what: string): () => ExternalModelError {
    return () => new ExternalModelError('bad-answer', `Model "${this.model.name}" ${what}; it was stopped.${this.tailText()}`);
  }

  private deadError(describe: string): ExternalModelError {
    if (this.startError) return new ExternalModelError('start-failed', `Model "${this.model.name}" could not be started (${this.model.command}): ${this.startError.message}`);
    const how = this.exited?.code !== null && this.exited?.code !== undefined ? `exited with code ${this.exited.code}` : `was killed by ${this.exited?.signal ?? 'a signal'}`;
    return new ExternalModelError('crashed', `Model "${this.model.name}" ${how} before ${describe}.${this.tailText()}`);
  }

  private tailText(): string {
    const tail = this.stderrTail();
    return tail ? `\nLast lines of its stderr:\n${tail}` : ' It wrote nothing to stderr.';
  }
}

function preview(line: string): string {
  return JSON.stringify(line.length > 200 ? `${line.slice(0, 200)}…` : line);
}
