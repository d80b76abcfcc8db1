import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readChecksumManifest, type ChecksumEntry } from './checksum-manifest';
import { DEFAULT_DATA_URL, dataBaseUrl, downloadSeasons, type DownloadProgress } from './download';
import { DownloadError } from './download-error';

const SHARED_DATA = path.resolve(process.cwd(), '../shared/data/football-data');
const fileBytes = (season: string): Buffer => readFileSync(path.join(SHARED_DATA, 'mmz4281', season, 'E0.csv'));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * A real HTTP server over the shared data. The first path segment picks a behaviour:
 * /ok serves files, /flaky answers 500 to the first request of each file, /broken always 500,
 * /hang never answers, /stall sends half the body then stops, /corrupt flips one byte.
 */
let server: Server;
let base: string;
const requests = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    const seen = (requests.get(url) ?? 0) + 1;
    requests.set(url, seen);
    const [, mode, ...rest] = url.split('/');
    const relative = rest.join('/');
    if (!/^mmz4281\/\d{4}\/[A-Z0-9]+\.csv$/.test(relative)) {
      res.writeHead(404).end();
      return;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(SHARED_DATA, relative));
    } catch {
      res.writeHead(404).end();
      return;
    }
    switch (mode) {
      case 'ok':
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': bytes.byteLength }).end(bytes);
        return;
      case 'flaky':
        if (seen === 1) res.writeHead(500).end();
        else res.writeHead(200).end(bytes);
        return;
      case 'broken':
        res.writeHead(500).end();
        return;
      case 'hang':
        return;
      case 'stall':
        res.writeHead(200, { 'content-length': bytes.byteLength });
        res.write(bytes.subarray(0, bytes.byteLength >> 1));
        return;
      case 'corrupt': {
        const copy = Buffer.from(bytes);
        copy[100] = copy[100]! ^ 1;
        res.writeHead(200).end(copy);
        return;
      }
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => requests.clear());

let manifest: ChecksumEntry[];
beforeAll(async () => {
  manifest = await readChecksumManifest(path.join(SHARED_DATA, 'manifest-E0.json'));
});

async function failureOf(promise: Promise<unknown>): Promise<DownloadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DownloadError);
    return error as DownloadError;
  }
  throw new Error('expected the download to fail');
}

