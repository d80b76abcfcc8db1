import type { OddsSource } from '../domain/football/match';

/** Header names of one 1X2 price group in H, D, A order. */
export type OddsColumns = readonly [home: string, draw: string, away: string];

/**
 * Where each odds group lives in football-data headers, newest naming first. Checked against the
 * 19 EPL files 2005-06 .. 2023-24:
 * - Bet365 `B365H/D/A` in every season; Pinnacle `PSH/D/A` from 2012-13 (no earlier Pinnacle
 *   pre-match column exists in those files).
 * - Market average and maximum: `AvgH`/`MaxH` from 2019-20, `BbAvH`/`BbMxH` (BetBrain) before.
 * - Closing prices: `PSCH/D/A` from 2012-13; `B365CH`, `AvgCH`, `MaxCH` from 2019-20.
 * When a file carries several namings of one group, the first listed wins.
 */
export const ODDS_COLUMNS: Readonly<Record<OddsSource, readonly OddsColumns[]>> = {
  b365: [['B365H', 'B365D', 'B365A']],
  pinnacle: [['PSH', 'PSD', 'PSA']],
  avg: [
    ['AvgH', 'AvgD', 'AvgA'],
    ['BbAvH', 'BbAvD', 'BbAvA'],
  ],
  max: [
    ['MaxH', 'MaxD', 'MaxA'],
    ['BbMxH', 'BbMxD', 'BbMxA'],
  ],
  b365Close: [['B365CH', 'B365CD', 'B365CA']],
  pinnacleClose: [['PSCH', 'PSCD', 'PSCA']],
  avgClose: [['AvgCH', 'AvgCD', 'AvgCA']],
  maxClose: [['MaxCH', 'MaxCD', 'MaxCA']],
};
