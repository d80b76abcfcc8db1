import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import epl2324Csv from '../../../../shared/testdata/implied/epl2324_b365.csv?raw';
import edgeCasesCsv from '../../../../shared/testdata/implied/edge_cases.csv?raw';
import { binaryJensenShannonDistance } from './jensen-shannon';
import { MARGIN_METHODS, removeMargin, removeMarginShinPackageCompatible, type MarginMethod } from './margin-removal';

type Row = Record<string, string>;

function parseCsv(text: string): Row[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}

const eplRows = parseCsv(epl2324Csv);
const edgeRows = parseCsv(edgeCasesCsv);

/** Reference label -> our method, and whether the reference is an exact (converged) solution. */
const EXACT_LABELS: Record<string, MarginMethod> = {
  basic: 'basic',
  additive: 'additive',
  wpo: 'wpo',
  bb: 'bb',
  power_tight: 'power',
  shin_uniroot_tight: 'shin',
  or_tight: 'odds-ratio',
  jsd_tight: 'jsd',
  goto: 'goto',
};
const CLOSED_FORMS = new Set(['basic', 'additive', 'wpo', 'bb', 'goto']);

function eplOdds(row: Row): number[] {
  return [Number(row.odds_h), Number(row.odds_d), Number(row.odds_a)];
}
function eplProbabilities(row: Row): number[] {
  return [Number(row.p_h), Number(row.p_d), Number(row.p_a)];
}
function edgeOdds(row: Row): number[] {
  return [row.odds_1, row.odds_2, row.odds_3, row.odds_4].filter((cell) => cell !== '' && cell !== undefined).map(Number);
}
function edgeProbabilities(row: Row): number[] {
  return [row.p_1, row.p_2, row.p_3, row.p_4].slice(0, Number(row.n_outcomes)).map(Number);
}

function expectClose(actual: readonly number[], expected: readonly number[], tolerance: number, where: string): void {
  expect(actual.length, where).toBe(expected.length);
  actual.forEach((value, i) => {
    const gap = Math.abs(value - expected[i]!);
    if (!(gap <= tolerance)) throw new Error(`${where}: p[${i}] = ${value}, reference ${expected[i]}, gap ${gap} > ${tolerance}`);
  });
}

function expectRelativeClose(actual: number | null, expected: number, tolerance: number, where: string): void {
  if (actual === null) throw new Error(`${where}: parameter is null, reference ${expected}`);
  const gap = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  if (!(gap <= tolerance)) throw new Error(`${where}: parameter ${actual}, reference ${expected}, relative gap ${gap}`);
}

describe('removeMargin against the R implied reference vectors (EPL 2023-24, Bet365)', () => {
  it('covers all 380 matches with every exact label', () => {
    for (const label of Object.keys(EXACT_LABELS)) {
      expect(eplRows.filter((row) => row.method === label)).toHaveLength(380);
    }
  });

  for (const [label, method] of Object.entries(EXACT_LABELS)) {
    const closed = CLOSED_FORMS.has(label);
    it(`${method} reproduces every '${label}' row (${closed ? '1e-12 abs, closed form' : '1e-9 abs on p, 1e-9 relative on the parameter'})`, () => {
      for (const row of eplRows.filter((r) => r.method === label)) {
        const where = `match ${row.match_id} ${label}`;
        const fair = removeMargin(eplOdds(row), method);
        expectClose(fair.probabilities, eplProbabilities(row), closed ? 1e-12 : 1e-9, where);
        expect(Math.abs(fair.margin - Number(row.margin))).toBeLessThan(1e-15);
        if (row.param === '') expect(fair.parameter, where).toBeNull();
        else expectRelativeClose(fair.parameter, Number(row.param), closed ? 1e-12 : 1e-9, where);
        expect(fair.problematic, where).toBe(row.problematic === 'TRUE');
      }
    });
  }

  it('stays within 1e-4 of the package-default (loose uniroot) rows', () => {
    const loose: Record<string, MarginMethod> = { power: 'power', or: 'odds-ratio', shin_uniroot: 'shin', jsd: 'jsd' };
    for (const row of eplRows.filter((r) => (r.method ?? '') in loose)) {
      const fair = removeMargin(eplOdds(row), loose[row.method!]!);
      expectClose(fair.probabilities, eplProbabilities(row), 1e-4, `match ${row.match_id} ${row.method}`);
    }
  });

  it('reproduces the package-default Shin (Jullien-Salanie) rows exactly with the compatible variant', () => {
    for (const row of eplRows.filter((r) => r.method === 'shin')) {
      const fair = removeMarginShinPackageCompatible(eplOdds(row));
      const where = `match ${row.match_id} shin (js)`;
      if (fair === null) throw new Error(`${where}: compatible Shin returned null`);
      expectClose(fair.probabilities, eplProbabilities(row), 1e-12, where);
      expectRelativeClose(fair.parameter, Number(row.param), 1e-12, where);
    }
  });
});

