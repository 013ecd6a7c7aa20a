import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";

/*
 * A streaming CSV reader (RFC 4180: comma separated, double quotes around a field that holds
 * commas, quotes or line breaks, "" for a quote inside one; LF or CRLF line ends; a UTF-8 BOM
 * is skipped). Hand-rolled rather than csv-parse because the import's budget is a few
 * microseconds a row: most historic rows hold no quote at all, and for those a line is cut
 * with indexOf and split, which V8 does natively; only a line with a quote goes through the
 * character-by-character state machine.
 */

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly record: number,
  ) {
    super(message);
  }
}

/** Called once per record: the header is record 0, so a data row's number is its record number. */
export type RecordSink = (fields: string[], record: number) => void;

const CHUNK = 8 << 20;

/** Reads the file in chunks and hands every record to sink; returns the number of records. */
export function readCsvFile(file: string, sink: RecordSink, onChunk?: (bytesRead: number) => void): number {
  const fd = openSync(file, "r");
  try {
    const decoder = new StringDecoder("utf8");
    const parser = new CsvParser(sink);
    const buffer = Buffer.allocUnsafe(CHUNK);
    let bytesRead = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      bytesRead += n;
      parser.push(decoder.write(buffer.subarray(0, n)), false);
      onChunk?.(bytesRead);
    }
    parser.push(decoder.end(), true);
    return parser.records;
  } finally {
    closeSync(fd);
  }
}

/** Parses text pushed in pieces; a record cut by a piece's end waits for the next piece. */
export class CsvParser {
  records = 0;
  private pending = "";
  private started = false;

  constructor(private readonly sink: RecordSink) {}

  push(piece: string, final: boolean): void {
    let text = this.pending + piece;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let pos = 0;
    const end = text.length;
    while (pos < end) {
      const newline = text.indexOf("\n", pos);
      const lineEnd = newline === -1 ? end : newline;
      if (newline === -1 && !final) break;
      const quote = text.indexOf('"', pos);
      if (quote === -1 || quote > lineEnd) {
        // Fast path: no quote on this line.
        const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        this.emit(text.slice(pos, contentEnd).split(","));
        pos = lineEnd + 1;
        continue;
      }
      const next = this.quoted(text, pos, final);
      if (next === -1) break;
      pos = next;
    }
    this.pending = pos < end ? text.slice(pos) : "";
    if (final && this.pending !== "") throw new CsvSyntaxError("unexpected end of file", this.records);
  }

  /** Parses one record that holds a quote; returns where the next begins, or -1 if cut off. */
  private quoted(text: string, start: number, final: boolean): number {
    const fields: string[] = [];
    let i = start;
    const end = text.length;
    for (;;) {
      // At the start of a field.
      if (i < end && text.charCodeAt(i) === 34) {
        let value = "";
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) {
            if (final) throw new CsvSyntaxError("a quoted field is never closed", this.records);
            return -1;
          }
          value += text.slice(from, q);
          if (q + 1 < end && text.charCodeAt(q + 1) === 34) {
            value += '"';
            from = q + 2;
            continue;
          }
          if (q + 1 >= end && !final) return -1; // cannot yet tell "" from a closing quote
          i = q + 1;
          break;
        }
        fields.push(value);
      } else {
        let j = i;
        while (j < end) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          if (c === 34) throw new CsvSyntaxError("a quote inside an unquoted field (quote the whole field and double the quote)", this.records);
          j++;
        }
        if (j >= end && !final) return -1;
        fields.push(text.slice(i, j));
        i = j;
      }
      // After a field: a comma, a line end, or the end of the text.
      if (i >= end) {
        if (!final) return -1;
        this.emit(fields);
        return end;
      }
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      if (c === 13 && i + 1 < end && text.charCodeAt(i + 1) === 10) i++;
      else if (c === 13 && i + 1 >= end && !final) return -1;
      if (c === 10 || c === 13) {
        this.emit(fields);
        return i + 1;
      }
      throw new CsvSyntaxError("text after a closing quote (a quote inside a quoted field must be doubled)", this.records);
    }
  }

  private emit(fields: string[]): void {
    // Blank lines (a trailing one, or spacing) are not records.
    if (fields.length === 1 && fields[0] === "") return;
    this.sink(fields, this.records++);
  }
}
