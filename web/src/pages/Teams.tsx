import { computed } from "@preact/signals";
import { HEADLINE_MEASURES, type MeasureKey } from "../../../src/domain/measure-registry";
import type { GroupRow } from "../api";
import { Chart } from "../components/Chart";
import { DataTable, type Column } from "../components/DataTable";
import { FigureText, StatusBadge } from "../components/FigureText";
import { overview, staff, teams, url } from "../models/app";
import { nextSort, parseSort, sortRows, type SortKey } from "../models/sort";
import { Loaded, useLoader } from "./common";

/** Column headings short enough for a table; the Overview's cards carry the measures' full names. */
const HEADERS: Record<MeasureKey, string> = { csat: "CSAT", cesMean: "CES", csiIndex: "CSI", fcr: "FCR", responseRate: "Response rate" };
const MEASURE_COLUMNS = HEADLINE_MEASURES.map((m) => ({ key: m.key, header: HEADERS[m.key], unit: m.unit }));

/** Amber on the 0–100 scales: within 5 points below the target. */
const POINTS_MARGIN = 5;

/**
 * The amber margin each measure is judged with, for the badges' words. The teams table's rows
 * carry colours only; the Overview's measures carry their margins (the CES mean's is
 * configured), so they are used once the Overview has been loaded. Before that, the points
 * margin of the 0–100 scales, and no number for a mean on its own scale.
 */
const margins = computed(() => {
  const known = new Map(overview.data.value?.measures.map((m) => [m.key, m.margin]));
  return (key: MeasureKey, unit: string): number | null => known.get(key) ?? (unit.startsWith("/") ? null : POINTS_MARGIN);
});

const sort = computed(() => parseSort(url.query.value));

function columns(first: string, drill?: (row: GroupRow) => void): Column<GroupRow>[] {
  const sorter = (key: SortKey) => ({
    active: sort.value.key === key,
    dir: sort.value.dir,
    onSort: () => {
      const next = nextSort(sort.value, key);
      url.setParams({ sort: next.key, dir: next.dir });
    },
  });
  return [
    {
      header: first,
      cell: (r) =>
        drill && r.group.code ? (
          <button type="button" class="link-button" onClick={() => drill(r)}>
            {r.group.name}
            <span class="sr-only">: show staff</span>
          </button>
        ) : (
          r.group.name
        ),
      csv: (r) => r.group.name,
      sort: sorter("name"),
    },
    { header: "Responses", cell: (r) => r.scores.responses, csv: (r) => r.scores.responses, numeric: true, sort: sorter("responses") },
    ...MEASURE_COLUMNS.map(
      (m): Column<GroupRow> => ({
        header: m.header,
        cell: (r) => (
          <>
            <FigureText f={r.scores[m.key]} unit={m.unit} />
            <StatusBadge status={r.status[m.key]} margin={margins.value(m.key, m.unit)} unit={m.unit} />
          </>
        ),
        csv: (r) => r.scores[m.key].value,
        numeric: true,
        sort: sorter(m.key),
      }),
    ),
  ];
}

export function TeamsPage() {
  useLoader(teams);
  useLoader(staff);
  const drill = url.query.value.drill;
  return (
    <Loaded loader={teams}>
      {(d) => {
        const teamRows = sortRows(d.teams, sort.value.key, sort.value.dir);
        return (
          <>
            <section class="panel">
              <h2>CSAT by team</h2>
              <Chart
                type="bar"
                label="CSAT, percent satisfied, by team"
                data={{
                  labels: teamRows.map((r) => r.group.name),
                  datasets: [{ label: "CSAT %", data: teamRows.map((r) => r.scores.csat.value), backgroundColor: "#1d4ed8" }],
                }}
                options={{ plugins: { legend: { display: false } }, scales: { y: { min: 0, max: 100 } } }}
              />
            </section>
            <p class="note">Each figure shows its value, then its 95% interval and the number of answers (n). Choose a column heading to sort.</p>
            {d.departments.length > 0 ? (
              <DataTable
                caption="Departments"
                filename="departments.csv"
                rowKey={(r) => String(r.group.id)}
                rows={sortRows(d.departments, sort.value.key, sort.value.dir)}
                columns={columns("Department")}
              />
            ) : null}
            <DataTable
              caption="Teams (choose a team to see its staff)"
              filename="teams.csv"
              rowKey={(r) => String(r.group.id)}
              rows={teamRows}
              columns={columns("Team", (r) => url.setParam("drill", r.group.code))}
            />
            {drill ? (
              <section class="panel" aria-live="polite">
                <h2>Staff in {d.teams.find((t) => t.group.code === drill)?.group.name ?? drill}</h2>
                <button type="button" class="secondary" onClick={() => url.setParam("drill", null)}>
                  Close staff list
                </button>
                <Loaded loader={staff}>
                  {(s) =>
                    s ? (
                      <DataTable
                        caption={`Staff in ${drill}`}
                        filename={`staff-${drill}.csv`}
                        rowKey={(r) => String(r.group.id)}
                        rows={sortRows(s.staff, sort.value.key, sort.value.dir)}
                        columns={columns("Staff member")}
                      />
                    ) : null
                  }
                </Loaded>
              </section>
            ) : null}
          </>
        );
      }}
    </Loaded>
  );
}
