import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TfNamespace from '@tensorflow/tfjs';
import { stopIfAsked, type FitControl } from './fit-control';

export type TfBackendName = 'tensorflow' | 'wasm' | 'cpu';
export type Tf = typeof TfNamespace;

/** TensorFlow.js with its backend chosen and ready. */
export interface TfRuntime {
  readonly tf: Tf;
  readonly backend: TfBackendName;
}

let ready: Promise<TfRuntime> | null = null;

/**
 * The CommonJS packages `@tensorflow/tfjs` requires, in its own order, resolved from where it is
 * installed. Required one at a time before it, they let a fit poll its cancel flag between them
 * (the longest, tfjs-core, is 80-190 ms); all at once they were one block.
 */
const TF_PARTS = [
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-converter',
  '@tensorflow/tfjs-data',
  '@tensorflow/tfjs-backend-webgl',
] as const;

/**
 * Loads TensorFlow.js on first use and picks the fastest backend available in this Node process,
 * once: the native `@tensorflow/tfjs-node` binding if it happens to be installed (optional), else
 * the WASM backend with its .wasm files served from the installed package, else the pure-JS 'cpu'
 * backend. Only training the multinomial feature net uses it: restoring and pricing with any model
 * is plain TypeScript, so `weekly` with a Dixon-Coles or ensemble run never loads it.
 * Results are deterministic within one backend, not across backends, so the chosen name is
 * recorded in every snapshot. EDGELINE_TF_BACKEND=cpu|wasm forces one (tests, comparisons).
 *
 * TF.js is CommonJS and is `require`d, not `import`ed: an `import()` of a CommonJS file makes
 * Node scan its source for export names first, which for the 1.3 MB `tf.node.js` alone took about
 * 0.3 s (0.5-0.8 s for the whole load in the job worker, where a Cancel clicked at the end of the
 * feature-net's feature rows waited 285 ms to 1.3 s for it); required, the whole load is ~0.25 s.
 *
 * With `control`, the first load polls `shouldStop` between TF.js's packages and ends with a
 * FitCancelledError when asked to; what was loaded stays loaded for the next call.
 */
export function loadTf(control: FitControl = {}): Promise<TfRuntime> {
  if (ready === null && control.shouldStop !== undefined) {
    try {
      const fromTfjs = createRequire(createRequire(import.meta.url).resolve('@tensorflow/tfjs'));
      for (const part of TF_PARTS) {
        stopIfAsked(control);
        tryRequire(fromTfjs, part);
      }
      stopIfAsked(control);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
  ready ??= start();
  return ready;
}

/** A part that moved or went in a later TF.js is simply left to the bundle's own require. */
function tryRequire(require: NodeJS.Require, id: string): void {
  try {
    require(id);
  } catch {
    // the require of @tensorflow/tfjs that follows loads or reports it
  }
}

/** The backend TF.js trains on, loading TF.js if it is not loaded yet. */
export async function tfReady(): Promise<TfBackendName> {
  return (await loadTf()).backend;
}

async function start(): Promise<TfRuntime> {
  const forced = process.env['EDGELINE_TF_BACKEND'];
  if (forced !== undefined && forced !== 'cpu' && forced !== 'wasm') {
    throw new Error(`EDGELINE_TF_BACKEND must be "cpu" or "wasm", got ${JSON.stringify(forced)}`);
  }
  const require = createRequire(import.meta.url);
  const tf = require('@tensorflow/tfjs') as Tf;
  return { tf, backend: await chooseBackend(tf, forced, require) };
}

async function chooseBackend(tf: Tf, forced: 'cpu' | 'wasm' | undefined, require: NodeJS.Require): Promise<TfBackendName> {
  if (forced === undefined) {
    try {
      require('@tensorflow/tfjs-node');
      if (await tf.setBackend('tensorflow')) return 'tensorflow';
    } catch {
      // not installed: the optional native binding is only a speed-up
    }
  }
  if (forced !== 'cpu') {
    try {
      const { setWasmPaths } = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
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
