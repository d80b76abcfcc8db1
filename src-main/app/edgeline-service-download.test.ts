import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEdgelineService } from './edgeline-service-impl';
import { seasonFile } from '../season/testing/season-fixture';

/** football-data.co.uk stand-in on 127.0.0.1: serves the shared seasons; 2324 hangs until released. */
describe('EdgelineService.download against a local HTTP server', () => {
  let server: Server;
  let baseUrl: string;
  const held: (() => void)[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const match = /^\/mmz4281\/(\d{4})\/(E0)\.csv$/.exec(request.url ?? '');
      if (!match) return void response.writeHead(404).end('not found');
      const send = () => {
        let bytes: Buffer;
        try {
          bytes = readFileSync(seasonFile(match[1]!));
        } catch {
          return void response.writeHead(404).end('not found');
        }
        response.writeHead(200, { 'content-type': 'text/csv' }).end(bytes);
      };
      if (match[1] === '2324') held.push(send);
      else send();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    held.forEach((release) => release());
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('imports the seasons it finds and names the one that is not published', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgeline-download-'));
    const service = createEdgelineService({ databaseFile: join(dir, 'ledger.sqlite'), dataBaseUrl: baseUrl });
    try {
      const progress: number[] = [];
      const summary = await service.download({ divs: ['E0'], seasons: ['2122', '2425', '2223'] }, { onProgress: (p) => progress.push(p.fraction) });
      expect(summary.files).toBe(2);
      expect(summary.matches).toBe(760);
      expect(summary.failed).toHaveLength(1);
      expect(summary.failed[0]!.file).toBe(`${baseUrl}/mmz4281/2425/E0.csv`);
      expect(summary.failed[0]!.error).toMatch(/404/);
      expect(progress.at(-1)).toBe(1);
      expect(service.dataStatus().seasons.map((s) => s.season)).toEqual(['2122', '2223']);
    } finally {
      service.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the seasons already imported when the download is cancelled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgeline-download-'));
    const service = createEdgelineService({ databaseFile: join(dir, 'ledger.sqlite'), dataBaseUrl: baseUrl });
    try {
      const controller = new AbortController();
      const running = service.download({ divs: ['E0'], seasons: ['2223', '2324'] }, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.message.startsWith('Downloading E0 2324')) setTimeout(() => controller.abort(), 50);
        },
      });
      await expect(running).rejects.toThrow(/2324\/E0\.csv.*cancel/i);
      expect(service.dataStatus()).toMatchObject({ totalMatches: 380, seasons: [{ div: 'E0', season: '2223', matches: 380 }] });
    } finally {
      service.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
