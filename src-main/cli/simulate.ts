import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createEdgelineService } from '../app/edgeline-service-impl';
import type { EdgelineService } from '../app/edgeline-service';
import { seasonRange } from '../ingest/season-range';
import { seasonReportJson, seasonReportText } from '../season/season-report-text';
import type { RunSettingsInput } from '../season/run-settings';
import { onLedgerWait, waitingForLedgerMessage } from '../ledger/write-transaction';

const USAGE = `Usage: npm run simulate -- --db <file> --season 2324 [--div E0] [--data <dir|url>] [--training 0506-2223]
  [--model ensemble|dixon-coles|feature-net|external:NAME] [--market-informed] [--model-timeout 60] [--predictions FILE.csv] [--margin power|shin|basic|...] [--price b365|pinnacle|avg|best]
  [--staking independent|multi-outcome|joint-log-growth] [--kelly 0.25] [--min-edge 0.05] [--bankroll 10000]
  [--retrain-every 4] [--seed 42] [--name NAME] [--json] [--export slips.csv] [--excel-bom]
       npm run simulate -- --db <file> --run <id> [--json] [--export slips.csv] [--excel-bom]   continue (or report) an existing run
       npm run simulate -- --db <file> --list [--json]                                        list the runs in the ledger`;

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
        export: { type: 'string' }, 'excel-bom': { type: 'boolean', default: false }, run: { type: 'string' }, list: { type: 'boolean', default: false },
        'market-informed': { type: 'boolean', default: false }, 'model-timeout': { type: 'string' }, predictions: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (!values.db) fail('--db is required');
  if (values.list && values.run) fail('--list and --run cannot be combined');
  if (!values.season && !values.run && !values.list) fail('--season is required (or --run <id> to continue a run, --list to see them)');
  if ((values.run || values.list) && values.season) fail(`--season cannot be combined with ${values.run ? '--run' : '--list'}: a run keeps its own settings`);
  const number = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n)) fail(`--${flag} must be a number, got "${text}"`);
    return n;
  };

  const output: RunOutput = { json: values.json, export: values.export, excelBom: values['excel-bom'] };
  const service = createEdgelineService({ databaseFile: values.db });
  // Another program importing into the same ledger makes a write wait; say so instead of looking stuck.
  const stopWaitReports = onLedgerWait((wait) => {
    if (!values.json) process.stderr.write(`\r${waitingForLedgerMessage(wait)}`.padEnd(60));
  });
  try {
    if (values.list) {
      const runs = service.listRuns().map((r) => ({ id: r.id, name: r.name, status: r.status, weeksPlayed: r.weeksPlayed, weekCount: r.weekCount, createdAt: r.createdAt }));
      process.stdout.write(values.json ? `${JSON.stringify(runs)}\n` : `${runs.map((r) => `${r.id}  ${r.name}  ${r.weeksPlayed}/${r.weekCount} weeks  ${r.status}`).join('\n') || 'No runs yet'}\n`);
      return;
    }
    if (values.run) {
      await finishRun(service, values.run, output);
      return;
    }
    const season = values.season!;
    const present = service.dataStatus().seasons.some((s) => s.div === values.div && s.season === season);
    if (!present) {
      if (!values.data) fail(`${values.db} has no ${values.div} ${season} matches: import them first or pass --data <dir|url>`);
      const seasons = seasonRange(`0506-${season}`);
      const summary = /^https?:/.test(values.data)
        ? await service.download({ baseUrl: values.data, divs: [values.div], seasons })
        : await service.importPaths([values.data]);
      if (!values.json) process.stderr.write(`Imported ${summary.matches} matches from ${summary.files} files\n`);
    }
    const bankroll = number('bankroll', values.bankroll);
    const externalName = values.model?.startsWith('external:') ? values.model.slice('external:'.length) : undefined;
    if (externalName === undefined && (values['market-informed'] || values['model-timeout'] !== undefined)) fail('--market-informed and --model-timeout apply to --model external:NAME only');
    const timeout = number('model-timeout', values['model-timeout']);
    const settings: RunSettingsInput = {
      name: values.name ?? `${values.div} ${season} (cli)`,
      div: values.div,
      holdoutSeason: season,
      ...(values.training ? { trainingSeasons: seasonRange(values.training) } : {}),
      ...(externalName !== undefined
        ? { externalModel: { name: externalName, marketInformed: values['market-informed'], ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}) } }
        : values.model
          ? { modelKind: values.model as RunSettingsInput['modelKind'] }
          : {}),
      ...(values.margin ? { marginMethod: values.margin as RunSettingsInput['marginMethod'] } : {}),
      ...(values.price ? { priceSource: values.price as RunSettingsInput['priceSource'] } : {}),
      ...(values.staking ? { stakingMode: values.staking as RunSettingsInput['stakingMode'] } : {}),
      ...(values.kelly ? { kellyMultiplier: number('kelly', values.kelly) } : {}),
      ...(values['min-edge'] ? { minEdge: number('min-edge', values['min-edge']) } : {}),
      ...(bankroll !== undefined ? { startingBankrollCents: Math.round(bankroll * 100) } : {}),
      ...(values['retrain-every'] ? { retrainEveryWeeks: number('retrain-every', values['retrain-every']) } : {}),
      ...(values.seed ? { seed: number('seed', values.seed) } : {}),
    };
    const run = service.createRun(settings, values.predictions ? { predictionsCsv: { fileName: values.predictions, text: readFileSync(values.predictions, 'utf8') } } : {});
    if (!values.json) process.stderr.write(`Run ${run.id} (continue it with --run ${run.id} if interrupted)\n`);
    await finishRun(service, run.id, output);
  } finally {
    stopWaitReports();
    service.close();
  }

}

interface RunOutput {
  readonly json: boolean;
  readonly export: string | undefined;
  readonly excelBom: boolean;
}

/** Plays the run's remaining weeks (none for a finished one), then prints and exports as for a new run. */
async function finishRun(service: EdgelineService, runId: string, output: RunOutput): Promise<void> {
  const before = service.getRun(runId);
  if (!output.json && before.weeksPlayed > 0) process.stderr.write(`Continuing "${before.name}" after week ${before.weeksPlayed} of ${before.weekCount}\n`);
  await service.runToEnd(runId, {
    onProgress: (p) => {
      if (!output.json) process.stderr.write(`\r${p.message}`.padEnd(60));
    },
  });
  if (!output.json) process.stderr.write('\n');
  const report = seasonReportJson(service.dashboard(runId));
  process.stdout.write(output.json ? `${JSON.stringify(report)}\n` : `${seasonReportText(report)}\n`);
  if (output.export) {
    writeFileSync(output.export, service.exportSlips(runId, { excelBom: output.excelBom }).csv);
    if (!output.json) process.stdout.write(`Bet slips written to ${output.export}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`simulate: ${(error as Error).message}\n`);
  process.exit(1);
});
