import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEdgelineService } from '../app/edgeline-service-impl';
import type { EdgelineService } from '../app/edgeline-service';
import { mulberry32 } from '../domain/evaluation/seeded-random';
import { openLedger } from '../ledger/ledger-database';
import { readRunModels } from '../ledger/run-repository';
import { FAST_RUN, ledgerWithSeasons } from './testing/season-fixture';

const PLAYER = fileURLToPath(new URL('./testing/play-run-to-end.ts', import.meta.url));

/** Starts the player process and SIGKILLs it after it has reported `weeks` played weeks. */
function playAndKill(databaseFile: string, runId: string, weeks: number): Promise<void> {
  return new Promise((resolveKill, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', PLAYER, databaseFile, runId], { stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString().split('\n').filter((l) => l.startsWith('Played week')).length;
      if (seen >= weeks) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' || code === 0 ? resolveKill() : reject(new Error(`player exited ${code}: ${stderr}`))));
  });
}

describe('a run killed at any moment resumes to exactly the uninterrupted ledger', () => {
  let reference: { service: EdgelineService; databaseFile: string; dir: string };
  let referenceRunId: string;
  let expected: string;

  beforeAll(async () => {
    reference = ledgerWithSeasons(['2122', '2223', '2324']);
    referenceRunId = reference.service.createRun(FAST_RUN).id;
    await reference.service.runToEnd(referenceRunId);
    expected = reference.service.exportSlips(referenceRunId, { excelBom: false }).csv;
  });

  afterAll(() => {
    reference.service.close();
    rmSync(reference.dir, { recursive: true, force: true });
  });

  for (const seed of [1, 2, 3]) {
    it(`resumes after a kill at a random week (seed ${seed})`, async () => {
      const random = mulberry32(seed);
      const ledger = ledgerWithSeasons(['2122', '2223', '2324']);
      const runId = ledger.service.createRun(FAST_RUN).id;
      ledger.service.close();
      const copy = ledger.databaseFile;

      const total = reference.service.getRun(referenceRunId).weekCount;
      // The kill lands after the reported week, often while the next week is being computed.
      const killAfter = 1 + Math.floor(random() * (total / 2));
      await playAndKill(copy, runId, killAfter);

      const resumed = createEdgelineService({ databaseFile: copy });
      const before = resumed.getRun(runId).weeksPlayed;
      expect(before).toBeGreaterThanOrEqual(killAfter);
      expect(before).toBeLessThan(total);
      await resumed.runToEnd(runId);
      expect(resumed.exportSlips(runId, { excelBom: false }).csv).toBe(expected);
      const run = resumed.getRun(runId);
      expect(run.bankrollCents).toBe(reference.service.getRun(referenceRunId).bankrollCents);
      resumed.close();
      // A model version is stored in the same transaction as the week that fitted it: no orphans.
      const db = openLedger(copy);
      const stored = db.prepare('SELECT COUNT(*) AS n FROM models WHERE run_id = ?').get(runId) as { n: number };
      expect(stored.n).toBe(readRunModels(db, runId).length);
      db.close();
      rmSync(ledger.dir, { recursive: true, force: true });
    });
  }
});
