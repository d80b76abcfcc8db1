import { useEffect, useRef } from 'react';
import { echarts } from './echarts-setup';
import type { EChartsOption } from 'echarts';

/**
 * The one ECharts wrapper: creates the chart once, replaces its option when the data changes,
 * follows the container's size and disposes on unmount. Options come from charts/options/*.
 */
export function EChart(props: { option: EChartsOption; testId: string; height?: number; ariaLabel: string }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(props.option, { notMerge: true });
  }, [props.option]);

  return <div ref={container} className="chart" style={{ height: props.height ?? 300 }} data-testid={props.testId} role="img" aria-label={props.ariaLabel} />;
}
