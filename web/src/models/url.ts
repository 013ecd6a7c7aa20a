import { computed, signal } from "@preact/signals";

/** The dashboard's pages, by path under /dashboard. */
export const PAGES = [
  { path: "", title: "Overview" },
  { path: "trends", title: "Trends" },
  { path: "teams", title: "Teams" },
  { path: "comments", title: "Comments" },
  { path: "follow-up", title: "Follow-up" },
  { path: "themes", title: "Themes" },
  { path: "report", title: "Quarterly report" },
  { path: "settings", title: "Settings" },
  { path: "delivery", title: "Delivery" },
] as const;
export type PagePath = (typeof PAGES)[number]["path"];

/** The filters every page shares; anything else in the URL belongs to one page (sort, search…). */
export const SHARED_FILTERS = ["period", "from", "to", "department", "team", "service", "channel"] as const;

export function pageOf(pathname: string): PagePath {
  const rest = pathname.replace(/^\/dashboard\/?/, "").replace(/\/$/, "");
  return (PAGES.find((p) => p.path === rest)?.path ?? "") as PagePath;
}

export function parseQuery(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) if (v !== "") out[k] = v;
  return out;
}

/** Sets or clears one key; changing a filter goes back to the first page of a list. */
export function withParam(query: Record<string, string>, key: string, value: string | null | undefined): Record<string, string> {
  const next = { ...query };
  if (value === null || value === undefined || value === "") delete next[key];
  else next[key] = value;
  if (key !== "page") delete next.page;
  return next;
}

export function toSearch(query: Record<string, string>): string {
  const s = new URLSearchParams(Object.entries(query).sort(([a], [b]) => a.localeCompare(b))).toString();
  return s ? `?${s}` : "";
}

/** Only the shared filters: what travels with the user between pages. */
export function sharedOnly(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([k]) => (SHARED_FILTERS as readonly string[]).includes(k)));
}

/**
 * The URL as signals: the page and its query. Every view reads them; every filter change goes
 * through navigate/setParam, so the URL is always the whole state (bookmarkable, shareable).
 */
export function createUrlModel(loc: { pathname: string; search: string } = window.location) {
  const page = signal<PagePath>(pageOf(loc.pathname));
  const query = signal<Record<string, string>>(parseQuery(loc.search));
  const shared = computed(() => sharedOnly(query.value));

  function sync(l: { pathname: string; search: string }) {
    page.value = pageOf(l.pathname);
    query.value = parseQuery(l.search);
  }
  function push(path: PagePath, q: Record<string, string>) {
    const url = `/dashboard/${path}${toSearch(q)}`;
    if (typeof history !== "undefined") history.pushState(null, "", url);
    page.value = path;
    query.value = q;
  }
  return {
    page,
    query,
    shared,
    sync,
    /** Goes to a page keeping the shared filters, plus any of its own keys. */
    navigate: (path: PagePath, extra: Record<string, string> = {}) => push(path, { ...sharedOnly(query.value), ...extra }),
    setParam: (key: string, value: string | null | undefined) => push(page.value, withParam(query.value, key, value)),
    setParams: (values: Record<string, string | null>) =>
      push(page.value, Object.entries(values).reduce((q, [k, v]) => withParam(q, k, v), query.value)),
    hrefFor: (path: PagePath) => `/dashboard/${path}${toSearch(sharedOnly(query.value))}`,
  };
}
export type UrlModel = ReturnType<typeof createUrlModel>;
