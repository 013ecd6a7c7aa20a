import { createModel } from "@preact/signals";
import { describe, expect, test, vi } from "vitest";
import { createLoader } from "../../web/src/models/loader";
import { createUrlModel } from "../../web/src/models/url";

/** A page model as the dashboard builds them: a loader over the URL's shared filters, started with the model. */
const PageModel = createModel((url: ReturnType<typeof createUrlModel>, load: (q: Record<string, string>) => Promise<string>) => {
  const data = createLoader(() => ({ ...url.shared.value, split: url.query.value.split }), load);
  data.start();
  return { data };
});

describe("a page model's loader", () => {
  test("fetches again only when its inputs change by value, not on every URL change", () => {
    const url = createUrlModel({ pathname: "/dashboard/trends", search: "?team=WASTE" });
    const load = vi.fn((q: Record<string, string>) => Promise.resolve(JSON.stringify(q)));
    const m = new PageModel(url, load);
    expect(load).toHaveBeenCalledTimes(1);
    // The highlight and the sort are not inputs: the same query, nothing fetched.
    url.setParam("highlight", "team:BENEFITS");
    url.setParams({ sort: "csat", dir: "desc" });
    // A new query object with the same keys and values is the same input.
    url.setParam("team", "WASTE");
    expect(load).toHaveBeenCalledTimes(1);
    url.setParam("split", "team");
    expect(load).toHaveBeenCalledTimes(2);
    expect(load).toHaveBeenLastCalledWith({ team: "WASTE", split: "team" });
    url.setParam("team", "BENEFITS");
    expect(load).toHaveBeenCalledTimes(3);
    m[Symbol.dispose]();
    url.setParam("team", "WASTE");
    expect(load).toHaveBeenCalledTimes(3);
  });

  test("reload() fetches the same inputs again", () => {
    const url = createUrlModel({ pathname: "/dashboard/teams", search: "" });
    const load = vi.fn(() => Promise.resolve("rows"));
    const loader = createLoader(() => url.shared.value, load);
    const stop = loader.start();
    loader.reload();
    expect(load).toHaveBeenCalledTimes(2);
    stop();
  });
});
