import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEdgelineService } from '../app/edgeline-service-impl';
import { openLedger } from '../ledger/ledger-database';
import { findRun } from '../ledger/run-repository';
import { matchesOf } from '../ledger/match-repository';
import { SeasonEngine } from '../season/season-engine';
import { externalModelStore } from '../external-model/external-model-store';
import { addModel, describeModelChange, findModel, modelIdentityOf } from '../external-model/model-registry';
import { seasonFile } from '../season/testing/season-fixture';
import { seasonRange } from '../ingest/season-range';

/**
 * `npm run bench:external`: what the external-model protocol costs over a 2023-24 season.
 * Plays the season with the Python example and with a trivial Node model (test-model.mjs, whose
 * compute is negligible) through the real protocol, and prints the wall time inside train and
 * predict, the compute the model itself reports, and the difference: the protocol's overhead
 * (files, pipes, JSON, validation, state hashing), apart from the interpreter start-up. Then the dashboard time of the
 * Python run next to a built-in Dixon-Coles run's.
 */
const root = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
const dir = mkdtempSync(path.join(tmpdir(), 'edgeline-bench-external-'));
const databaseFile = path.join(dir, 'ledger.sqlite');
const modelsFile = path.join(dir, 'models.json');
const service = createEdgelineService({ databaseFile, modelsFile });
const seasons = seasonRange('0506-2324');
service.importFiles(seasons.map((s) => ({ name: seasonFile(s), bytes: new Uint8Array(readFileSync(seasonFile(s))) })));
// pyenv and similar shims are scripts that take seconds to start an interpreter; time the interpreter.
const python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
addModel(modelsFile, { name: 'poisson', command: python, args: ['poisson_model.py'], cwd: path.join(root, 'examples', 'models') });
addModel(modelsFile, { name: 'trivial', command: process.execPath, args: ['test-model.mjs'], cwd: path.join(root, 'src-main', 'external-model', 'testing') });

const db = openLedger(databaseFile);
const matches = matchesOf(db, { div: 'E0' });
const byId = new Map(matches.map((m) => [m.id, m]));

async function playExternal(name: string) {
  const summary = service.createRun({ name: `bench ${name}`, div: 'E0', holdoutSeason: '2324', externalModel: { name } });
  const run = findRun(db, summary.id)!;
  const registered = findModel(modelsFile, name);
  const store = externalModelStore(db, run.id, {
    command: registered,
    identity: modelIdentityOf(registered),
    currentIdentity: () => modelIdentityOf(findModel(modelsFile, name)),
    describeChange: (was, now) => describeModelChange(name, was, now),
    marketInformed: false,
    timeoutMs: 120_000,
    seed: 42,
    matchesById: byId,
  });
  const started = performance.now();
  const engine = SeasonEngine.open(db, run, matches, store);
  await engine.runToEnd();
  const seasonMs = performance.now() - started;
  const t = store.timings();
  await store.dispose();
  return { name, weeks: engine.weeksPlayed, ...t, seasonMs, overheadMs: t.wallMs - t.startMs - t.modelComputeMs, runId: run.id };
}

function dashboardMs(runId: string): number {
  const started = performance.now();
  service.dashboard(runId);
  return performance.now() - started;
}

const load = loadavg()[0]!.toFixed(2);
const pythonRun = await playExternal('poisson');
const trivial = await playExternal('trivial');
const builtIn = service.createRun({ name: 'bench dixon-coles', div: 'E0', holdoutSeason: '2324', modelKind: 'dixon-coles' });
const builtInStarted = performance.now();
await service.runToEnd(builtIn.id);
const builtInSeasonMs = performance.now() - builtInStarted;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
for (const r of [pythonRun, trivial]) {
  console.log(
    `${r.name}: ${r.weeks} weeks, ${r.trains} trains, ${r.predicts} predicts, ${r.starts} start(s); season ${s(r.seasonMs)}; ` +
      `inside train+predict ${s(r.wallMs)}: start-up ${s(r.startMs)}, model's own compute ${s(r.modelComputeMs)}, protocol overhead ${s(r.overheadMs)} (request-to-answer ${s(r.callMs)})`,
  );
}
console.log(`built-in dixon-coles: season ${s(builtInSeasonMs)}`);
console.log(`dashboard: python run ${dashboardMs(pythonRun.runId).toFixed(0)} ms, built-in run ${dashboardMs(builtIn.id).toFixed(0)} ms (second call each: ${dashboardMs(pythonRun.runId).toFixed(0)} / ${dashboardMs(builtIn.id).toFixed(0)} ms)`);
console.log(`load average at start ${load}, now ${loadavg()[0]!.toFixed(2)}`);
db.close();
service.close();
rmSync(dir, { recursive: true, force: true });
