/**
 * Which margin-removal method gives the best probabilities? Reads every shared EPL season
 * (../shared/data/football-data/mmz4281/<season>/E0.csv), removes the margin from the chosen
 * bookmaker's 1X2 prices with each method and scores the result against the outcomes.
 * Prints Brier, RPS and log loss per method over all matches, a paired bootstrap of each
 * method's Brier against 'basic', per-season Brier, and the time per call.
 *
 *   npx tsx src-main/cli/bench-margin.ts [--book b365|pinnacle|pinnacleClose] [--data <dir>]
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { Outcome, Triple } from '../domain/football/outcome';
import { MARGIN_METHODS, removeMargin, type MarginMethod } from '../domain/betting/margin-removal';
import { matchBrierScore, matchLogLoss, matchRankedProbabilityScore } from '../domain/evaluation/scoring-rules';
import { pairedBootstrap } from '../domain/evaluation/paired-bootstrap';

const BOOK_COLUMNS = {
  b365: ['B365H', 'B365D', 'B365A'],
  pinnacle: ['PSH', 'PSD', 'PSA'],
  pinnacleClose: ['PSCH', 'PSCD', 'PSCA'],
} as const;
type Book = keyof typeof BOOK_COLUMNS;

interface PricedMatch {
  readonly season: string;
  readonly odds: Triple;
  readonly result: Outcome;
}

function readSeason(file: string, season: string, book: Book): PricedMatch[] {
  const text = iconv.decode(readFileSync(file), 'latin1');
  const rows = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as Record<string, string>[];
  const [h, d, a] = BOOK_COLUMNS[book];
  return rows.flatMap((row) => {
    const result = row.FTR;
    const odds = [Number(row[h]), Number(row[d]), Number(row[a])] as const;
    if ((result !== 'H' && result !== 'D' && result !== 'A') || odds.some((o) => !(o > 1))) return [];
    return [{ season, odds, result }];
  });
}

function main(): void {
  const { values } = parseArgs({ options: { book: { type: 'string', default: 'b365' }, data: { type: 'string', default: '../shared/data/football-data/mmz4281' } }, strict: true });
  const book = values.book as Book;
  if (!(book in BOOK_COLUMNS)) throw new Error(`--book must be one of ${Object.keys(BOOK_COLUMNS).join(', ')}, got "${book}"`);
  const dataDir = path.resolve(process.cwd(), values.data);
  if (!existsSync(dataDir)) throw new Error(`data folder not found: ${dataDir} (run from the repo root or pass --data)`);
  const seasons = readdirSync(dataDir).filter((s) => existsSync(path.join(dataDir, s, 'E0.csv'))).sort();
  const matches = seasons.flatMap((season) => readSeason(path.join(dataDir, season, 'E0.csv'), season, book));
  const priced = [...new Set(matches.map((m) => m.season))];
  console.log(`book ${book}: ${matches.length} matches with prices and results, ${priced.length} seasons ${priced[0]}..${priced.at(-1)}`);

  const perMethod = new Map<MarginMethod, { brier: number[]; rps: number[]; logLoss: number[]; problematic: number; microseconds: number }>();
  for (const method of MARGIN_METHODS) {
    const started = process.hrtime.bigint();
    const fair = matches.map((m) => removeMargin(m.odds, method));
    const microseconds = Number(process.hrtime.bigint() - started) / 1000 / matches.length;
    const probabilities = fair.map((f) => f.probabilities as unknown as Triple);
    perMethod.set(method, {
      brier: probabilities.map((p, i) => matchBrierScore(p, matches[i]!.result)),
      rps: probabilities.map((p, i) => matchRankedProbabilityScore(p, matches[i]!.result)),
      logLoss: probabilities.map((p, i) => matchLogLoss(p, matches[i]!.result)),
      problematic: fair.filter((f) => f.problematic).length,
      microseconds,
    });
  }

  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const basicBrier = perMethod.get('basic')!.brier;
  const ranked = [...perMethod.entries()].sort((a, b) => mean(a[1].brier) - mean(b[1].brier));
  const bestBrier = ranked[0]![1].brier;
  const interval = (scores: readonly number[], against: readonly number[]) => {
    const diff = pairedBootstrap(scores, against, { resamples: 2000, seed: 1, level: 0.95 });
    return `${diff.meanDifference.toExponential(2).padStart(9)} [${diff.lower.toExponential(2).padStart(9)}, ${diff.upper.toExponential(2).padStart(9)}]${diff.significant ? '*' : ' '}`;
  };
  console.log(`\nmethod       Brier     RPS       log loss  Brier - basic [95% paired bootstrap]     Brier - ${ranked[0]![0]} [95%]                  problematic us/call`);
  for (const [method, s] of ranked) {
    console.log(
      `${method.padEnd(12)} ${mean(s.brier).toFixed(6)}  ${mean(s.rps).toFixed(6)}  ${mean(s.logLoss).toFixed(6)}  ${interval(s.brier, basicBrier)}  ${interval(s.brier, bestBrier)}  ${String(s.problematic).padStart(6)}  ${s.microseconds.toFixed(1)}`,
    );
  }
  console.log('(* = the 95% interval excludes 0)');

  console.log('\nBrier by season (best method per season marked *)');
  console.log(`season ${MARGIN_METHODS.map((m) => m.padStart(10)).join(' ')}`);
  for (const season of [...new Set(matches.map((m) => m.season))]) {
    const indices = matches.flatMap((m, i) => (m.season === season ? [i] : []));
    const scores = MARGIN_METHODS.map((method) => mean(indices.map((i) => perMethod.get(method)!.brier[i]!)));
    const best = Math.min(...scores);
    console.log(`${season}   ${scores.map((s) => `${s.toFixed(4)}${s === best ? '*' : ' '}`.padStart(10)).join(' ')}`);
  }
}

try {
  main();
} catch (error) {
  process.stderr.write(`bench-margin: ${(error as Error).message}\n`);
  process.exit(2);
}
