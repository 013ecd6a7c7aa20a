import { computed, createModel, signal } from "@preact/signals";
import type { InferResponseType } from "hono/client";
import { CASE_PRIORITIES, CASE_STATUSES, CASE_STEPS, stepRefusal, type CaseStatus, type CaseStep } from "../../../src/domain/cases";
import type { SafeguardingCategory } from "../../../src/domain/safeguarding";
import { api, ApiError, ok } from "../api";
import { STATUS_LABELS } from "../lib/case-words";
import { url } from "./app";
import { RULE_LANGUAGES } from "./forms";
import { createLoader } from "./loader";

const cases = api["follow-ups"];
export type CaseList = InferResponseType<(typeof cases)["$get"], 200>;
export type CaseSummary = CaseList["items"][number];
export type CaseDetail = InferResponseType<(typeof cases)[":id"]["$get"], 200>;
export type CaseEvent = CaseDetail["history"][number];
export type FollowUpRules = InferResponseType<(typeof api.settings)["follow-up-rules"]["$get"], 200>;
export type SafeguardingPhrase = InferResponseType<(typeof api.settings)["safeguarding-phrases"]["$get"], 200>["items"][number];

// ---- The follow-up pages' own words for the cases' vocabulary (the shared ones are in lib/case-words) ----

export const STEP_LABELS: Record<CaseStep, string> = { acknowledge: "Acknowledge", respond: "Record response", close: "Close the case" };
const STEP_DONE: Record<CaseStep, string> = { acknowledge: "Acknowledged.", respond: "Response recorded.", close: "Case closed." };

/** Keyed by the domain's categories (only the type is imported: the matcher stays on the server). */
export const CATEGORY_LABELS: Record<SafeguardingCategory, string> = {
  suicide_self_harm: "Suicide or self-harm",
  abuse: "Abuse",
  threat: "Threat",
  at_risk: "Child or vulnerable adult at risk",
};
const isCategory = (v: string | undefined): v is SafeguardingCategory => v !== undefined && Object.hasOwn(CATEGORY_LABELS, v);
export const categoryLabel = (v: string): string => (isCategory(v) ? CATEGORY_LABELS[v] : v);

/** The list's filters as the URL spells them; "active" (not closed) is the list's default. */
export const STATUS_FILTERS = [{ value: "", label: "Active" }, ...CASE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))];
export const OWNER_FILTERS = [
  { value: "", label: "Anyone" },
  { value: "me", label: "Me" },
  { value: "none", label: "Unassigned" },
];
export const SORTS = [
  { value: "", label: "Due date" },
  { value: "opened", label: "Newest first" },
];

const oneOf = <T extends string>(v: string | undefined, choices: readonly T[]): T | undefined => choices.find((c) => c === v);

/** The API's query from the URL's; values the server would refuse are left out. */
export function listQuery(q: Record<string, string>) {
  return {
    status: oneOf(q.status, CASE_STATUSES),
    priority: oneOf(q.priority, CASE_PRIORITIES),
    team: q.team,
    owner: q.owner === "me" || q.owner === "none" || /^\d+$/.test(q.owner ?? "") ? q.owner : undefined,
    overdue: q.overdue === "true" ? ("true" as const) : undefined,
    sort: oneOf(q.sort, ["due", "opened"] as const),
    page: /^\d+$/.test(q.page ?? "") ? q.page : undefined,
  };
}

/** The steps a case can take from its status (the server refuses the others with a 409). */
export function allowedSteps(status: CaseStatus): CaseStep[] {
  return CASE_STEPS.filter((s) => stepRefusal(s, status) === null);
}

// ---- Page models ----

/** The case list: follows the URL's filters, sort and page. */
export const CaseListModel = createModel(() => {
  const query = computed(() => listQuery(url.query.value));
  const list = createLoader(
    () => query.value,
    (q) => ok(cases.$get({ query: q })),
  );
  list.start();
  return { list };
});

type Notice = { kind: "ok" | "error"; text: string };

/**
 * One case and what can be done to it. Every change answers with the case and its history,
 * which replace what is shown at once; the whole case is then read again, since a change of
 * owner or a closed case changes who may see the contact details.
 */
