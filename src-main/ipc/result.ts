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

/**
 * The app's one error-with-code: anything that can fail in a way the user must act on throws
 * this (or a subclass carrying details, like ImportError and DownloadError), and the code is
 * what reaches the renderer. Everything else arrives as 'failed'.
 */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CodedError';
  }
}
