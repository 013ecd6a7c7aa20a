import type { Score } from "../faces";

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The font stack every email part uses: system fonts only, since mail clients drop web fonts. */
export const FONT = "Arial, Helvetica, sans-serif";

export type FaceLink = { score: Score; href: string; src: string; label: string };

/**
 * Five linked faces in one table row. Tables and inline styles only: Outlook desktop renders
 * with Word's engine, which ignores CSS layout; width and height attributes keep the images
 * at their size when a client blocks them until the reader allows images.
 */
export function facesRow(faces: FaceLink[], options: { size: number; gap: number; labels: boolean; dir: "ltr" | "rtl" }): string {
  const cells = faces
    .map((f) => {
      const img = `<img src="${escapeHtml(f.src)}" width="${options.size}" height="${options.size}" alt="${escapeHtml(f.label)}" title="${escapeHtml(f.label)}" style="display:block;border:0;outline:none;text-decoration:none;width:${options.size}px;height:${options.size}px;margin:0 auto;">`;
      const label = options.labels
        ? `<div style="font-family:${FONT};font-size:12px;line-height:15px;color:#505a5f;padding-top:6px;text-align:center;">${escapeHtml(f.label)}</div>`
        : "";
      const width = options.labels ? ` width="20%"` : "";
      return `<td align="center" valign="top"${width} style="padding:0 ${options.gap}px;vertical-align:top;"><a href="${escapeHtml(f.href)}" target="_blank" style="text-decoration:none;color:#0b0c0c;">${img}${label}</a></td>`;
    })
    .join("");
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" dir="${options.dir}" style="border-collapse:collapse;"><tr>${cells}</tr></table>`;
}
