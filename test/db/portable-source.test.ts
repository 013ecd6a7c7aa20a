import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "vitest";

/*
 * The code outside src/db is written once for SQLite and PostgreSQL. These calls exist on the
 * SQLite driver alone: they would pass every SQLite test and fail on PostgreSQL, so they are
 * kept out by reading the source.
 */

const ROOT = join(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const SQLITE_ONLY = [
  { pattern: /\.(get|all|run)\(\s*\)/, what: "the synchronous .get() / .all() / .run() of better-sqlite3 queries" },
  { pattern: /\$client/, what: "the driver's own connection" },
  { pattern: /\.pluck\(|lastInsertRowid|\.changes\b/, what: "better-sqlite3 statement API" },
  { pattern: /from "better-sqlite3"|from "drizzle-orm\/better-sqlite3/, what: "the SQLite driver" },
  { pattern: /\.transaction\(/, what: "a transaction opened by hand (Database.write owns them)" },
];

test("no code outside src/db uses what only the SQLite driver has", () => {
  const offences = files(join(ROOT, "src"))
    .filter((f) => !f.includes(`${join("src", "db")}/`))
    .flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          SQLITE_ONLY.filter((rule) => rule.pattern.test(line)).map((rule) => `${relative(ROOT, file)}:${i + 1}: ${rule.what}: ${line.trim()}`),
        ),
    );
  expect(offences).toEqual([]);
});

test("routes hold no SQL: they call services and queries", () => {
  const offences = files(join(ROOT, "src/routes")).filter((file) => /\bsql`|from "drizzle-orm"|db\/schema"/.test(readFileSync(file, "utf8")));
  expect(offences.map((f) => relative(ROOT, f))).toEqual([]);
});

test("hand-written SQL, and the row types cast onto it, stay in src/db", () => {
  const offences = files(join(ROOT, "src"))
    .filter((f) => !f.includes(`${join("src", "db")}/`))
    .filter((file) => /\b(rows|firstRow)<|\bexec\(\s*(tx|db)\b/.test(readFileSync(file, "utf8")));
  expect(offences.map((f) => relative(ROOT, f))).toEqual([]);
});
