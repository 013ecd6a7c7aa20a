import { computed, createModel, signal } from "@preact/signals";
import type { InferResponseType } from "hono/client";
import { categoryText, type ActionCategory } from "../../../src/domain/actions";
import { api, ok } from "../api";
import { url } from "./app";
import { createLoader } from "./loader";
import { formatDay } from "../lib/format";
import { trackerCsvHref, trackerQuery } from "../pages/actions/wording";

const tracker = api.actions;
export type TrackerList = InferResponseType<(typeof tracker)["$get"], 200>;
export type ActionItem = TrackerList["items"][number];
export type ActionDetail = InferResponseType<(typeof tracker)[":ref"]["$get"], 200>;
export type ActionFull = ActionDetail["action"];
export type OwnerChoice = TrackerList["ownerChoices"][number];

export type Notice = { kind: "ok" | "error"; text: string };

/** The form's values as the API's body: links from the checkboxes, empty text as null. */
export type ActionFormValues = {
  ref: string;
  text: string;
  source: string;
  responsibility: string;
  owner: string;
  dueDate: string;
  themes: string[];
  teams: string[];
  departments: string[];
};

export function emptyForm(): ActionFormValues {
  return { ref: "", text: "", source: "", responsibility: "", owner: "", dueDate: "", themes: [], teams: [], departments: [] };
}

export function formOf(a: ActionFull): ActionFormValues {
  const codes = (xs: readonly { code: string }[]) => xs.map((x) => x.code);
  return {
    ref: a.ref,
    text: a.text,
    source: a.source,
    responsibility: a.responsibility ?? "",
    owner: a.owner?.email ?? "",
    dueDate: a.dueDate ?? "",
    themes: codes(a.themes),
    teams: codes(a.teams),
    departments: codes(a.departments),
  };
}

function body(v: ActionFormValues) {
  return {
    text: v.text,
    source: v.source,
    responsibility: v.responsibility.trim() ? v.responsibility : null,
    owner: v.owner || null,
    dueDate: v.dueDate || null,
    themes: v.themes,
    teams: v.teams,
    departments: v.departments,
  };
}

// ---- Page models ----

/** The tracker: follows the URL's filters; directors and administrators add actions from it. */
export const TrackerModel = createModel(() => {
  const query = computed(() => trackerQuery(url.query.value));
  const list = createLoader(
    () => query.value,
    (q) => ok(tracker.$get({ query: q })),
  );
  list.start();
  const adding = signal(false);
  const notice = signal<Notice | null>(null);
  return {
    list,
    adding,
    notice,
    csvHref: computed(() => trackerCsvHref(url.query.value)),
    openAdd: () => {
      adding.value = true;
      notice.value = null;
    },
    closeAdd: () => void (adding.value = false),
    /** Throws ApiError with the bad fields, for the form to place. */
    add: async (v: ActionFormValues) => {
      const created = await ok(tracker.$post({ json: { ref: v.ref.trim(), ...body(v) } }));
      adding.value = false;
      list.reload();
      notice.value = { kind: "ok", text: `Added ${created.ref}.` };
      return created.ref;
    },
  };
});

/** One action: its reviews, and for directors and administrators the forms to change it. */
export const ActionModel = createModel((ref: string) => {
  const param = { ref };
  const detail = createLoader(
    () => ref,
    (r) =>
      /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/.test(r) ? ok(tracker[":ref"].$get({ param: { ref: r } })) : Promise.reject(new Error(`There is no action “${r}”.`)),
  );
  detail.start();
  const editing = signal(false);
  const notice = signal<Notice | null>(null);
  const put = (action: ActionFull) => {
    const d = detail.data.value;
    if (d) detail.data.value = { ...d, action };
  };
  return {
    detail,
    editing,
    notice,
    openEdit: () => {
      editing.value = true;
      notice.value = null;
    },
    closeEdit: () => void (editing.value = false),
    /** Throws ApiError with the bad fields, for the form to place. */
    save: async (v: ActionFormValues) => {
      const { action } = await ok(tracker[":ref"].$patch({ param, json: body(v) }));
      put(action);
      editing.value = false;
      notice.value = { kind: "ok", text: "Saved the changes." };
    },
    /** Throws ApiError with the bad fields, for the form to place. */
    addReview: async (v: { date: string; category: ActionCategory; evidence: string }) => {
      const { action } = await ok(tracker[":ref"].progress.$post({ param, json: v }));
      put(action);
      const labels = detail.data.value?.labels;
      notice.value = { kind: "ok", text: `Review of ${formatDay(v.date, true)} recorded${labels ? `: ${categoryText(v.category, labels)}` : ""}.` };
    },
  };
});

/** Settings: the organisation's words for the four categories (administrators). */
export const CategoryLabelsModel = createModel(() => {
  const s = tracker.settings.labels;
  const labels = createLoader(
    () => null,
    () => ok(s.$get()),
  );
  labels.start();
  const notice = signal<Notice | null>(null);
  return {
    labels,
    notice,
    /** An empty box is the default wording. Throws ApiError with the bad fields. */
    save: async (v: Record<ActionCategory, string>) => {
      notice.value = null;
      const label = (c: ActionCategory) => (v[c].trim() ? v[c] : null);
      const saved = await ok(s.$put({ json: { 1: label(1), 2: label(2), 3: label(3), 4: label(4) } }));
      labels.data.value = saved;
      notice.value = { kind: "ok", text: "Saved the category labels." };
    },
  };
});

/** For the Themes page: the actions in view, by the themes they address. */
export const ThemeActionsModel = createModel(() => {
  const list = createLoader(
    () => null,
    () => ok(tracker.$get({ query: {} })),
  );
  list.start();
  const byTheme = computed(() => {
    const out = new Map<string, ActionItem[]>();
    for (const a of list.data.value?.items ?? []) for (const t of a.themes) out.set(t.code, [...(out.get(t.code) ?? []), a]);
    return out;
  });
  return { list, byTheme };
});