describe('downloadSeasons', () => {
  it('downloads each season file, verified against the manifest, reporting progress', async () => {
    const events: DownloadProgress[] = [];
    const files = await downloadSeasons({ baseUrl: `${base}/ok/`, divs: ['E0'], seasons: ['2223', '2324'], manifest, onProgress: (p) => events.push(p) });
    expect(files.map((f) => [f.url, f.season, f.div])).toEqual([
      [`${base}/ok/mmz4281/2223/E0.csv`, '2223', 'E0'],
      [`${base}/ok/mmz4281/2324/E0.csv`, '2324', 'E0'],
    ]);
    expect(Buffer.from(files[1]!.bytes).equals(fileBytes('2324'))).toBe(true);
    expect(files[1]!.sha256).toBe(manifest.find((m) => m.season === '2324')!.sha256);

    const total = fileBytes('2223').byteLength + fileBytes('2324').byteLength;
    expect(events.at(-1)).toEqual({ filesDone: 2, filesTotal: 2, bytesDone: total, url: `${base}/ok/mmz4281/2324/E0.csv` });
    expect(events.some((e) => e.filesDone === 1 && e.bytesDone === fileBytes('2223').byteLength)).toBe(true);
    for (let i = 1; i < events.length; i += 1) {
      expect(events[i]!.filesDone).toBeGreaterThanOrEqual(events[i - 1]!.filesDone);
      expect(events[i]!.bytesDone).toBeGreaterThanOrEqual(events[i - 1]!.bytesDone);
    }
  });

  it('refuses a file whose bytes differ from the manifest', async () => {
    const altered = Buffer.from(fileBytes('2324'));
    altered[100] = altered[100]! ^ 1;
    const known = manifest.find((m) => m.season === '2324')!;
    const error = await failureOf(downloadSeasons({ baseUrl: `${base}/corrupt`, divs: ['E0'], seasons: ['2324'], manifest }));
    expect(error.failure).toBe('checksum-mismatch');
    expect(error.message).toBe(
      `${base}/corrupt/mmz4281/2324/E0.csv: checksum mismatch: the manifest expects ${known.bytes} bytes with sha256 ${known.sha256}, received ${altered.byteLength} bytes with sha256 ${sha256(altered)}`,
    );
  });

  it('accepts any bytes for a file the manifest does not list', async () => {
    const files = await downloadSeasons({ baseUrl: `${base}/corrupt`, divs: ['E0'], seasons: ['2324'], manifest: [] });
    expect(files).toHaveLength(1);
  });

  it('reports a 404 at once, without retrying', async () => {
    const error = await failureOf(downloadSeasons({ baseUrl: `${base}/ok`, divs: ['E0'], seasons: ['2324', '9394'], retries: 3, retryDelayMs: 1 }));
    expect(error.message).toBe(`${base}/ok/mmz4281/9394/E0.csv: HTTP 404 Not Found: the server has no such file (check the season and division)`);
    expect([error.failure, error.status]).toEqual(['not-found', 404]);
    expect(requests.get('/ok/mmz4281/9394/E0.csv')).toBe(1);
  });

  it('retries a 500 and succeeds on the next attempt', async () => {
    const files = await downloadSeasons({ baseUrl: `${base}/flaky`, divs: ['E0'], seasons: ['2324'], manifest, retries: 2, retryDelayMs: 5 });
    expect(files[0]!.sha256).toBe(sha256(fileBytes('2324')));
    expect(requests.get('/flaky/mmz4281/2324/E0.csv')).toBe(2);
  });

  it('gives up after the last retry of a server that keeps failing', async () => {
    const error = await failureOf(downloadSeasons({ baseUrl: `${base}/broken`, divs: ['E0'], seasons: ['2324'], retries: 2, retryDelayMs: 5 }));
    expect(error.message).toBe(`${base}/broken/mmz4281/2324/E0.csv: HTTP 500 Internal Server Error, 3 attempts`);
    expect([error.failure, error.status]).toEqual(['http-status', 500]);
    expect(requests.get('/broken/mmz4281/2324/E0.csv')).toBe(3);
  });

  it('times out a server that never answers, retrying first', async () => {
    const error = await failureOf(downloadSeasons({ baseUrl: `${base}/hang`, divs: ['E0'], seasons: ['2324'], timeoutMs: 150, retries: 1, retryDelayMs: 5 }));
    expect(error.message).toBe(`${base}/hang/mmz4281/2324/E0.csv: no complete response within 150 ms, 2 attempts`);
    expect(error.failure).toBe('timeout');
    expect(requests.get('/hang/mmz4281/2324/E0.csv')).toBe(2);
  });

  it('times out a body that stops halfway', async () => {
    const error = await failureOf(downloadSeasons({ baseUrl: `${base}/stall`, divs: ['E0'], seasons: ['2324'], timeoutMs: 150, retries: 0 }));
    expect(error.message).toBe(`${base}/stall/mmz4281/2324/E0.csv: no complete response within 150 ms, 1 attempt`);
  });

  it('reports a connection that is refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failureOf(downloadSeasons({ baseUrl: `http://127.0.0.1:${port}`, divs: ['E0'], seasons: ['2324'], retries: 1, retryDelayMs: 1 }));
    expect(error.message).toBe(`http://127.0.0.1:${port}/mmz4281/2324/E0.csv: network error (ECONNREFUSED), 2 attempts`);
    expect(error.failure).toBe('network');
  });

  it('stops a hanging transfer when cancelled', async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 50);
    const error = await failureOf(downloadSeasons({ baseUrl: `${base}/hang`, divs: ['E0'], seasons: ['2324'], timeoutMs: 10_000, signal: controller.signal }));
    expect(error.message).toBe(`${base}/hang/mmz4281/2324/E0.csv: download cancelled`);
    expect(error.failure).toBe('cancelled');
    expect(performance.now() - started).toBeLessThan(5_000); // far below the 10 s timeout
  });

  it('stops during the wait before a retry when cancelled', async () => {
    const controller = new AbortController();
    const promise = downloadSeasons({ baseUrl: `${base}/broken`, divs: ['E0'], seasons: ['2324'], retries: 5, retryDelayMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect((await failureOf(promise)).failure).toBe('cancelled');
    expect(requests.get('/broken/mmz4281/2324/E0.csv')).toBe(1);
  });

  it('stops between files when cancelled from a progress event, and sends nothing if already cancelled', async () => {
    const controller = new AbortController();
    const onProgress = (p: DownloadProgress): void => {
      if (p.filesDone === 1) controller.abort();
    };
    const error = await failureOf(downloadSeasons({ baseUrl: `${base}/ok`, divs: ['E0'], seasons: ['2223', '2324'], onProgress, signal: controller.signal }));
    expect(error.message).toBe(`${base}/ok/mmz4281/2324/E0.csv: download cancelled`);
    expect(requests.has('/ok/mmz4281/2324/E0.csv')).toBe(false);
  });
});

describe('dataBaseUrl', () => {
  it('uses EDGELINE_DATA_URL when set, else football-data.co.uk', () => {
    expect(dataBaseUrl({ EDGELINE_DATA_URL: 'http://127.0.0.1:8080/mirror' })).toBe('http://127.0.0.1:8080/mirror');
    expect(dataBaseUrl({ EDGELINE_DATA_URL: ' ' })).toBe(DEFAULT_DATA_URL);
    expect(dataBaseUrl({})).toBe('https://www.football-data.co.uk');
  });
});
