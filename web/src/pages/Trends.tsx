import type { Trends as TrendsData } from "../api";
import { Chart } from "../components/Chart";
import { DataTable } from "../components/DataTable";
import { trends, trendSplit, url, type TrendSplit } from "../models/app";
import { alpha, Loaded, PALETTE, useLoader } from "./common";

const SPLIT_LABELS: Record<TrendSplit, string> = { department: "Department", team: "Team", service: "Service", channel: "Channel" };

const MEASURES = [
  { key: "csat", label: "CSAT (% satisfied)", unit: "%" },
  { key: "cesMean", label: "CES (mean, 1–7)", unit: "" },
  { key: "csiIndex", label: "CSI (index, 0–100)", unit: "" },
  { key: "fcr", label: "FCR (% resolved)", unit: "%" },
  { key: "responseRate", label: "Response rate (%)", unit: "%" },
] as const;

function MeasureChart({ d, m }: { d: TrendsData; m: (typeof MEASURES)[number] }) {
  const labels = d.periods.map((p) => p.label);
  // Each group: its line, then its interval as a band (lower edge, then upper edge filled down to it).
  const datasets = d.series.flatMap((s, i) => {
    const colour = PALETTE[i % PALETTE.length]!;
    const pts = s.points.map((p) => p[m.key]);
    return [
      { label: s.group.name, data: pts.map((p) => p.value), borderColor: colour, backgroundColor: colour, borderWidth: 2, pointRadius: 3, fill: false },
      { label: `${s.group.name} lower`, data: pts.map((p) => p.low), borderColor: "transparent", pointRadius: 0, fill: false },
      { label: `${s.group.name} upper`, data: pts.map((p) => p.high), borderColor: "transparent", pointRadius: 0, backgroundColor: alpha(colour, 0.15), fill: "-1" as const },
    ];
  });
  const rows = d.periods.flatMap((p, pi) => d.series.map((s) => ({ period: p.label, group: s.group.name, f: s.points[pi]![m.key] })));
  return (
    <section class="panel" aria-labelledby={`h-${m.key}`}>
      <h2 id={`h-${m.key}`}>{m.label}</h2>
      <Chart
        type="line"
        label={`${m.label} by ${d.period}, one line per ${d.split}, with 95% intervals as shaded bands`}
        data={{ labels, datasets }}
        options={{ plugins: { legend: { labels: { filter: (item) => !/ (lower|upper)$/.test(item.text) } } } }}
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

export function TrendsPage() {
  useLoader(trends);
  const split = trendSplit(url.query.value.split);
  return (
    <>
      <fieldset class="inline">
        <legend>Split by</legend>
        {(["department", "team", "service", "channel"] as const).map((s) => (
          <label>
            <input type="radio" name="split" value={s} checked={split === s} onChange={() => url.setParam("split", s === "department" ? null : s)} /> {SPLIT_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <Loaded loader={trends}>
        {(d) => (
          <div class="grid-2">
            {MEASURES.map((m) => (
              <MeasureChart key={m.key} d={d} m={m} />
            ))}
          </div>
        )}
      </Loaded>
    </>
  );
}
