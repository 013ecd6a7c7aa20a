import { useModel } from "@preact/signals";
import { Chart } from "../components/Chart";
import { DataTable } from "../components/DataTable";
import { ChangeText, FigureText } from "../components/FigureText";
import { formatRange } from "../lib/format";
import { ThemesModel } from "../models/themes";
import type { Themes } from "../api";
import { Loaded } from "./common";
import { ThemeActions } from "./actions/ThemeActions";

type TopTheme = Themes["departments"][number]["top"][number];

/**
 * How a theme's share moved, only when both ranges are over and each holds enough comments:
 * one comment more or less in a small department is not a move of 66 points.
 */
function Moved({ r }: { r: TopTheme }) {
  if (r.comparison === "partial") return <>period not over yet</>;
  if (r.comparison !== "ok" || r.change === null) return <>not enough comments to compare</>;
  return <ChangeText change={r.change} unit="%" />;
}

/** The share before, beside the move it is compared with: not shown when there is no move to show. */
const before = (r: TopTheme) => (r.comparison === "ok" ? r.previousShare : null);

export function ThemesPage() {
  const m = useModel(ThemesModel);
  const toComments = (code: string | null) => {
    if (code) m.openComments(code);
  };
  return (
    <Loaded loader={m.themes}>
      {(d) => (
        <>
          <p class="lede">
            {d.comments} comments, {formatRange(d.from, d.to)}
            {d.partial ? (
              <>
                {" "}
                (<strong>not over yet</strong>: shares will still change)
              </>
            ) : null}
            . A comment can have several themes, so shares can add up to more than 100%.
          </p>
          <section class="panel">
            <h2>Share of comments by theme</h2>
            <Chart
              type="bar"
              label="Share of comments by theme, percent"
              height={Math.max(200, d.themes.length * 34)}
              data={{
                labels: d.themes.map((t) => t.theme.name),
                datasets: [{ label: "% of comments", data: d.themes.map((t) => t.share), backgroundColor: "#b45309" }],
              }}
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
            {d.partial
              ? "The period is not over yet, so shares are not compared with the one before."
              : `Compared with ${formatRange(d.previous.from, d.previous.to)}: a move is shown when both have at least ${d.minCount} comments in the department.`}
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
                  { header: "Before", cell: (r) => (before(r) === null ? "" : `${before(r)}%`), csv: before, numeric: true },
                  { header: "Moved", cell: (r) => <Moved r={r} />, csv: (r) => r.change, numeric: true },
                ]}
              />
            ))}
          </div>
        </>
      )}
    </Loaded>
  );
}
