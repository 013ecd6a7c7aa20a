import { formatShortInterval, formatValue, STATUS_TEXT, type FigureLike } from "../lib/format";

/** A figure in a table cell: the value and, smaller, its interval and n; or "too few responses". */
export function FigureText({ f, unit }: { f: FigureLike; unit: string }) {
  return (
    <span class={f.value === null ? "fig muted" : "fig"}>
      {formatValue(f, unit)}
      <small>{formatShortInterval(f, unit)}</small>
    </span>
  );
}

export function StatusBadge({ status }: { status: "green" | "amber" | "red" | null }) {
  if (!status) return null;
  return <span class={`badge ${status}`}>{STATUS_TEXT[status]}</span>;
}
