import { escapeHtml, FONT } from "./html";
import type { RenderedMail } from "./invitation";

/**
 * Emails to staff about follow-up cases. They name cases and link to them, and carry no
 * comment text or personal data: mailboxes are forwarded, shared and kept for years; the
 * dashboard checks who is reading.
 */
export type CaseLine = { id: number; team: string; priority: "urgent" | "normal"; due: string; overdue: boolean; step: "acknowledge" | "respond" };

export type StaffMailData =
  | { kind: "safeguarding"; orgName: string; caseId: number; team: string; openedAt: string; link: string }
  | { kind: "case_reminder"; orgName: string; today: string; cases: CaseLine[]; link: string; caseLink: (id: number) => string }
  | { kind: "escalation"; orgName: string; caseId: number; team: string; owner: string | null; step: "acknowledge" | "respond"; due: string; link: string };

const STEP = { acknowledge: "acknowledgement", respond: "response" } as const;

/** A local date as "Tuesday 5 January 2027". */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function staffMailContent(d: StaffMailData): RenderedMail {
  switch (d.kind) {
    case "safeguarding":
      return layout(d.orgName, `Safeguarding concern: case ${d.caseId} needs attention today`, [
        `A customer's feedback about ${d.team} matched the safeguarding rules at ${d.openedAt}. The case is urgent and due today.`,
        "Open the case to read what the customer wrote and act on it. This email does not repeat it.",
        { link: d.link, text: `Open case ${d.caseId}` },
      ]);
    case "escalation":
      return layout(d.orgName, `Overdue: case ${d.caseId} (${d.team}) missed its ${STEP[d.step]} date`, [
        `Case ${d.caseId} for ${d.team} was due for ${STEP[d.step]} by ${longDate(d.due)} and has not had it. ${d.owner ? `Its owner is ${d.owner}.` : "Nobody owns it."}`,
        "You receive this as the department's director.",
        { link: d.link, text: `Open case ${d.caseId}` },
      ]);
    case "case_reminder": {
      const overdue = d.cases.filter((c) => c.overdue).length;
      const subject = `Follow-up: ${d.cases.length} case${d.cases.length === 1 ? "" : "s"} due today or overdue${overdue > 0 ? ` (${overdue} overdue)` : ""}`;
      const lines = d.cases.map((c) => ({
        link: d.caseLink(c.id),
        text: `Case ${c.id}, ${c.team}${c.priority === "urgent" ? ", urgent" : ""}: ${STEP[c.step]} ${c.overdue ? `overdue since ${longDate(c.due)}` : "due today"}`,
      }));
      return layout(d.orgName, subject, [
        `Your follow-up cases due today (${longDate(d.today)}) or overdue:`,
        ...lines,
        { link: d.link, text: "Open your cases" },
      ]);
    }
  }
}

type Block = string | { link: string; text: string };

function layout(orgName: string, subject: string, blocks: Block[]): RenderedMail {
  const text = [...blocks.map((b) => (typeof b === "string" ? b : `${b.text}: ${b.link}`)), "", "-- ", `${orgName} customer feedback`, ""]
    .join("\n\n")
    .replace(/\n\n\n/g, "\n");
  const p = `font-family:${FONT};font-size:16px;line-height:22px;color:#0b0c0c;margin:0 0 16px 0;`;
  const body = blocks
    .map((b) =>
      typeof b === "string"
        ? `<p style="${p}">${escapeHtml(b)}</p>`
        : `<p style="${p}"><a href="${escapeHtml(b.link)}" style="color:#1d70b8;">${escapeHtml(b.text)}</a></p>`,
    )
    .join("\n");
  const html = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;">
<h1 style="font-family:${FONT};font-size:20px;line-height:26px;color:#0b0c0c;margin:0 0 16px 0;">${escapeHtml(subject)}</h1>
${body}
<p style="font-family:${FONT};font-size:14px;line-height:20px;color:#505a5f;margin:24px 0 0 0;">${escapeHtml(orgName)} customer feedback</p>
</body>
</html>`;
  return { subject, text, html };
}
