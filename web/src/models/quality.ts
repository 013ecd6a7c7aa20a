import { computed, createModel, signal } from "@preact/signals";
import type { InferResponseType } from "hono/client";
import { isMonth, QA_ITEM_KINDS, QA_SCORES, type QaItemKind, type QaScore } from "../../../src/domain/quality";
import { api, ApiError, ok } from "../api";
import { url } from "./app";
import { createLoader } from "./loader";

const quality = api.quality;
export type QualitySummary = InferResponseType<(typeof quality)["$get"], 200>;
export type QualitySample = NonNullable<QualitySummary["sample"]>;
export type QualityItems = InferResponseType<(typeof quality.items)["$get"], 200>;
export type QualityListItem = QualityItems["items"][number];
export type QualityItem = InferResponseType<(typeof quality.items)[":id"]["$get"], 200>;
export type QualityStandard = InferResponseType<(typeof quality.standards)["$get"], 200>["items"][number];
export type QaFigure = QualitySample["overall"]["interaction"];

// ---- The words the page uses for the review vocabulary (src/domain/quality.ts) ----

export const SCORE_LABELS: Record<QaScore, string> = { met: "Met", partly: "Partly", not_met: "Not met", not_applicable: "Not applicable" };
export const KIND_LABELS: Record<QaItemKind, string> = { interaction: "Contact", case: "Closed case" };
export const SCORES = QA_SCORES;

export const STATUS_FILTERS = [
  { value: "", label: "All" },
  { value: "to_review", label: "To review" },
  { value: "reviewed", label: "Reviewed" },
] as const;
export const KIND_FILTERS = [{ value: "", label: "Both" }, ...QA_ITEM_KINDS.map((k) => ({ value: k, label: k === "case" ? "Closed cases" : "Contacts" }))];

/** "February 2026" for 2026-02. */
export function monthName(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
}

const oneOf = <T extends string>(v: string | undefined, choices: readonly T[]): T | undefined => choices.find((c) => c === v);

type Notice = { kind: "ok" | "error"; text: string };
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

// ---- Page models ----

/**
 * A month of the sample: its progress and figures (for the URL's month, else the latest drawn),
 * one page of its items (the URL's filters), and the draw for administrators.
 */
export const QualityModel = createModel(() => {
  const month = computed(() => {
    const m = url.query.value.month;
    return m && isMonth(m) ? m : undefined;
  });
  const summary = createLoader(
    () => ({ month: month.value, team: url.query.value.team }),
    (q) => ok(quality.$get({ query: q })),
  );
  /** The month shown: the URL's, or the one the server chose (the latest drawn). */
  const shownMonth = computed(() => month.value ?? summary.data.value?.month);
  const items = createLoader(
    () => {
      const q = url.query.value;
      return {
        month: shownMonth.value,
        team: q.team,
        kind: oneOf(q.kind, QA_ITEM_KINDS),
        status: oneOf(q.status, ["to_review", "reviewed"] as const),
        page: /^\d+$/.test(q.page ?? "") ? q.page : undefined,
      };
    },
    ({ month: m, ...q }): Promise<QualityItems> =>
      m ? ok(quality.items.$get({ query: { month: m, ...q } })) : Promise.resolve({ month: "", page: 0, total: 0, pageSize: 0, items: [] }),
  );
  summary.start();
  items.start();
  const drawNotice = signal<Notice | null>(null);
  return {
    summary,
    items,
    drawNotice,
    /** Shows another month (its first page of items). */
    showMonth: (m: string) => url.setParams({ month: m, page: null }),
    /** Administrators: draws a past month's sample now, then shows it. A refusal, said in the notice, is thrown on for the form. */
    draw: async (m: string): Promise<void> => {
      drawNotice.value = null;
      if (!isMonth(m)) {
        drawNotice.value = { kind: "error", text: "Choose a month." };
        throw new Error(drawNotice.value.text);
      }
      try {
        const drawn = await ok(quality.samples.$post({ json: { month: m } }));
        drawNotice.value = {
          kind: "ok",
          text: `Drew ${monthName(m)}: ${drawn.contacts} contacts of ${drawn.staff} staff and ${drawn.cases} closed cases.`,
        };
        url.setParams({ month: m, page: null });
        summary.reload();
        items.reload();
      } catch (e) {
        drawNotice.value = { kind: "error", text: message(e) };
        throw e;
      }
    },
  };
});

/**
 * One sampled item and its review form: a score per standard and a comment, filled from the
 * saved review. Saving answers with the item as saved, which replaces what is shown.
 */
