import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import season2324Csv from '../../../../shared/data/football-data/mmz4281/2324/E0.csv?raw';
import type { Outcome, Triple } from '../football/outcome';
import { removeMargin } from '../betting/margin-removal';
import {
  accuracy,
  brierScore,
  logLoss,
  matchBrierScore,
  matchLogLoss,
  matchRankedProbabilityScore,
  predictedOutcome,
  rankedProbabilityScore,
  scoreMatch,
} from './scoring-rules';

const forecast = fc
  .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .filter(([a, b, c]) => a + b + c > 0.01)
  .map(([a, b, c]): Triple => {
    const total = a + b + c;
    return [a / total, b / total, c / total];
  });
const outcome = fc.constantFrom<Outcome>('H', 'D', 'A');

describe('per-match scores worked by hand', () => {
  it('Brier: (0.5,0.3,0.2) when the home side wins', () => {
    // (0.5-1)^2 + 0.3^2 + 0.2^2 = 0.25 + 0.09 + 0.04 = 0.38
    expect(matchBrierScore([0.5, 0.3, 0.2], 'H')).toBeCloseTo(0.38, 15);
  });

  it('RPS: (0.5,0.3,0.2) when the away side wins', () => {
    // cumulative p = 0.5, 0.8; cumulative y = 0, 0 -> (0.25 + 0.64) / 2 = 0.445
    expect(matchRankedProbabilityScore([0.5, 0.3, 0.2], 'A')).toBeCloseTo(0.445, 15);
  });

  it('RPS rewards a near miss more than Brier does: a draw scores better than an away win after a home-leaning forecast', () => {
    // draw: cum y = 0, 1 -> (0.5^2 + 0.2^2)/2 = (0.25 + 0.04)/2 = 0.145
    expect(matchRankedProbabilityScore([0.5, 0.3, 0.2], 'D')).toBeCloseTo(0.145, 15);
    expect(matchRankedProbabilityScore([0.5, 0.3, 0.2], 'D')).toBeLessThan(matchRankedProbabilityScore([0.5, 0.3, 0.2], 'A'));
  });

  it('log loss: -ln 0.3 for a draw at 0.3, and the 1e-15 clip for a certain miss', () => {
    expect(matchLogLoss([0.5, 0.3, 0.2], 'D')).toBeCloseTo(1.2039728043259361, 15);
    // -ln(1e-15) = 15 ln 10 = 34.538776...
    expect(matchLogLoss([1, 0, 0], 'A')).toBeCloseTo(34.538776394910684, 12);
  });

  it('picks the most likely outcome, breaking ties in H, D, A order', () => {
    expect(predictedOutcome([0.3, 0.3, 0.4])).toBe('A');
    expect(predictedOutcome([0.4, 0.4, 0.2])).toBe('H');
    expect(predictedOutcome([0.3, 0.4, 0.3])).toBe('D');
  });
});

