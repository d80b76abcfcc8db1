import { useMemo } from 'react';
import type { DashboardView } from '../../../src-main/ipc/renderer-contract';
import { EChart } from '../../charts/EChart';
import { ChartKey } from '../../charts/ChartKey';
import { BANKROLL_KEY, bankrollOption } from '../../charts/options/bankroll-option';
import { brierOption } from '../../charts/options/brier-option';
import { CALIBRATION_KEY, calibrationOption } from '../../charts/options/calibration-option';
import { valueBetsOption } from '../../charts/options/value-bets-option';
import { WEEKLY_ROI_KEY, weeklyRoiOption } from '../../charts/options/weekly-roi-option';
import { formatMoney } from '../../format/money';
import { formatOdds, formatScore } from '../../format/odds';
import { formatPercent } from '../../format/percent';
import { Kpi, toneOf } from '../../ui/Kpi';
import { brierSentence } from './brier-sentence';
import { WeeklyTable } from './WeeklyTable';

export function Dashboard(props: { view: DashboardView; onOpenWeek?: (week: number) => void }) {
  const { kpis, scores, weeks, bankroll, calibration, alerts, retrains } = props.view;
  const bankrollChart = useMemo(() => bankrollOption(bankroll, alerts, retrains), [bankroll, alerts, retrains]);
  const roiChart = useMemo(() => weeklyRoiOption(weeks), [weeks]);
  const brierChart = useMemo(() => brierOption(weeks), [weeks]);
  const valueChart = useMemo(() => valueBetsOption(weeks), [weeks]);
  const calibrationChart = useMemo(() => calibrationOption(calibration), [calibration]);
  const events = [
    ...alerts.map((a) => ({ week: a.week, kind: 'alert' as const, text: a.message })),
    ...retrains.map((r) => ({
      week: r.week,
      kind: 'retrain' as const,
      text: `Model v${r.modelVersion} trained (${r.reason})${r.challengerBrier !== null && r.championBrier !== null ? ` — Brier ${formatScore(r.challengerBrier)} vs previous ${formatScore(r.championBrier)} on ${r.matchesCompared} matches` : ''}`,
    })),
  ].sort((a, b) => a.week - b.week);

  return (
    <div data-testid="dashboard">
      <div className="kpis">
        <Kpi
          main
          label="Season bankroll"
          testId="kpi-bankroll"
          value={formatMoney(kpis.bankrollCents)}
          detail={
            <>
              <span data-testid="kpi-growth">{formatPercent(kpis.growth, { signed: true })}</span> from {formatMoney(kpis.startingBankrollCents)} after {props.view.run.weeksPlayed} of {props.view.run.weekCount} weeks
            </>
          }
        />
        <Kpi label="Profit" testId="kpi-profit" value={formatMoney(kpis.profitCents, { signed: true })} tone={toneOf(kpis.profitCents)} detail={<>staked <span data-testid="kpi-staked">{formatMoney(kpis.stakedCents)}</span></>} />
        <Kpi
          label="ROI (yield)"
          testId="kpi-roi"
          value={formatPercent(kpis.roi, { signed: true })}
          tone={toneOf(kpis.roi)}
          detail={kpis.roiInterval === null ? 'no interval yet' : `95% CI ${formatPercent(kpis.roiInterval[0], { signed: true })} to ${formatPercent(kpis.roiInterval[1], { signed: true })}`}
        />
        <Kpi
          label="Win rate"
          testId="kpi-win-rate"
          value={formatPercent(kpis.winRate)}
          detail={
            <>
              break-even <span data-testid="kpi-break-even">{formatPercent(kpis.breakEvenWinRate)}</span> · <span data-testid="kpi-bets">{kpis.bets}</span> bets · {kpis.wins} won · avg odds{' '}
              {formatOdds(kpis.averageOdds)}
            </>
          }
        />
        <Kpi
          label="Closing-line value"
          testId="kpi-clv"
          value={kpis.clv === null ? 'unavailable' : formatPercent(kpis.clv.mean, { signed: true })}
          tone={kpis.clv === null ? null : toneOf(kpis.clv.mean)}
          detail={kpis.clv === null ? 'no closing odds this season' : `beat the close ${formatPercent(kpis.clv.beatCloseShare)} of ${kpis.clv.bets} bets`}
        />
      </div>
      <div className="kpi-strip">
        <Kpi label="Value bets found" testId="kpi-value-found" value={kpis.valueBetsFound} />
        <Kpi label="Value bets placed" testId="kpi-value-placed" value={kpis.valueBetsPlaced} />
        <Kpi label="Max drawdown" testId="kpi-max-drawdown" value={formatPercent(kpis.maxDrawdown)} detail={formatMoney(kpis.maxDrawdownCents)} />
        <Kpi label="Longest losing run" testId="kpi-losing-streak" value={`${kpis.longestLosingStreak} bets`} />
        <Kpi label="Sharpe (weekly, annualised)" testId="kpi-sharpe" value={kpis.sharpe === null ? '—' : kpis.sharpe.toFixed(2)} />
        <Kpi label="Risk of ruin" testId="kpi-risk-of-ruin" value={formatPercent(kpis.riskOfRuin, { digits: 2 })} />
        <Kpi label="Model Brier" testId="kpi-model-brier" value={formatScore(scores.modelBrier)} detail={`RPS ${formatScore(scores.modelRps)}`} />
        <Kpi label="Market Brier" testId="kpi-market-brier" value={formatScore(scores.marketBrier)} detail={`RPS ${formatScore(scores.marketRps)}`} />
      </div>

      <p className="sentence muted" data-testid="strategy-line">
        Strategy {props.view.strategy.name}: probabilities {props.view.strategy.probabilities}. {props.view.strategy.price} Staking {props.view.strategy.staking}. CLV against the {props.view.strategy.closeForClv}.
      </p>
      <RiskLine view={props.view} />
      {props.view.search !== null && (
        <p className="sentence muted" data-testid="search-line">
          {props.view.search.sentence}
        </p>
      )}
      <div className="panel">
        <h2>Bankroll</h2>
        <EChart option={bankrollChart} testId="chart-bankroll" height={320} ariaLabel="Bankroll by week with drawdown, expected band and its median, and the static model" />
        <ChartKey items={BANKROLL_KEY} testId="bankroll-legend" />
      </div>
      <div className="grid-2" style={{ marginBottom: 16 }}>
        <div className="panel">
          <h2>Weekly ROI</h2>
          <EChart option={roiChart} testId="chart-weekly-roi" height={260} ariaLabel="Weekly return on stakes" />
          <ChartKey items={WEEKLY_ROI_KEY} testId="weekly-roi-legend" />
        </div>
        <div className="panel">
          <h2>Value bets found vs placed</h2>
          <EChart option={valueChart} testId="chart-value-bets" height={260} ariaLabel="Value bets found and placed per week" />
        </div>
      </div>
      <div className="grid-2" style={{ marginBottom: 16 }}>
        <div className="panel">
          <h2>Model vs market (Brier, lower is better)</h2>
          <EChart option={brierChart} testId="chart-brier" height={260} ariaLabel="Model and market Brier score by week" />
          <p className="sentence" data-testid="brier-sentence">
            {brierSentence(scores)}
          </p>
          <EncompassingPanel view={props.view} />
        </div>
        <div className="panel">
          <h2>Calibration</h2>
          <EChart option={calibrationChart} testId="chart-calibration" height={260} ariaLabel="Calibration of model probabilities" />
          <ChartKey items={CALIBRATION_KEY} testId="calibration-legend" />
        </div>
      </div>
      <div className="panel">
        <h2>Alerts and retraining</h2>
        {events.length === 0 ? (
          <p className="muted">None so far.</p>
        ) : (
          <ul className="events" data-testid="events">
            {events.map((event, i) => (
              <li key={i} data-testid={`event-${event.kind}-${event.week}`}>
                <span className={`badge ${event.kind}`}>week {event.week}</span>
                <span className={`badge ${event.kind}`}>{event.kind}</span>
                <span>{event.text}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="panel">
        <h2>Weekly performance</h2>
        <WeeklyTable weeks={weeks} onOpenWeek={props.onOpenWeek} seasonClv={kpis.clv?.mean ?? null} />
      </div>
    </div>
  );
}

/** Risk figures that do not flatter, each with its flattering companion labelled beside it. */
function RiskLine(props: { view: DashboardView }) {
  const r = props.view.risk;
  const blocks = r.roiIntervals.weekBlocks;
  return (
    <p className="sentence" data-testid="risk-line">
      Sharpe on weekly log returns {r.sharpe.logReturn === null ? '—' : r.sharpe.logReturn.toFixed(2)} (arithmetic {r.sharpe.arithmetic === null ? '—' : r.sharpe.arithmetic.toFixed(2)}) · max drawdown bet by bet{' '}
      {formatPercent(r.maxDrawdown.betByBet)} (weekly close {formatPercent(r.maxDrawdown.weeklyClose)}) · longest losing run {r.longestLosingRun} bets in kick-off order · ROI week-block 95% interval{' '}
      {blocks === null ? '—' : `${formatPercent(blocks.lower, { signed: true })} to ${formatPercent(blocks.upper, { signed: true })}`} ({r.roiIntervals.resamples.toLocaleString('en-GB')} resamples) · bets needed to confirm this edge{' '}
      {r.edge === null ? '—' : r.edge.betsNeeded === null ? 'none (no edge to confirm)' : r.edge.betsNeeded.toLocaleString('en-GB')} · risk of ruin if the market&apos;s close is right {formatPercent(r.riskOfRuin.marketFairClose, { digits: 2 })}
    </p>
  );
}

/** Does the model carry information the market lacks? Shown beside the Brier comparison. */
function EncompassingPanel(props: { view: DashboardView }) {
  const e = props.view.encompassing;
  if (e === null) return <p className="sentence muted" data-testid="encompassing-sentence">Forecast encompassing: too few priced matches yet.</p>;
  return (
    <p className="sentence" data-testid="encompassing-sentence">
      {e.modelSlope === null ? '' : `Model weight ${e.modelSlope.estimate.toFixed(2)} [${e.modelSlope.lower.toFixed(2)}, ${e.modelSlope.upper.toFixed(2)}] on ${e.matches} matches. `}
      {e.verdict}
    </p>
  );
}
