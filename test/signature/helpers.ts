/** A real browser's user agent (Edge on Windows). */
export const BROWSER_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0";

/** The hidden fields of the confirm form, and the cookie the page set. */
export function confirmForm(html: string, setCookie: string | null) {
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "";
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&") ?? "";
  const cookie = setCookie ? setCookie.split(";")[0]! : "";
  return { csrf: field("_csrf"), browser: field("browser"), action, cookie };
}

export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
