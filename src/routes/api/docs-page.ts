import { html, raw } from "hono/html";

type Spec = {
  info: { title: string; description?: string };
  paths: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        description?: string;
        tags?: string[];
        parameters?: unknown[];
        requestBody?: unknown;
        responses?: Record<string, { description?: string }>;
      }
    >
  >;
};

/**
 * A self-contained reference page rendered from the OpenAPI document (no scripts from other
 * sites, so it works on a closed network and under our content security policy).
 */
export function renderApiDocs(spec: Spec) {
  const ops = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${spec.info.title}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1b1b1b}
h2{border-top:1px solid #ccc;padding-top:1rem;font-size:1.1rem}
code,pre{font:14px ui-monospace,monospace;background:#f3f3f3}
pre{padding:.75rem;overflow:auto;max-height:24rem}
.m{display:inline-block;min-width:4rem;font-weight:700;color:#00528a}
summary{cursor:pointer}
</style></head><body>
<h1>${spec.info.title}</h1>
<p>${spec.info.description ?? ""}</p>
<p>Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1).</p>
${ops.map(
  ({ path, method, op }) => html`<section><h2><span class="m">${method}</span> <code>/api/v1${path}</code></h2>
<p>${op.summary ?? ""}</p>${op.description ? html`<p>${op.description}</p>` : ""}
${op.parameters?.length ? html`<details><summary>Parameters</summary><pre>${JSON.stringify(op.parameters, null, 2)}</pre></details>` : ""}
${op.requestBody ? html`<details><summary>Request body</summary><pre>${JSON.stringify(op.requestBody, null, 2)}</pre></details>` : ""}
<details><summary>Responses</summary><ul>${Object.entries(op.responses ?? {}).map(([code, r]) => html`<li><strong>${code}</strong> ${r.description ?? ""}</li>`)}</ul></details>
</section>`,
)}
${raw("")}
</body></html>`;
}
