import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Match } from '../domain/football/match';
import { outcomeIndex, type Triple } from '../domain/football/outcome';
import { bettingWeekStart, bettingWeeksOf, matchesInWeek, type BettingWeek } from '../domain/football/betting-week';
import { priceDayOf } from '../domain/football/price-day';
import { DEFAULT_MARGIN_METHOD } from '../domain/betting/margin-removal';
import { fairClose, marketConsensus } from '../domain/betting/market-consensus';
import { NAMED_STRATEGIES } from '../domain/betting/named-strategies';
import type { Strategy } from '../domain/betting/strategy';
import { strategyDecisionSettings, strategyWeekMatch } from '../domain/betting/strategy-inputs';
import { decideWeekBets, type WeekMatchInput } from '../domain/betting/value-bets';
import { DEFAULT_STAKING } from '../domain/betting/stake-sizing';
import { pairedBootstrap, quantileOfSorted } from '../domain/evaluation/paired-bootstrap';
import { mulberry32, randomIndex } from '../domain/evaluation/seeded-random';
import { matchRankedProbabilityScore } from '../domain/evaluation/scoring-rules';
import { loadFootballData } from '../ingest/load-football-data';
import { seasonRange } from '../ingest/season-range';
import { modelConfigFor, MODEL_KINDS, trainOutcomeModel, type ModelKind, type TrainedOutcomeModel } from '../model/outcome-model';

const USAGE = `Usage: npm run bench:parity -- [--seasons 1920-2324] [--model ensemble|dixon-coles|feature-net] [--data <dir>] [--div E0] [--json-out FILE]

What information parity (DESIGN.md "price day") changes in weeks with more than one round. Each
season is walked forward as a run walks it (a model fitted before week 1 and every 4 weeks after,
on the matches before the week), and every week with two price days is priced twice by the same
model: with every result before each fixture's price day (today's engine) and with the results
before the week's Tuesday only (the cutoff before parity, kept here for this measurement only; it
is not a run setting). Printed: the model's RPS on those weeks under each cutoff with the paired
difference (bootstrap over matches), and the Model strategy's mean CLV against the fair Pinnacle
close under each cutoff with the difference (bootstrap over the weeks, 10,000 resamples).`;

const RESAMPLES = 10_000;
const RETRAIN_EVERY_WEEKS = 4;
/** Week-start bankroll for every decision, so the two cutoffs' bet lists differ only by their probabilities. */
const BANKROLL_CENTS = 1_000_000;

interface WeekPricing {
  readonly season: string;
  readonly week: number;
  readonly matches: readonly Match[];
  readonly parity: readonly Triple[];
  readonly weekStart: readonly Triple[];
}

function lastPriceDayOf(matches: readonly Match[], week: BettingWeek): string {
  return matches.reduce((latest, m) => (priceDayOf(m.date) > latest ? priceDayOf(m.date) : latest), week.start);
}

async function priceMultiRoundWeeks(all: readonly Match[], season: string, kind: ModelKind): Promise<WeekPricing[]> {
  const config = modelConfigFor(kind);
  const seasonMatches = all.filter((m) => m.season === season);
  const out: WeekPricing[] = [];
  let model: TrainedOutcomeModel | null = null;
  for (const week of bettingWeeksOf(seasonMatches)) {
    if (model === null || (week.index - 1) % RETRAIN_EVERY_WEEKS === 0) {
      model = await trainOutcomeModel(config, all.filter((m) => m.date < week.start), { cutoff: week.start });
    }
    const played = matchesInWeek(seasonMatches, week);
    if (new Set(played.map((m) => priceDayOf(m.date))).size < 2) continue;
    // What a model may see of a match it prices (as the engine's fixtureOf): no goals, no result.
    const fixtures = played.map(({ id, div, season: s, date, kickoff, homeTeam, awayTeam, homeTeamId, awayTeamId }) => ({ id, div, season: s, date, kickoff, homeTeam, awayTeam, homeTeamId, awayTeamId }));
    const parity = await model.predict(fixtures, all.filter((m) => m.date < lastPriceDayOf(played, week)));
    const weekStart = await model.predict(fixtures, all.filter((m) => m.date < week.start));
    out.push({ season, week: week.index, matches: played, parity, weekStart });
  }
  return out;
}

interface ClvBet {
  readonly weekKey: string;
  readonly clv: number;
}

