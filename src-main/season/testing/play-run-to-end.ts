import { createEdgelineService } from '../../app/edgeline-service-impl';

/**
 * A separate process that plays a run to its end, for the resume test: the test kills it at a
 * random moment and checks that reopening the ledger finishes the run with the same result.
 * Usage: node --import tsx play-run-to-end.ts <database file> <run id>
 */
const [databaseFile, runId] = process.argv.slice(2);
if (!databaseFile || !runId) {
  process.stderr.write('usage: play-run-to-end.ts <database file> <run id>\n');
  process.exit(2);
}
const service = createEdgelineService({ databaseFile });
await service.runToEnd(runId, { onProgress: (p) => process.stdout.write(`${p.message}\n`) });
service.close();
