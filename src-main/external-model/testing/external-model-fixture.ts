import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEdgelineService } from '../../app/edgeline-service-impl';
import type { EdgelineService } from '../../app/edgeline-service';
import { ledgerWithSeasons } from '../../season/testing/season-fixture';
import { addModel } from '../model-registry';

export const TEST_MODEL = fileURLToPath(new URL('./test-model.mjs', import.meta.url));
export const EXAMPLES = fileURLToPath(new URL('../../../examples/models/', import.meta.url));

/** A ledger holding EPL 2021-22 .. 2023-24 and an empty models file, both in a fresh temp folder. */
export function externalModelLedger(): { service: EdgelineService; databaseFile: string; modelsFile: string; dir: string; reopen: () => EdgelineService } {
  const { service: importer, databaseFile, dir } = ledgerWithSeasons(['2122', '2223', '2324']);
  importer.close();
  const modelsFile = path.join(dir, 'user-data', 'models.json');
  const reopen = () => createEdgelineService({ databaseFile, modelsFile });
  return { service: reopen(), databaseFile, modelsFile, dir, reopen };
}

/** Registers the test model under `name` with extra switches (see test-model.mjs). */
export function registerTestModel(modelsFile: string, name: string, switches: readonly string[] = []): void {
  addModel(modelsFile, { name, command: process.execPath, args: [TEST_MODEL, ...switches], cwd: path.dirname(TEST_MODEL) });
}

export function scratchDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Whether a process with this pid still exists (signal 0 only checks). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const fileExists = existsSync;
