import type { Language } from "../../domain/languages";
import { messages, textDirection } from "../../i18n/index";
import { SCORES } from "../faces";
import { mailMessages } from "../messages";
import { escapeHtml, facesRow, FONT } from "./html";

export type InvitationData = {
  kind: "invitation" | "reminder";
  lang: Language;
  orgName: string;
  logoUrl?: string | undefined;
  baseUrl: string;
  /** /s/<token>; the faces add ?csat=N. */
  surveyUrl: string;
  unsubscribeUrl: string;
};

export type RenderedMail = { subject: string; text: string; html: string };

/**
 * The invitation (and its one reminder): the CSAT question as five faces linking to
 * /s/<token>?csat=N, a link to the whole survey, the reason for the email and an opt-out.
 * Table layout and inline styles for Outlook's Word engine and Gmail; a plain-text part
 * with the same links for clients that show no HTML.
 */
export function invitationMail(d: InvitationData): RenderedMail {
  const m = mailMessages(d.lang);
  const q = messages(d.lang).questions.csat;
  const dir = textDirection(d.lang);
  const align = dir === "rtl" ? "right" : "left";
  const ratingUrl = (n: number) => `${d.surveyUrl}?csat=${n}`;
  const subject = d.kind === "invitation" ? m.invitationSubject(d.orgName) : m.reminderSubject(d.orgName);
  const intro = d.kind === "invitation" ? m.intro(d.orgName) : m.reminderIntro(d.orgName);

  const text = [
    intro,
    "",
    q.text,
    ...SCORES.map((n) => `  ${n} ${q.labels[n]}: ${ratingUrl(n)}`),
    "",
    `${m.openSurvey}: ${d.surveyUrl}`,
    "",
    "-- ",
    m.why(d.orgName),
    `${m.unsubscribePrompt} ${m.unsubscribe}: ${d.unsubscribeUrl}`,
    "",
  ].join("\n");

  const faces = facesRow(
    SCORES.map((score) => ({ score, href: ratingUrl(score), src: `${d.baseUrl}/faces/${score}.png`, label: q.labels[score] })),
    { size: 40, gap: 4, labels: true, dir },
  );
  const header = d.logoUrl
    ? `<img src="${escapeHtml(d.logoUrl)}" height="40" alt="${escapeHtml(d.orgName)}" style="display:block;border:0;height:40px;width:auto;">`
    : `<span style="font-family:${FONT};font-size:22px;line-height:28px;font-weight:bold;color:#ffffff;">${escapeHtml(d.orgName)}</span>`;
  const p = (size: number, colour: string) =>
    `font-family:${FONT};font-size:${size}px;line-height:${Math.round(size * 1.4)}px;color:${colour};margin:0;text-align:${align};`;

  const html = `<!DOCTYPE html>
<html lang="${d.lang}" dir="${dir}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f2f1;" dir="${dir}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;background-color:#f3f2f1;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;max-width:600px;background-color:#ffffff;">
<tr><td style="background-color:#1d70b8;padding:16px 24px;text-align:${align};">${header}</td></tr>
<tr><td style="padding:24px 24px 8px 24px;"><p style="${p(16, "#0b0c0c")}">${escapeHtml(intro)}</p></td></tr>
<tr><td style="padding:16px 24px 8px 24px;"><p style="${p(19, "#0b0c0c")}font-weight:bold;">${escapeHtml(q.text)}</p></td></tr>
<tr><td align="center" style="padding:12px 12px 4px 12px;">${faces}</td></tr>
<tr><td style="padding:12px 24px 16px 24px;"><p style="${p(14, "#505a5f")}">${escapeHtml(m.clickAFace)}</p></td></tr>
<tr><td style="padding:0 24px 28px 24px;text-align:${align};">
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;display:inline-table;"><tr>
<td style="background-color:#00703c;border-radius:4px;"><a href="${escapeHtml(d.surveyUrl)}" target="_blank" style="display:inline-block;padding:10px 18px;font-family:${FONT};font-size:16px;line-height:20px;font-weight:bold;color:#ffffff;text-decoration:none;">${escapeHtml(m.openSurvey)}</a></td>
</tr></table>
</td></tr>
<tr><td style="padding:16px 24px 24px 24px;border-top:1px solid #b1b4b6;">
<p style="${p(13, "#505a5f")}">${escapeHtml(m.why(d.orgName))}</p>
<p style="${p(13, "#505a5f")}padding-top:8px;">${escapeHtml(m.unsubscribePrompt)} <a href="${escapeHtml(d.unsubscribeUrl)}" target="_blank" style="color:#1d70b8;text-decoration:underline;">${escapeHtml(m.unsubscribe)}</a></p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
  return { subject, text, html };
}