describe('removeMargin on the hand-picked edge cases', () => {
  const casesWith = (label: string) => edgeRows.filter((row) => row.method === label);

  for (const [label, method] of Object.entries(EXACT_LABELS)) {
    it(`${method} matches '${label}' wherever the package returned numbers`, () => {
      for (const row of casesWith(label)) {
        if (row.p_1 === 'NA') continue;
        const where = `${row.case_id} ${label}`;
        const fair = removeMargin(edgeOdds(row), method);
        expectClose(fair.probabilities, edgeProbabilities(row), CLOSED_FORMS.has(label) ? 1e-12 : 1e-9, where);
        if (row.param !== '') expectRelativeClose(fair.parameter, Number(row.param), 1e-9, where);
        expect(fair.problematic, where).toBe(row.problematic === 'TRUE');
      }
    });
  }

  it('flags the negative long-shot probability of additive, wpo, bb and goto but still returns it (very_long_odds)', () => {
    for (const method of ['additive', 'wpo', 'bb', 'goto'] as const) {
      const fair = removeMargin([1.01, 26, 101], method);
      expect(fair.problematic).toBe(true);
      expect(fair.probabilities[2]).toBeLessThan(0);
    }
  });

  it('solves jsd where the package fails (very_long_odds): every outcome at the same distance from its 1/odds', () => {
    // R's inner uniroot hits NaN at the edge of its search interval; the equation itself has a
    // proper solution, which we return unflagged.
    const odds = [1.01, 26, 101];
    const fair = removeMargin(odds, 'jsd');
    expect(fair.problematic).toBe(false);
    expect(fair.probabilities.every((p) => p > 0)).toBe(true);
    odds.forEach((o, i) => expect(binaryJensenShannonDistance(fair.probabilities[i]!, 1 / o)).toBeCloseTo(fair.parameter!, 12));
  });

  it('pushes jsd long shots to 0 and flags the book when no common distance exists (1.05/1.20/50, margin 81%)', () => {
    const fair = removeMargin([1.05, 1.2, 50], 'jsd');
    expect(fair.problematic).toBe(true);
    expect(fair.probabilities[2]).toBe(0);
    expect(fair.probabilities[0]! + fair.probabilities[1]!).toBeCloseTo(1, 15);
  });

  it('returns the implied probabilities with neutral parameters on a fair book (2/4/4) for every method', () => {
    const neutral: Record<MarginMethod, number | null> = { basic: null, additive: null, wpo: null, goto: null, power: 1, shin: 0, 'odds-ratio': 1, bb: 0, jsd: 0 };
    for (const method of MARGIN_METHODS) {
      const fair = removeMargin([2, 4, 4], method);
      expectClose(fair.probabilities, [0.5, 0.25, 0.25], 1e-15, method);
      expect(fair.parameter, method).toBe(neutral[method]);
      expect(fair.problematic, method).toBe(false);
    }
  });

  it('solves a book whose prices sum to 1 only within rounding (2.25/3/4.5) with every method', () => {
    // 1/2.25 + 1/3 + 1/4.5 = 0.4444 + 0.3333 + 0.2222 = 1 - 1.1e-16 in doubles, while Shin's own
    // sum at z = 0 rounds the other way; the solver must not search on the wrong side.
    for (const method of MARGIN_METHODS) {
      expectClose(removeMargin([2.25, 3, 4.5], method).probabilities, [4 / 9, 1 / 3, 2 / 9], 1e-12, method);
    }
  });

  it('solves two-outcome Shin as additive, as theory says (two_way_fav)', () => {
    // additive: 1/1.5 - 0.0512820.../2 = 0.666667 - 0.025641 = 0.641026
    const shin = removeMargin([1.5, 2.6], 'shin');
    const additive = removeMargin([1.5, 2.6], 'additive');
    expectClose(shin.probabilities, additive.probabilities, 1e-15, 'two_way_fav');
  });

  it('returns null from the package-compatible Shin where the package gives NA', () => {
    expect(removeMarginShinPackageCompatible([1.9, 1.9])).toBeNull();
    expect(removeMarginShinPackageCompatible([2, 4, 4])).toBeNull();
  });

  it('reproduces the package-default Shin on the 3- and 4-way edge cases', () => {
    for (const row of casesWith('shin').filter((r) => r.p_1 !== 'NA')) {
      const fair = removeMarginShinPackageCompatible(edgeOdds(row));
      if (fair === null) throw new Error(`${row.case_id}: null`);
      expectClose(fair.probabilities, edgeProbabilities(row), 1e-12, row.case_id!);
    }
  });
});

