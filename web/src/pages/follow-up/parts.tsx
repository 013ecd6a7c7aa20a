import type { ComponentChildren } from "preact";
import type { CaseSummary } from "../../models/follow-ups";
import { dueText, reasonText } from "./wording";

/** A link that the app follows itself; a modified click (new tab) is left to the browser. */
export function AppLink(props: { href: string; onFollow: () => void; class?: string; label?: string; children: ComponentChildren }) {
  return (
    <a
      href={props.href}
      class={props.class}
      aria-label={props.label}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        props.onFollow();
      }}
    >
      {props.children}
    </a>
  );
}

/** "Urgent" as a red badge with its word; a normal case says so in plain text. */
export function Priority({ c }: { c: Pick<CaseSummary, "priority"> }) {
  return c.priority === "urgent" ? <span class="badge red urgent">Urgent</span> : <span class="muted-text">Normal</span>;
}

/** Why the case was opened, one reason a line. */
export function Reasons({ c }: { c: Pick<CaseSummary, "reasons" | "csat" | "csi" | "cleared"> }) {
  return (
    <ul class="reasons">
      {c.reasons.map((r) => (
        <li class={r.rule === "safeguarding" ? "safeguarding" : undefined}>
          {reasonText(r, c)}
          {r.rule === "safeguarding" && c.cleared ? <span class="small"> (judged not a concern)</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** The next due date, or since when it is overdue: in words and an icon, never colour alone. */
export function Due({ c }: { c: Pick<CaseSummary, "status" | "nextDue" | "overdue"> }) {
  const due = dueText(c);
  if (!due.overdue) return <span>{due.text}</span>;
  return (
    <span class="overdue">
      <span aria-hidden="true">⚠ </span>
      <strong>{due.text}</strong>
      {due.step ? <span class="small"> ({due.step})</span> : null}
    </span>
  );
}
