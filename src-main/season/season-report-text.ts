import type { Verdict } from '../domain/evaluation/verdict';
import type { DashboardView, EncompassingView, RiskView, SearchView, StrategyView } from './season-views';

/**
 * The season report the `simulate` command prints: the same numbers the dashboard shows, read
 * from the same DashboardView, so the CLI and the UI cannot disagree.
 */
export interface SeasonReportJson {
  readonly run: string;
  readonly verdict: Pick<Verdict, 'sentence' | 'evidence'>;
  readonly strategy: StrategyView;
  readonly search: SearchView | null;
  readonly weeks: number;
  readonly bets: number;
  readonly wins: number;
  readonly winRate: number | null;
  readonly staked: number;
  readonly profit: number;
  readonly roi: number | null;
  readonly roiCi: readonly [number, number] | null;
  readonly startingBankroll: number;
  readonly finalBankroll: number;
  readonly growth: number;
  readonly maxDrawdown: number;
  readonly sharpe: number | null;
  /** Against `close` (the Pinnacle fair close, the average close where it is missing). */
  readonly clv: { readonly mean: number; readonly beatCloseShare: number; readonly close: string } | null;
  readonly model: { readonly brier: number; readonly rps: number; readonly logLoss: number };
  readonly market: { readonly brier: number | null; readonly rps: number | null };
  readonly brierDifference: { readonly mean: number; readonly lower: number; readonly upper: number; readonly significant: boolean } | null;
  readonly alerts: readonly { readonly week: number; readonly kind: string; readonly message: string }[];
  readonly retrains: readonly { readonly week: number; readonly reason: string; readonly modelVersion: number }[];
  readonly riskOfRuin: number | null;
  readonly risk: RiskView;
  readonly encompassing: EncompassingView | null;
  readonly dataFingerprint: string;
  /** Model and honesty labels, present only for runs that are not priced by a built-in model. */
  readonly model_source?: string;
  readonly provenance?: readonly string[];
}

const units = (cents: number): number => cents / 100;

export function seasonReportJson(view: DashboardView): SeasonReportJson {
  const k = view.kpis;
  return {
    run: view.run.name,
    verdict: { sentence: view.verdict.sentence, evidence: view.verdict.evidence },
    strategy: view.strategy,
    search: view.search,
    weeks: view.run.weeksPlayed,
    bets: k.bets,
    wins: k.wins,
    winRate: k.winRate,
    staked: units(k.stakedCents),
    profit: units(k.profitCents),
    roi: k.roi,
    roiCi: k.roiInterval,
    startingBankroll: units(k.startingBankrollCents),
    finalBankroll: units(k.bankrollCents),
    growth: k.growth,
    maxDrawdown: k.maxDrawdown,
    sharpe: k.sharpe,
    clv: k.clv === null ? null : { mean: k.clv.mean, beatCloseShare: k.clv.beatCloseShare, close: view.strategy.closeForClv },
    model: { brier: view.scores.modelBrier, rps: view.scores.modelRps, logLoss: view.scores.modelLogLoss },
    market: { brier: view.scores.marketBrier, rps: view.scores.marketRps },
    brierDifference: view.scores.brierDifference,
    alerts: view.alerts.map((a) => ({ week: a.week, kind: a.kind, message: a.message })),
    retrains: view.retrains.filter((r) => r.reason !== 'initial').map((r) => ({ week: r.week, reason: r.reason, modelVersion: r.modelVersion })),
    riskOfRuin: k.riskOfRuin,
    risk: view.risk,
    encompassing: view.encompassing,
    dataFingerprint: view.run.dataFingerprint,
    ...(view.run.modelSource ? { model_source: view.run.modelSource } : {}),
    ...(view.run.provenance ? { provenance: view.run.provenance } : {}),
  };
}

