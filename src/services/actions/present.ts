import type { TrackerEntry } from "../../db/queries/actions/tracker";
import { asCategory, inReviewOrder, isOverdue, latestAssessment, type ActionCategory, type ActionLinkKind, type CategoryLabels } from "../../domain/actions";
import type { ApiAction, ApiActionDetail } from "../../schemas/actions";

type Named = { code: string; name: string };

export type ReviewView = { id: number; date: string; category: ActionCategory; label: string; evidence: string; recordedBy: string | null; recordedAt: string };

/** An action as the dashboard shows it: names as well as codes, the owner, and its reviews. */
export type ActionView = {
  ref: string;
  text: string;
  source: string;
  responsibility: string | null;
  owner: { id: number; email: string } | null;
  dueDate: string | null;
  overdue: boolean;
  themes: Named[];
  teams: Named[];
  departments: Named[];
  latest: ReviewView | null;
  /** Oldest first: all of them, or the latest few where a list says so. */
  reviews: ReviewView[];
  reviewCount: number;
  createdAt: string;
  updatedAt: string;
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One action for the screen, the API and the export alike: its standing assessment and whether
 * it is past its anticipated completion, as of `today`. `keepReviews` keeps the latest so many.
 */
export function presentAction(entry: TrackerEntry, labels: CategoryLabels, today: string, keepReviews = Infinity): ActionView {
  const { row } = entry;
  const reviews = inReviewOrder(
    entry.progress.map((p) => ({
      id: p.id,
      date: p.date,
      category: asCategory(p.category),
      label: labels[asCategory(p.category)],
      evidence: p.evidence,
      recordedBy: p.recordedBy,
      recordedAt: iso(p.createdAt),
    })),
  );
  const latest = latestAssessment(reviews);
  const linked = (kind: ActionLinkKind) => entry.links.filter((l) => l.kind === kind).map(({ code, name }) => ({ code, name }));
  return {
    ref: row.ref,
    text: row.text,
    source: row.source,
    responsibility: row.responsibility,
    owner: row.ownerId !== null && row.ownerEmail !== null ? { id: row.ownerId, email: row.ownerEmail } : null,
    dueDate: row.dueDate,
    overdue: isOverdue(row.dueDate, latest?.category ?? null, today),
    themes: linked("theme"),
    teams: linked("team"),
    departments: linked("department"),
    latest,
    reviews: keepReviews === Infinity ? reviews : reviews.slice(Math.max(0, reviews.length - keepReviews)),
    reviewCount: reviews.length,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** What the API gives: what an action addresses, by code. */
export function apiAction(v: ActionView): ApiAction {
  return {
    ref: v.ref,
    text: v.text,
    source: v.source,
    responsibility: v.responsibility,
    owner: v.owner?.email ?? null,
    dueDate: v.dueDate,
    overdue: v.overdue,
    themes: v.themes.map((t) => t.code),
    teams: v.teams.map((t) => t.code),
    departments: v.departments.map((d) => d.code),
    latest: v.latest ? { date: v.latest.date, category: v.latest.category, label: v.latest.label } : null,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

export function apiActionDetail(v: ActionView): ApiActionDetail {
  return {
    ...apiAction(v),
    progress: v.reviews.map((r) => ({
      date: r.date,
      category: r.category,
      label: r.label,
      evidence: r.evidence,
      recordedAt: r.recordedAt,
      recordedBy: r.recordedBy,
    })),
  };
}
