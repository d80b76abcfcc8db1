import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DownloadError } from '../ingest/download-error';
import { ImportError } from '../ingest/import-error';
import { errorToAppError } from './error-to-app-error';
import { CodedError } from './result';

describe('errorToAppError', () => {
  it('keeps the code of every coded error, the ingest errors included', () => {
    expect(errorToAppError(new CodedError('busy', 'Run r is busy'))).toEqual({ code: 'busy', message: 'Run r is busy' });
    expect(errorToAppError(new ImportError({ file: 'E0.csv', line: 17, column: 'FTHG', expected: 'a whole number of goals', found: 'two' }))).toEqual({
      code: 'invalid-input',
      message: 'E0.csv line 17, column FTHG: expected a whole number of goals, found "two"',
    });
    expect(errorToAppError(new DownloadError('https://x/E0.csv', 'not-found', 'HTTP 404', { status: 404 }))).toEqual({ code: 'not-found', message: 'https://x/E0.csv: HTTP 404' });
    expect(errorToAppError(new DownloadError('https://x/E0.csv', 'timeout', 'no answer in 30 s')).code).toBe('failed');
  });

  it('reads an abort as a cancel, a schema failure as bad input, and anything else as a failure', () => {
    const controller = new AbortController();
    controller.abort();
    expect(errorToAppError(controller.signal.reason).code).toBe('cancelled');
    const parsed = z.object({ week: z.number() }).safeParse({ week: 'x' });
    expect(!parsed.success && errorToAppError(parsed.error)).toEqual({ code: 'invalid-input', message: 'week: Invalid input: expected number, received string' });
    expect(errorToAppError(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }))).toEqual({ code: 'failed', message: 'ENOENT: no such file' });
    expect(errorToAppError('plain text')).toEqual({ code: 'failed', message: 'plain text' });
  });
});
