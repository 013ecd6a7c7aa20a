import { signal } from "@preact/signals";
import { describe, expect, test, vi } from "vitest";
import { ApiError } from "../../web/src/api";
import { formModel } from "../../web/src/models/forms";
import { createLoader } from "../../web/src/models/loader";
import { nextSort, parseSort, sortRows } from "../../web/src/models/sort";
import { createUrlModel, pageOf, parseQuery, sharedOnly, toSearch, withParam } from "../../web/src/models/url";
import { csvCell, toCsv } from "../../src/domain/csv";
import { formatChange, formatInterval, formatValue } from "../../web/src/lib/format";

describe("URL model", () => {
  test.each([
    ["/dashboard", ""],
    ["/dashboard/", ""],
    ["/dashboard/trends", "trends"],
    ["/dashboard/report/", "report"],
    ["/dashboard/nonsense", ""],
  ])("%s is page '%s'", (path, page) => {
    expect(pageOf(path)).toBe(page);
  });

  test("empty values are dropped and keys sorted, so equal views have equal URLs", () => {
    expect(parseQuery("?team=&period=week&from=2026-01-01")).toEqual({ period: "week", from: "2026-01-01" });
    expect(toSearch({ team: "WASTE", period: "week" })).toBe("?period=week&team=WASTE");
    expect(toSearch({})).toBe("");
  });

  test("changing a filter goes back to the first page; clearing removes the key", () => {
    expect(withParam({ team: "A", page: "3" }, "team", "B")).toEqual({ team: "B" });
    expect(withParam({ team: "A", page: "3" }, "page", "4")).toEqual({ team: "A", page: "4" });
    expect(withParam({ team: "A" }, "team", "")).toEqual({});
  });

  test("only the shared filters travel between pages", () => {
    expect(sharedOnly({ team: "A", period: "week", sort: "csat", q: "hold" })).toEqual({ team: "A", period: "week" });
  });

  test("navigating keeps the shared filters and drops the page's own", () => {
    const m = createUrlModel({ pathname: "/dashboard/comments", search: "?team=WASTE&q=hold" });
    expect(m.page.value).toBe("comments");
    expect(m.shared.value).toEqual({ team: "WASTE" });
    m.navigate("themes");
    expect(m.page.value).toBe("themes");
    expect(m.query.value).toEqual({ team: "WASTE" });
    m.navigate("comments", { theme: "waiting_time" });
    expect(m.query.value).toEqual({ team: "WASTE", theme: "waiting_time" });
    m.setParams({ score: "1", theme: null });
    expect(m.query.value).toEqual({ team: "WASTE", score: "1" });
    expect(m.hrefFor("trends")).toBe("/dashboard/trends?team=WASTE");
  });
});

describe("teams table sorting", () => {
  const row = (name: string, csat: number | null, responses = 10) => ({
    group: { name },
    scores: {
      responses,
      csat: { value: csat },
      cesMean: { value: null },
      csiIndex: { value: null },
      fcr: { value: null },
      responseRate: { value: null },
    },
  });
  const rows = [row("Benefits", 70), row("Waste", null, 3), row("Contact", 90), row("Adults", 70)];

  test("descending by CSAT puts hidden figures last, ties by name", () => {
    expect(sortRows(rows, "csat", "desc").map((r) => r.group.name)).toEqual(["Contact", "Adults", "Benefits", "Waste"]);
  });
  test("ascending by CSAT still puts hidden figures last", () => {
    expect(sortRows(rows, "csat", "asc").map((r) => r.group.name)).toEqual(["Adults", "Benefits", "Contact", "Waste"]);
  });
  test("by name and by responses", () => {
    expect(sortRows(rows, "name", "asc").map((r) => r.group.name)).toEqual(["Adults", "Benefits", "Contact", "Waste"]);
    expect(sortRows(rows, "responses", "asc").map((r) => r.group.name)[0]).toBe("Waste");
  });
  test("the URL's sort is validated; clicking flips or starts in the natural direction", () => {
    expect(parseSort({})).toEqual({ key: "name", dir: "asc" });
    expect(parseSort({ sort: "csat" })).toEqual({ key: "csat", dir: "desc" });
    expect(parseSort({ sort: "drop table", dir: "up" })).toEqual({ key: "name", dir: "asc" });
    expect(nextSort({ key: "csat", dir: "desc" }, "csat")).toEqual({ key: "csat", dir: "asc" });
    expect(nextSort({ key: "csat", dir: "asc" }, "fcr")).toEqual({ key: "fcr", dir: "desc" });
    expect(nextSort({ key: "csat", dir: "asc" }, "name")).toEqual({ key: "name", dir: "asc" });
  });
});

