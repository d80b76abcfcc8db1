import type { ErrorCode } from '../ipc/result';

/** What went wrong with a user's model, so the UI can say it in the user's terms. */
export type ExternalModelFailure =
  | 'not-registered'
  | 'start-failed'
  | 'protocol-version'
  | 'bad-answer'
  | 'model-error'
  | 'timeout'
  | 'crashed'
  | 'model-changed'
  | 'not-reproducible';

/**
 * A failure of an external model. `code` is the app-wide error code (so it crosses IPC and HTTP
 * as a value); `failure` says which of the model's promises was broken.
 */
export class ExternalModelError extends Error {
  readonly code: ErrorCode;
  constructor(
    readonly failure: ExternalModelFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ExternalModelError';
    this.code = failure === 'not-registered' ? 'not-found' : failure === 'model-changed' || failure === 'not-reproducible' ? 'conflict' : 'failed';
  }
}
