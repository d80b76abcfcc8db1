import type { Scalar, Tensor2D } from '@tensorflow/tfjs';
import { loadTf, type TfBackendName } from './tf-runtime';
import type { Triple } from '../domain/football/outcome';
import { fitOrderedLogit, orderedLogitProbabilities } from './ordered-logit';
import { FitCancelledError } from './fit-control';

/** Fewer rows than this cannot support even the logistic regression's 3 x (features + 1) weights. */
export const MIN_TRAINING_ROWS = 50;

/** Hyper-parameters of the H/D/A classifier on match features. */
export interface FeatureNetSettings {
  /** 0 = multinomial logistic regression; otherwise one tanh hidden layer of this width. */
  readonly hiddenUnits: number;
  readonly epochs: number;
  readonly learningRate: number;
  /** L2 penalty on all weights (not biases), per training row. */
  readonly l2: number;
  /**
   * Output head: 'multinomial' (softmax over H/D/A, the default when absent) or 'ordered' (an
   * ordered logit: one latent score and two cut-points, fitted by Newton's method in plain
   * TypeScript; needs hiddenUnits 0, ignores epochs and learningRate).
   */
  readonly head?: FeatureNetHead;
}

export type FeatureNetHead = 'multinomial' | 'ordered';

/** Trained weights plus the feature standardisation, JSON-serialisable. */
export interface FeatureNetWeights {
  readonly featureMeans: number[];
  readonly featureScales: number[];
  /** [hidden? (inputs x units, units), output (in x 3, 3)] as flat row-major arrays. */
  readonly layers: { readonly kernel: number[]; readonly bias: number[]; readonly inputs: number; readonly outputs: number }[];
  /** Where training ran; an ordered head is fitted in float64 TypeScript, recorded as 'cpu'. */
  readonly backend: TfBackendName;
  readonly finalLoss: number;
  /**
   * Absent = 'multinomial'. 'ordered': one layer with `outputs` 1 (the latent score's
   * coefficients) whose `bias` holds the two cut-points.
   */
  readonly head?: FeatureNetHead;
}

/**
 * Full-batch Adam on the softmax cross-entropy plus L2. Weights start at zero (logistic
 * regression) or from a seeded Glorot draw (hidden layer), and there is no data shuffling, so
 * the same rows, settings and seed give the same weights on the same backend.
 */
