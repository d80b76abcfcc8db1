import type { RunSettings } from '../../../src-main/ipc/renderer-contract';
import { formatSeason, leagueName } from '../../format/season';
import { MARGIN_METHOD_LABELS, MODEL_KIND_LABELS, PRICE_SOURCE_LABELS, STAKING_MODE_LABELS } from './settings-labels';

const pct = (x: number): string => `${Math.round(x * 10_000) / 100}%`;
const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/** Every run setting with its label and how its value reads; `Record` makes a new setting a compile error here. */
export const SETTING_DESCRIPTIONS: { readonly [K in keyof RunSettings]-?: { readonly label: string; readonly show: (value: RunSettings[K]) => string } } = {
  name: { label: 'Name', show: (v) => v },
  div: { label: 'League', show: (v) => leagueName(v) },
  holdoutSeason: { label: 'Holdout season', show: (v) => formatSeason(v) },
  trainingSeasons: { label: 'Training seasons', show: (v) => (v.length === 0 ? 'all before the holdout' : v.map(formatSeason).join(', ')) },
  modelKind: { label: 'Model', show: (v) => MODEL_KIND_LABELS[v] ?? v },
  marginMethod: { label: 'Margin removal', show: (v) => MARGIN_METHOD_LABELS[v] ?? v },
  priceSource: { label: 'Prices bet at', show: (v) => PRICE_SOURCE_LABELS[v] ?? v },
  stakingMode: { label: 'Staking mode', show: (v) => STAKING_MODE_LABELS[v] ?? v },
  kellyMultiplier: { label: 'Kelly multiplier', show: (v) => `${v}×` },
  minEdge: { label: 'Minimum edge', show: pct },
  minOdds: { label: 'Minimum odds', show: (v) => v.toFixed(2) },
  maxOdds: { label: 'Maximum odds', show: (v) => v.toFixed(2) },
  maxStakeFraction: { label: 'Max stake per bet', show: pct },
  maxWeeklyExposureFraction: { label: 'Max weekly exposure', show: pct },
  oneOutcomePerMatch: { label: 'At most one bet per match', show: yesNo },
  startingBankrollCents: { label: 'Starting bankroll', show: (v) => `£${(v / 100).toLocaleString('en-GB')}` },
  retrainEveryWeeks: { label: 'Retrain every (weeks)', show: (v) => (v === 0 ? 'never on schedule' : String(v)) },
  retrainOnDegradation: { label: 'Retrain when the model degrades', show: yesNo },
  retrainMinMatches: { label: 'Min matches before degradation retrain', show: String },
  alertBrierGap: { label: 'Brier gap alert', show: String },
  alertWindowMatches: { label: 'Alert window (matches)', show: String },
  alertDrawdown: { label: 'Drawdown alert', show: pct },
  seed: { label: 'Seed', show: String },
  strategyName: { label: 'Strategy', show: (v) => v },
  probabilitySource: { label: 'Probabilities from', show: (v) => (v === 'model' ? 'the model' : v === 'market-consensus' ? 'the market consensus (market-informed)' : 'the model shrunk to the market (market-informed)') },
  referenceBook: { label: 'Reference book', show: (v) => (v === 'pinnacle' ? 'Pinnacle pre-match' : 'Average of the books') },
  poolWeight: { label: 'Weight on the model', show: (v) => (v === 'fitted' ? 'fitted on the seasons before the holdout' : String(v)) },
  priorFitSeasons: { label: 'Seasons before the holdout fitted on', show: String },
  shrinkKellyByCalibration: { label: 'Kelly shrunk by calibration error', show: yesNo },
  priorSeasonFit: {
    label: 'Measured before the first week',
    show: (v) =>
      v === undefined
        ? 'not yet'
        : [
            `${v.seasons.map(formatSeason).join(', ')} (${v.matches} matches)`,
            ...(v.poolWeight === null ? [] : [`pool weight ${v.poolWeight.weight.toFixed(3)} ± ${v.poolWeight.standardError.toFixed(3)}`]),
          ].join(': '),
  },
  maxCredibleEdge: { label: 'Maximum credible edge', show: (v) => (v === null ? 'none' : pct(v)) },
  flatStakeFraction: { label: 'Flat stake', show: (v) => (v === null ? 'Kelly' : `${pct(v)} of the bankroll`) },
  externalModel: {
    label: 'External model',
    show: (v) => (v === undefined ? 'none' : `${v.name}${v.marketInformed ? ', market-informed' : ''}, ${v.timeoutSeconds} s per call`),
  },
  importedPredictions: { label: 'Imported predictions', show: (v) => (v === undefined ? 'none' : `${v.fileName} (${v.rows} rows)`) },
};

export function describeSetting<K extends keyof RunSettings>(key: K, settings: RunSettings): string {
  // TypeScript cannot tie the generic key's entry to its value type; the mapped type above does.
  const show = SETTING_DESCRIPTIONS[key].show as (value: RunSettings[K]) => string;
  return show(settings[key]);
}

/** The settings two runs differ in (the name aside), each with both values as they read. */
export function settingsDiff(a: RunSettings, b: RunSettings): { key: keyof RunSettings; label: string; a: string; b: string }[] {
  return (Object.keys(SETTING_DESCRIPTIONS) as (keyof RunSettings)[])
    .filter((key) => key !== 'name')
    .map((key) => ({ key, label: SETTING_DESCRIPTIONS[key].label, a: describeSetting(key, a), b: describeSetting(key, b) }))
    .filter((row) => row.a !== row.b);
}

/** "Independent Kelly per bet · 0.25× · min edge 5%": the staking strategy in one line. */
export function strategyOf(settings: RunSettings): string {
  return `${describeSetting('stakingMode', settings)} · ${describeSetting('kellyMultiplier', settings)} · min edge ${describeSetting('minEdge', settings)}`;
}
