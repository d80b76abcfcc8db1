import guideText from '../../../docs/user-guide.md?raw';
import { metricDefinitions, parseMarkdown } from './parse-markdown';

/** docs/user-guide.md, bundled at build time: the Help page and the metric tooltips read the same text. */
export const USER_GUIDE = parseMarkdown(guideText);
export const METRIC_DEFINITIONS = metricDefinitions(USER_GUIDE);

export function definitionOf(metric: string): string | undefined {
  return METRIC_DEFINITIONS.get(metric);
}
