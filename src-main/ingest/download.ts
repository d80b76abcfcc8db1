import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { checksumOf, type ChecksumEntry } from './checksum-manifest';
import { DownloadError } from './download-error';

/** Where season files come from unless the caller or EDGELINE_DATA_URL says otherwise. */
export const DEFAULT_DATA_URL = 'https://www.football-data.co.uk';

/** The base URL to download from: EDGELINE_DATA_URL when set (tests, mirrors), else the website. */
export function dataBaseUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const fromEnv = env.EDGELINE_DATA_URL?.trim();
  return fromEnv === undefined || fromEnv === '' ? DEFAULT_DATA_URL : fromEnv;
}

/**
 * The base URL as given, when it is an http(s) URL; anything else (file:, data:, a bare path)
 * is refused, so no caller of the API can make the app read and echo local files.
 */
export function checkDownloadBaseUrl(baseUrl: string): string {
  let protocol: string;
  try {
    protocol = new URL(baseUrl).protocol;
  } catch {
    throw Object.assign(new Error(`Download source ${JSON.stringify(baseUrl)} is not a URL; expected one like ${DEFAULT_DATA_URL}`), { code: 'invalid-input' });
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw Object.assign(new Error(`Download source ${JSON.stringify(baseUrl)}: only http and https URLs are downloaded from; import a local folder with Import folder in the desktop app`), {
      code: 'invalid-input',
    });
  }
  return baseUrl;
}

