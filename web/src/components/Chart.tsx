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
  type Plugin,
} from "chart.js";
import { useEffect, useRef } from "preact/hooks";

ChartJS.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Filler, Legend, Tooltip);
ChartJS.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
ChartJS.defaults.color = "#1f2937";

type Props<T extends ChartType> = {
  type: T;
  data: ChartData<T>;
  options?: ChartOptions<T>;
  /** Inline plugins for this chart alone (line-end labels); fixed for the chart's life, their options live in `options.plugins`. */
  plugins?: Plugin<T>[];
  /** What the chart shows, for screen readers; the numbers themselves are in the table beside it. */
  label: string;
  height?: number;
};

/** The caller's options over the dashboard's defaults: sized by its box, drawn at once (no animation to wait for). */
function withDefaults<T extends ChartType>(options: ChartOptions<T> | undefined): ChartOptions<T> {
  return { responsive: true, maintainAspectRatio: false, animation: false, ...options } as ChartOptions<T>;
}

/**
 * The props' data under a new outer object and dataset list: a render's datasets replace the
 * previous ones whole, so nothing of an earlier render survives in them (a series that had a
 * band and now has none keeps no `fill`).
 */
function dataOf<T extends ChartType>(data: ChartData<T>): ChartData<T> {
  return { ...data, labels: data.labels ? [...data.labels] : [], datasets: [...data.datasets] };
}

/**
 * A chart.js chart: the instance is made once; when the props change, its options are
 * re-applied and its datasets replaced, and it is redrawn in place (no animation, so no
 * flicker); it is destroyed when the component goes.
 */
export function Chart<T extends ChartType>({ type, data, options, plugins, label, height = 260 }: Props<T>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartJS<T> | null>(null);
  // The props the chart was last drawn from, so that the render that made it does not redraw it.
  const drawn = useRef<{ data: ChartData<T>; options: ChartOptions<T> | undefined } | null>(null);

  useEffect(() => {
    const config = { type, data: dataOf(data), options: withDefaults(options), plugins: plugins ?? [] } as ChartConfiguration<T>;
    chart.current = new ChartJS(canvas.current!, config);
    drawn.current = { data, options };
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c || (drawn.current?.data === data && drawn.current.options === options)) return;
    c.options = withDefaults(options);
    c.data = dataOf(data);
    c.update();
    drawn.current = { data, options };
  }, [data, options]);

  return (
    <div class="chart" style={{ height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={`${label}. The numbers are in the table that follows.`} />
    </div>
  );
}
