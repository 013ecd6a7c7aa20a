import { changeArrow, formatChange, formatShortInterval, formatValue, statusText, type FigureLike } from "../lib/format";

/** A figure in a table cell: the value and, smaller, its interval and n; or "too few responses", or "not applicable". */
export function FigureText({ f, unit }: { f: FigureLike; unit: string }) {
  return (
    <span class={f.value === null ? "fig muted" : "fig"}>
      {formatValue(f, unit)}
      <small>{formatShortInterval(f, unit)}</small>
    </span>
  );
}

/**
 * A figure's colour against its target, in words: amber names the margin it was judged with
 * (in the figure's unit), when the caller knows it.
 */
export function StatusBadge({ status, margin, unit }: { status: "green" | "amber" | "red" | null; margin?: number | null; unit?: string }) {
  if (!status) return null;
  return <span class={`badge ${status}`}>{statusText(status, margin, unit)}</span>;
}

/** A change in words with its arrow, "▲ up 2.1 points"; the arrow is for the eye only. */
export function ChangeText({ change, unit }: { change: number; unit: string }) {
  const arrow = changeArrow(change);
  return (
    <>
      {arrow ? <span aria-hidden="true">{arrow} </span> : null}
      {formatChange(change, unit)}
    </>
  );
}
