import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartData,
  type ChartOptions,
  type ChartType,
} from "chart.js";
import { useEffect, useRef } from "preact/hooks";

ChartJS.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Filler, Legend, Tooltip);
ChartJS.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
ChartJS.defaults.color = "#1f2937";

type Props<T extends ChartType> = {
  type: T;
  data: ChartData<T>;
  options?: ChartOptions<T>;
  /** What the chart shows, for screen readers; the numbers themselves are in the table beside it. */
  label: string;
  height?: number;
};

/**
 * A chart.js chart: the instance is made once, its data is replaced in place when the props
 * change (no flicker, no leak), and it is destroyed when the component goes.
 */
export function Chart<T extends ChartType>({ type, data, options, label, height = 260 }: Props<T>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartJS<T> | null>(null);

  useEffect(() => {
    const config = { type, data: { labels: [], datasets: [] }, options: { responsive: true, maintainAspectRatio: false, animation: false, ...options } } as unknown as ChartConfiguration<T>;
    chart.current = new ChartJS(canvas.current!, config);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.labels = data.labels;
    const existing = c.data.datasets;
    data.datasets.forEach((ds, i) => {
      if (existing[i]) Object.assign(existing[i]!, ds);
      else existing.push(ds);
    });
    existing.length = data.datasets.length;
    c.update();
  }, [data]);

  return (
    <div class="chart" style={{ height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={`${label}. The numbers are in the table that follows.`} />
    </div>
  );
}