const pct = (x: number | null, digits = 1): string => (x === null ? 'n/a' : `${(x * 100).toFixed(digits)}%`);
const num = (x: number | null, digits = 4): string => (x === null ? 'n/a' : x.toFixed(digits));
const money = (x: number): string => x.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function riskLine(r: RiskView): string {
  const blocks = r.roiIntervals.weekBlocks;
  return [
    `Sharpe (weekly log returns) ${num(r.sharpe.logReturn, 2)} [arithmetic ${num(r.sharpe.arithmetic, 2)}]`,
    `max drawdown bet by bet ${pct(r.maxDrawdown.betByBet)} [weekly close ${pct(r.maxDrawdown.weeklyClose)}]`,
    `longest losing run ${r.longestLosingRun} bets`,
    `ROI 95% week-block interval ${blocks ? `${pct(blocks.lower)} to ${pct(blocks.upper)}` : 'n/a'} (${r.roiIntervals.resamples} resamples)`,
    `bets needed to confirm this edge ${r.edge === null ? 'n/a' : r.edge.betsNeeded === null ? 'none (no edge to confirm)' : r.edge.betsNeeded}`,
    `risk of ruin if the market's close is right ${pct(r.riskOfRuin.marketFairClose)}`,
  ].join('; ');
}

export function seasonReportText(report: SeasonReportJson): string {
  const lines = [
    `Run: ${report.run} (${report.weeks} weeks, data ${report.dataFingerprint.slice(0, 12)})`,
    ...(report.model_source ? [`Model: ${report.model_source}`] : []),
    ...(report.provenance ? [`Labels: ${report.provenance.join(', ')} (see docs/external-models.md)`] : []),
    `Strategy: ${report.strategy.name}; probabilities: ${report.strategy.probabilities}; price: ${report.strategy.price}; staking: ${report.strategy.staking}`,
    `Verdict: ${report.verdict.sentence}`,
    `Bets ${report.bets}, won ${report.wins} (${pct(report.winRate)})`,
    `Staked ${money(report.staked)}, profit ${money(report.profit)}, ROI ${pct(report.roi, 2)}` +
      (report.roiCi ? ` (95% CI ${pct(report.roiCi[0], 1)} to ${pct(report.roiCi[1], 1)})` : ''),
    `Bankroll ${money(report.startingBankroll)} -> ${money(report.finalBankroll)} (${pct(report.growth, 2)}), max drawdown ${pct(report.maxDrawdown)}, Sharpe ${num(report.sharpe, 2)}, risk of ruin ${pct(report.riskOfRuin)}`,
    riskLine(report.risk),
    `Closing-line value: ${report.clv ? `${pct(report.clv.mean, 2)} mean, ${pct(report.clv.beatCloseShare)} of bets beat the close (${report.clv.close})` : 'unavailable (no closing odds in this season)'}`,
    `Model  Brier ${num(report.model.brier)}  RPS ${num(report.model.rps)}  log loss ${num(report.model.logLoss)}`,
    `Market Brier ${num(report.market.brier)}  RPS ${num(report.market.rps)}`,
  ];
  if (report.brierDifference) {
    const d = report.brierDifference;
    lines.push(`Model - market Brier ${d.mean.toFixed(4)} (95% CI ${d.lower.toFixed(4)} to ${d.upper.toFixed(4)}): ${d.significant ? 'significant' : 'not significant'}`);
  }
  if (report.encompassing) lines.push(`Encompassing: ${report.encompassing.verdict}`);
  if (report.search) lines.push(`Search: ${report.search.sentence}`);
  lines.push(`Retrains: ${report.retrains.length === 0 ? 'none' : report.retrains.map((r) => `week ${r.week} (${r.reason}) -> v${r.modelVersion}`).join(', ')}`);
  lines.push(report.alerts.length === 0 ? 'Alerts: none' : 'Alerts:');
  for (const a of report.alerts) lines.push(`  week ${a.week}: ${a.message}`);
  return lines.join('\n');
}
