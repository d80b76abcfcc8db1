import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEdgelineService } from '../app/edgeline-service-impl';
import { seasonRange } from '../ingest/season-range';
import { openLedger } from '../ledger/ledger-database';
import { readBets } from '../ledger/run-repository';
import { bootstrapRoiInterval, closingLineValue } from '../domain/evaluation/performance-metrics';
import { isSettled } from '../domain/season/week-bet';
import { runSettingsSchema, type RunSettings, type RunSettingsInput } from '../season/run-settings';
import { rmsCalibrationErrorOfBins } from '../domain/evaluation/calibration-error';
import { NAMED_STRATEGY_IDS, namedStrategySettings, strategyOf, type NamedStrategyId, type StrategySettings } from '../season/strategy-settings';
import type { DashboardView } from '../season/season-views';

const USAGE = `Usage: npm run backtest -- --div E0 --seasons 1920-2324 [--strategy ${NAMED_STRATEGY_IDS.join('|')}|<file.json>]
  [--data <dir|url>] [--model dixon-coles|ensemble|feature-net] [--db <ledger.sqlite>] [--json]
  --db keeps the runs and the search log in that ledger, so "configuration k of n" counts every earlier try.`;

/** The same bootstrap the reports use. */
const BOOTSTRAP = { resamples: 10_000, level: 0.95 } as const;

function fail(message: string): never {
  process.stderr.write(`backtest: ${message}\n${USAGE}\n`);
  process.exit(2);
}

interface Scores {
  readonly brier: number | null;
  readonly rps: number | null;
}

interface BacktestRow {
  readonly season: string;
  readonly bets: number;
  readonly roi: number | null;
  readonly roiCi: readonly [number, number] | null;
  /** Mean closing-line value against the Pinnacle fair close (average close where missing), as a fraction. */
  readonly clv: number | null;
  readonly beatCloseShare: number | null;
  readonly model: Scores & { readonly logLoss: number | null; readonly matches: number };
  readonly market: Scores;
  /**
   * Where this configuration stands in the ledger's search log for the season: the k-th of n
   * configurations tried, the one-sided p of ROI > 0 and that p deflated (Šidák) for n tries.
   * Null on the pooled row (the log counts tries per season) and when the season is not logged.
   */
  readonly searchLog: { readonly k: number; readonly n: number; readonly pValue: number | null; readonly deflatedP: number | null } | null;
  /**
   * What the season's run measured on the seasons before it, before its first week: the fitted
   * pool weight and the starting calibration error of calibration-shrunk Kelly. Null when the
   * strategy measures nothing (fixed weight, plain Kelly) and on the pooled row.
   */
  readonly priorSeasonFit: {
    readonly seasons: readonly string[];
    readonly matches: number;
    readonly poolWeight: { readonly weight: number; readonly unconstrainedWeight: number; readonly standardError: number } | null;
    readonly calibrationError: number | null;
  } | null;
}

/** A strategy by name, or a JSON file of run-settings strategy fields (any left out keep the default strategy's). */
function strategySettingsOf(spec: string | undefined): Partial<StrategySettings> {
  if (spec === undefined) return {};
  if ((NAMED_STRATEGY_IDS as readonly string[]).includes(spec)) return namedStrategySettings(spec as NamedStrategyId);
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch {
    fail(`--strategy "${spec}" is neither a strategy name (${NAMED_STRATEGY_IDS.join(', ')}) nor a readable file`);
  }
  try {
    return JSON.parse(text) as Partial<StrategySettings>;
  } catch (error) {
    fail(`--strategy file ${spec} is not valid JSON: ${(error as Error).message}`);
  }
}

function rowOf(season: string, view: DashboardView, fit: RunSettings['priorSeasonFit']): BacktestRow {
  const k = view.kpis;
  const s = view.scores;
  return {
    season,
    bets: k.bets,
    roi: k.roi,
    roiCi: k.roiInterval,
    clv: k.clv?.mean ?? null,
    beatCloseShare: k.clv?.beatCloseShare ?? null,
    model: { brier: s.modelBrier, rps: s.modelRps, logLoss: s.modelLogLoss, matches: s.matches },
    market: { brier: s.marketBrier, rps: s.marketRps },
    searchLog: view.search && { k: view.search.configuration, n: view.search.of, pValue: view.search.pValue, deflatedP: view.search.deflatedPValue },
    priorSeasonFit:
      fit === undefined
        ? null
        : { seasons: fit.seasons, matches: fit.matches, poolWeight: fit.poolWeight, calibrationError: fit.calibration === null ? null : rmsCalibrationErrorOfBins(fit.calibration) },
  };
}

/** Match-weighted mean of per-season means: the mean over every match of the seasons. */
function pooledMean(rows: readonly BacktestRow[], pick: (r: BacktestRow) => number | null): number | null {
  if (rows.some((r) => pick(r) === null)) return null;
  const matches = rows.reduce((n, r) => n + r.model.matches, 0);
  return rows.reduce((sum, r) => sum + pick(r)! * r.model.matches, 0) / matches;
}

const pct = (x: number | null, digits = 1): string => (x === null ? 'n/a' : `${(x * 100).toFixed(digits)}%`);
const num = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(4));

