import type { OpenWeekView } from '../../../src-main/ipc/renderer-contract';
import { formatMoney } from '../../format/money';
import { formatOdds } from '../../format/odds';
import { formatPercent } from '../../format/percent';
import { formatMatchDay, formatPriceTime } from './price-time';

/** The open week's bets, as a bettor places them: when, which match, which side, at what price, how much, and when that price was taken. */
export function OpenBetsTable(props: { week: OpenWeekView }) {
  const { week } = props;
  if (week.bets.length === 0) {
    return (
      <p className="muted" data-testid="open-bets-empty">
        No bet this week: none of the {week.fixtures} fixtures passes the strategy&apos;s filters at the prices imported {formatPriceTime(week.pricesImportedAt)}.
      </p>
    );
  }
  const priceTime = formatPriceTime(week.pricesImportedAt);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={`Open bets of week ${week.week}`}>
      <table data-testid="open-bets">
        <thead>
          <tr>
            <th>Kick-off</th>
            <th>Match</th>
            <th>Selection</th>
            <th className="num">Odds</th>
            <th className="num">Stake</th>
            <th className="num">Edge</th>
            <th>Price taken</th>
          </tr>
        </thead>
        <tbody>
          {week.bets.map((bet) => (
            <tr key={`${bet.matchId}|${bet.outcome}`} data-testid="open-bet">
              <td className="nowrap" data-testid="open-bet-kickoff">
                {formatMatchDay(bet.date)} {bet.kickoff ?? ''}
              </td>
              <td data-testid="open-bet-match">{bet.match}</td>
              <td data-testid="open-bet-selection">{bet.outcome === 'D' ? 'Draw' : `${bet.outcome === 'H' ? bet.homeTeam : bet.awayTeam} (${bet.outcome === 'H' ? 'home' : 'away'})`}</td>
              <td className="num" data-testid="open-bet-odds">
                {formatOdds(bet.decimalOdds)}
              </td>
              <td className="num" data-testid="open-bet-stake">
                {formatMoney(bet.stakeCents)}
              </td>
              <td className="num">{formatPercent(bet.edge, { digits: 1 })}</td>
              <td className="nowrap muted" data-testid="open-bet-price-time">
                {priceTime}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              {week.bets.length} {week.bets.length === 1 ? 'bet' : 'bets'}
            </th>
            <td className="num" data-testid="open-bets-staked">
              <strong>{formatMoney(week.stakedCents)}</strong>
            </td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
