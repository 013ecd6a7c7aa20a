import { toCsv } from "../../../src/domain/csv";

/** Offers a table's rows as a CSV file (the same formula guard as the server's export). */
export function downloadCsv(filename: string, header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): void {
  const blob = new Blob([toCsv(header, rows)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
