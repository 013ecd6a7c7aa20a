import type { Language } from "../../domain/languages";
import { messages, textDirection } from "../../i18n/index";
import { SCORES } from "../faces";
import { mailMessages } from "../messages";
import { escapeHtml, facesRow, FONT } from "./html";

export type SignatureData = {
  lang: Language;
  baseUrl: string;
  staffCode: string;
};

export type SignatureStrip = { html: string; text: string };

/**
 * The strip staff paste into their email signature: "How did I do? Rate our service" and five
 * faces, each a link to /r/<staff>/<n>. One table, inline styles, PNG faces with alt text, so
 * it survives Outlook (desktop and web) and Gmail, which keep tables and inline styles but
 * drop <style>, SVG and web fonts. The plain-text line links to a page with the five faces.
 */
export function signatureStrip(data: SignatureData): SignatureStrip {
  const m = mailMessages(data.lang);
  const labels = messages(data.lang).questions.csat.labels;
  const dir = textDirection(data.lang);
  const staffPath = `${data.baseUrl}/r/${encodeURIComponent(data.staffCode)}`;
  const faces = SCORES.map((score) => ({
    score,
    href: `${staffPath}/${score}`,
    src: `${data.baseUrl}/faces/${score}.png`,
    label: labels[score],
  }));
  const html =
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" dir="${dir}" style="border-collapse:collapse;margin:8px 0;">` +
    `<tr><td valign="middle" style="font-family:${FONT};font-size:14px;line-height:18px;color:#0b0c0c;padding:0;padding-${dir === "rtl" ? "left" : "right"}:10px;vertical-align:middle;white-space:nowrap;">` +
    `<a href="${escapeHtml(staffPath)}" target="_blank" style="color:#0b0c0c;text-decoration:none;font-weight:bold;">${escapeHtml(m.signatureInvite)}</a></td>` +
    `<td valign="middle" style="vertical-align:middle;padding:0;">${facesRow(faces, { size: 32, gap: 3, labels: false, dir })}</td></tr></table>`;
  const text = `${m.signatureInvite}: ${staffPath}`;
  return { html, text };
}
