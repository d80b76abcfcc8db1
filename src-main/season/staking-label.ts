import { seasonSpanLabelOf } from '../domain/betting/strategy';
import { rmsCalibrationErrorOfBins } from '../domain/evaluation/calibration-error';
import type { RunSettings } from './run-settings';

/**
 * How the run stakes, in words, for every view of its strategy: the Kelly multiplier or the flat
 * fraction, and when Kelly shrinks by calibration error, the error measured before the first week
 * and on which seasons.
 */
export function stakingLabelOf(settings: RunSettings): string {
  if (settings.flatStakeFraction !== null) return `flat ${(settings.flatStakeFraction * 100).toFixed(1)}% of the week-start bankroll on every bet`;
  const kelly = `${settings.kellyMultiplier} × Kelly`;
  if (!settings.shrinkKellyByCalibration) return kelly;
  const fit = settings.priorSeasonFit;
  const measured =
    fit?.calibration != null
      ? `; ${rmsCalibrationErrorOfBins(fit.calibration).toFixed(3)} on ${seasonSpanLabelOf(fit.seasons)} (${fit.matches} matches) before the first week`
      : '; measured on the seasons before the holdout when the run starts';
  return `${kelly}, shrunk by the calibration error of the strategy's own past forecasts (the seasons before the holdout and the run's settled weeks)${measured}`;
}
