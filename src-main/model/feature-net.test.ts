import { describe, expect, it } from 'vitest';
import { predictFeatureNet, trainFeatureNet, type FeatureNetSettings } from './feature-net';
import { mulberry32 } from '../domain/evaluation/seeded-random';

/** A toy problem: x > 0.5 means home, x < -0.5 away, in between draw; y is noise. */
function toyRows(count: number): { inputs: number[][]; labels: (0 | 1 | 2)[] } {
  const random = mulberry32(5);
  const inputs: number[][] = [];
  const labels: (0 | 1 | 2)[] = [];
  for (let i = 0; i < count; i++) {
    const x = 4 * random() - 2;
    inputs.push([x, random()]);
    labels.push(x > 0.5 ? 0 : x < -0.5 ? 2 : 1);
  }
  return { inputs, labels };
}

const logistic: FeatureNetSettings = { hiddenUnits: 0, epochs: 200, learningRate: 0.05, l2: 0.0001 };

describe('trainFeatureNet / predictFeatureNet', () => {
  it('learns an ordered three-way split (logistic regression)', async () => {
    const { inputs, labels } = toyRows(300);
    const weights = await trainFeatureNet(inputs, labels, logistic, 1);
    expect(predictFeatureNet(weights, [1.8, 0.5])[0]).toBeGreaterThan(0.8);
    expect(predictFeatureNet(weights, [-1.8, 0.5])[2]).toBeGreaterThan(0.8);
    const middle = predictFeatureNet(weights, [0, 0.5]);
    expect(middle[1]).toBeGreaterThan(Math.max(middle[0], middle[2]));
  });

  it('gives the same weights for the same rows and seed, with a hidden layer too', async () => {
    const { inputs, labels } = toyRows(120);
    const settings = { ...logistic, hiddenUnits: 4, epochs: 30 };
    const a = await trainFeatureNet(inputs, labels, settings, 9);
    const b = await trainFeatureNet(inputs, labels, settings, 9);
    expect(b).toEqual(a);
    const c = await trainFeatureNet(inputs, labels, settings, 10);
    expect(c.layers[0]!.kernel).not.toEqual(a.layers[0]!.kernel);
  });

  it('standardises a constant feature without dividing by zero', async () => {
    const weights = await trainFeatureNet([[1, 3], [2, 3], [3, 3]], [0, 1, 2], logistic, 1);
    expect(weights.featureScales[1]).toBe(1);
    for (const p of predictFeatureNet(weights, [2, 3])) expect(Number.isFinite(p)).toBe(true);
  });

  it('with the ordered head, learns the ordered split with one score and two cut-points, and predicts what the fit says', async () => {
    const { inputs, labels } = toyRows(300);
    const weights = await trainFeatureNet(inputs, labels, { ...logistic, head: 'ordered' }, 1);
    expect(weights.head).toBe('ordered');
    expect(weights.layers[0]!.kernel).toHaveLength(2);
    expect(weights.layers[0]!.bias).toHaveLength(2);
    expect(predictFeatureNet(weights, [1.8, 0.5])[0]).toBeGreaterThan(0.8);
    expect(predictFeatureNet(weights, [-1.8, 0.5])[2]).toBeGreaterThan(0.8);
    const middle = predictFeatureNet(weights, [0, 0.5]);
    expect(middle[1]).toBeGreaterThan(Math.max(middle[0], middle[2]));
    await expect(trainFeatureNet(inputs, labels, { ...logistic, head: 'ordered', hiddenUnits: 3 }, 1)).rejects.toThrow(
      'trainFeatureNet: the ordered head has no hidden layer, got hiddenUnits 3',
    );
  });

  it('rejects rows and labels that do not pair up', async () => {
    await expect(trainFeatureNet([[1], [2]], [0], logistic, 1)).rejects.toThrow('trainFeatureNet: 2 rows but 1 labels');
    await expect(trainFeatureNet([], [], logistic, 1)).rejects.toThrow('trainFeatureNet: no training rows');
  });
});
