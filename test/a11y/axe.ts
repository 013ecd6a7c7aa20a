import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** axe-core's browser bundle, injected with page.evaluate (which the pages' CSP does not block). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * The WCAG 2.0, 2.1 and 2.2 A and AA rules (what the product promises), and axe's best
 * practices: landmarks a screen-reader user can tell apart, one main, headings in order.
 */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

export type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[]; summary: string }[] };

type AxeResults = { violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] };
declare const axe: { run(context: Document, options: unknown): Promise<AxeResults> };

/** Runs axe on the page as it is now and returns its violations, reduced to what a report needs. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const results = await page.evaluate((values) => axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] }), TAGS);
  const violations: Violation[] = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: (n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 300) })),
  }));
  // axe retired its duplicate-id rules with WCAG 2.2's 4.1.1, but a repeated id still ties a
  // label or an error message to the wrong field, so they are checked here.
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll("[id]")) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  if (duplicates.length > 0) {
    violations.push({
      id: "duplicate-id",
      impact: "serious",
      help: "id attribute values must be unique",
      nodes: duplicates.map((id) => ({ target: [`#${id}`], summary: "more than one element has this id" })),
    });
  }
  return violations;
}

/** One line per violation and one per failing node, for the assertion message. */
export function describeViolations(where: string, violations: Violation[]): string {
  if (violations.length === 0) return `${where}: no violations`;
  const lines = [`${where}: ${violations.length} violation(s)`];
  for (const v of violations) {
    lines.push(`  ${v.id} (${v.impact}): ${v.help}`);
    for (const n of v.nodes.slice(0, 10)) lines.push(`    ${n.target.join(" ")}  ${n.summary}`);
    if (v.nodes.length > 10) lines.push(`    … and ${v.nodes.length - 10} more`);
  }
  return lines.join("\n");
}