export async function trainFeatureNet(
  inputs: readonly number[][],
  labels: readonly (0 | 1 | 2)[],
  settings: FeatureNetSettings,
  seed: number,
  options: { signal?: AbortSignal; shouldStop?: () => boolean; onProgress?: (fraction: number) => void } = {},
): Promise<FeatureNetWeights> {
  if (inputs.length === 0) throw new Error('trainFeatureNet: no training rows');
  if (inputs.length !== labels.length) throw new Error(`trainFeatureNet: ${inputs.length} rows but ${labels.length} labels`);
  const width = inputs[0]!.length;
  const featureMeans = Array.from({ length: width }, (_, j) => inputs.reduce((s, r) => s + r[j]!, 0) / inputs.length);
  const featureScales = featureMeans.map((mean, j) => {
    const variance = inputs.reduce((s, r) => s + (r[j]! - mean) ** 2, 0) / inputs.length;
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  const standardised = inputs.map((r) => r.map((v, j) => (v - featureMeans[j]!) / featureScales[j]!));
  if (settings.head === 'ordered') {
    if (settings.hiddenUnits > 0) throw new Error(`trainFeatureNet: the ordered head has no hidden layer, got hiddenUnits ${settings.hiddenUnits}`);
    const fit = fitOrderedLogit(standardised, labels, settings.l2);
    options.onProgress?.(1);
    return {
      featureMeans,
      featureScales,
      layers: [{ kernel: fit.beta, bias: [...fit.cutpoints], inputs: width, outputs: 1 }],
      backend: 'cpu',
      finalLoss: -fit.meanLogLikelihood,
      head: 'ordered',
    };
  }

  const stopRequested = (): boolean => options.signal?.aborted === true || options.shouldStop?.() === true;
  const { tf, backend } = await loadTf({ shouldStop: stopRequested });
  const x = tf.tensor2d(standardised, [inputs.length, width], 'float32');
  const y = tf.oneHot(tf.tensor1d([...labels], 'int32'), 3).toFloat();
  const shapes = settings.hiddenUnits > 0 ? [[width, settings.hiddenUnits], [settings.hiddenUnits, 3]] : [[width, 3]];
  const kernels = shapes.map(([i, o], k) =>
    tf.variable(
      settings.hiddenUnits > 0 ? tf.randomNormal([i!, o!], 0, Math.sqrt(2 / (i! + o!)), 'float32', seed + k) : tf.zeros([i!, o!]),
    ),
  );
  const biases = shapes.map(([, o]) => tf.variable(tf.zeros([o!])));
  const optimizer = tf.train.adam(settings.learningRate);
  const forward = (input: Tensor2D) => {
    let h: Tensor2D = input;
    kernels.forEach((kernel, k) => {
      h = tf.add(tf.matMul(h, kernel), biases[k]!) as Tensor2D;
      if (k < kernels.length - 1) h = tf.tanh(h);
    });
    return h;
  };
  let finalLoss = Number.NaN;
  try {
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      if (stopRequested()) throw new FitCancelledError();
      const lossTensor = optimizer.minimize(
        () => {
          const crossEntropy = tf.losses.softmaxCrossEntropy(y, forward(x), undefined, 0, tf.Reduction.MEAN);
          // Summed from the first kernel's term, not from a zero scalar: 0 + x is x in float32,
          // so the loss and its gradients are the same bits, with one op and its gradient fewer.
          const squares = kernels.map((k) => tf.sum<Scalar>(tf.square(k)));
          const penalty = squares.slice(1).reduce<Scalar>((s, term) => s.add(term), squares[0]!);
          return crossEntropy.add(penalty.mul(settings.l2)) as Scalar;
        },
        epoch === settings.epochs - 1,
      );
      if (lossTensor) {
        finalLoss = (await lossTensor.data())[0]!;
        lossTensor.dispose();
      }
      if (options.onProgress && epoch % 25 === 0) options.onProgress(epoch / settings.epochs);
    }
    const layers = [];
    for (let k = 0; k < kernels.length; k++) {
      layers.push({
        kernel: Array.from(await kernels[k]!.data()),
        bias: Array.from(await biases[k]!.data()),
        inputs: shapes[k]![0]!,
        outputs: shapes[k]![1]!,
      });
    }
    options.onProgress?.(1);
    return { featureMeans, featureScales, layers, backend, finalLoss };
  } finally {
    x.dispose();
    y.dispose();
    kernels.forEach((k) => k.dispose());
    biases.forEach((b) => b.dispose());
    optimizer.dispose();
  }
}

/**
 * Forward pass in plain TypeScript (synchronous and fast: the simulator prices a week in well
 * under 100 ms); float64 arithmetic on the float32 weights, identical on every platform.
 */
export function predictFeatureNet(weights: FeatureNetWeights, features: readonly number[]): Triple {
  let h = features.map((v, j) => (v - weights.featureMeans[j]!) / weights.featureScales[j]!);
  if (weights.head === 'ordered') {
    const layer = weights.layers[0]!;
    const score = h.reduce((s, v, j) => s + v * layer.kernel[j]!, 0);
    return orderedLogitProbabilities(score, [layer.bias[0]!, layer.bias[1]!]);
  }
  weights.layers.forEach((layer, k) => {
    const out = new Array<number>(layer.outputs).fill(0);
    for (let o = 0; o < layer.outputs; o++) {
      let s = layer.bias[o]!;
      for (let i = 0; i < layer.inputs; i++) s += h[i]! * layer.kernel[i * layer.outputs + o]!;
      out[o] = k < weights.layers.length - 1 ? Math.tanh(s) : s;
    }
    h = out;
  });
  const max = Math.max(...h);
  const e = h.map((v) => Math.exp(v - max));
  const total = e.reduce((s, v) => s + v, 0);
  return [e[0]! / total, e[1]! / total, e[2]! / total];
}
