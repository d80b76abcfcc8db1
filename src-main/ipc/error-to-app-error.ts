import { ZodError } from 'zod';
import { CodedError, type AppError } from './result';

/**
 * Turns anything thrown by a handler into an AppError the renderer can act on. Services choose
 * the code by throwing a CodedError; an AbortSignal's abort is a cancel, and a ZodError escaping
 * a service is still the caller's bad input.
 */
export function errorToAppError(error: unknown): AppError {
  if (error instanceof ZodError) return { code: 'invalid-input', message: describeZodError(error) };
  if (error instanceof CodedError) return { code: error.code, message: error.message };
  if (error instanceof Error) {
    if (error.name === 'AbortError') return { code: 'cancelled', message: error.message || 'Cancelled' };
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
