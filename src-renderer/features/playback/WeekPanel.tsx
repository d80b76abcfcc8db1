import type { BetCandidateView, MatchView, Outcome, WeekView } from '../../../src-main/ipc/renderer-contract';
import { formatMoney } from '../../format/money';
import { formatOdds } from '../../format/odds';
import { formatPercent, formatProbability } from '../../format/percent';
import { toneOf } from '../../ui/Kpi';

export type RevealPhase = 'slip' | 'results';

function selectionOf(match: MatchView | undefined, outcome: Outcome): string {
  if (match === undefined) return outcome;
  switch (outcome) {
    case 'H':
      return match.homeTeam;
    case 'D':
      return 'Draw';
    case 'A':
      return match.awayTeam;
    default: {
      const unexpected: never = outcome;
      return unexpected;
    }
  }
}

/**
 * One week, in two phases: first the bet slip as decided before kick-off (results hidden), then
 * the results and the bankroll update. Playing a week shows the slip first; opening a played
 * week from the timeline shows both at once.
 */
/** `marketInformed`: the run's bets were decided on market-informed probabilities, so the column does not say "Model". */
export function WeekPanel(props: { view: WeekView; phase: RevealPhase; marketInformed: boolean }) {
  const { view, phase } = props;
  const matches = new Map(view.matches.map((m) => [m.matchId, m]));
  const placed = view.candidates.filter((c) => c.status !== 'rejected');
  const rejected = view.candidates.filter((c) => c.status === 'rejected');
  const revealed = phase === 'results';
  const p = view.performance;
  const label = (c: BetCandidateView): string => {
    const m = matches.get(c.matchId);
    return m === undefined ? c.matchId : `${m.homeTeam} v ${m.awayTeam}`;
  };

  return (
    <div className="panel" data-testid="week-panel">
      <div className="week-head">
        <h2 style={{ margin: 0 }}>
          Week <span data-testid="week-number">{view.week}</span> of {view.weekCount} · {p.weekStart} to {p.weekEnd}
        </h2>
        <span className="phase" data-testid="week-phase">
          {revealed ? 'Results' : 'Bet slip (before kick-off)'}
        </span>
      </div>
      {view.retrain !== null && (
        <div className="notice" data-testid="week-retrain">
          Model v{view.retrain.modelVersion} was trained before this week ({view.retrain.reason}).
        </div>
      )}
      {revealed &&
        view.alerts.map((alert, i) => (
          <div className="error" key={i} data-testid="week-alert">
            {alert.message}
          </div>
        ))}

      <h2>
        Bet slip · <span data-testid="slip-count">{placed.length}</span> bets, staked <span data-testid="slip-staked">{formatMoney(p.stakedCents)}</span>
      </h2>
      {placed.length === 0 ? (
        <p className="muted" data-testid="slip-empty">
          No bet passed the staking rules this week.
        </p>
      ) : (
        <>
        <p className="explain" data-testid="value-explainer">
          Value is not the likely winner: a bet is placed when the price pays more than the model's chance of winning is worth. A 14% draw at 8.00 returns 8.00 × 14% = 1.12 per £1 on average, +12% expected profit, though it loses six times in seven.{' '}
          <strong>Break-even</strong> is 1 / odds, the win rate a price needs; <strong>EV per £1</strong> is model × odds − 1, the expected profit per unit staked at this price.
        </p>
        <div className="table-wrap" tabIndex={0} role="region" aria-label={`Bet slip of week ${view.week}`}>
          <table data-testid="slip-table">
            <thead>
              <tr>
                <th>Match</th>
                <th>Selection</th>
                <th className="num">Odds</th>
                <th className="num" title="The probability the bet was decided on: the model's own, or the strategy's market-informed one">
                  {props.marketInformed ? 'Strategy p (market-informed)' : 'Model'}
                </th>
                <th className="num">Market</th>
                <th className="num" title="1 / odds: the win rate at which this price breaks even">Break-even</th>
                <th className="num" title="Expected profit per £1 staked at this price if the model is right: model × odds − 1">EV per £1</th>
                <th className="num" title="Share of the bankroll staked">Kelly</th>
                <th className="num">Stake</th>
                {revealed && <th>Result</th>}
                {revealed && <th className="num">Profit</th>}
              </tr>
            </thead>
            <tbody>
              {placed.map((c, i) => (
                <tr key={`${c.matchId}-${c.outcome}`} data-testid={`slip-row-${i}`}>
                  <td>{label(c)}</td>
                  <td>
                    {selectionOf(matches.get(c.matchId), c.outcome)} <span className="muted">({c.outcome})</span>
                    {c.robustAcrossMethods && (
                      <span className="badge" title="Positive expected value under every margin-removal method" style={{ marginLeft: 6 }}>
                        robust
                      </span>
                    )}
                  </td>
                  <td className="num">{formatOdds(c.decimalOdds)}</td>
                  <td className="num">{formatProbability(c.modelProbability)}</td>
                  <td className="num">{formatProbability(c.marketProbability)}</td>
                  <td className="num" data-testid={`slip-break-even-${i}`}>{formatProbability(1 / c.decimalOdds)}</td>
                  <td className="num">{formatPercent(c.edge, { signed: true })}</td>
                  <td className="num" title={`full Kelly ${formatPercent(c.fullKelly)}`}>
                    {formatPercent(c.appliedKelly, { digits: 2 })}
                  </td>
                  <td className="num" data-testid={`slip-stake-${i}`}>
                    {formatMoney(c.stakeCents)}
                  </td>
                  {revealed && (
                    <td className="reveal">
                      <span className={`badge ${c.status === 'settled' && c.won ? 'won' : 'lost'}`}>{c.status === 'settled' && c.won ? 'won' : 'lost'}</span>
                    </td>
                  )}
                  {revealed && (
                    <td className={`num reveal ${toneOf(c.status === 'settled' ? c.profitCents : null) ?? ''}`} data-testid={`slip-profit-${i}`}>
                      {c.status === 'settled' ? formatMoney(c.profitCents, { signed: true }) : '—'}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul className="legend" data-testid="slip-legend" aria-label="Badges">
          <li>
            <span className="badge">robust</span> positive expected value under every margin-removal method
          </li>
          {revealed && (
            <li>
              <span className="badge won">won</span> / <span className="badge lost">lost</span> the settled result
            </li>
          )}
          <li>Hover a column heading for its definition</li>
        </ul>
        </>
      )}

      {rejected.length > 0 && (
        <details style={{ marginTop: 12 }} data-testid="rejected">
          <summary>
            {rejected.length} other candidate{rejected.length === 1 ? '' : 's'} rejected
          </summary>
          <table>
            <thead>
              <tr>
                <th>Match</th>
                <th>Selection</th>
                <th className="num">Odds</th>
                <th className="num">EV per £1</th>
                <th>Why not</th>
              </tr>
            </thead>
            <tbody>
              {rejected.map((c) => (
                <tr key={`${c.matchId}-${c.outcome}`} className="rejected" data-testid="rejected-row">
                  <td>{label(c)}</td>
                  <td>{selectionOf(matches.get(c.matchId), c.outcome)}</td>
                  <td className="num">{formatOdds(c.decimalOdds)}</td>
                  <td className="num">{formatPercent(c.edge, { signed: true })}</td>
                  <td data-testid="rejected-reason">{c.rejectionText}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}

      {revealed && (
        <div className="reveal" style={{ marginTop: 16 }} data-testid="week-results">
          <div className="kpi-strip">
            <div className="kpi">
              <div className="label">Bankroll after week {view.week}</div>
              <div className="value" data-testid="week-bankroll-end">
                {formatMoney(p.bankrollEndCents)}
              </div>
              <div className="detail">from {formatMoney(p.bankrollStartCents)} at the week's start</div>
            </div>
            <div className="kpi">
              <div className="label">Week profit</div>
              <div className={`value ${toneOf(p.profitCents) ?? ''}`} data-testid="week-profit">
                {formatMoney(p.profitCents, { signed: true })}
              </div>
              <div className="detail">
                {p.wins} of {p.betsPlaced} won · ROI {formatPercent(p.roi, { signed: true })}
              </div>
            </div>
          </div>
          <details>
            <summary>All {view.matches.length} results with model and market probabilities</summary>
            <table>
              <thead>
                <tr>
                  <th>Date</th>
                  <th>Match</th>
                  <th className="num">Score</th>
                  <th className="num">Model H / D / A</th>
                  <th className="num">Market H / D / A</th>
                </tr>
              </thead>
              <tbody>
                {view.matches.map((m) => (
                  <tr key={m.matchId}>
                    <td className="nowrap">{m.date}</td>
                    <td>
                      {m.homeTeam} v {m.awayTeam}
                    </td>
                    <td className="num">
                      {m.homeGoals}–{m.awayGoals} ({m.result})
                    </td>
                    <td className="num">{m.modelProbabilities.map(formatProbability).join(' / ')}</td>
                    <td className="num">{m.marketProbabilities === null ? '—' : m.marketProbabilities.map(formatProbability).join(' / ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      )}
    </div>
  );
}
