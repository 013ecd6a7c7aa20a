import type { QaFigure } from "../../models/quality";

/** A share of standards met: the value, and smaller its n and 95% interval; or that nothing is scored yet. */
export function QaFigureText({ f }: { f: QaFigure }) {
  if (f.value === null) return <span class="fig muted">{f.notApplicable > 0 ? "not applicable" : "not scored"}</span>;
  return (
    <span class="fig">
      {f.value}%
      <small>
        {f.low}–{f.high}%, n {f.n}
      </small>
    </span>
  );
}

/** How far the reviews have come: a bar with its numbers in words (never the bar alone). */
export function Progress({ reviewed, items, label }: { reviewed: number; items: number; label: string }) {
  const pct = items === 0 ? 0 : Math.round((100 * reviewed) / items);
  return (
    <div class="qa-progress">
      <progress max={items || 1} value={reviewed} aria-label={label} />
      <span>
        {reviewed} of {items} reviewed ({pct}%)
      </span>
    </div>
  );
}
