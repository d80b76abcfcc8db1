/**
 * Errors cross process boundaries (Electron IPC, HTTP) as values, never as thrown exceptions:
 * structured clone and JSON both lose Error subclasses, and the renderer must be able to switch
 * on what went wrong.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'busy'
  | 'conflict'
  | 'cancelled'
  | 'failed'
  | 'unsupported'
  | 'unknown-channel'
  | 'unauthorized';

export const ERROR_CODES: readonly ErrorCode[] = [
  'invalid-input',
  'not-found',
  'busy',
  'conflict',
  'cancelled',
  'failed',
  'unsupported',
  'unknown-channel',
  'unauthorized',
];

export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** An error a service can throw to choose the code the UI sees (e.g. 'not-found' for an unknown run id). */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
