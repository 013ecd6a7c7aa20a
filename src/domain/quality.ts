/**
 * Quality reviews: the vocabulary, and the figures the Quality page shows from the scores.
 * Pure: the queries count scores in SQL, these functions turn the counts into figures.
 */
import { wilson } from "./intervals";
import { roundTo } from "./round";

/** A month as YYYY-MM: what is sampled, and what the Quality page shows. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const isMonth = (s: string): boolean => MONTH_PATTERN.test(s);

/** How a sampled contact or case met one standard. */
export const QA_SCORES = ["met", "partly", "not_met", "not_applicable"] as const;
export type QaScore = (typeof QA_SCORES)[number];
export const isQaScore = (v: string): v is QaScore => (QA_SCORES as readonly string[]).includes(v);

/** What was sampled: a contact (an interaction) or a closed follow-up case. */
export const QA_ITEM_KINDS = ["interaction", "case"] as const;
export type QaItemKind = (typeof QA_ITEM_KINDS)[number];
export const isQaItemKind = (v: string): v is QaItemKind => (QA_ITEM_KINDS as readonly string[]).includes(v);

/**
 * The standards an organisation starts with, from Kent's "agreed performance standards" and
 * Jersey's sample checks (policy adherence, quality of response, lessons learnt captured).
 */
export const DEFAULT_QA_STANDARDS = ["Greeting and name given", "Accurate information", "Next steps explained", "Policy followed", "Lessons recorded"] as const;

/** How many scores of each kind a group has. */
export type QaTally = { met: number; partly: number; notMet: number; notApplicable: number };

export const emptyQaTally = (): QaTally => ({ met: 0, partly: 0, notMet: 0, notApplicable: 0 });

const TALLY_KEY: Record<QaScore, keyof QaTally> = { met: "met", partly: "partly", not_met: "notMet", not_applicable: "notApplicable" };

export function addScore(t: QaTally, score: QaScore, count = 1): QaTally {
  t[TALLY_KEY[score]] += count;
  return t;
}

/**
 * A group's share of standards met, 0–100 with one decimal: met counts as one, partly as a half,
 * not met as nothing; "not applicable" is left out of n. The interval is Wilson's on the
 * half-counted total: a score of 0, ½ or 1 varies no more than a yes/no answer with the same
 * mean, so the interval is if anything a little wide, never too narrow.
 * No minimum n: a month's sample is four contacts a person by design, so every figure shows its
 * n and interval instead of hiding behind "too few".
 */
export type QaFigure = QaTally & { n: number; value: number | null; low: number | null; high: number | null };

export function qaFigure(t: QaTally): QaFigure {
  const n = t.met + t.partly + t.notMet;
  if (n === 0) return { ...t, n, value: null, low: null, high: null };
  const k = t.met + t.partly / 2;
  const { low, high } = wilson(k, n);
  return { ...t, n, value: roundTo((100 * k) / n, 1), low: roundTo(100 * low, 1), high: roundTo(100 * high, 1) };
}

/** Scores counted in SQL: how many of one score, for one standard, on one team's or staff member's items of one kind. */
export type QaScoreCount = { kind: QaItemKind; teamId: number; staffId: number | null; standardId: number; score: QaScore; n: number };

/** Figures for contacts and for closed cases, apart: a case review judges complaint handling, not the contact. */
export type QaKinds = { interaction: QaFigure; case: QaFigure };

export type QaFigures = {
  standards: Map<number, QaKinds>;
  teams: Map<number, QaKinds>;
  /** Staff members are judged on their contacts only: a closed case was handled by its owner. */
  staff: Map<number, QaFigure>;
  overall: QaKinds;
};

/** Folds score counts into figures per standard, per team and per staff member. */
export function qaFigures(counts: readonly QaScoreCount[]): QaFigures {
  const kinds = () => ({ interaction: emptyQaTally(), case: emptyQaTally() });
  const standards = new Map<number, { interaction: QaTally; case: QaTally }>();
  const teams = new Map<number, { interaction: QaTally; case: QaTally }>();
  const staff = new Map<number, QaTally>();
  const overall = kinds();
  const at = <K>(map: Map<K, { interaction: QaTally; case: QaTally }>, key: K) => {
    let v = map.get(key);
    if (!v) map.set(key, (v = kinds()));
    return v;
  };
  for (const c of counts) {
    addScore(at(standards, c.standardId)[c.kind], c.score, c.n);
    addScore(at(teams, c.teamId)[c.kind], c.score, c.n);
    addScore(overall[c.kind], c.score, c.n);
    if (c.kind === "interaction" && c.staffId !== null) {
      let s = staff.get(c.staffId);
      if (!s) staff.set(c.staffId, (s = emptyQaTally()));
      addScore(s, c.score, c.n);
    }
  }
  const figures = (k: { interaction: QaTally; case: QaTally }): QaKinds => ({ interaction: qaFigure(k.interaction), case: qaFigure(k.case) });
  return {
    standards: new Map([...standards].map(([id, k]) => [id, figures(k)])),
    teams: new Map([...teams].map(([id, k]) => [id, figures(k)])),
    staff: new Map([...staff].map(([id, t]) => [id, qaFigure(t)])),
    overall: figures(overall),
  };
}

/** How many items there are and how many are reviewed. */
export type QaCount = { items: number; reviewed: number };
/** A team's items of one kind, as counted in SQL. */
export type QaProgressRow = { teamId: number; code: string; name: string; kind: QaItemKind } & QaCount;
export type QaTeamProgress = { teamId: number; code: string; name: string; contacts: QaCount; cases: QaCount } & QaCount;

/** The month's progress: per team (in the rows' order), contacts and cases apart and together, and in all. */
export function qaProgress(rows: readonly QaProgressRow[]): { total: QaCount; teams: QaTeamProgress[] } {
  const teams = new Map<number, QaTeamProgress>();
  const total: QaCount = { items: 0, reviewed: 0 };
  for (const r of rows) {
    let t = teams.get(r.teamId);
    if (!t)
      teams.set(
        r.teamId,
        (t = { teamId: r.teamId, code: r.code, name: r.name, items: 0, reviewed: 0, contacts: { items: 0, reviewed: 0 }, cases: { items: 0, reviewed: 0 } }),
      );
    for (const c of [r.kind === "case" ? t.cases : t.contacts, t, total]) {
      c.items += r.items;
      c.reviewed += r.reviewed;
    }
  }
  return { total, teams: [...teams.values()] };
}
