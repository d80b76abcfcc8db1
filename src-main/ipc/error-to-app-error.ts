import { ZodError } from 'zod';
import { isErrorCode, type AppError } from './result';

/**
 * Turns anything thrown by a handler into an AppError the renderer can act on. Services choose
 * the code by throwing an error with a `code` property (CodedError or any error carrying one of
 * the ErrorCode strings); a ZodError escaping a service is still the caller's bad input.
 */
export function errorToAppError(error: unknown): AppError {
  if (error instanceof ZodError) return { code: 'invalid-input', message: describeZodError(error) };
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (isErrorCode(code)) return { code, message: error.message };
    if (error.name === 'AbortError') return { code: 'cancelled', message: error.message || 'Cancelled' };
    if (error.name === 'NotFoundError') return { code: 'not-found', message: error.message };
    return { code: 'failed', message: error.message };
  }
  return { code: 'failed', message: String(error) };
}

/** "settings.kellyMultiplier: Too big: expected number to be <=1" — one line per issue, each naming its field. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
}
