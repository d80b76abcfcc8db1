import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/data/football-data, resolved from this file so the tests run from any working directory. */
export const SHARED_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'football-data');

export interface DataServer {
  /** Base URL in football-data.co.uk's layout: <url>/mmz4281/<season>/<div>.csv */
  readonly url: string;
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * A real HTTP server over the shared football-data folder, standing in for football-data.co.uk.
 * `holdSeasons`: requests for these seasons never get an answer (a stalled transfer to cancel).
 */
export async function startDataServer(options: { readonly holdSeasons?: readonly string[] } = {}): Promise<DataServer> {
  const requests: string[] = [];
  const stalled = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    requests.push(pathname);
    if (options.holdSeasons?.some((season) => pathname.includes(`/${season}/`))) {
      stalled.add(response);
      return;
    }
    const file = path.resolve(SHARED_DATA_DIR, `.${pathname}`);
    const info = file.startsWith(SHARED_DATA_DIR + path.sep) ? statSafe(file) : null;
    if (info === null || !info.isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/csv', 'content-length': info.size });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        stalled.forEach((response) => response.destroy());
        server.close(() => resolve());
      }),
  };
}

function statSafe(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
