/**
 * The preview loads the faces from this server: the snippet's own image addresses use the
 * public base URL, which the dashboard's content policy (and a test server) may not reach.
 */
export function previewHtml(html: string): string {
  return html.replace(/src="[^"]*?(\/faces\/[1-5]\.png)"/g, 'src="$1"');
}
