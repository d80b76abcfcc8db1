import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../season/testing/season-fixture';
import { addModel } from './model-registry';
import { EXAMPLES } from './testing/external-model-fixture';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../cli/simulate.ts', import.meta.url));

describe('npm run simulate --model external:NAME', () => {
  it('plays a season with the registered Node example, from the models file in EDGELINE_USER_DATA', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgeline-simulate-external-'));
    try {
      const userData = join(dir, 'user-data');
      addModel(join(userData, 'models.json'), { name: 'elo', command: process.execPath, args: ['elo-model.mjs'], cwd: EXAMPLES });
      const slips = join(dir, 'slips.csv');
      const args = ['--db', join(dir, 'ledger.sqlite'), '--season', '2324', '--data', SHARED_DATA, '--training', '2122-2223', '--model', 'external:elo', '--market-informed', '--json', '--export', slips];
      const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, EDGELINE_USER_DATA: userData }, maxBuffer: 16 * 1024 * 1024 });
      const report = JSON.parse(stdout.trim());
      expect(report.weeks).toBeGreaterThanOrEqual(36);
      expect(report.model_source).toBe('external: elo');
      expect(report.provenance).toEqual(['market-informed']);
      expect(report.model.rps).toBeGreaterThan(report.market.rps);
      expect(report.model.rps).toBeLessThan(0.23);
      expect(readFileSync(slips, 'utf8').split('\r\n')[0]).toMatch(/,provenance$/);

      const unknown = run(process.execPath, ['--import', 'tsx', CLI, ...args.slice(0, 4), '--model', 'external:nobody'], { env: { ...process.env, EDGELINE_USER_DATA: userData } });
      await expect(unknown).rejects.toMatchObject({ stderr: expect.stringContaining('simulate: Run settings, externalModel.name: No external model named "nobody"') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
