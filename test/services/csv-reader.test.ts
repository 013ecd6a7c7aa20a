import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { CsvParser } from "../../src/services/import/csv";

/*
 * The import's hand-written CSV reader against csv-parse, a well-kept reader, on random files:
 * fields with commas, quotes, line breaks (LF and CRLF inside quotes), empty fields, non-ASCII
 * text, LF or CRLF line ends, fed in random pieces (a record cut anywhere, even inside "").
 */

/** A small seeded generator (mulberry32), so a failing case can be run again. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ["a", "b", "Z", "1", " ", ",", '"', "\n", "\r\n", "é", "ł", "ع", "😀", "'", ";", "\t"];

function randomCsv(next: () => number): { text: string; rows: string[][] } {
  const width = 1 + Math.floor(next() * 5);
  const rows: string[][] = [];
  const lines: string[] = [];
  const crlf = next() < 0.5;
  for (let r = 0, n = 1 + Math.floor(next() * 12); r < n; r++) {
    const row: string[] = [];
    for (let c = 0; c < width; c++) {
      let value = "";
      for (let i = 0, len = Math.floor(next() * 8); i < len; i++) value += ALPHABET[Math.floor(next() * ALPHABET.length)];
      // A row of one empty field is a blank line, which neither reader counts as a record.
      if (width === 1 && value === "") value = "x";
      row.push(value);
    }
    rows.push(row);
    lines.push(row.map((v) => (/[",\r\n]/.test(v) || next() < 0.1 ? `"${v.replace(/"/g, '""')}"` : v)).join(","));
  }
  return { text: lines.join(crlf ? "\r\n" : "\n") + (next() < 0.5 ? (crlf ? "\r\n" : "\n") : ""), rows };
}

function readInPieces(text: string, next: () => number): string[][] {
  const out: string[][] = [];
  const parser = new CsvParser((fields) => out.push(fields));
  let pos = 0;
  while (pos < text.length) {
    const size = 1 + Math.floor(next() * 20);
    parser.push(text.slice(pos, pos + size), pos + size >= text.length);
    pos += size;
  }
  if (text.length === 0) parser.push("", true);
  return out;
}

describe("the import's CSV reader reads what csv-parse reads", () => {
  test.each(Array.from({ length: 40 }, (_, i) => i + 1))("random file %i", (seed) => {
    const next = random(seed);
    for (let k = 0; k < 50; k++) {
      const { text, rows } = randomCsv(next);
      const reference = parse(text, { relax_column_count: false, skip_empty_lines: true }) as string[][];
      expect(reference).toEqual(rows);
      expect(readInPieces(text, next)).toEqual(reference);
    }
  });
});
