import { parseArgs } from 'node:util';
import { jointLogGrowthKelly, type KellyBet } from '../domain/betting/kelly';
import { mulberry32 } from '../domain/evaluation/seeded-random';

/**
 * How close the joint log-growth staking is to the exact optimum where it approximates. Up to the
 * enumeration limit the week's results are enumerated and the optimum is exact; beyond it a fixed
 * Latin-hypercube sample of results stands in. For seeded random weeks of the size that crosses
 * the limit (value bets of 15-20 matches, one outcome each, edges 5-20% as the default filters
 * pass them), this prints the sampled fractions' error against the exactly enumerated optimum and
 * the CPU time of both.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '15,16,17,18,20' },
      weeks: { type: 'string', default: '4' },
      seed: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const weeks = Number(values.weeks);
  const random = mulberry32(Number(values.seed));
  const cpuMs = () => ((u) => (u.user + u.system) / 1000)(process.cpuUsage());
  const results = [];
  for (const size of sizes) {
    let worst = 0;
    let worstAbsolute = 0;
    let sumError = 0;
    let count = 0;
    let totalError = 0;
    let sampledMs = 0;
    let exactMs = 0;
    for (let w = 0; w < weeks; w++) {
      const bets: KellyBet[] = Array.from({ length: size }, (_, i) => {
        const probability = 0.15 + 0.55 * random();
        const edge = 0.05 + 0.15 * random();
        return { matchId: `m${i}`, probability, decimalOdds: (1 + edge) / probability };
      });
      let t = cpuMs();
      const sampled = jointLogGrowthKelly(bets);
      sampledMs += cpuMs() - t;
      t = cpuMs();
      const exact = jointLogGrowthKelly(bets, { maxEnumeratedScenarios: 2 ** size });
      exactMs += cpuMs() - t;
      const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
      totalError = Math.max(totalError, Math.abs(sum(sampled.fractions) / sum(exact.fractions) - 1));
      exact.fractions.forEach((f, i) => {
        worstAbsolute = Math.max(worstAbsolute, Math.abs(sampled.fractions[i]! - f));
        if (f <= 0) return;
        const error = Math.abs(sampled.fractions[i]! / f - 1);
        worst = Math.max(worst, error);
        sumError += error;
        count += 1;
      });
      if (sampled.scenarios !== (2 ** size > 16384 ? 'sampled' : 'enumerated')) throw new Error(`unexpected scenario mode ${sampled.scenarios} at ${size} bets`);
    }
    results.push({ bets: size, weeks, meanRelativeError: sumError / count, maxRelativeError: worst, maxAbsoluteError: worstAbsolute, maxTotalStakeError: totalError, sampledMsPerWeek: sampledMs / weeks, exactMsPerWeek: exactMs / weeks });
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(results)}\n`);
    return;
  }
  process.stdout.write('bets  weeks  mean |f/f*-1|  max |f/f*-1|  max |f-f*|  max |total/total*-1|  sampled ms/week  exact ms/week (CPU)\n');
  for (const r of results) {
    const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
    process.stdout.write(
      `${String(r.bets).padStart(4)}${String(r.weeks).padStart(7)}${pct(r.meanRelativeError).padStart(15)}${pct(r.maxRelativeError).padStart(14)}${(r.maxAbsoluteError * 100).toFixed(2).padStart(10)}pp${pct(r.maxTotalStakeError).padStart(22)}${r.sampledMsPerWeek.toFixed(0).padStart(17)}${r.exactMsPerWeek.toFixed(0).padStart(15)}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:joint-kelly: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
