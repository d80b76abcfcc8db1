import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { LedgerDatabase } from '../../ledger/ledger-database';
import type { BettingWeek } from '../../domain/football/betting-week';
import { seasonFile } from './season-fixture';
import { fixturesCsvOf, resultsCsvOf } from './live-data';

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

/** Every row the ledger holds, table by table, timestamps included: equal dumps mean a call changed nothing. */
export function ledgerDump(db: LedgerDatabase): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
}

/** The site as it stood when `week` was the next to be played. */
export function publishAsOf(site: FootballDataSite, week: BettingWeek): void {
  const season = new Uint8Array(readFileSync(seasonFile('2324')));
  site.files.set('/mmz4281/2122/E0.csv', new Uint8Array(readFileSync(seasonFile('2122'))));
  site.files.set('/mmz4281/2223/E0.csv', new Uint8Array(readFileSync(seasonFile('2223'))));
  if (week.index > 1) site.files.set('/mmz4281/2324/E0.csv', resultsCsvOf(season, (r) => r.date < week.start));
  site.files.set('/fixtures.csv', fixturesCsvOf(season, (r) => r.date >= week.start && r.date <= week.end));
}