describe("loader", () => {
  test("reloads when its inputs change and keeps only the newest answer", async () => {
    const input = signal("a");
    const pending: Record<string, (v: string) => void> = {};
    const load = vi.fn((q: string) => new Promise<string>((resolve) => (pending[q] = resolve)));
    const loader = createLoader(() => input.value, load);
    const stop = loader.start();
    expect(loader.loading.value).toBe(true);
    input.value = "b";
    expect(load).toHaveBeenCalledTimes(2);
    pending.b!("answer b");
    await Promise.resolve();
    await Promise.resolve();
    pending.a!("answer a (late)");
    await new Promise((r) => setTimeout(r, 0));
    expect(loader.data.value).toBe("answer b");
    expect(loader.loading.value).toBe(false);
    stop();
    input.value = "c";
    expect(load).toHaveBeenCalledTimes(2);
  });

  test("an error is kept as a message", async () => {
    const loader = createLoader(
      () => 1,
      () => Promise.reject(new Error("Managers can see their own team's figures only.")),
    );
    const stop = loader.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(loader.error.value).toBe("Managers can see their own team's figures only.");
    stop();
  });
});

describe("formatting", () => {
  const fig = { n: 312, value: 84.2, low: 79.7, high: 87.9, tooFew: false };
  test("figures, intervals and 'too few responses'", () => {
    expect(formatValue(fig, "%")).toBe("84.2%");
    expect(formatInterval(fig, "%")).toBe("95% interval 79.7%–87.9%, n = 312");
    expect(formatValue({ n: 4, value: null, low: null, high: null, tooFew: true }, "%")).toBe("too few responses");
    expect(formatInterval({ n: 4, value: null, low: null, high: null, tooFew: true }, "%")).toBe("n = 4");
  });
  test.each([
    [2.5, "%", "up 2.5 points"],
    [-1, "%", "down 1 point"],
    [0, "", "no change"],
    [null, "%", "no comparison"],
  ])("change %s%s reads '%s'", (change, unit, text) => {
    expect(formatChange(change, unit)).toBe(text);
  });
});

describe("CSV cells", () => {
  test.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+44 7700", "'+44 7700"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ['say "hi", ok', '"say ""hi"", ok"'],
    ["line\nbreak", '"line\nbreak"'],
    ["plain", "plain"],
  ])("%j becomes %j", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });
  test("numbers (negative included) stay numbers; null is empty", () => {
    expect(csvCell(-2.5)).toBe("-2.5");
    expect(csvCell(null)).toBe("");
    expect(toCsv(["a", "b"], [[1, "=x"]])).toBe("a,b\r\n1,'=x\r\n");
  });
});

describe("form model", () => {
  const Form = formModel<{ name: string; email: string }>();
  const names = ["name", "email"];

  test("a refusal puts each field's error under it and says which to focus", async () => {
    const f = new Form({ name: "", email: "x" }, names);
    f.set("name", "Ann");
    expect(f.values.value).toEqual({ name: "Ann", email: "x" });
    const r = await f.submit(() => Promise.reject(new ApiError(400, "Check the form.", [{ path: "email", message: "Invalid email address" }])));
    expect(r).toEqual({ sent: false, first: "email" });
    expect(f.errors.value).toEqual({ email: "Enter an email address, like name@example.org." });
    expect(f.formError.value).toBe("Please correct the fields marked below.");
    expect(f.busy.value).toBe(false);
  });

  test("what no field takes goes above the form; a success clears the errors", async () => {
    const f = new Form({ name: "Ann", email: "a@example.org" }, names);
    await f.submit(() => Promise.reject(new ApiError(409, "Already taken.", [{ path: "(body)", message: "Someone else changed it." }])));
    expect(f.formError.value).toBe("Already taken. Someone else changed it.");
    const send = vi.fn(() => Promise.resolve());
    expect(await f.submit(send)).toEqual({ sent: true });
    expect(send).toHaveBeenCalledWith({ name: "Ann", email: "a@example.org" });
    expect(f.formError.value).toBeNull();
    expect(f.errors.value).toEqual({});
  });
});
