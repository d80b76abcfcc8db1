import { describe, expect, it } from 'vitest';
import { weeklyRoiOption } from './weekly-roi-option';
import { chartColors } from './chart-theme';
import { weekRow } from './test-factories';

describe('weeklyRoiOption', () => {
  it('shows ROI in percent, green for profit, red for loss, and no bar for a week without stakes', () => {
    // 0.1234 -> 12.3%; -0.5 -> -50%
    const option = weeklyRoiOption([weekRow({ week: 1, roi: 0.1234 }), weekRow({ week: 2, roi: -0.5 }), weekRow({ week: 3, roi: null })]);
    const [series] = option.series as { data: unknown[] }[];
    expect(series?.data).toEqual([
      { value: 12.3, itemStyle: { color: chartColors.gain } },
      { value: -50, itemStyle: { color: chartColors.loss } },
      null,
    ]);
    // Categories carry the week's name so the tooltip is headed "Week 2"; the ticks show the number.
    const axis = option.xAxis as { data: string[]; axisLabel: { formatter: (v: string) => string } };
    expect(axis.data).toEqual(['Week 1', 'Week 2', 'Week 3']);
    expect(axis.axisLabel.formatter('Week 2')).toBe('2');
  });
});
