import { useModel } from "@preact/signals";
import type { ChartDataset, ChartOptions } from "chart.js";
import { HEADLINE_MEASURES } from "../../../src/domain/measure-registry";
import type { Trends as TrendsData } from "../api";
import { Chart } from "../components/Chart";
import { DataTable } from "../components/DataTable";
import { lineEndLabels } from "../components/line-end-labels";
import { alpha, CONTEXT_GREY, OKABE_ITO } from "../lib/palette";
import { TrendsModel, type TrendSplit } from "../models/trends";
import { Loaded } from "./common";

const SPLIT_LABELS: Record<TrendSplit, string> = { department: "Department", team: "Team", service: "Service", channel: "Channel" };
const PLURAL: Record<TrendSplit, string> = { department: "departments", team: "teams", service: "services", channel: "channels" };

/**
 * More series than this and the lines are grey context, only the highlighted one in colour:
 * beyond a handful of colours a reader can no longer match a line to its name.
 */
const MAX_COLOURED = 5;

type Series = TrendsData["series"][number];
type Period = TrendsData["periods"][number];
type Measure = (typeof HEADLINE_MEASURES)[number];

/** How one series is drawn: its colour (grey for context), with its interval band or not, drawn over the others or not. */
type Look = { colour: string; grey: boolean; band: boolean; emphasis: boolean };

/**
 * The looks of `count` series of which the one at `highlighted` (or none, -1) is chosen. A
 * handful each get a colour of their own, and a band when there are at most two or it is the
 * chosen one; more are all grey without bands but the chosen one, in the first colour with its band.
 */
function seriesLooks(count: number, highlighted: number): Look[] {
  return Array.from({ length: count }, (_, i) => {
    const chosen = i === highlighted;
    if (count > MAX_COLOURED) return { colour: chosen ? OKABE_ITO[0] : CONTEXT_GREY, grey: !chosen, band: chosen, emphasis: chosen };
    return { colour: OKABE_ITO[i]!, grey: false, band: count <= 2 || chosen, emphasis: chosen };
  });
}

/** The URL's name for a group: its code, or "none" for the group without one ("No service given"). */
const groupKey = (s: Series) => s.group.code ?? "none";

/** The current week, month… is not over yet: its figure may still move. */
const isPartial = (p: Period) => p.partial === true;

function MeasureChart({ d, m, looks }: { d: TrendsData; m: Measure; looks: Look[] }) {
  const labels = d.periods.map((p) => p.label);
  const partial = d.periods.map(isPartial);
  const datasets: ChartDataset<"line", (number | null)[]>[] = [];
  const bands = new Set<number>();
  const named: number[] = [];
  d.series.forEach((s, i) => {
    const look = looks[i]!;
    const pts = s.points.map((p) => p[m.key]);
    const { colour } = look;
    if (!look.grey) named.push(datasets.length);
    datasets.push({
      label: s.group.name,
      data: pts.map((p) => p.value),
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: look.grey ? 1.25 : look.emphasis ? 3 : 2,
      // Grey lines carry no points but the hollow one of an unfinished period.
      pointRadius: partial.map((part) => (look.grey ? (part ? 2.5 : 0) : 3)),
      pointHoverRadius: 4,
      pointBackgroundColor: partial.map((part) => (part ? "#fff" : colour)),
      pointBorderColor: colour,
      pointBorderWidth: partial.map((part) => (part ? 1.5 : 1)),
      // The way into an unfinished period is dashed: its figure may still move.
      segment: { borderDash: (ctx) => (partial[ctx.p1DataIndex] ? [5, 4] : undefined) },
      // Lower draws later, on top: the chosen line, the coloured ones, then the grey; bands underneath all.
      order: look.emphasis ? 0 : look.grey ? 2 : 1,
    });
    if (look.band) {
      const lower = datasets.length;
      bands.add(lower).add(lower + 1);
      datasets.push(
        { label: `${s.group.name} lower`, data: pts.map((p) => p.low), borderColor: "transparent", pointRadius: 0, pointHitRadius: 0, order: 3 },
        {
          label: `${s.group.name} upper`,
          data: pts.map((p) => p.high),
          borderColor: "transparent",
          pointRadius: 0,
          pointHitRadius: 0,
          backgroundColor: alpha(colour, 0.18),
          fill: lower,
          order: 3,
        },
      );
    }
  });
  const options: ChartOptions<"line"> = {
    interaction: { mode: "index", intersect: false },
    plugins: {
      // Coloured lines are named at their ends; what grey means is said above the charts.
      legend: { display: false },
      lineEndLabels: { datasets: named },
      tooltip: {
        filter: (item) => !bands.has(item.datasetIndex),
        itemSort: (a, b) => (b.parsed.y ?? -Infinity) - (a.parsed.y ?? -Infinity),
        callbacks: { title: (items) => (items[0] ? `${items[0].label}${partial[items[0].dataIndex] ? " (partial: not over yet)" : ""}` : "") },
      },
    },
  };
  const rows = d.periods.flatMap((p, pi) =>
    d.series.map((s) => ({ period: `${p.label}${partial[pi] ? " (partial)" : ""}`, group: s.group.name, f: s.points[pi]![m.key] })),
  );
  const chosen = d.series.find((_, i) => looks[i]!.emphasis);
  return (
    <section class="panel" aria-labelledby={`h-${m.key}`}>
      <h2 id={`h-${m.key}`}>{m.label}</h2>
      <p class="note">{m.reported}</p>
      <Chart
        type="line"
        label={`${m.label}, ${m.reported}, by ${d.period}, one line per ${d.split}${chosen ? `, ${chosen.group.name} highlighted with its 95% interval as a shaded band` : ""}`}
        data={{ labels, datasets }}
        options={options}
        plugins={[lineEndLabels]}
      />
      <DataTable
        forChart
        caption={`${m.label} by ${d.period} and ${d.split}`}
        filename={`trend-${m.key}.csv`}
        rowKey={(r) => `${r.period}-${r.group}`}
        rows={rows}
        columns={[
          { header: "Period", cell: (r) => r.period, csv: (r) => r.period },
          { header: SPLIT_LABELS[d.split], cell: (r) => r.group, csv: (r) => r.group },
          { header: "Value", cell: (r) => (r.f.value === null ? (r.f.tooFew ? "too few responses" : "–") : r.f.value), csv: (r) => r.f.value, numeric: true },
          { header: "Lower", cell: (r) => r.f.low ?? "", csv: (r) => r.f.low, numeric: true },
          { header: "Upper", cell: (r) => r.f.high ?? "", csv: (r) => r.f.high, numeric: true },
          { header: "n", cell: (r) => r.f.n, csv: (r) => r.f.n, numeric: true },
        ]}
      />
    </section>
  );
}

