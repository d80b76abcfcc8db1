import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mkdirSync } from 'node:fs';
import { createEdgelineService } from '../app/edgeline-service-impl';
import { registerHandlers } from '../ipc/register';
import { JobRunner } from '../jobs/job-runner';
import type { EdgelineTask } from '../jobs/edgeline-task';
import type { EdgelineWorkerData } from '../jobs/edgeline-job-worker';
import { startServer } from '../serve';
import { parseServeArgs } from './serve-args';

/**
 * `npm run serve`: the app without Electron. Built, this file is out/main/serve.js next to
 * job-worker.js and ../renderer; run from source (tsx) it uses the .ts worker and out/renderer.
 */
async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const fromSource = import.meta.url.endsWith('.ts');
  const workerUrl = fromSource ? pathToFileURL(path.join(here, '..', 'jobs', 'edgeline-job-worker.ts')) : pathToFileURL(path.join(here, 'job-worker.js'));
  const rendererDir = args.rendererDir ?? (fromSource ? path.resolve('out', 'renderer') : path.join(here, '..', 'renderer'));

  mkdirSync(path.dirname(args.databaseFile), { recursive: true });
  const service = createEdgelineService({ databaseFile: args.databaseFile, dataBaseUrl: args.dataBaseUrl });
  const workerData: EdgelineWorkerData = { databaseFile: args.databaseFile, dataBaseUrl: args.dataBaseUrl };
  const jobs = new JobRunner<EdgelineTask>({ workerUrl, workerData });
  const server = await startServer({ handlers: registerHandlers({ service, jobs }), rendererDir, port: args.port });

  console.log(`Edgeline is serving ${args.databaseFile} at ${server.url}`);

  const shutdown = async (): Promise<void> => {
    await server.close();
    await jobs.close();
    service.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
