import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { FAST_RUN } from '../season/testing/season-fixture';
import { externalModelLedger, processExists, registerTestModel, scratchDir, waitFor } from './testing/external-model-fixture';

const ledger = externalModelLedger();
afterAll(() => {
  ledger.service.close();
  rmSync(ledger.dir, { recursive: true, force: true });
});

it('a host that shuts down while its job worker waits on a hung model leaves no process behind', async () => {
  const pidFile = path.join(scratchDir('edgeline-orphan-'), 'pid');
  registerTestModel(ledger.modelsFile, 'stuck', ['--mode', 'hang', '--bad-from', '2023-08-01', '--pid-file', pidFile]);
  const run = ledger.service.createRun({ ...FAST_RUN, name: 'orphan', externalModel: { name: 'stuck', timeoutSeconds: 600 } });
  const host = fileURLToPath(new URL('./testing/shutdown-host.ts', import.meta.url));
  const output = execFileSync(process.execPath, ['--import', 'tsx', host, ledger.databaseFile, run.id, pidFile], {
    env: { ...process.env, EDGELINE_USER_DATA: path.dirname(ledger.modelsFile) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(output).toBe('shut down\n');
  const pid = Number(readFileSync(pidFile, 'utf8'));
  expect(pid).toBeGreaterThan(0);
  await waitFor(() => !processExists(pid), 2000);
}, 90_000);
