import { existsSync, readFileSync } from 'node:fs';
import { createEdgelineService } from '../../app/edgeline-service-impl';
import { JobRunner } from '../../jobs/job-runner';
import type { EdgelineTask } from '../../jobs/edgeline-task';

/**
 * The headless host's shutdown (cli/serve.ts) in miniature, for the orphan test: a run is played
 * in the job worker, its model hangs, and the host shuts down the way `serve` does on SIGTERM:
 * jobs.close() (the worker is terminated, running no cleanup), service.close(), process.exit.
 * argv: databaseFile runId pidFile. EDGELINE_USER_DATA names the models folder.
 */
const [databaseFile, runId, pidFile] = process.argv.slice(2) as [string, string, string];
const service = createEdgelineService({ databaseFile });
const jobs = new JobRunner<EdgelineTask>({ workerUrl: new URL('../../jobs/edgeline-job-worker.ts', import.meta.url), workerData: { databaseFile } });
jobs.start({ kind: 'run-to-end', runId }, `run:${runId}`);
const started = Date.now();
const timer = setInterval(() => {
  if (existsSync(pidFile) && readFileSync(pidFile, 'utf8') !== '') {
    clearInterval(timer);
    // Let the worker's report of the child reach the main thread before shutting down.
    setTimeout(() => {
      void jobs.close().then(() => {
        service.close();
        process.stdout.write('shut down\n');
        process.exit(0);
      });
    }, 500);
  } else if (Date.now() - started > 20_000) {
    process.stdout.write('the model never started\n');
    process.exit(1);
  }
}, 20);
