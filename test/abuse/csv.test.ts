import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { csvCell, csvLine, toCsv } from "../../src/domain/csv";
import { Gen, HOSTILE_STRINGS } from "./generator";

/*
 * Comments are written by the public and exported to spreadsheets. The dashboard already has
 * the guard (src/domain/csv.ts, shared with the browser), so this tests that one
 * rather than adding a second: OWASP's rule, a cell beginning with = + - @ tab or carriage
 * return is prefixed with ' so Excel, Calc and Sheets show it as text.
 */

const FORMULA_START = /^[=+\-@\t\r\0]/;

describe("csvCell: formula injection", () => {
  test.each([
    ['=HYPERLINK("https://evil.example","Click")', '\'=HYPERLINK("https://evil.example","Click")'],
    ["+SUM(1,1)", "'+SUM(1,1)"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ])("%j is prefixed with '", (value, guarded) => {
    // Quoted too when it holds a comma, quote or line break; parse it back to see the cell.
    const [[cell]] = parse(csvCell(value), { relax_quotes: false }) as string[][];
    expect(cell).toBe(guarded);
  });

  test.each([["Helpful staff"], ["'already quoted"], [" =1 with a leading space"], ["1=1"], ["a@b.example"], ["ﬁ=1"], [""]])("%j is left as it is", (value) => {
    expect(csvCell(value)).toBe(/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  });

  test("numbers are ours, not the public's: a negative number stays a number", () => {
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
  });

  test("2,000 generated hostile rows parse back cell for cell, and no cell starts a formula", () => {
    const g = new Gen(7);
    const rows = Array.from({ length: 2000 }, () => [g.hostileString(), g.randomUnicode(g.int(40)), g.pick(HOSTILE_STRINGS), g.int(100)]);
    const csv = toCsv(["comment", "other", "third", "n"], rows);
    const parsed = parse(csv) as string[][];
    expect(parsed).toHaveLength(rows.length + 1);
    for (const [i, row] of rows.entries()) {
      const back = parsed[i + 1]!;
      expect(back).toHaveLength(4);
      for (let c = 0; c < 3; c++) {
        // As UTF-8 carries it: a lone surrogate arrives as U+FFFD.
        const original = Buffer.from(String(row[c]), "utf8").toString("utf8");
        expect(FORMULA_START.test(back[c]!)).toBe(false);
        expect(back[c]).toBe(FORMULA_START.test(original) ? `'${original}` : original);
      }
      expect(back[3]).toBe(String(row[3]));
    }
  });

  test("a line ends with CRLF and a comma, quote or line break inside a cell keeps it one cell", () => {
    expect(csvLine(["a,b", 'say "hi"', "two\nlines"])).toBe('"a,b","say ""hi""","two\nlines"\r\n');
  });
});

describe("beyond OWASP's list", () => {
  // ASVS 5.0 requirement 1.2.10 names NUL as well as = + - @ and tab.
  test("a cell beginning with NUL is prefixed with '", () => {
    expect(csvCell("\u0000=1+1")).toBe("'\u0000=1+1");
  });
});
