import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createEdgelineService } from '../app/edgeline-service-impl';
import { seasonRange } from '../ingest/season-range';
import { seasonReportJson, seasonReportText } from '../season/season-report-text';
import type { RunSettingsInput } from '../season/run-settings';

const USAGE = `Usage: npm run simulate -- --db <file> --season 2324 [--div E0] [--data <dir|url>] [--training 0506-2223]
  [--model ensemble|dixon-coles|feature-net] [--margin power|shin|basic|...] [--price b365|pinnacle|avg|best]
  [--staking independent|multi-outcome|joint-log-growth] [--kelly 0.25] [--min-edge 0.05] [--bankroll 10000]
  [--retrain-every 4] [--seed 42] [--name NAME] [--json] [--export slips.csv] [--excel-bom]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        db: { type: 'string' }, season: { type: 'string' }, div: { type: 'string', default: 'E0' }, data: { type: 'string' },
        training: { type: 'string' }, model: { type: 'string' }, margin: { type: 'string' }, price: { type: 'string' },
        staking: { type: 'string' }, kelly: { type: 'string' }, 'min-edge': { type: 'string' }, bankroll: { type: 'string' },
        'retrain-every': { type: 'string' }, seed: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean', default: false },
        export: { type: 'string' }, 'excel-bom': { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (!values.db) fail('--db is required');
  if (!values.season) fail('--season is required');
  const number = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n)) fail(`--${flag} must be a number, got "${text}"`);
    return n;
  };

  const service = createEdgelineService({ databaseFile: values.db });
  try {
    const present = service.dataStatus().seasons.some((s) => s.div === values.div && s.season === values.season);
    if (!present) {
      if (!values.data) fail(`${values.db} has no ${values.div} ${values.season} matches: import them first or pass --data <dir|url>`);
      const seasons = seasonRange(`0506-${values.season}`);
      const summary = /^https?:/.test(values.data)
        ? await service.download({ baseUrl: values.data, divs: [values.div], seasons })
        : service.importPaths([values.data]);
      if (!values.json) process.stderr.write(`Imported ${summary.matches} matches from ${summary.files} files\n`);
    }
    const bankroll = number('bankroll', values.bankroll);
    const settings: RunSettingsInput = {
      name: values.name ?? `${values.div} ${values.season} (cli)`,
      div: values.div,
      holdoutSeason: values.season,
      ...(values.training ? { trainingSeasons: seasonRange(values.training) } : {}),
      ...(values.model ? { modelKind: values.model as RunSettingsInput['modelKind'] } : {}),
      ...(values.margin ? { marginMethod: values.margin as RunSettingsInput['marginMethod'] } : {}),
      ...(values.price ? { priceSource: values.price as RunSettingsInput['priceSource'] } : {}),
      ...(values.staking ? { stakingMode: values.staking as RunSettingsInput['stakingMode'] } : {}),
      ...(values.kelly ? { kellyMultiplier: number('kelly', values.kelly) } : {}),
      ...(values['min-edge'] ? { minEdge: number('min-edge', values['min-edge']) } : {}),
      ...(bankroll !== undefined ? { startingBankrollCents: Math.round(bankroll * 100) } : {}),
      ...(values['retrain-every'] ? { retrainEveryWeeks: number('retrain-every', values['retrain-every']) } : {}),
      ...(values.seed ? { seed: number('seed', values.seed) } : {}),
    };
    const run = service.createRun(settings);
    await service.runToEnd(run.id, {
      onProgress: (p) => {
        if (!values.json) process.stderr.write(`\r${p.message}`.padEnd(60));
      },
    });
    if (!values.json) process.stderr.write('\n');
    const report = seasonReportJson(service.dashboard(run.id));
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${seasonReportText(report)}\n`);
    if (values.export) {
      writeFileSync(values.export, service.exportSlips(run.id, { excelBom: values['excel-bom'] }).csv);
      if (!values.json) process.stdout.write(`Bet slips written to ${values.export}\n`);
    }
  } finally {
    service.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`simulate: ${(error as Error).message}\n`);
  process.exit(1);
});