/** URL of one season file in the website layout. */
export function seasonFileUrl(baseUrl: string, season: string, div: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/mmz4281/${season}/${div}.csv`;
}

export interface DownloadProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  /** Bytes received so far over all files, including the one in progress. */
  readonly bytesDone: number;
  /** The file being received or just finished. */
  readonly url: string;
}

export interface DownloadSeasonsOptions {
  /** Defaults to {@link dataBaseUrl}(): EDGELINE_DATA_URL or https://www.football-data.co.uk. */
  readonly baseUrl?: string;
  readonly divs: readonly string[];
  readonly seasons: readonly string[];
  /** Limit for each request, from sending it to the last byte of the body (default 30 s). */
  readonly timeoutMs?: number;
  /** Further attempts after a 5xx, a timeout or a network error (default 3; 404 is never retried). */
  readonly retries?: number;
  /** Wait before the first retry; doubled for each further one (default 500 ms). */
  readonly retryDelayMs?: number;
  /** Known checksums: a file the manifest lists must match it byte for byte. */
  readonly manifest?: readonly ChecksumEntry[];
  readonly onProgress?: (progress: DownloadProgress) => void;
  readonly signal?: AbortSignal;
}

export interface DownloadedFile {
  readonly url: string;
  readonly season: string;
  readonly div: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/**
 * Download each season file of each division (seasons outer, divisions inner, one request at a
 * time to be polite to a free data source). Retries 5xx answers, timeouts and network errors
 * with exponential backoff, verifies files the manifest knows, and stops at the first file that
 * still fails, throwing a {@link DownloadError} that names its URL. Aborting `signal` stops
 * the transfer in progress and any backoff wait.
 */
export async function downloadSeasons(options: DownloadSeasonsOptions): Promise<DownloadedFile[]> {
  const baseUrl = checkDownloadBaseUrl(options.baseUrl ?? dataBaseUrl());
  const targets = options.seasons.flatMap((season) => options.divs.map((div) => ({ season, div, url: seasonFileUrl(baseUrl, season, div) })));
  const downloaded: DownloadedFile[] = [];
  let bytesBefore = 0;
  for (const target of targets) {
    const report = (bytesOfFile: number, filesDone: number): void =>
      options.onProgress?.({ filesDone, filesTotal: targets.length, bytesDone: bytesBefore + bytesOfFile, url: target.url });
    const bytes = await fetchWithRetries(target.url, options, (received) => report(received, downloaded.length));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const known = options.manifest === undefined ? undefined : checksumOf(options.manifest, target.season, target.div);
    if (known !== undefined && (known.sha256 !== sha256 || known.bytes !== bytes.byteLength)) {
      throw new DownloadError(
        target.url,
        'checksum-mismatch',
        `checksum mismatch: the manifest expects ${known.bytes} bytes with sha256 ${known.sha256}, received ${bytes.byteLength} bytes with sha256 ${sha256}`,
      );
    }
    downloaded.push({ ...target, bytes, sha256 });
    bytesBefore += bytes.byteLength;
    report(0, downloaded.length);
  }
  return downloaded;
}

async function fetchWithRetries(url: string, options: DownloadSeasonsOptions, onBytes: (received: number) => void): Promise<Uint8Array> {
  const retries = options.retries ?? 3;
  const delayMs = options.retryDelayMs ?? 500;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetchOnce(url, options.timeoutMs ?? 30_000, options.signal, onBytes);
    } catch (error) {
      if (!(error instanceof RetryableFailure)) throw error;
      if (attempt > retries) throw error.toDownloadError(attempt);
      await sleep(delayMs * 2 ** (attempt - 1), url, options.signal);
    }
  }
}

/** A failure worth another attempt; becomes a DownloadError that says how many were made. */
class RetryableFailure extends Error {
  constructor(
    readonly toDownloadError: (attempts: number) => DownloadError,
  ) {
    super('retryable download failure');
  }
}

const attemptsText = (n: number): string => `${n} attempt${n === 1 ? '' : 's'}`;

async function fetchOnce(url: string, timeoutMs: number, signal: AbortSignal | undefined, onBytes: (received: number) => void): Promise<Uint8Array> {
  if (signal?.aborted) throw new DownloadError(url, 'cancelled', 'download cancelled');
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);

  const interrupted = (error: unknown): Error => {
    if (signal?.aborted) return new DownloadError(url, 'cancelled', 'download cancelled', { cause: error });
    if (timeout.aborted) return new RetryableFailure((n) => new DownloadError(url, 'timeout', `no complete response within ${timeoutMs} ms, ${attemptsText(n)}`, { cause: error }));
    const reason = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    const detail = reason?.code ?? reason?.message ?? (error as Error).message;
    return new RetryableFailure((n) => new DownloadError(url, 'network', `network error (${detail}), ${attemptsText(n)}`, { cause: error }));
  };

  let response: Response;
  try {
    response = await fetch(url, { signal: combined });
  } catch (error) {
    throw interrupted(error);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const status = `HTTP ${response.status} ${response.statusText}`.trim();
    if (response.status === 404 || response.status === 410) {
      throw new DownloadError(url, 'not-found', `${status}: the server has no such file (check the season and division)`, { status: response.status });
    }
    if (response.status >= 500 || response.status === 429) {
      throw new RetryableFailure((n) => new DownloadError(url, 'http-status', `${status}, ${attemptsText(n)}`, { status: response.status }));
    }
    throw new DownloadError(url, 'http-status', status, { status: response.status });
  }
  return await readBody(response, onBytes).catch((error: unknown) => {
    throw interrupted(error);
  });
}

async function readBody(response: Response, onBytes: (received: number) => void): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onBytes(received);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function sleep(ms: number, url: string, signal: AbortSignal | undefined): Promise<void> {
  try {
    await delay(ms, undefined, signal === undefined ? {} : { signal });
  } catch (error) {
    throw new DownloadError(url, 'cancelled', 'download cancelled', { cause: error });
  }
}

/**
 * One file by URL (football-data's `fixtures.csv`), with the same timeout, retries, backoff and
 * cancel as the season files, and the same {@link DownloadError} naming the URL on failure.
 */
export function downloadFile(url: string, options: Pick<DownloadSeasonsOptions, 'timeoutMs' | 'retries' | 'retryDelayMs' | 'signal'> = {}): Promise<Uint8Array> {
  return fetchWithRetries(url, { ...options, divs: [], seasons: [] }, () => undefined);
}
