export type Timing = { median: number; p95: number; runs: number };

/** Runs fn a few times to warm up, then `runs` times, timing each run in milliseconds. */
export function time(fn: () => unknown, runs = 30, warmup = 3): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    ms.push(performance.now() - start);
  }
  return summarise(ms);
}

/**
 * Times several candidates in turn, run after run, so that whatever else the machine is doing
 * (and the state of the caches) falls on all of them alike rather than on whichever ran first.
 */
export async function timeInterleaved(fns: (() => unknown)[], runs = 30, warmup = 5): Promise<Timing[]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const ms: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [j, fn] of fns.entries()) {
      const start = performance.now();
      await fn();
      ms[j]!.push(performance.now() - start);
    }
  }
  return ms.map(summarise);
}

export async function timeAsync(fn: () => Promise<unknown>, runs = 30, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  return summarise(ms);
}

function summarise(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), runs: ms.length };
}

/** A plain text table, columns padded to their widest cell, numbers right-aligned. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const cell = (c: string, i: number) => (i > 0 && /^[\d.,x% -]+$/.test(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!));
  return [headers, widths.map((w) => "-".repeat(w)), ...rows].map((r) => r.map(cell).join("  ").trimEnd()).join("\n");
}

export const fmt = (x: number, digits = 1) => x.toFixed(digits);