export const CaseModel = createModel((id: string) => {
  const detail = createLoader(
    () => id,
    (caseId) =>
      /^[1-9]\d{0,15}$/.test(caseId) ? ok(cases[":id"].$get({ param: { id: caseId } })) : Promise.reject(new Error(`There is no follow-up case “${caseId}”.`)),
  );
  detail.start();
  const notice = signal<Notice | null>(null);
  /** A change is under way: every form of the case waits for it. */
  const busy = signal(false);
  const param = { id };

  /**
   * Makes a change and says how it went in the case's notice. A refusal is thrown on as well,
   * for the form to put the server's field errors under its fields.
   */
  async function change(call: () => Promise<{ case?: Partial<CaseDetail["case"]>; history: CaseDetail["history"] }>, done: string): Promise<void> {
    busy.value = true;
    notice.value = null;
    try {
      const r = await call();
      const d = detail.data.value;
      if (d) detail.data.value = { ...d, case: { ...d.case, ...r.case }, history: r.history };
      notice.value = { kind: "ok", text: done };
      detail.reload();
    } catch (e) {
      notice.value = { kind: "error", text: e instanceof Error ? e.message : String(e) };
      // Out of order (someone else moved the case on): show the case as it now is.
      if (e instanceof ApiError && (e.status === 409 || e.status === 404)) detail.reload();
      throw e;
    } finally {
      busy.value = false;
    }
  }

  /** A required field left empty: refused before asking the server, in the server's terms, so the form places it the same way. */
  function refuse(field: string, message: string): Promise<never> {
    const refusal = new ApiError(400, "Please correct the field marked below.", [{ path: field, message }]);
    notice.value = { kind: "error", text: refusal.message };
    return Promise.reject(refusal);
  }

  return {
    detail,
    notice,
    busy,
    takeStep: (step: CaseStep, note: string) => {
      const json = note.trim() ? { note: note.trim() } : {};
      const call = () => ok(cases[":id"][":step"].$post({ param: { ...param, step }, json }));
      return change(call, STEP_DONE[step] + (note.trim() ? " Your note is in the history." : ""));
    },
    addNote: (note: string) => {
      if (!note.trim()) return refuse("note", "Write the note first.");
      return change(() => ok(cases[":id"].notes.$post({ param, json: { note: note.trim() } })), "Note added to the history.");
    },
    assign: (userId: number | null, email: string | null) =>
      change(() => ok(cases[":id"].owner.$put({ param, json: { userId } })), email ? `Assigned to ${email}.` : "The case has no owner now."),
    notAConcern: (reason: string) => {
      if (!reason.trim()) return refuse("reason", "Say why this is not a safeguarding concern.");
      return change(() => ok(cases[":id"]["not-a-concern"].$post({ param, json: { reason: reason.trim() } })), "Marked as not a safeguarding concern.");
    },
  };
});

/** Settings: the rules that open cases, and the organisation's own safeguarding phrases (administrators). */
export const FollowUpSettingsModel = createModel(() => {
  const s = api.settings;
  const rules = createLoader(
    () => null,
    () => ok(s["follow-up-rules"].$get()),
  );
  const phrases = createLoader(
    () => null,
    () => ok(s["safeguarding-phrases"].$get()),
  );
  rules.start();
  phrases.start();
  const rulesNotice = signal<Notice | null>(null);
  const phrasesNotice = signal<Notice | null>(null);
  const adding = signal(false);
  const threshold = (v: string | undefined) => (v ? Number(v) : null);
  return {
    rules,
    phrases,
    rulesNotice,
    phrasesNotice,
    adding,
    /** Throws ApiError with the bad fields, for the form to place. */
    saveRules: async (v: Record<string, string>) => {
      rulesNotice.value = null;
      const json = {
        csatAtMost: threshold(v.csatAtMost),
        csiAtMost: threshold(v.csiAtMost),
        notResolvedCsatAtMost: threshold(v.notResolvedCsatAtMost),
        onContactRequest: v.onContactRequest === "yes",
      };
      await ok(s["follow-up-rules"].$put({ json }));
      rules.reload();
      rulesNotice.value = { kind: "ok", text: "Saved the follow-up rules." };
    },
    openAdd: () => {
      adding.value = true;
      phrasesNotice.value = null;
    },
    closeAdd: () => void (adding.value = false),
    /** Throws ApiError with the bad fields, for the form to place. */
    addPhrase: async (v: Record<string, string>) => {
      const category = isCategory(v.category) ? v.category : "suicide_self_harm";
      const language = RULE_LANGUAGES.find((l) => l.code === v.language)?.code ?? "en";
      const added = await ok(s["safeguarding-phrases"].$post({ json: { category, language, phrase: v.phrase ?? "" } }));
      adding.value = false;
      phrases.reload();
      phrasesNotice.value = { kind: "ok", text: `Added ‘${added.phrase}’.` };
    },
    deletePhrase: async (id: number, phrase: string) => {
      try {
        await ok(s["safeguarding-phrases"][":id"].$delete({ param: { id: String(id) } }));
        phrases.reload();
        phrasesNotice.value = { kind: "ok", text: `Deleted ‘${phrase}’.` };
      } catch (e) {
        phrasesNotice.value = { kind: "error", text: e instanceof Error ? e.message : String(e) };
      }
    },
  };
});