export const ReviewModel = createModel((id: string) => {
  const choices = signal<Record<number, QaScore>>({});
  const comment = signal("");
  const fill = (d: QualityItem) => {
    choices.value = Object.fromEntries(d.scores.map((s) => [s.standardId, s.score]));
    comment.value = d.review?.comment ?? "";
    return d;
  };
  const detail = createLoader(
    () => id,
    (itemId) =>
      /^[1-9]\d{0,15}$/.test(itemId)
        ? ok(quality.items[":id"].$get({ param: { id: itemId } })).then(fill)
        : Promise.reject(new Error(`There is no sampled item “${itemId}”.`)),
  );
  detail.start();
  const notice = signal<Notice | null>(null);
  /** Standards left without a score when saving, by id. */
  const missing = signal<readonly number[]>([]);
  const busy = signal(false);
  /** The next item of the month still to review in the reviewer's scope, once this one is saved. */
  const next = signal<QualityListItem | null>(null);
  /** The standards a new review scores: the active ones (retired ones show only where scored before). */
  const active = computed(() => detail.data.value?.standards.filter((s) => !s.retired) ?? []);

  async function findNext(d: QualityItem) {
    try {
      const list = await ok(quality.items.$get({ query: { month: d.item.month, status: "to_review" } }));
      next.value = list.items.find((i) => i.id !== d.item.id) ?? null;
    } catch {
      next.value = null;
    }
  }

  return {
    detail,
    choices,
    comment,
    notice,
    missing,
    busy,
    next,
    active,
    choose: (standardId: number, score: QaScore) => {
      choices.value = { ...choices.value, [standardId]: score };
      missing.value = missing.value.filter((m) => m !== standardId);
      // The complaint about unscored standards goes once every one has a score.
      if (missing.value.length === 0 && notice.value?.kind === "error") notice.value = null;
    },
    setComment: (v: string) => void (comment.value = v),
    /** Saves the review; false (with the standards to score marked) when it is not complete. */
    save: async (): Promise<boolean> => {
      const d = detail.data.value;
      if (!d) return false;
      notice.value = null;
      const unscored = active.value.filter((s) => choices.value[s.id] === undefined).map((s) => s.id);
      missing.value = unscored;
      if (unscored.length > 0) {
        notice.value = { kind: "error", text: `Choose a score for every standard: ${unscored.length} ${unscored.length === 1 ? "has" : "have"} none.` };
        return false;
      }
      busy.value = true;
      try {
        const scores = active.value.map((s) => ({ standardId: s.id, score: choices.value[s.id]! }));
        const text = comment.value.trim();
        const saved = await ok(quality.items[":id"].review.$put({ param: { id }, json: text ? { scores, comment: text } : { scores } }));
        detail.data.value = fill(saved);
        notice.value = { kind: "ok", text: d.review ? "Review saved: the earlier scores are replaced." : "Review saved." };
        void findNext(saved);
        return true;
      } catch (e) {
        notice.value = { kind: "error", text: message(e) };
        // The checklist changed meanwhile (a standard added or retired): show it as it now is.
        if (e instanceof ApiError && e.status === 422) detail.reload();
        return false;
      } finally {
        busy.value = false;
      }
    },
  };
});

/** The checklist: every role reads it; administrators add, reword, reorder, retire and bring back. */
export const StandardsModel = createModel(() => {
  const list = createLoader(
    () => null,
    () => ok(quality.standards.$get()),
  );
  list.start();
  const notice = signal<Notice | null>(null);
  /** A change is under way: every button of the checklist waits for it. */
  const busy = signal(false);
  /** Makes a change and says how it went in the panel's notice; a refusal is thrown on, for a form to keep what was typed. */
  async function change(call: () => Promise<unknown>, done: string): Promise<void> {
    busy.value = true;
    notice.value = null;
    try {
      await call();
      notice.value = { kind: "ok", text: done };
      list.reload();
    } catch (e) {
      notice.value = { kind: "error", text: message(e) };
      throw e;
    } finally {
      busy.value = false;
    }
  }
  /** A change from a button: the notice says all there is to say; true if it was made. */
  const press = (call: () => Promise<unknown>, done: string): Promise<boolean> =>
    change(call, done).then(
      () => true,
      () => false,
    );
  const param = (id: number) => ({ id: String(id) });
  return {
    list,
    notice,
    busy,
    addDefaults: () => press(() => ok(quality.standards.defaults.$post()), "Added the suggested standards."),
    add: (text: string): Promise<void> => {
      if (!text.trim()) {
        notice.value = { kind: "error", text: "Write the standard first." };
        return Promise.reject(new Error(notice.value.text));
      }
      return change(() => ok(quality.standards.$post({ json: { text: text.trim() } })), `Added ‘${text.trim()}’.`);
    },
    rename: (s: QualityStandard, text: string) =>
      change(() => ok(quality.standards[":id"].$patch({ param: param(s.id), json: { text: text.trim() } })), `Saved ‘${text.trim()}’.`),
    setRetired: (s: QualityStandard, retired: boolean) =>
      press(
        () => ok(quality.standards[":id"].$patch({ param: param(s.id), json: { retired } })),
        retired ? `Retired ‘${s.text}’.` : `Brought back ‘${s.text}’.`,
      ),
    /** Moves an active standard one place up (-1) or down (+1). */
    move: (s: QualityStandard, by: -1 | 1) => {
      const ids = (list.data.value?.items ?? []).filter((x) => !x.retired).map((x) => x.id);
      const from = ids.indexOf(s.id);
      const to = from + by;
      if (from < 0 || to < 0 || to >= ids.length) return Promise.resolve(false);
      [ids[from], ids[to]] = [ids[to]!, ids[from]!];
      return press(() => ok(quality.standards.order.$put({ json: { ids } })), `Moved ‘${s.text}’ ${by < 0 ? "up" : "down"}.`);
    },
  };
});
