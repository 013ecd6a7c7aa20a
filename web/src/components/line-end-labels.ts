import { layouts, type Chart, type ChartType, type LayoutItem, type Plugin } from "chart.js";
import { toFont } from "chart.js/helpers";
import { textColour } from "../lib/palette";

/**
 * Direct labels: the name of a series written just right of where its line ends, in the line's
 * colour, so the reader needs no legend to tell the lines apart. Register per chart
 * (`plugins={[lineEndLabels]}`) and name the datasets to label in `options.plugins.lineEndLabels`.
 */
export type LineEndLabelsOptions = {
  /** The datasets to name, by index; each is written in its `borderColor` with its `label`. */
  datasets: readonly number[];
};

declare module "chart.js" {
  interface PluginOptionsByType<TType extends ChartType> {
    lineEndLabels: LineEndLabelsOptions;
  }
}

const GAP = 6;
/** A long name wraps onto a second line before it is cut short. */
const MAX_LINES = 2;
const FONT = { size: 12, weight: "bold" as const, lineHeight: 1.25 };

type Label = { text: string; colour: string; y: number };

/**
 * Where to put labels of the given heights, each as near the height `y` it wants as the others
 * allow: none overlapping, all within [top, bottom]. Returns their centres in the order given.
 */
export function spreadLabels(items: readonly { y: number; height: number }[], top: number, bottom: number): number[] {
  const order = items.map((it, i) => ({ ...it, i })).sort((a, b) => a.y - b.y);
  const ys = order.map((o) => o.y);
  const apart = (k: number) => (order[k - 1]!.height + order[k]!.height) / 2;
  const n = ys.length;
  if (n === 0) return [];
  // Push down what overlaps, pull the column back up from the bottom, then keep it below the top.
  for (let k = 1; k < n; k++) ys[k] = Math.max(ys[k]!, ys[k - 1]! + apart(k));
  ys[n - 1] = Math.min(ys[n - 1]!, bottom - order[n - 1]!.height / 2);
  for (let k = n - 2; k >= 0; k--) ys[k] = Math.min(ys[k]!, ys[k + 1]! - apart(k + 1));
  ys[0] = Math.max(ys[0]!, top + order[0]!.height / 2);
  for (let k = 1; k < n; k++) ys[k] = Math.max(ys[k]!, ys[k - 1]! + apart(k));
  const out = new Array<number>(n);
  order.forEach((o, k) => (out[o.i] = ys[k]!));
  return out;
}

/** The text cut with an ellipsis to fit `width` in the context's current font. */
function cut(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > width) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

/** The text in lines that fit `width`, broken between words, at most MAX_LINES, the last cut short if need be. */
function wrapped(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest && lines.length < MAX_LINES - 1) {
    const words = rest.split(/\s+/);
    let line = words[0]!;
    for (const w of words.slice(1)) {
      if (ctx.measureText(`${line} ${w}`).width > width) break;
      line = `${line} ${w}`;
    }
    if (line === rest || ctx.measureText(line).width > width) break;
    lines.push(line);
    rest = rest.slice(line.length).trim();
  }
  return rest ? [...lines, cut(ctx, rest, width)] : lines;
}

/**
 * The column right of the plot where the labels go: a layout box, so chart.js narrows the plot
 * to make room for it as it does for an axis or a legend.
 */
class LabelColumn implements LayoutItem {
  position = "right" as const;
  weight = 100;
  fullSize = false;
  options = {};
  left = 0;
  top = 0;
  right = 0;
  bottom = 0;
  width = 0;
  height = 0;
  /** The widest label plus the gap; set before each layout. */
  wanted = 0;
  labels: Label[] = [];

  constructor(private readonly chart: Chart<"line">) {}

  isHorizontal(): boolean {
    return false;
  }

  update(maxWidth: number, maxHeight: number): void {
    // The widest name, within 30% of the chart: a phone keeps its plot, and a long name wraps.
    this.width = Math.min(this.wanted, Math.max(maxWidth, this.chart.width * 0.3));
    this.height = maxHeight;
  }

  draw(): void {
    if (this.labels.length === 0) return;
    const { ctx, chartArea } = this.chart;
    const font = toFont(FONT);
    ctx.save();
    ctx.font = font.string;
    ctx.textAlign = "left";
    ctx.textBaseline = "middle";
    const texts = this.labels.map((l) => wrapped(ctx, l.text, this.width - GAP));
    const ys = spreadLabels(
      this.labels.map((l, i) => ({ y: l.y, height: texts[i]!.length * font.lineHeight })),
      chartArea.top,
      chartArea.bottom,
    );
    this.labels.forEach((l, i) => {
      ctx.fillStyle = l.colour;
      const lines = texts[i]!;
      lines.forEach((line, k) => ctx.fillText(line, chartArea.right + GAP, ys[i]! + (k - (lines.length - 1) / 2) * font.lineHeight));
    });
    ctx.restore();
  }
}

const columns = new WeakMap<Chart<"line">, LabelColumn>();

export const lineEndLabels: Plugin<"line", LineEndLabelsOptions> = {
  id: "lineEndLabels",
  defaults: { datasets: [] },
  install(chart) {
    const column = new LabelColumn(chart);
    columns.set(chart, column);
    layouts.addBox(chart, column);
  },
  uninstall(chart) {
    const column = columns.get(chart);
    if (column) layouts.removeBox(chart, column);
    columns.delete(chart);
  },
  beforeLayout(chart, _args, options) {
    const column = columns.get(chart);
    if (!column) return;
    const names = options.datasets.map((i) => chart.data.datasets[i]?.label).filter((t): t is string => !!t);
    const { ctx } = chart;
    ctx.save();
    ctx.font = toFont(FONT).string;
    column.wanted = names.length === 0 ? 0 : Math.ceil(Math.max(...names.map((t) => ctx.measureText(t).width))) + GAP * 2;
    ctx.restore();
  },
  // After the points have their positions and before anything is drawn: where each labelled line ends.
  afterUpdate(chart, _args, options) {
    const column = columns.get(chart);
    if (!column) return;
    column.labels = options.datasets.flatMap((i) => {
      const ds = chart.data.datasets[i];
      const meta = chart.getDatasetMeta(i);
      if (!ds?.label || meta.hidden) return [];
      const end = [...meta.data].reverse().find((p) => !(p as { skip?: boolean }).skip && Number.isFinite(p.y));
      if (!end) return [];
      const colour = typeof ds.borderColor === "string" && ds.borderColor.startsWith("#") ? textColour(ds.borderColor) : "#1f2937";
      return [{ text: ds.label, colour, y: end.y }];
    });
  },
};