/** The highlight choice, and in words what the colours, the grey and the dashes mean. */
function Key({ d, highlighted, m }: { d: TrendsData; highlighted: number; m: TrendsModel }) {
  const noun = d.split;
  const count = d.series.length;
  const chosen = d.series[highlighted];
  const lastPartial = d.periods.length > 0 && isPartial(d.periods[d.periods.length - 1]!);
  const colours =
    count > MAX_COLOURED
      ? chosen
        ? `${chosen.group.name} in colour with its 95% interval as a shaded band; the other ${count - 1} ${PLURAL[noun]} in grey.`
        : `${count} ${PLURAL[noun]}, each a grey line. Highlight one to see it in colour with its 95% interval as a shaded band.`
      : count <= 2
        ? `Each ${noun} in its own colour, named at the end of its line, with its 95% interval as a shaded band.`
        : chosen
          ? `Each ${noun} in its own colour, named at the end of its line; ${chosen.group.name} drawn thicker, with its 95% interval as a shaded band.`
          : `Each ${noun} in its own colour, named at the end of its line. Highlight one to see its 95% interval as a shaded band.`;
  return (
    <div class="trend-key">
      {count > 1 ? (
        <div class="field">
          <label for="trend-highlight">Highlight a {noun}</label>
          <select id="trend-highlight" value={chosen ? groupKey(chosen) : ""} onChange={(e) => m.setHighlight(e.currentTarget.value || null)}>
            <option value="">None</option>
            {d.series.map((s) => (
              <option value={groupKey(s)}>{s.group.name}</option>
            ))}
          </select>
        </div>
      ) : null}
      {count > 0 || lastPartial ? (
        <p class="note">
          {count > 0 ? colours : null}
          {lastPartial ? ` The last ${d.period} is not over yet: the way into it is dashed and its point hollow.` : null}
        </p>
      ) : null}
    </div>
  );
}

export function TrendsPage() {
  const m = useModel(TrendsModel);
  const split = m.split.value;
  const highlight = m.highlight.value;
  return (
    <>
      <fieldset class="inline trend-split">
        <legend>Split by</legend>
        {(["department", "team", "service", "channel"] as const).map((s) => (
          <label>
            <input type="radio" name="split" value={s} checked={split === s} onChange={() => m.setSplit(s)} /> {SPLIT_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <Loaded loader={m.trends}>
        {(d) => {
          // A highlight left from another split or filter names no series here, and is ignored.
          const highlighted = d.series.findIndex((s) => groupKey(s) === highlight);
          const looks = seriesLooks(d.series.length, highlighted);
          return (
            <>
              <Key d={d} highlighted={highlighted} m={m} />
              <div class="grid-2">
                {HEADLINE_MEASURES.map((m) => (
                  <MeasureChart key={m.key} d={d} m={m} looks={looks} />
                ))}
              </div>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
