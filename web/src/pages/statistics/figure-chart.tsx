import { useEffect, useRef } from 'react';
import { echarts } from './echarts-setup';

export interface Figure {
  key: string;
  label: string;
  value: number;
}

/**
 * A bar (or pie) chart of labelled counts; a click on a bar or slice opens its incidents (`onPick`). The same figures
 * are also links beside the chart (FigureLinks), so the drill-down works from the keyboard too.
 */
export function FigureChart({ figures, kind, onPick, label, testId }: { figures: Figure[]; kind: 'bar' | 'pie'; onPick: (key: string) => void; label: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    const chart = echarts.init(ref.current!, undefined, { renderer: 'canvas' });
    chart.on('click', (event) => {
      const figure = figures[event.dataIndex];
      if (figure) pick.current(figure.key);
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(ref.current!);
    chart.setOption({
      aria: { enabled: true, label: { description: `${label}：${figures.map((f) => `${f.label} ${f.value}`).join('，')}` } },
      tooltip: { trigger: 'item' },
      ...(kind === 'bar'
        ? {
            grid: { left: 40, right: 16, top: 16, bottom: 48 },
            xAxis: { type: 'category', data: figures.map((f) => f.label), axisLabel: { interval: 0, rotate: figures.length > 4 ? 30 : 0 } },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: 'bar', data: figures.map((f) => f.value), itemStyle: { color: '#1d4ed8' }, cursor: 'pointer' }],
          }
        : { series: [{ type: 'pie', radius: ['35%', '65%'], data: figures.map((f) => ({ name: f.label, value: f.value })), cursor: 'pointer' }] }),
    });
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [figures, kind, label]);
  return <div ref={ref} className="kb-chart" data-testid={testId} role="img" aria-label={label} />;
}