function strategyClv(strategy: Strategy, weeks: readonly WeekPricing[], pick: (w: WeekPricing) => readonly Triple[]): ClvBet[] {
  const settings = strategyDecisionSettings(strategy, DEFAULT_STAKING, null);
  return weeks.flatMap((w) => {
    const probabilities = pick(w);
    const inputs: WeekMatchInput[] = w.matches.flatMap((m, i) => {
      const input = strategyWeekMatch(strategy, m, probabilities[i]!);
      return input === null ? [] : [input];
    });
    const byId = new Map(w.matches.map((m) => [m.id, m]));
    return decideWeekBets({ bankrollCents: BANKROLL_CENTS, matches: inputs, ...settings }).flatMap((d) => {
      if (!d.placed) return [];
      const close = fairClose(byId.get(d.matchId)!, strategy.marginMethod);
      return close === null ? [] : [{ weekKey: `${w.season}/${w.week}`, clv: d.decimalOdds * close.probabilities[outcomeIndex(d.outcome)]! - 1 }];
    });
  });
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Difference of mean CLV (parity − week start), resampling whole weeks so both bet lists move together. */
function weekBlockClvDifference(weekKeys: readonly string[], parity: readonly ClvBet[], weekStart: readonly ClvBet[]): { mean: number; lower: number; upper: number } {
  const group = (bets: readonly ClvBet[]) => new Map(weekKeys.map((k) => [k, bets.filter((b) => b.weekKey === k).map((b) => b.clv)]));
  const a = group(parity);
  const b = group(weekStart);
  const random = mulberry32(1);
  const diffs = new Float64Array(RESAMPLES);
  for (let r = 0; r < RESAMPLES; r += 1) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < weekKeys.length; i += 1) {
      const key = weekKeys[randomIndex(random, weekKeys.length)]!;
      xs.push(...a.get(key)!);
      ys.push(...b.get(key)!);
    }
    diffs[r] = xs.length > 0 && ys.length > 0 ? mean(xs) - mean(ys) : 0;
  }
  diffs.sort();
  return { mean: mean(parity.map((x) => x.clv)) - mean(weekStart.map((x) => x.clv)), lower: quantileOfSorted(diffs, 0.025), upper: quantileOfSorted(diffs, 0.975) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seasons: { type: 'string', default: '1920-2324' },
      model: { type: 'string', default: 'ensemble' },
      data: { type: 'string', default: path.resolve(process.cwd(), '../shared/data/football-data') },
      div: { type: 'string', default: 'E0' },
      'json-out': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!(MODEL_KINDS as readonly string[]).includes(values.model)) throw new Error(`--model must be one of ${MODEL_KINDS.join(', ')}, got ${JSON.stringify(values.model)}\n${USAGE}`);
  const seasons = seasonRange(values.seasons);
  const all = await loadFootballData({ from: values.data, div: values.div, seasons: seasonRange(`0506-${seasons.at(-1)!}`) });
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const weeks: WeekPricing[] = [];
  for (const season of seasons) {
    const t = performance.now();
    weeks.push(...(await priceMultiRoundWeeks(all, season, values.model as ModelKind)));
    process.stderr.write(`${season}: ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const method = DEFAULT_MARGIN_METHOD;
  const rows = weeks.flatMap((w) => w.matches.map((m, i) => ({ m, parity: w.parity[i]!, weekStart: w.weekStart[i]!, weekend: priceDayOf(m.date) !== bettingWeekStart(m.date) })));
  const rpsFigures = (subset: typeof rows) => {
    const parity = subset.map((r) => matchRankedProbabilityScore(r.parity, r.m.result));
    const weekStart = subset.map((r) => matchRankedProbabilityScore(r.weekStart, r.m.result));
    const market = subset.flatMap((r) => {
      const q = marketConsensus(r.m, 'pinnacle', method);
      return q === null ? [] : [matchRankedProbabilityScore(q, r.m.result)];
    });
    const d = pairedBootstrap(parity, weekStart, { resamples: RESAMPLES, seed: 1, level: 0.95 });
    return { matches: subset.length, rpsParity: mean(parity), rpsWeekStart: mean(weekStart), rpsPinnacle: mean(market), difference: { mean: d.meanDifference, lower: d.lower, upper: d.upper } };
  };
  const all_ = rpsFigures(rows);
  const weekend = rpsFigures(rows.filter((r) => r.weekend));
  const strategy: Strategy = { ...NAMED_STRATEGIES.model, marginMethod: method };
  const parityBets = strategyClv(strategy, weeks, (w) => w.parity);
  const weekStartBets = strategyClv(strategy, weeks, (w) => w.weekStart);
  const clv = {
    betsParity: parityBets.length,
    betsWeekStart: weekStartBets.length,
    clvParity: mean(parityBets.map((b) => b.clv)),
    clvWeekStart: mean(weekStartBets.map((b) => b.clv)),
    difference: weekBlockClvDifference(weeks.map((w) => `${w.season}/${w.week}`), parityBets, weekStartBets),
  };
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const e = (x: number) => x.toExponential(2);
  console.log(`Model ${values.model}; seasons ${seasons.join(', ')}; ${weeks.length} weeks with two price days`);
  for (const [label, f] of [['every match of those weeks', all_], ['their weekend matches (the only ones parity changes)', weekend]] as const) {
    console.log(
      `RPS, ${label} (${f.matches}): price-day cutoff ${f.rpsParity.toFixed(5)}, week-start cutoff ${f.rpsWeekStart.toFixed(5)}, Pinnacle pre-match fair ${f.rpsPinnacle.toFixed(5)}; ` +
        `price-day − week-start ${e(f.difference.mean)} [${e(f.difference.lower)}, ${e(f.difference.upper)}] (paired bootstrap over matches)`,
    );
  }
  console.log(
    `Model strategy (${strategy.priceSource}, edge > ${pct(strategy.filters.minEdge)}, odds ${strategy.filters.minOdds}-${strategy.filters.maxOdds}, credible <= ${pct(strategy.filters.maxCredibleEdge)}) in those weeks: ` +
      `price-day cutoff ${clv.betsParity} bets, mean CLV ${pct(clv.clvParity)}; week-start cutoff ${clv.betsWeekStart} bets, mean CLV ${pct(clv.clvWeekStart)}; ` +
      `difference ${pct(clv.difference.mean)} [${pct(clv.difference.lower)}, ${pct(clv.difference.upper)}] (bootstrap over weeks)`,
  );
  console.log(`${wall.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`);
  if (values['json-out'] !== undefined) writeFileSync(values['json-out'], JSON.stringify({ model: values.model, seasons, weeks: weeks.length, rps: { all: all_, weekend }, clv, wallSeconds: wall }, null, 1));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
