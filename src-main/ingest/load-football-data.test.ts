import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFootballData, seasonFileLocation } from './load-football-data';
import { seasonRange } from './season-range';

const SHARED_DATA = path.resolve(process.cwd(), '../shared/data/football-data');
const manifest = JSON.parse(readFileSync(path.join(SHARED_DATA, 'manifest-E0.json'), 'utf8')) as { season: string; div: string; bytes: number; sha256: string; rows: number }[];

describe('loadFootballData on the 19 real EPL seasons', () => {
  it('reads every file of the manifest unchanged, with its row count', async () => {
    const seasons = seasonRange('0506-2324');
    expect(manifest.map((f) => f.season)).toEqual(seasons);
    const matches = await loadFootballData({ from: SHARED_DATA, div: 'E0', seasons });
    expect(matches).toHaveLength(7220); // 19 seasons x 380
    for (const entry of manifest) {
      const bytes = readFileSync(seasonFileLocation(SHARED_DATA, entry.season, entry.div));
      expect(bytes.byteLength).toBe(entry.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
      expect(matches.filter((m) => m.season === entry.season)).toHaveLength(entry.rows);
    }
    expect(new Set(matches.map((m) => m.id)).size).toBe(7220);
  });

  it('returns matches sorted by date, then kick-off, then id', async () => {
    const matches = await loadFootballData({ from: SHARED_DATA, div: 'E0', seasons: ['2324'] });
    const keys = matches.map((m) => `${m.date} ${m.kickoff ?? ''} ${m.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(matches[0]).toMatchObject({ homeTeam: 'Burnley', awayTeam: 'Man City', date: '2023-08-11', kickoff: '20:00', homeGoals: 0, awayGoals: 3, result: 'A' });
    expect(matches[0]?.odds.b365).toEqual([8, 5.5, 1.33]);
  });

  it('reads a 2005-06 row from dd/mm/yy with no kick-off', async () => {
    const [first] = await loadFootballData({ from: path.join(SHARED_DATA, 'mmz4281'), div: 'E0', seasons: ['0506'] });
    // First line of 0506/E0.csv: E0,13/08/05,Aston Villa,Bolton,2,2,D,2,2,D,M Riley,3,13,2,6,...,B365H 2.3
    expect(first).toMatchObject({ id: 'E0-0506-aston-villa-bolton-1', date: '2005-08-13', kickoff: null, homeGoals: 2, awayGoals: 2, result: 'D', homeShots: 3, awayShotsOnTarget: 6 });
    expect(first?.odds).toEqual({ b365: [2.3, 3.25, 3], avg: [2.2, 3.16, 3.05], max: [2.4, 3.3, 3.4] });
  });

  it('carries the odds groups each era has', async () => {
    const matches = await loadFootballData({ from: SHARED_DATA, div: 'E0', seasons: ['1112', '1213', '1920'] });
    const groups = (season: string) => new Set(matches.filter((m) => m.season === season).map((m) => Object.keys(m.odds).sort().join(',')));
    expect(groups('1112')).toEqual(new Set(['avg,b365,max']));
    expect(groups('1213')).toEqual(new Set(['avg,b365,max,pinnacle,pinnacleClose']));
    expect(groups('1920')).toEqual(new Set(['avg,avgClose,b365,b365Close,max,maxClose,pinnacle,pinnacleClose']));
  });

  it('names the missing file', async () => {
    const missing = path.join(SHARED_DATA, 'mmz4281', '9394', 'E0.csv');
    await expect(loadFootballData({ from: SHARED_DATA, div: 'E0', seasons: ['9394'] })).rejects.toThrow(`${missing}: no such file (expected the football-data layout <from>/mmz4281/<season>/<div>.csv)`);
  });

  it('downloads from an http base URL in the website layout', async () => {
    const server = createServer((req, res) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path.join(SHARED_DATA, (req.url ?? '').replace(/^\/mirror\//, '')));
      } catch {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200).end(bytes);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const from = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mirror`;
      const matches = await loadFootballData({ from, div: 'E0', seasons: ['2324'] });
      expect(matches).toHaveLength(380);
      await expect(loadFootballData({ from, div: 'E0', seasons: ['9394'] })).rejects.toThrow(`${from}/mmz4281/9394/E0.csv: HTTP 404 Not Found`);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
