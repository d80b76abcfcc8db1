import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);

/**
 * Runs in a fresh Node process, since a test process may have loaded TF.js already: a first load
 * asked to stop at its third poll, what it left in the module cache, then a load without control
 * and one asked to stop once TF.js is there (nothing is left to interrupt).
 */
const PROBE = `
  import { createRequire } from 'node:module';
  const { loadTf } = await import(${JSON.stringify(pathToFileURL(join(process.cwd(), 'src-main/model/tf-runtime.ts')).href)});
  const loaded = () => Object.keys(createRequire(process.cwd() + '/').cache)
    .filter((k) => k.includes('@tensorflow'))
    .map((k) => k.split('node_modules/')[1].split('/').slice(0, 2).join('/'));
  let polls = 0;
  const cancelled = await loadTf({ shouldStop: () => ++polls >= 3 }).then(
    () => 'loaded',
    (error) => error.name + ': ' + error.message,
  );
  const afterCancel = [...new Set(loaded())];
  const runtime = await loadTf();
  const again = await loadTf({ shouldStop: () => true }).then((r) => r === runtime, (error) => error.message);
  process.stdout.write(JSON.stringify({ cancelled, polls, afterCancel, backend: runtime.backend, adam: typeof runtime.tf.train.adam, again }));
`;

describe('loadTf', () => {
  it('stops between TensorFlow.js packages when asked, keeps what it loaded, and loads in full on the next call', async () => {
    const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], {
      env: { ...process.env, EDGELINE_TF_BACKEND: 'wasm' },
    });
    const result = JSON.parse(stdout) as { cancelled: string; polls: number; afterCancel: string[]; backend: string; adam: string; again: boolean | string };
    expect(result.cancelled).toBe('AbortError: Cancelled during the model fit');
    expect(result.polls).toBe(3);
    // Two packages were required before the third poll said stop; the 0.3 s bundle was never started.
    expect(result.afterCancel.sort()).toEqual(['@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-core']);
    expect(result.backend).toBe('wasm');
    expect(result.adam).toBe('function');
    expect(result.again).toBe(true);
  }, 60_000);
});
