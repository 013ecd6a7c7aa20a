import { computed, signal } from "@preact/signals";

/** The dashboard's pages, by path under /dashboard. */
export const PAGES = [
  { path: "", title: "Overview" },
  { path: "trends", title: "Trends" },
  { path: "teams", title: "Teams" },
  { path: "comments", title: "Comments" },
  { path: "follow-up", title: "Follow-up" },
  { path: "actions", title: "Recommendations" },
  { path: "quality", title: "Quality" },
  { path: "themes", title: "Themes" },
  { path: "report", title: "Quarterly report" },
  { path: "settings", title: "Settings" },
  { path: "delivery", title: "Delivery" },
] as const;
export type PagePath = (typeof PAGES)[number]["path"];

/** The filters every page shares; anything else in the URL belongs to one page (sort, search…). */
export const SHARED_FILTERS = ["period", "from", "to", "department", "team", "service", "channel"] as const;

/** Pages that also show one item of their list at /dashboard/<page>/<id> (a follow-up case). */
const ITEM_PAGES: readonly PagePath[] = ["follow-up", "actions", "quality"];

/** The page and, on a page with items, the item's id; any other path is the overview. */
export function routeOf(pathname: string): { page: PagePath; item: string | null } {
  const rest = pathname.replace(/^\/dashboard\/?/, "").replace(/\/$/, "");
  const page = PAGES.find((p) => p.path === rest)?.path;
  if (page !== undefined) return { page, item: null };
  const m = /^([^/]+)\/([^/]+)$/.exec(rest);
  const parent = m ? ITEM_PAGES.find((p) => p === m[1]) : undefined;
  return parent && m ? { page: parent, item: decoded(m[2]!) } : { page: "", item: null };
}

/** A path segment as text; a malformed escape is kept as typed rather than stopping the app. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function pageOf(pathname: string): PagePath {
  return routeOf(pathname).page;
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

/** The address of a page, or of one of its items, with a query. */
export function pathFor(path: PagePath, item: string | null, query: Record<string, string>): string {
  return `/dashboard/${path}${item === null ? "" : `/${encodeURIComponent(item)}`}${toSearch(query)}`;
}

/**
 * The URL as signals: the page, the item shown on it and its query. Every view reads them; every filter change goes
 * through navigate/setParam, so the URL is always the whole state (bookmarkable, shareable).
 */
export function createUrlModel(loc: { pathname: string; search: string } = window.location) {
  const start = routeOf(loc.pathname);
  const page = signal<PagePath>(start.page);
  /** The item shown on the page (a case's id), or null for the page's list. */
  const item = signal<string | null>(start.item);
  const query = signal<Record<string, string>>(parseQuery(loc.search));
  const shared = computed(() => sharedOnly(query.value));

  function sync(l: { pathname: string; search: string }) {
    const r = routeOf(l.pathname);
    page.value = r.page;
    item.value = r.item;
    query.value = parseQuery(l.search);
  }
  function push(path: PagePath, q: Record<string, string>, it: string | null = null) {
    if (typeof history !== "undefined") history.pushState(null, "", pathFor(path, it, q));
    page.value = path;
    item.value = it;
    query.value = q;
  }
  return {
    page,
    item,
    query,
    shared,
    sync,
    /** Goes to a page keeping the shared filters, plus any of its own keys. */
    navigate: (path: PagePath, extra: Record<string, string> = {}) => push(path, { ...sharedOnly(query.value), ...extra }),
    setParam: (key: string, value: string | null | undefined) => push(page.value, withParam(query.value, key, value), item.value),
    setParams: (values: Record<string, string | null>) =>
      push(
        page.value,
        Object.entries(values).reduce((q, [k, v]) => withParam(q, k, v), query.value),
        item.value,
      ),
    hrefFor: (path: PagePath) => pathFor(path, null, sharedOnly(query.value)),
    /**
     * One item of the current page's list. The whole query goes with it (the list's filters,
     * sort and page), so going back to the list shows the same list.
     */
    openItem: (id: string) => push(page.value, query.value, id),
    /** One item of another page's list (an action named on the Themes page), keeping the shared filters. */
    openItemOf: (path: PagePath, id: string) => push(path, sharedOnly(query.value), id),
    itemHref: (id: string) => pathFor(page.value, id, query.value),
    /** Back from an item to its list, as it was filtered. */
    closeItem: () => push(page.value, query.value),
    listHref: () => pathFor(page.value, null, query.value),
  };
}
export type UrlModel = ReturnType<typeof createUrlModel>;
