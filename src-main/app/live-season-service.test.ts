import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFootballDataCsv } from '../ingest/football-data-csv';
import { bettingWeeksOf } from '../domain/football/betting-week';
import { openLedger } from '../ledger/ledger-database';
import { readOpenWeek } from '../ledger/live-run-repository';
import { seasonFile } from '../season/testing/season-fixture';
import { ledgerDump, publishAsOf, startFootballDataSite, type FootballDataSite } from '../season/testing/football-data-site';
import { openBetsOf } from '../season/live-season';
import { createEdgelineService } from './edgeline-service-impl';
import type { EdgelineService } from './edgeline-service';

const WEEKS = bettingWeeksOf(parseFootballDataCsv(new Uint8Array(readFileSync(seasonFile('2324'))), { file: seasonFile('2324') }));
const SETTINGS = { modelKind: 'dixon-coles' as const, trainingSeasons: ['2122', '2223'], strategyName: 'Model', probabilitySource: 'model' as const, priceSource: 'b365' as const, minEdge: 0.03, seed: 7 };

describe('the live season service (This week)', () => {
  let site: FootballDataSite;
  let dir: string;
  let databaseFile: string;
  let service: EdgelineService;
  let runId: string;

  beforeAll(async () => {
    site = await startFootballDataSite();
    dir = mkdtempSync(join(tmpdir(), 'edgeline-live-service-'));
    databaseFile = join(dir, 'ledger.sqlite');
    service = createEdgelineService({ databaseFile, dataBaseUrl: site.url });
  });

  afterAll(async () => {
    service.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers the season today falls in and the configured data source, with no live run yet', () => {
    const overview = service.liveOverview();
    expect(overview.runs).toEqual([]);
    expect(overview.defaultSeason).toMatch(/^\d{4}$/);
    expect(overview.defaultBaseUrl).toBe(site.url);
  });

  it('refuses a first Refresh with nothing to train on, naming the field, before downloading anything', async () => {
    await expect(service.refreshLive({ create: { div: 'E0', season: '2324', settings: {} }, baseUrl: site.url })).rejects.toThrow(
      'Live run settings, trainingSeasons: the ledger has no E0 season before 2324 to train the model on; name the training seasons to download (e.g. 2122-2223) or import earlier seasons on the Data screen.',
    );
    await expect(service.refreshLive({ create: { div: 'E0', season: '2324', settings: { kellyMultiplier: 3 } }, baseUrl: site.url })).rejects.toThrow(
      'Live run settings, kellyMultiplier: Too big: expected number to be <=1',
    );
    await expect(service.refreshLive({ create: { div: 'E0', season: '2324', settings: { trainingSeasons: ['2324'] } }, baseUrl: site.url })).rejects.toThrow(
      'Live run settings, trainingSeasons: The holdout season cannot also be a training season',
    );
    expect(site.requests).toEqual([]);
  });

  it('creates the live run by its first Refresh, opens week 1 and writes its report beside the ledger', async () => {
    publishAsOf(site, WEEKS[0]!);
    const first = await service.refreshLive({ create: { div: 'E0', season: '2324', settings: SETTINGS }, baseUrl: site.url });
    runId = first.outcome.runId;
    expect(first.runName).toBe('Live E0 2324');
    expect(first.outcome).toMatchObject({ settled: [], changed: true, newBets: true, alerts: [] });
    expect(first.notification).toBeNull();
    expect(first.reportFile).toBe(join(dir, 'reports', `week-01-${WEEKS[0]!.start}.html`));
    expect(existsSync(first.reportFile!)).toBe(true);

    const view = service.liveWeek(runId);
    const db = openLedger(databaseFile);
    const ledgerBets = openBetsOf(readOpenWeek(db, runId));
    const importedAt = readOpenWeek(db, runId)!.pricesImportedAt;
    db.close();
    expect(view.openWeek).toMatchObject({ week: 1, weekStart: WEEKS[0]!.start, weekEnd: WEEKS[0]!.end, pricesImportedAt: importedAt });
    expect(view.openWeek!.bets.map((b) => [b.matchId, b.outcome, b.decimalOdds, b.stakeCents])).toEqual(ledgerBets.map((b) => [b.matchId, b.outcome, b.decimalOdds, b.stakeCents]));
    expect(view.openWeek!.stakedCents).toBe(ledgerBets.reduce((s, b) => s + b.stakeCents, 0));
    for (const bet of view.openWeek!.bets) expect(bet.match).toBe(`${bet.homeTeam} v ${bet.awayTeam}`);
    expect(view.lastSettled).toBeNull();
    expect(view.reportFile).toBe(first.reportFile);
    expect(view.run.live).toEqual({ div: 'E0', season: '2324', openWeek: { week: 1, weekStart: WEEKS[0]!.start } });
    expect(service.liveOverview().runs.map((r) => r.run.id)).toEqual([runId]);
  });

  it('refuses a second live run of the same division and season', async () => {
    await expect(service.refreshLive({ create: { div: 'E0', season: '2324', settings: SETTINGS }, baseUrl: site.url })).rejects.toThrow(
      'There is already a live run of E0 2324 ("Live E0 2324"): choose it and Refresh. A live run\'s rules do not change mid-season.',
    );
  });

  it('says plainly that a live run is refreshed, not stepped, played to the end or reset', async () => {
    await expect(service.step(runId)).rejects.toThrow('"Live E0 2324" is a live run: use This week → Refresh to settle its open week and price the next.');
    await expect(service.runToEnd(runId)).rejects.toThrow('"Live E0 2324" is a live run: use This week → Refresh');
    expect(() => service.reset(runId)).toThrow('"Live E0 2324" is a live run: its settled weeks are the bets as they were struck and are never reset.');
  });

  it('changes nothing when refreshed with nothing new', async () => {
    const db = openLedger(databaseFile);
    const before = ledgerDump(db);
    const again = await service.refreshLive({ runId, baseUrl: site.url });
    expect(again.outcome).toMatchObject({ settled: [], changed: false, newBets: false });
    expect(ledgerDump(db)).toBe(before);
    db.close();
  });

  it('keeps the ledger as it was when the download fails, with the URL in the error', async () => {
    const db = openLedger(databaseFile);
    const before = ledgerDump(db);
    publishAsOf(site, WEEKS[1]!);
    site.files.set('/fixtures.csv', { status: 503 });
    await expect(service.refreshLive({ runId, baseUrl: site.url })).rejects.toThrow(`${site.url}/fixtures.csv: HTTP 503`);
    expect(ledgerDump(db)).toBe(before);
    db.close();
  });

  it('settles week 1 and opens week 2 when the results are in, and lists the run as live with its open week', async () => {
    publishAsOf(site, WEEKS[1]!);
    const next = await service.refreshLive({ runId, baseUrl: site.url });
    expect(next.outcome.settled.map((w) => w.week)).toEqual([1]);
    const view = service.liveWeek(runId);
    expect(view.openWeek?.week).toBe(2);
    expect(view.lastSettled).toMatchObject({ week: 1, bankrollEndCents: Math.round(next.outcome.settled[0]!.bankroll * 100) });
    expect(service.listRuns().find((r) => r.id === runId)?.live?.openWeek?.week).toBe(2);
    const report = service.liveReport(runId);
    expect(report).toMatchObject({ fileName: `week-02-${WEEKS[1]!.start}.html`, file: join(dir, 'reports', `week-02-${WEEKS[1]!.start}.html`) });
    expect(report.html).toBe(readFileSync(report.file, 'utf8'));
  });

  it('has no This week view for a replay run', () => {
    const replay = service.createRun({ name: 'replay', div: 'E0', holdoutSeason: '2223', trainingSeasons: ['2122'], modelKind: 'dixon-coles' });
    expect(() => service.liveWeek(replay.id)).toThrow('"replay" replays a season that is over; only a live run has a This week screen.');
    expect(replay.live).toBeUndefined();
  });
});
