import type { LedgerDatabase } from './ledger-database';

/** What a wait for the ledger looks like to someone watching progress. */
export interface LedgerWait {
  readonly file: string;
  readonly waitedMs: number;
}

export interface WriteTransactionOptions {
  /** Give up after waiting this long in total for another connection's lock (default 10 minutes). */
  readonly maxWaitMs?: number;
  /** Each attempt's wait inside SQLite before the wait is reported and the attempt retried. */
  readonly sliceMs?: number;
}

const listeners = new Set<(wait: LedgerWait) => void>();

/**
 * Be told whenever a write of this thread waits for another connection (another process
 * importing, a worker writing a week), e.g. to show "waiting for the ledger" as progress.
 * Returns the unsubscribe function.
 */
export function onLedgerWait(listener: (wait: LedgerWait) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tell every listener of this thread that a write is waiting (writeTransaction does, between attempts). */
export function reportLedgerWait(wait: LedgerWait): void {
  for (const listener of listeners) listener(wait);
}

export function waitingForLedgerMessage(wait: LedgerWait): string {
  return `Waiting for the ledger ${wait.file}: another program is writing to it (${Math.round(wait.waitedMs / 1000)} s so far)`;
}

export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Run `work` as one write transaction that waits for other writers instead of failing with
 * "database is locked". BEGIN IMMEDIATE takes the write lock first, so a transaction never
 * reads a snapshot another writer then invalidates (which SQLite refuses without waiting); each
 * attempt waits `sliceMs` inside SQLite, then the wait is reported and the whole transaction is
 * retried (it rolled back, so nothing is half-written) until `maxWaitMs` has passed.
 */
export function writeTransaction<T>(db: LedgerDatabase, work: () => T, options: WriteTransactionOptions = {}): T {
  const maxWaitMs = options.maxWaitMs ?? 10 * 60 * 1000;
  const sliceMs = options.sliceMs ?? 1000;
  const transaction = db.transaction(work);
  if (db.inTransaction) return transaction();
  const connectionTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  const started = Date.now();
  db.pragma(`busy_timeout = ${sliceMs}`);
  try {
    for (;;) {
      try {
        return transaction.immediate();
      } catch (error) {
        const waitedMs = Date.now() - started;
        if (!isBusyError(error)) throw error;
        if (waitedMs >= maxWaitMs) {
          throw Object.assign(
            new Error(`The ledger ${db.name} stayed locked by another program for ${Math.round(waitedMs / 1000)} s; close the other Edgeline window or import, then try again`, {
              cause: error,
            }),
            { code: 'busy' },
          );
        }
        reportLedgerWait({ file: db.name, waitedMs });
      }
    }
  } finally {
    db.pragma(`busy_timeout = ${connectionTimeout}`);
  }
}
