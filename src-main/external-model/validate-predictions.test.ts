import { describe, expect, it } from 'vitest';
import type { Fixture } from '../model/fixture';
import { parseAnswerLine } from './protocol';
import { validatePredictions } from './validate-predictions';

const fixture = (id: string, homeTeam: string, awayTeam: string): Fixture => ({
  id, div: 'E0', season: '2324', date: '2023-08-12', kickoff: '15:00', homeTeam, awayTeam, homeTeamId: homeTeam.toLowerCase(), awayTeamId: awayTeam.toLowerCase(),
});
const week = [fixture('a', 'Arsenal', 'Forest'), fixture('b', 'Everton', 'Fulham')];
const good = (id: string, pH = 0.5, pD = 0.3, pA = 0.2) => ({ id, pH, pD, pA });

describe('validatePredictions', () => {
  it('returns the triples in fixture order, whatever order the model answered in', () => {
    expect(validatePredictions(week, [good('b', 0.4, 0.3, 0.3), good('a')])).toEqual([[0.5, 0.3, 0.2], [0.4, 0.3, 0.3]]);
  });

  it('accepts a sum off by rounding (1e-7) and probabilities of exactly 0 and 1', () => {
    expect(validatePredictions(week, [good('a', 1, 0, 0), good('b', 0.3333333, 0.3333333, 0.3333333)])).toHaveLength(2);
  });

  it.each([
    ['a missing fixture', [good('a')], '1 predictions for 2 fixtures: 1 not priced, first Everton v Fulham on 2023-08-12 (b)'],
    ['a fixture priced twice', [good('a'), good('a'), good('b')], 'Arsenal v Forest on 2023-08-12 (a) is priced twice (again in prediction 2)'],
    ['an unknown fixture', [good('a'), good('z')], 'prediction 2 prices "z", which is not one of this week\'s fixtures'],
    ['no id', [{ pH: 0.5, pD: 0.3, pA: 0.2 }], 'prediction 1 has no fixture "id" (got missing)'],
    ['not an object', [[0.5, 0.3, 0.2]], 'prediction 1 is [0.5,0.3,0.2], not an object {"id", "pH", "pD", "pA"}'],
    ['a negative probability', [good('a', 0.6, 0.5, -0.1), good('b')], 'Arsenal v Forest on 2023-08-12: pA is -0.1, outside [0, 1]'],
    ['a probability above 1', [good('a', 1.2, -0.1, -0.1)], 'Arsenal v Forest on 2023-08-12: pH is 1.2, outside [0, 1]'],
    ['a sum of 1.1', [good('a', 0.6, 0.3, 0.2), good('b')], 'Arsenal v Forest on 2023-08-12: pH + pD + pA = 1.1, not 1 (within 0.000001)'],
    ['a string', [{ id: 'a', pH: '0.5', pD: 0.3, pA: 0.2 }], 'Arsenal v Forest on 2023-08-12: pH is "0.5", not a finite number'],
    ['a missing field', [{ id: 'a', pH: 0.5, pD: 0.5 }], 'Arsenal v Forest on 2023-08-12: pA is missing, not a finite number'],
  ])('refuses %s, naming the fixture and the fault', (_case, predictions, message) => {
    expect(() => validatePredictions(week, predictions)).toThrow(message);
  });

  it('names NaN and Infinity as Python writes them', () => {
    const answer = parseAnswerLine('{"predictions": [{"id": "a", "pH": NaN, "pD": 0.3, "pA": 0.2}, {"id": "b", "pH": 0.5, "pD": -Infinity, "pA": 0.2}]}') as { predictions: unknown[] };
    expect(() => validatePredictions(week, answer.predictions)).toThrow('Arsenal v Forest on 2023-08-12: pH is NaN, not a finite number');
    expect(() => validatePredictions(week.slice(1), answer.predictions.slice(1))).toThrow('Everton v Fulham on 2023-08-12: pD is -Infinity, not a finite number');
  });
});

describe('parseAnswerLine', () => {
  it('parses JSON and keeps a team called "NaN" in a string as it is', () => {
    expect(parseAnswerLine('{"id": "NaN", "x": [1, 2]}')).toEqual({ id: 'NaN', x: [1, 2] });
  });

  it('throws on a line that is not JSON', () => {
    expect(() => parseAnswerLine('{"type": "predictions", "predictions": [')).toThrow(SyntaxError);
    expect(() => parseAnswerLine('fitting...')).toThrow(SyntaxError);
  });
});