function textOf(rows: readonly BacktestRow[], pooled: BacktestRow, strategyLine: string): string {
  const header = ['season', 'bets', 'ROI [95% CI]', 'CLV', 'beat close', 'model RPS', 'market RPS'];
  const line = (r: BacktestRow) => [
    r.season,
    String(r.bets),
    `${pct(r.roi)} ${r.roiCi ? `[${pct(r.roiCi[0])}, ${pct(r.roiCi[1])}]` : ''}`.trim(),
    pct(r.clv, 2),
    pct(r.beatCloseShare),
    num(r.model.rps),
    num(r.market.rps),
  ];
  const table = [header, ...rows.map(line), line(pooled)];
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  return [strategyLine, 'CLV against the Pinnacle fair close (average close where Pinnacle has none).', ...table.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  '))].join('\n');
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        div: { type: 'string', default: 'E0' }, seasons: { type: 'string' }, strategy: { type: 'string' }, data: { type: 'string' },
        model: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (!values.seasons) fail('--seasons is required, e.g. 1920-2324');
  let seasons: string[];
  try {
    seasons = seasonRange(values.seasons);
  } catch (error) {
    fail((error as Error).message);
  }
  const strategy = strategySettingsOf(values.strategy);
  const dir = values.db === undefined ? mkdtempSync(join(tmpdir(), 'edgeline-backtest-')) : null;
  const databaseFile = values.db ?? join(dir!, 'ledger.sqlite');
  const searchLines: string[] = [];
  const service = createEdgelineService({ databaseFile });
  const runIds: string[] = [];
  const rows: BacktestRow[] = [];
  let settingsShown: RunSettingsInput | null = null;
  try {
    const earliest = `0506-${seasons.at(-1)!}`;
    const present = new Set(service.dataStatus().seasons.filter((s) => s.div === values.div).map((s) => s.season));
    const summary = values.data === undefined && seasons.every((s) => present.has(s))
      ? { matches: 0, files: 0 }
      : values.data === undefined
      ? await service.download({ divs: [values.div], seasons: seasonRange(earliest) })
      : /^https?:/.test(values.data)
        ? await service.download({ baseUrl: values.data, divs: [values.div], seasons: seasonRange(earliest) })
        : await service.importPaths([values.data]);
    if (!values.json) process.stderr.write(`Imported ${summary.matches} matches from ${summary.files} files\n`);
    for (const season of seasons) {
      const settings: RunSettingsInput = {
        name: `backtest ${values.div} ${season}`,
        div: values.div,
        holdoutSeason: season,
        ...(values.model ? { modelKind: values.model as RunSettingsInput['modelKind'] } : {}),
        ...strategy,
      };
      const parsed = runSettingsSchema.safeParse(settings);
      if (!parsed.success) fail(`the strategy's settings are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      settingsShown ??= settings;
      const run = service.createRun(settings);
      runIds.push(run.id);
      await service.runToEnd(run.id, { onProgress: (p) => { if (!values.json) process.stderr.write(`\r${season}: ${p.message}`.padEnd(60)); } });
      const view = service.dashboard(run.id);
      rows.push(rowOf(season, view, service.getRun(run.id).settings.priorSeasonFit));
      searchLines.push(`${season}: ${view.search?.sentence ?? 'not in the search log'}`);
      if (view.run.settings.priorSeasonFit !== undefined) searchLines.push(`${season}: probabilities ${view.strategy.probabilities}; staking ${view.strategy.staking}`);
    }
    if (!values.json) process.stderr.write('\n');
  } finally {
    service.close();
  }

  // Pooled over every bet of every season: read back from the ledger the runs were played into.
  const db = openLedger(databaseFile);
  let pooled: BacktestRow;
  try {
    const bets = runIds.flatMap((id) => readBets(db, id, { book: 'active', stakedOnly: true })).filter(isSettled);
    const staked = bets.reduce((s, b) => s + b.stakeCents, 0);
    const interval = bootstrapRoiInterval(bets, { ...BOOTSTRAP, seed: runSettingsSchema.parse(settingsShown!).seed });
    const clv = closingLineValue(bets);
    pooled = {
      season: 'pooled',
      bets: bets.length,
      roi: staked > 0 ? bets.reduce((s, b) => s + b.profitCents, 0) / staked : null,
      roiCi: interval ? [interval.lower, interval.upper] : null,
      clv: clv?.mean ?? null,
      beatCloseShare: clv?.beatCloseShare ?? null,
      model: { brier: pooledMean(rows, (r) => r.model.brier), rps: pooledMean(rows, (r) => r.model.rps), logLoss: pooledMean(rows, (r) => r.model.logLoss), matches: rows.reduce((n, r) => n + r.model.matches, 0) },
      market: { brier: pooledMean(rows, (r) => r.market.brier), rps: pooledMean(rows, (r) => r.market.rps) },
      searchLog: null,
      priorSeasonFit: null,
    };
  } finally {
    db.close();
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
  }
  const played = strategyOf(runSettingsSchema.parse(settingsShown!));
  const strategyJson = { ...played, filters: { ...played.filters, maxCredibleEdge: Number.isFinite(played.filters.maxCredibleEdge) ? played.filters.maxCredibleEdge : null } };
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ seasons: rows, pooled, strategy: strategyJson })}\n`);
  } else {
    process.stdout.write(`${textOf(rows, pooled, `Strategy: ${played.name} (${JSON.stringify(strategyJson)})`)}\n${searchLines.join('\n')}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`backtest: ${(error as Error).message}\n`);
  process.exit(1);
});
