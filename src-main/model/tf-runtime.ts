import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type TfBackendName = 'tensorflow' | 'wasm' | 'cpu';

let ready: Promise<TfBackendName> | null = null;

/**
 * Picks the fastest TF.js backend available in this Node process, once: the native
 * `@tensorflow/tfjs-node` binding if it happens to be installed (optional), else the WASM backend
 * with its .wasm files served from the installed package, else the pure-JS 'cpu' backend.
 * Results are deterministic within one backend, not across backends, so the chosen name is
 * recorded in every snapshot. EDGELINE_TF_BACKEND=cpu|wasm forces one (tests, comparisons).
 */
export function tfReady(): Promise<TfBackendName> {
  ready ??= chooseBackend();
  return ready;
}

async function chooseBackend(): Promise<TfBackendName> {
  const forced = process.env['EDGELINE_TF_BACKEND'];
  if (forced !== undefined && forced !== 'cpu' && forced !== 'wasm') {
    throw new Error(`EDGELINE_TF_BACKEND must be "cpu" or "wasm", got ${JSON.stringify(forced)}`);
  }
  if (forced === undefined) {
    try {
      const nodeBinding = '@tensorflow/tfjs-node';
      await import(/* @vite-ignore */ nodeBinding);
      if (await tf.setBackend('tensorflow')) return 'tensorflow';
    } catch {
      // not installed: the optional native binding is only a speed-up
    }
  }
  if (forced !== 'cpu') {
    try {
      const require = createRequire(import.meta.url);
      const packageDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
      setWasmPaths(`${path.join(packageDir, 'dist')}${path.sep}`);
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        return 'wasm';
      }
    } catch {
      // fall through to the always-available JS backend
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}

export { tf };
