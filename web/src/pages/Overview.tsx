import { Chart } from "../components/Chart";
import { DataTable } from "../components/DataTable";
import { StatusBadge } from "../components/FigureText";
import { formatChange, formatInterval, formatValue } from "../lib/format";
import { overview } from "../models/app";
import type { Overview as OverviewData } from "../api";
import { Loaded, useLoader } from "./common";

type Measure = OverviewData["measures"][number];

function Card({ m }: { m: Measure }) {
  const labels = m.spark.map((p) => p.label);
  return (
    <article class={`card ${m.status ?? ""}`} data-measure={m.key}>
      <h2>{m.label}</h2>
      <p class="big" data-testid={`value-${m.key}`}>
        {formatValue(m.figure, m.unit)}
      </p>
      <p class="small">{formatInterval(m.figure, m.unit)}</p>
      <p class="small">
        Against the previous period: <strong>{formatChange(m.change, m.unit)}</strong>
      </p>
      <p class="small">
        {m.target === null ? "No target set" : `Target ${m.target}${m.unit === "%" ? "%" : ""}`} <StatusBadge status={m.status} />
      </p>
      <Chart
        type="line"
        label={`${m.label} by period`}
        height={70}
        data={{ labels, datasets: [{ label: m.label, data: m.spark.map((p) => p.value), borderColor: "#1d4ed8", borderWidth: 2, pointRadius: 2, spanGaps: false }] }}
        options={{ plugins: { legend: { display: false }, tooltip: { enabled: true } }, scales: { x: { display: false }, y: { display: false } } }}
      />
      <DataTable
        forChart
        caption={`${m.label} by period`}
        filename={`${m.key}-by-period.csv`}
        rowKey={(r) => r.periodStart}
        rows={m.spark}
        columns={[
          { header: "Period", cell: (r) => r.label, csv: (r) => r.label },
          { header: m.label, cell: (r) => (r.value === null ? "too few responses" : r.value), csv: (r) => r.value, numeric: true },
          { header: "n", cell: (r) => r.n, csv: (r) => r.n, numeric: true },
        ]}
      />
    </article>
  );
}

export function OverviewPage() {
  useLoader(overview);
  return (
    <Loaded loader={overview}>
      {(d) => (
        <>
          <p class="lede">
            {d.from} to {d.to}, compared with {d.previous.from} to {d.previous.to}. {d.responses} responses to {d.issued} surveys sent. Figures from fewer than {d.minCount} answers show as "too few responses".
          </p>
          <div class="cards">
            {d.measures.map((m) => (
              <Card key={m.key} m={m} />
            ))}
          </div>
          <p class="small">
            CES is the mean on a 1–7 scale; {formatValue(d.cesEasy, "%")} found it easy ({formatInterval(d.cesEasy, "%")}).
          </p>
        </>
      )}
    </Loaded>
  );
}
