import { Chart } from "../components/Chart";
import { DataTable } from "../components/DataTable";
import { FigureText } from "../components/FigureText";
import { themes, url } from "../models/app";
import { Loaded, useLoader } from "./common";
import { ThemeActions } from "./actions/ThemeActions";

const ARROW = { up: "▲ up", down: "▼ down", same: "no change", new: "new" } as const;

export function ThemesPage() {
  useLoader(themes);
  const toComments = (code: string | null) => {
    if (!code) return;
    url.navigate("comments", { theme: code });
  };
  return (
    <Loaded loader={themes}>
      {(d) => (
        <>
          <p class="lede">
            {d.comments} comments from {d.from} to {d.to}. A comment can have several themes, so shares can add up to more than 100%.
          </p>
          <section class="panel">
            <h2>Share of comments by theme</h2>
            <Chart
              type="bar"
              label="Share of comments by theme, percent"
              height={Math.max(200, d.themes.length * 34)}
              data={{ labels: d.themes.map((t) => t.theme.name), datasets: [{ label: "% of comments", data: d.themes.map((t) => t.share), backgroundColor: "#b45309" }] }}
              options={{ indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { min: 0, max: 100 } } }}
            />
          </section>
          <DataTable
            caption="Themes: share of comments and average scores"
            filename="themes.csv"
            rowKey={(r) => String(r.theme.id)}
            rows={d.themes}
            columns={[
              {
                header: "Theme",
                cell: (r) => (
                  <a
                    href={`/dashboard/comments?theme=${r.theme.code}`}
                    onClick={(e) => {
                      e.preventDefault();
                      toComments(r.theme.code);
                    }}
                  >
                    {r.theme.name}
                  </a>
                ),
                csv: (r) => r.theme.name,
              },
              { header: "Comments", cell: (r) => r.comments, csv: (r) => r.comments, numeric: true },
              { header: "Share", cell: (r) => (r.share === null ? "" : `${r.share}%`), csv: (r) => r.share, numeric: true },
              { header: "CSAT", cell: (r) => <FigureText f={r.scores.csat} unit="%" />, csv: (r) => r.scores.csat.value, numeric: true },
              { header: "CES", cell: (r) => <FigureText f={r.scores.cesMean} unit="" />, csv: (r) => r.scores.cesMean.value, numeric: true },
              { header: "CSI", cell: (r) => <FigureText f={r.scores.csiIndex} unit="" />, csv: (r) => r.scores.csiIndex.value, numeric: true },
            ]}
          />
          <ThemeActions themes={d.themes.map((t) => t.theme)} />
          <h2>Top three themes per department</h2>
          <p class="small">
            Compared with {d.previous.from} to {d.previous.to}.
          </p>
          <div class="grid-2">
            {d.departments.map((dep) => (
              <DataTable
                caption={`${dep.department.name} (${dep.comments} comments)`}
                filename={`themes-${dep.department.code}.csv`}
                rowKey={(r) => String(r.theme.id)}
                rows={dep.top}
                columns={[
                  { header: "Theme", cell: (r) => r.theme.name, csv: (r) => r.theme.name },
                  { header: "Share", cell: (r) => (r.share === null ? "" : `${r.share}%`), csv: (r) => r.share, numeric: true },
                  { header: "Before", cell: (r) => (r.previousShare === null ? "" : `${r.previousShare}%`), csv: (r) => r.previousShare, numeric: true },
                  { header: "Moved", cell: (r) => `${ARROW[r.direction]}${r.change ? ` ${Math.abs(r.change)} points` : ""}`, csv: (r) => r.change, numeric: true },
                ]}
              />
            ))}
          </div>
        </>
      )}
    </Loaded>
  );
}
