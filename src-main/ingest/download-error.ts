import { CodedError } from '../ipc/result';

/**
 * Why a download failed, for the UI to switch on: `not-found` (HTTP 404/410: wrong season or
 * division, not worth retrying), `http-status` (other non-2xx after retries), `timeout`,
 * `network` (connection refused, reset, DNS), `checksum-mismatch` (bytes differ from the
 * manifest), `cancelled` (the caller's AbortSignal fired).
 */
export type DownloadFailure = 'not-found' | 'http-status' | 'timeout' | 'network' | 'checksum-mismatch' | 'cancelled';

export class DownloadError extends CodedError {
  readonly url: string;
  readonly failure: DownloadFailure;
  /** HTTP status for `not-found` and `http-status`. */
  readonly status: number | null;

  constructor(url: string, failure: DownloadFailure, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(failure === 'cancelled' ? 'cancelled' : failure === 'not-found' ? 'not-found' : 'failed', `${url}: ${message}`, { cause: options.cause });
    this.name = 'DownloadError';
    this.url = url;
    this.failure = failure;
    this.status = options.status ?? null;
  }
}
