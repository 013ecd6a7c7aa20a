import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { expect, test } from "vitest";

/*
 * Layers point down: the domain knows nothing of storage or of the verbs, the read queries
 * nothing of the verbs that use them, and no verb knows about HTTP routes. Checked by resolving
 * every relative import in the source, so a wrong turn fails here rather than in review.
 */

const SRC = join(import.meta.dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx|mjs)$/.test(name) ? [path] : [];
  });
}

/** The folders under src that a file imports from, by resolving its relative imports. */
function importedFolders(file: string): { spec: string; folder: string }[] {
  const specs = [...readFileSync(file, "utf8").matchAll(/(?:from\s+|import\(\s*)"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);
  return specs.map((spec) => ({ spec, folder: relative(SRC, resolve(dirname(file), spec)).split("/")[0]! }));
}

const RULES = [
  { layer: "domain", mayNotImport: ["db", "services", "routes", "workers"] },
  { layer: "db", mayNotImport: ["services", "routes", "workers"] },
  { layer: "services", mayNotImport: ["routes", "workers"] },
];

for (const { layer, mayNotImport } of RULES) {
  test(`src/${layer} imports nothing from ${mayNotImport.join(", ")}`, () => {
    const offences = files(join(SRC, layer)).flatMap((file) =>
      importedFolders(file)
        .filter((i) => mayNotImport.includes(i.folder))
        .map((i) => `${relative(SRC, file)}: ${i.spec}`),
    );
    expect(offences).toEqual([]);
  });
}

test("the check sees imports at all", () => {
  // A rule that matched nothing because the pattern had drifted would pass forever.
  expect(importedFolders(join(SRC, "services/register-interaction.ts")).map((i) => i.folder)).toContain("db");
});