describe('removeMargin worked by hand', () => {
  it('basic: divides 1/odds by the book sum (2.10/3.40/3.60)', () => {
    // 1/2.1 + 1/3.4 + 1/3.6 = 0.476190 + 0.294118 + 0.277778 = 1.048086; 0.476190 / 1.048086 = 0.454343
    const fair = removeMargin([2.1, 3.4, 3.6], 'basic');
    expect(fair.margin).toBeCloseTo(0.048086, 6);
    expect(fair.probabilities[0]).toBeCloseTo(0.454343, 6);
  });

  it('additive: takes an equal share of the margin from each outcome (2/4/5)', () => {
    // 0.5 + 0.25 + 0.2 = 0.95 -> margin -0.05, each gets +0.05/3 = 0.016667
    const fair = removeMargin([2, 4, 5], 'additive');
    expectClose(fair.probabilities, [0.5 + 0.05 / 3, 0.25 + 0.05 / 3, 0.2 + 0.05 / 3], 1e-15, 'arbitrage book');
  });

  it('power: two evens prices at 1.90 keep 0.5/0.5 with k = ln 0.5 / ln(1/1.9)', () => {
    // (1/1.9)^(1/k) = 0.5  =>  1/k = ln 0.5 / ln(1/1.9) = 1.079918  =>  k = 0.925999
    const fair = removeMargin([1.9, 1.9], 'power');
    expect(fair.parameter).toBeCloseTo(Math.log(1 / 1.9) / Math.log(0.5), 14);
  });

  it('odds-ratio: two evens prices at 1.90 give c = (0.5/0.5) / ((1/1.9)/(1-1/1.9)) inverted = 1.111111', () => {
    // io = 0.526316, io/(1-io) = 1.111111 = c * p/(1-p) with p = 0.5 -> c = 1.111111
    expect(removeMargin([1.9, 1.9], 'odds-ratio').parameter).toBeCloseTo(10 / 9, 14);
  });

  it('goto: takes the margin in proportion to sqrt(1 - 1/o) (1.50/2.60)', () => {
    // io 0.666667, 0.384615; sqrt(1 - io) = 0.577350, 0.784465 (sum 1.361815)
    // step = 0.051282 / 1.361815 = 0.037657; p_1 = 0.666667 - 0.037657 * 0.577350 = 0.644925
    const fair = removeMargin([1.5, 2.6], 'goto');
    expect(fair.probabilities[0]).toBeCloseTo(0.644925, 6);
  });

  it('bb: z is the margin shared over n - 1 (four_way)', () => {
    // margin 0.0746032 / 3 = 0.0248677
    expect(removeMargin([2.5, 3.5, 4.5, 6], 'bb').parameter).toBeCloseTo(0.0746031746 / 3, 10);
  });
});

describe('removeMargin properties on realistic books', () => {
  // A realistic 1X2 book: true probabilities with a -4%..12% margin spread proportionally
  // (negative margins arise when taking the best price across books).
  const book = fc
    .tuple(fc.double({ min: 0.05, max: 0.85, noNaN: true }), fc.double({ min: 0.1, max: 0.9, noNaN: true }), fc.double({ min: -0.04, max: 0.12, noNaN: true }))
    .map(([home, drawShare, margin]) => {
      const draw = (1 - home) * Math.min(0.6, drawShare);
      const away = 1 - home - draw;
      return [home, draw, away].map((p) => Math.round((1 / (p * (1 + margin))) * 100) / 100).map((o) => Math.max(o, 1.01));
    });

  it('gives probabilities that sum to 1 and keep the order of the odds, for every method', () => {
    fc.assert(
      fc.property(book, (odds) => {
        for (const method of MARGIN_METHODS) {
          const { probabilities } = removeMargin(odds, method);
          const total = probabilities.reduce((a, b) => a + b, 0);
          if (Math.abs(total - 1) > 1e-12) return false;
          for (let i = 0; i < odds.length; i += 1) {
            for (let j = 0; j < odds.length; j += 1) {
              if (odds[i]! < odds[j]! && !(probabilities[i]! > probabilities[j]!)) return false;
            }
          }
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });
});

describe('removeMargin on any valid book', () => {
  it('returns a distribution for 2 to 6 outcomes at any prices from 1.0001 to 1000, for every method', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1.0001, max: 1000, noNaN: true }), { minLength: 2, maxLength: 6 }), (odds) =>
        MARGIN_METHODS.every((method) => Math.abs(removeMargin(odds, method).probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-9),
      ),
      { numRuns: 200 },
    );
  });
});

describe('removeMargin rejects broken books', () => {
  it('names the position of a price that is not above 1', () => {
    expect(() => removeMargin([2, 1, 3], 'basic')).toThrow('odds must be greater than 1, got 1 at position 2');
    expect(() => removeMargin([0.5, 3], 'shin')).toThrow('odds must be greater than 1, got 0.5 at position 1');
  });

  it('names the position of a price that is not a finite number', () => {
    expect(() => removeMargin([2, 3, Number.NaN], 'power')).toThrow('odds must be a finite number, got NaN at position 3');
    expect(() => removeMargin([Number.POSITIVE_INFINITY, 3], 'basic')).toThrow('odds must be a finite number, got Infinity at position 1');
  });

  it('refuses a book with fewer than two outcomes', () => {
    expect(() => removeMargin([2], 'basic')).toThrow('a book needs at least two outcomes, got 1');
    expect(() => removeMargin([], 'jsd')).toThrow('a book needs at least two outcomes, got 0');
  });

  it('refuses an unknown method by name', () => {
    expect(() => removeMargin([2, 2], 'margin-free' as MarginMethod)).toThrow(
      'Unknown margin method "margin-free"; expected one of basic, additive, power, shin, odds-ratio, wpo, bb, jsd, goto',
    );
  });
});
