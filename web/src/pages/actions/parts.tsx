import { categoryText, type ActionCategory, type CategoryLabels } from "../../../../src/domain/actions";
import { formatDay } from "../../lib/format";

/** An assessment as the seed writes it, "3 – Slipped": the number and the words, with a colour beside them, never alone. */
export function CategoryBadge({ category, labels }: { category: ActionCategory | null; labels: CategoryLabels }) {
  if (category === null) return <span class="category c0">Not yet assessed</span>;
  return <span class={`category c${category}`}>{categoryText(category, labels)}</span>;
}

/** The anticipated completion date, and a warning in words when it has passed without the action being achieved. */
export function DueDate({ dueDate, overdue }: { dueDate: string | null; overdue: boolean }) {
  if (dueDate === null) return <span class="muted-text">No date</span>;
  if (!overdue) return <span class="nowrap">{formatDay(dueDate, true)}</span>;
  return (
    <span class="overdue">
      <span aria-hidden="true">⚠ </span>
      <strong class="nowrap">{formatDay(dueDate, true)}</strong>
      <span class="small"> (passed, not achieved)</span>
    </span>
  );
}

/** What an action addresses, as short lists of names. */
export function Addresses({ a }: { a: { themes: readonly { name: string }[]; teams: readonly { name: string }[]; departments: readonly { name: string }[] } }) {
  const parts = [
    ["Themes", a.themes],
    ["Teams", a.teams],
    ["Departments", a.departments],
  ] as const;
  const shown = parts.filter(([, xs]) => xs.length > 0);
  if (shown.length === 0) return <span class="muted-text">Nothing linked</span>;
  return (
    <ul class="addresses">
      {shown.map(([what, xs]) => (
        <li>
          <span class="label">{what}:</span> {xs.map((x) => x.name).join(", ")}
        </li>
      ))}
    </ul>
  );
}
