/**
 * One entry of a chart's key: what a line, area, colour or mark drawn on the chart means. Each
 * option builder exports its key beside it, and its test checks that everything the option draws
 * is explained by the key or by the chart's own ECharts legend, and that the key explains nothing
 * the chart does not draw.
 */
export interface ChartKeyItem {
  /** What it explains, as the option test finds it drawn: a series name, `mark:<kind>` or `color:<css colour>`. */
  readonly explains: string;
  /** CSS class of the swatch under `.legend .swatch` in styles.css. */
  readonly swatch: string;
  readonly label: string;
}
