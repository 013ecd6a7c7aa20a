import { useModel } from "@preact/signals";
import { HEADLINE_MEASURES } from "../../../src/domain/measure-registry";
import type { GroupRow } from "../api";
import { Chart } from "../components/Chart";
import { DataTable, type Column } from "../components/DataTable";
import { FigureText, StatusBadge } from "../components/FigureText";
import { sortRows, type SortKey } from "../models/sort";
import { TeamsModel } from "../models/teams";
import { Loaded } from "./common";

/** Short column headings; the Overview's cards carry the measures' full names. */
const MEASURE_COLUMNS = HEADLINE_MEASURES.map((m) => ({ key: m.key, header: m.short, unit: m.unit }));

function columns(m: TeamsModel, first: string, drill?: (row: GroupRow) => void): Column<GroupRow>[] {
  const sorter = (key: SortKey) => ({
    active: m.sort.value.key === key,
    dir: m.sort.value.dir,
    onSort: () => m.sortBy(key),
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
      (c): Column<GroupRow> => ({
        header: c.header,
        cell: (r) => (
          <>
            <FigureText f={r.scores[c.key]} unit={c.unit} />
            <StatusBadge status={r.status[c.key]} margin={m.margins.value(c.key, c.unit)} unit={c.unit} />
          </>
        ),
        csv: (r) => r.scores[c.key].value,
        numeric: true,
        sort: sorter(c.key),
      }),
    ),
  ];
}

export function TeamsPage() {
  const m = useModel(TeamsModel);
  const { sort } = m;
  const drill = m.drill.value;
  return (
    <Loaded loader={m.teams}>
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
                columns={columns(m, "Department")}
              />
            ) : null}
            <DataTable
              caption="Teams (choose a team to see its staff)"
              filename="teams.csv"
              rowKey={(r) => String(r.group.id)}
              rows={teamRows}
              columns={columns(m, "Team", (r) => m.showStaff(r.group.code))}
            />
            {drill ? (
              <section class="panel" aria-live="polite">
                <h2>Staff in {d.teams.find((t) => t.group.code === drill)?.group.name ?? drill}</h2>
                <button type="button" class="secondary" onClick={() => m.showStaff(null)}>
                  Close staff list
                </button>
                <Loaded loader={m.staff}>
                  {(s) =>
                    s ? (
                      <DataTable
                        caption={`Staff in ${drill}`}
                        filename={`staff-${drill}.csv`}
                        rowKey={(r) => String(r.group.id)}
                        rows={sortRows(s.staff, sort.value.key, sort.value.dir)}
                        columns={columns(m, "Staff member")}
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
