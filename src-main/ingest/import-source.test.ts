import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../ledger/ledger-database';
import { seasonsAvailable } from '../ledger/match-repository';
import { importFromSource } from './import-source';
import { EMPTY_IMPORT_SUMMARY } from './import-service';

const SHARED_DATA = path.resolve(process.cwd(), '../shared/data/football-data');

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(SHARED_DATA, (req.url ?? '').replace(/^\/+/, '')));
    } catch {
      res.writeHead(404, 'Not Found').end();
      return;
    }
    res.writeHead(200).end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('importFromSource', () => {
  it('downloads and imports seasons from a URL, listing the ones the server lacks', async () => {
    const db = openLedger(':memory:');
    const summary = await importFromSource(db, { from: base, div: 'E0', seasons: ['2223', '9394', '2324'], retries: 0 });
    expect(summary).toEqual({
      ...EMPTY_IMPORT_SUMMARY,
      files: 2,
      matches: 760,
      added: 760,
      seasons: ['2223', '2324'].map((season) => ({ file: `${base}/mmz4281/${season}/E0.csv`, div: 'E0', season, replaced: false, added: 380, changed: 0, unchanged: 0, removed: 0 })),
      failed: [{ file: `${base}/mmz4281/9394/E0.csv`, error: `${base}/mmz4281/9394/E0.csv: HTTP 404 Not Found: the server has no such file (check the season and division)` }],
    });
    expect(seasonsAvailable(db).map((s) => s.season)).toEqual(['2223', '2324']);
    db.close();
  });

  it('throws when cancelled instead of reporting a partial batch', async () => {
    const db = openLedger(':memory:');
    const controller = new AbortController();
    controller.abort();
    await expect(importFromSource(db, { from: base, div: 'E0', seasons: ['2324'], signal: controller.signal })).rejects.toThrow(`${base}/mmz4281/2324/E0.csv: download cancelled`);
    db.close();
  });

  it('asks for seasons when importing from a URL', async () => {
    const db = openLedger(':memory:');
    await expect(importFromSource(db, { from: base, div: 'E0' })).rejects.toThrow(`Import from ${base}: seasons are required when importing from a URL`);
    db.close();
  });

  it('reads a local season file only up to the size limit, and refuses it naming the file', async () => {
    const db = openLedger(':memory:');
    const summary = await importFromSource(db, { from: SHARED_DATA, div: 'E0', seasons: ['2324'], maxFileBytes: 64 * 1024 });
    const file = path.join(SHARED_DATA, 'mmz4281', '2324', 'E0.csv');
    expect(summary.failed).toEqual([
      { file, error: `${file}: expected a season file of at most 0.1 MB (football-data files are under 1 MB; raise the size limit if this one is genuine), found more than 0.1 MB` },
    ]);
    db.close();
  });
});
