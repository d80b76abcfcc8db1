import type { Verdict } from '../../../src-main/ipc/renderer-contract';
import { formatMoney } from '../../format/money';
import { formatScore } from '../../format/odds';
import { formatPercent } from '../../format/percent';
import { definitionOf } from '../help/user-guide';

const BAND_TEXT = { below: 'below the band', inside: 'inside the band', above: 'above the band', unavailable: '' } as const;

/** The headline answer and the four figures it was chosen from (rules: user guide, "The verdict"). */
export function VerdictBanner(props: { verdict: Verdict }) {
  const { kind, sentence, evidence: e } = props.verdict;
  const signed = (x: number): string => (x > 0 ? `+${formatScore(x)}` : x < 0 ? `\u2212${formatScore(-x)}` : formatScore(x));
  const figures: { key: string; label: string; value: string }[] = [
    {
      key: 'brier',
      label: 'Model − market Brier',
      value: e.brierDifference === null ? 'no market prices' : `${signed(e.brierDifference.mean)} (95% CI ${signed(e.brierDifference.lower)} to ${signed(e.brierDifference.upper)})`,
    },
    {
      key: 'clv',
      label: 'Closing-line value',
      value: e.clv === null ? 'unavailable' : `${formatPercent(e.clv.mean, { signed: true })}, beat the close on ${formatPercent(e.clv.beatCloseShare, { digits: 0 })} of ${e.clv.bets}`,
    },
    {
      key: 'roi',
      label: 'ROI',
      value: e.roiInterval === null ? formatPercent(e.roi, { signed: true }) : `${formatPercent(e.roi, { signed: true })} (95% CI ${formatPercent(e.roiInterval[0], { signed: true })} to ${formatPercent(e.roiInterval[1], { signed: true })})`,
    },
    {
      key: 'band',
      label: 'Bankroll vs expected band',
      value:
        e.bankroll === null
          ? '—'
          : `${formatMoney(e.bankroll.finalCents)} ${BAND_TEXT[e.bankrollPosition]} ${formatMoney(e.bankroll.p05Cents)}–${formatMoney(e.bankroll.p95Cents)} (median ${formatMoney(e.bankroll.p50Cents)})`,
    },
  ];
  return (
    <section className={`verdict ${kind}`} data-testid="verdict" aria-labelledby="verdict-heading" title={definitionOf('Verdict')}>
      <h2 id="verdict-heading" className="verdict-label">
        Verdict
      </h2>
      <p className="verdict-sentence" data-testid="verdict-sentence">
        {sentence}
      </p>
      <dl className="verdict-figures">
        {figures.map((f) => (
          <div key={f.key}>
            <dt>{f.label}</dt>
            <dd data-testid={`verdict-${f.key}`}>{f.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
