import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { downloadCsv } from "../lib/download";

export type Column<R> = {
  header: string;
  cell: (row: R) => ComponentChildren;
  /** The plain value for the CSV download. */
  csv: (row: R) => string | number | null;
  numeric?: boolean;
  /** Makes the header a sort button. */
  sort?: { active: boolean; dir: "asc" | "desc"; onSort: () => void };
};

type Props<R> = {
  caption: string;
  columns: Column<R>[];
  rows: readonly R[];
  filename: string;
  /** A chart's numbers: kept for screen readers but shown to sighted users only on request. */
  forChart?: boolean;
  rowKey: (row: R, i: number) => string;
  /** What an empty table says. */
  empty?: string;
  /** The caption repeats a heading just above: kept for screen readers, hidden on screen. */
  captionHidden?: boolean;
};

/** Every table and every chart's numbers: a real <table>, scrollable on a phone, downloadable as CSV. */
export function DataTable<R>({ caption, columns, rows, filename, forChart, rowKey, empty = "No responses in this selection.", captionHidden }: Props<R>) {
  const [shown, setShown] = useState(!forChart);
  return (
    <div class="table-block">
      {/* A hidden caption repeats the heading of the section around the table: the scroll region
          says "table" so that landmark lists do not show two regions of the same name. */}
      <div class={shown ? "table-scroll" : "sr-only"} role="region" aria-label={captionHidden ? `${caption} table` : caption} tabIndex={shown ? 0 : -1}>
        <table>
          <caption class={captionHidden ? "sr-only" : undefined}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  scope="col"
                  class={c.numeric ? "num" : undefined}
                  aria-sort={c.sort?.active ? (c.sort.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  {c.sort ? (
                    <button type="button" class="sort" onClick={c.sort.onSort}>
                      {c.header}
                      <span aria-hidden="true">{c.sort.active ? (c.sort.dir === "asc" ? " ▲" : " ▼") : " ↕"}</span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length}>{empty}</td>
              </tr>
            ) : (
              rows.map((r, i) => (
                <tr key={rowKey(r, i)}>
                  {columns.map((c, j) => (j === 0 ? <th scope="row">{c.cell(r)}</th> : <td class={c.numeric ? "num" : undefined}>{c.cell(r)}</td>))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <div class="table-tools">
        {forChart ? (
          <button type="button" class="link-button" aria-expanded={shown} onClick={() => setShown(!shown)}>
            {shown ? "Hide the numbers" : "Show the numbers"}
          </button>
        ) : null}
        <button
          type="button"
          class="secondary"
          onClick={() =>
            downloadCsv(
              filename,
              columns.map((c) => c.header),
              rows.map((r) => columns.map((c) => c.csv(r))),
            )
          }
        >
          Download CSV<span class="sr-only">: {caption}</span>
        </button>
      </div>
    </div>
  );
}
