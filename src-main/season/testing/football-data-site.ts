import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the site answers for one path: the file, an HTTP status, or the first half of the file and then a dropped connection. */
export type SiteAnswer = Uint8Array | { readonly status: number } | { readonly halfThenDrop: Uint8Array };

/** A real HTTP server on 127.0.0.1 in football-data's layout, whose files a test changes between calls. */
export interface FootballDataSite {
  readonly url: string;
  readonly files: Map<string, SiteAnswer>;
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startFootballDataSite(): Promise<FootballDataSite> {
  const files = new Map<string, SiteAnswer>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const answer = files.get(path);
    if (answer === undefined) {
      response.writeHead(404).end('not found');
    } else if (answer instanceof Uint8Array) {
      response.writeHead(200, { 'content-type': 'text/csv', 'content-length': answer.byteLength }).end(answer);
    } else if ('status' in answer) {
      response.writeHead(answer.status).end();
    } else {
      response.writeHead(200, { 'content-type': 'text/csv', 'content-length': answer.halfThenDrop.byteLength });
      response.write(answer.halfThenDrop.subarray(0, answer.halfThenDrop.byteLength >> 1), () => response.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    files,
    requests,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
