import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm run bench:import-stall [-- <repo root>]`: how long another API call waits while a large
 * upload imports. Starts the headless server as `npm run serve` does (real service, real job
 * worker, real HTTP on 127.0.0.1), uploads the 19 shared EPL seasons three times in one
 * data:import-files call (about 12 MB of base64), and meanwhile calls data:status every 10 ms,
 * printing the longest and the median answer time. Pass another checkout's root to measure its code.
 */
const root = path.resolve(process.argv[2] ?? '.');
const shared = path.resolve(root, '../shared/data/football-data/mmz4281');
const { createEdgelineService } = (await import(`${root}/src-main/app/edgeline-service-impl.ts`)) as typeof import('../app/edgeline-service-impl');
const { registerHandlers } = (await import(`${root}/src-main/ipc/register.ts`)) as typeof import('../ipc/register');
const { JobRunner } = (await import(`${root}/src-main/jobs/job-runner.ts`)) as typeof import('../jobs/job-runner');
const { startServer, TOKEN_HEADER } = (await import(`${root}/src-main/serve.ts`)) as typeof import('../serve');

const dir = mkdtempSync(path.join(tmpdir(), 'edgeline-bench-stall-'));
writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
const databaseFile = path.join(dir, 'ledger.sqlite');
const service = createEdgelineService({ databaseFile });
const jobs = new JobRunner({ workerUrl: pathToFileURL(path.join(root, 'src-main/jobs/edgeline-job-worker.ts')), workerData: { databaseFile } });
const server = await startServer({ handlers: registerHandlers({ service, jobs }), rendererDir: dir });
const call = (channel: string, body: unknown) =>
  fetch(`http://127.0.0.1:${server.port}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token }, body: JSON.stringify(body) });

try {
  await call('data:status', {});
  const seasons = Array.from({ length: 19 }, (_, i) => `${String(5 + i).padStart(2, '0')}${String(6 + i).padStart(2, '0')}`);
  const files = [0, 1, 2].flatMap((copy) => seasons.map((s) => ({ name: `copy${copy}/${s}/E0.csv`, bytesBase64: readFileSync(path.join(shared, s, 'E0.csv')).toString('base64') })));
  const latencies: number[] = [];
  let importing = true;
  const poll = (async () => {
    while (importing) {
      const t0 = performance.now();
      await (await call('data:status', {})).json();
      latencies.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const t0 = performance.now();
  const result = (await (await call('data:import-files', { files })).json()) as { ok: boolean; value?: { files: number; matches: number } };
  const importSeconds = (performance.now() - t0) / 1000;
  importing = false;
  await poll;
  latencies.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      code: root,
      uploadedFiles: files.length,
      imported: result.ok ? result.value : result,
      importSeconds: Number(importSeconds.toFixed(2)),
      statusCalls: latencies.length,
      longestStallMs: Math.round(latencies.at(-1) ?? 0),
      medianMs: Math.round(latencies[Math.floor(latencies.length / 2)] ?? 0),
      load1m: Number(loadavg()[0]!.toFixed(2)),
    }),
  );
} finally {
  await server.close();
  await jobs.close();
  service.close();
  rmSync(dir, { recursive: true, force: true });
}