describe('mean scores', () => {
  it('average the per-match values over two matches', () => {
    const forecasts: Triple[] = [
      [0.5, 0.3, 0.2],
      [0.2, 0.3, 0.5],
    ];
    const results: Outcome[] = ['H', 'H'];
    // Brier: 0.38 and (0.8^2 + 0.09 + 0.25) = 0.98 -> 0.68
    expect(brierScore(forecasts, results)).toBeCloseTo(0.68, 15);
    // RPS: (0.25 + 0.04)/2 = 0.145 and (0.64 + 0.25)/2 = 0.445 -> 0.295
    expect(rankedProbabilityScore(forecasts, results)).toBeCloseTo(0.295, 15);
    // log loss: (-ln 0.5 - ln 0.2)/2 = (0.693147 + 1.609438)/2 = 1.151293
    expect(logLoss(forecasts, results)).toBeCloseTo((Math.log(2) + Math.log(5)) / 2, 15);
    expect(accuracy(forecasts, results)).toBe(0.5);
  });

  it('score a perfect forecast 0 on Brier, RPS and log loss and 1 on accuracy', () => {
    fc.assert(
      fc.property(fc.array(outcome, { minLength: 1, maxLength: 30 }), (results) => {
        const perfect = results.map((r): Triple => (r === 'H' ? [1, 0, 0] : r === 'D' ? [0, 1, 0] : [0, 0, 1]));
        return brierScore(perfect, results) === 0 && rankedProbabilityScore(perfect, results) === 0 && logLoss(perfect, results) === 0 && accuracy(perfect, results) === 1;
      }),
    );
  });

  it('keep Brier in [0, 2] and RPS in [0, 1] and never rank a certain miss better than any other forecast', () => {
    fc.assert(
      fc.property(forecast, outcome, (p, result) => {
        const brier = matchBrierScore(p, result);
        const rps = matchRankedProbabilityScore(p, result);
        const worst: Triple = result === 'A' ? [1, 0, 0] : [0, 0, 1];
        return brier >= 0 && brier <= 2 + 1e-12 && rps >= 0 && rps <= 1 + 1e-12 && matchRankedProbabilityScore(worst, result) >= rps - 1e-12;
      }),
    );
  });

  it('are proper: the expected Brier score under q is lowest when forecasting q itself', () => {
    fc.assert(
      fc.property(forecast, forecast, (q, p) => {
        const expected = (f: Triple) => q[0] * matchBrierScore(f, 'H') + q[1] * matchBrierScore(f, 'D') + q[2] * matchBrierScore(f, 'A');
        return expected(q) <= expected(p) + 1e-12;
      }),
    );
  });

  it('reproduce the DESIGN.md benchmark: Bet365 2023-24 normalised gives RPS 0.1839 and Brier 0.5331', () => {
    const [header, ...lines] = season2324Csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const columns = header!.split(',');
    const at = (name: string) => columns.indexOf(name);
    const forecasts: Triple[] = [];
    const results: Outcome[] = [];
    for (const line of lines) {
      const cells = line.split(',');
      const result = cells[at('FTR')];
      if (result !== 'H' && result !== 'D' && result !== 'A') continue;
      const p = removeMargin([Number(cells[at('B365H')]), Number(cells[at('B365D')]), Number(cells[at('B365A')])], 'basic').probabilities;
      forecasts.push([p[0]!, p[1]!, p[2]!]);
      results.push(result);
    }
    expect(forecasts).toHaveLength(380);
    expect(rankedProbabilityScore(forecasts, results).toFixed(4)).toBe('0.1839');
    expect(brierScore(forecasts, results).toFixed(4)).toBe('0.5331');
  });
});

describe('scoring rules reject bad input', () => {
  it('names the match whose forecast is not a distribution', () => {
    expect(() => brierScore([[0.5, 0.3, 0.2], [0.5, 0.5, 0.5]], ['H', 'A'])).toThrow('probabilities must sum to 1 (within 0.000001), got 1.5 at match 1');
    expect(() => logLoss([[0.5, Number.NaN, 0.5]], ['H'])).toThrow('probability must be a number in [0, 1], got NaN at match 0');
    expect(() => rankedProbabilityScore([[1.2, -0.2, 0]], ['H'])).toThrow('probability must be a number in [0, 1], got 1.2 at match 0');
    expect(() => scoreMatch([0.5, 0.5] as unknown as Triple, 'H')).toThrow('forecast must have 3 probabilities (H, D, A), got 2 at match 0');
  });

  it('names a bad result and mismatched lengths', () => {
    expect(() => accuracy([[0.5, 0.3, 0.2]], ['X' as Outcome])).toThrow('result must be H, D or A, got "X" at match 0');
    expect(() => brierScore([[0.5, 0.3, 0.2]], [])).toThrow('forecasts and results differ in length: 1 forecasts, 0 results');
  });

  it('refuses to average nothing', () => {
    expect(() => brierScore([], [])).toThrow('cannot score an empty list of forecasts');
  });

  it('accepts float32 rounding in a model forecast', () => {
    expect(brierScore([[0.5000004, 0.3, 0.2]], ['H'])).toBeCloseTo(0.38, 5);
  });
});
