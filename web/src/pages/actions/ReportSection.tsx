import { ACTION_CATEGORIES, categoryText } from "../../../../src/domain/actions";
import type { Quarterly } from "../../api";
import { DataTable } from "../../components/DataTable";
import { formatDay } from "../../lib/format";
import { CategoryBadge } from "./parts";

type Row = Quarterly["actions"]["items"][number];

/** "1 achieved fully, 2 on track…": the counts in a sentence, so the print needs no chart. */
function countsText(d: Quarterly["actions"]): string {
  const parts = ACTION_CATEGORIES.map((c) => `${d.counts[c]} ${d.labels[c].toLowerCase()}`);
  if (d.counts.none > 0) parts.push(`${d.counts.none} not yet assessed`);
  return parts.join(", ");
}

function changeText(r: Row): string {
  if (!r.change) return "No change";
  return r.change.from === null ? `First assessed: ${r.change.to}` : `${r.change.from} → ${r.change.to} (${r.change.toLabel})`;
}

/**
 * The quarterly report's section on the recommendations and actions tracker: where each action
 * stood at the quarter's end, the counts by category, and which changed category since the last
 * quarter ended.
 */
export function ReportActions({ d }: { d: Quarterly }) {
  const a = d.actions;
  return (
    <section class="report-dept report-actions" aria-labelledby="report-actions-h">
      <h3 id="report-actions-h">Recommendations and actions</h3>
      {a.items.length === 0 ? (
        <p>No recommendations or actions in this selection by the end of {d.quarter}.</p>
      ) : (
        <>
          <p>
            At the end of {d.quarter}: {countsText(a)}. {a.changed === 0 ? "None" : a.changed} changed category since the end of {d.previousQuarter}.
          </p>
          <DataTable
            caption={`Recommendations and actions at the end of ${d.quarter}`}
            filename={`report-actions-${d.quarter}.csv`}
            rowKey={(r) => r.ref}
            rows={a.items}
            columns={[
              { header: "No", cell: (r) => <span class="nowrap">{r.ref}</span>, csv: (r) => r.ref },
              { header: "Recommendation", cell: (r) => <span class="pre">{r.text}</span>, csv: (r) => r.text },
              { header: "Responsibility", cell: (r) => <span class="pre">{r.responsibility ?? ""}</span>, csv: (r) => r.responsibility },
              {
                header: "Anticipated completion",
                cell: (r) => (r.dueDate ? `${formatDay(r.dueDate, true)}${r.overdue ? " (passed)" : ""}` : "TBC"),
                csv: (r) => r.dueDate,
              },
              {
                header: "Latest evidence of progress",
                cell: (r) =>
                  r.latest ? (
                    <>
                      <strong>{formatDay(r.latest.date, true)}: </strong>
                      <span class="pre">{r.latest.evidence}</span>
                    </>
                  ) : (
                    "No review yet"
                  ),
                csv: (r) => (r.latest ? `${r.latest.date}: ${r.latest.evidence}` : null),
              },
              {
                header: "Assessment",
                cell: (r) => <CategoryBadge category={r.latest?.category ?? null} labels={a.labels} />,
                csv: (r) => (r.latest ? categoryText(r.latest.category, a.labels) : null),
              },
              { header: `Since ${d.previousQuarter}`, cell: (r) => (r.change ? <strong>{changeText(r)}</strong> : changeText(r)), csv: (r) => changeText(r) },
            ]}
          />
        </>
      )}
    </section>
  );
}
