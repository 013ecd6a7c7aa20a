/**
 * The demo's follow-up cases. The generator stores answers in bulk, not through recordResponse,
 * so no case opens as they go in; this opens them afterwards, one for each answer that meets the
 * rules, as recordResponse would have when it arrived, and gives each the history staff would
 * have made by the demo's today: most cases acknowledged within a couple of working days,
 * responded to a few days later and closed; a few handled late, so the SLA figures look like a
 * real service's rather than a perfect one; a few forgotten, still open and overdue; the latest
 * still being worked.
 *
 * The demo has no contact requests, no safeguarding words in its comments and no dashboard
 * users: cases are opened on scores alone, all of normal priority, with no owner, and no step
 * names who took it.
 */
import { and, asc, eq, gt, lte, or } from "drizzle-orm";
import { HOUR, MINUTE } from "../../clock";
import type { Config } from "../../config";
import type { Ctx } from "../../deps";
import { followUpCaseEvents, followUpCases, responses } from "../../db/schema";
import { caseReasons, DEFAULT_CASE_RULES, type CaseReason, type CaseRules, type CaseStatus } from "../../domain/cases";
import type { Fcr } from "../../domain/measures";
import { localDate, zonedMidnight } from "../../domain/periods";
import { addWorkingDays, type WorkingDayCalendar } from "../../domain/working-days";
import { dueDatesFrom } from "../follow-ups/due-dates";
import { bulkInsert } from "../import/bulk-insert";
import { weightedIndex, type Random } from "./random";

/** Cases (and up to four history rows each) per write. */
const CASES_PER_WRITE = 4_000;

/**
 * How the cases' story goes. Taken together, roughly nine in ten cases are acknowledged and
 * responded to by their due dates: near a 95% target without meeting it everywhere, as a real
 * service's figures are.
 */
const STORY = {
  /** Never acknowledged: open, and overdue once their acknowledge-by date has passed. */
  neverAcknowledged: 0.006,
  /** Acknowledged after the acknowledge-by date. */
  acknowledgedLate: 0.06,
  /** Acknowledged, then never responded to: overdue once their respond-by date has passed. */
  neverResponded: 0.008,
  /** Responded to after the respond-by date, when acknowledged in time and when not. */
  respondedLate: 0.05,
  respondedLateAfterLateAcknowledgement: 0.5,
  /** Working days from opening to acknowledgement when in time: 1, 2, 3, …, mostly one or two. */
  acknowledgeAfter: [0.3, 0.4, 0.18, 0.08, 0.04],
  /** Working days from acknowledgement to response: 1, 2, 3, … */
  respondAfter: [0.1, 0.25, 0.25, 0.2, 0.12, 0.08],
  /** Working days from response to closure (time for the customer to reply): 0 (the same day), 1, 2, … */
  closeAfter: [0.1, 0.25, 0.25, 0.2, 0.1, 0.1],
  /** How many working days past the due date a late step comes: 1 to this. */
  lateBy: 5,
} as const;

/** Staff take steps in office hours, local time. */
const WORKDAY_START = 9 * HOUR;
const WORKDAY_END = 17 * HOUR;

type Candidate = { id: number; interactionId: number; teamId: number; csat: number | null; csi: number | null; fcr: Fcr | null; createdAt: number };
type DueDates = { acknowledgeBy: string; respondBy: string };
type Steps = { acknowledgedAt: number | null; respondedAt: number | null; closedAt: number | null };

const CASE_COLUMNS = [
  "responseId",
  "interactionId",
  "teamId",
  "status",
  "priority",
  "reasons",
  "openedAt",
  "acknowledgeBy",
  "respondBy",
  "acknowledgedAt",
  "respondedAt",
  "closedAt",
  "updatedAt",
];
const OPENED_COLUMNS = ["caseId", "kind", "detail", "at"];
const STEP_COLUMNS = ["caseId", "kind", "at"];
const insertCases = bulkInsert("demo_cases", followUpCases, CASE_COLUMNS, followUpCases.id);
const insertOpened = bulkInsert("demo_case_opened", followUpCaseEvents, OPENED_COLUMNS);
const insertSteps = bulkInsert("demo_case_steps", followUpCaseEvents, STEP_COLUMNS);

/**
 * Opens the cases of the stored demo answers, in the order of the answers, with the generator's
 * random numbers (the same seed makes the same cases). Returns how many it opened.
 */
export async function openDemoCases(ctx: Ctx, random: Random): Promise<number> {
  // A new database has the default rules; the demo only fills new databases.
  const rules = DEFAULT_CASE_RULES;
  const story = new CaseStory(random, ctx.config, ctx.clock.now());
  let opened = 0;
  let after = 0;
  while (true) {
    const page = await candidatesAfter(ctx, rules, after);
    if (page.length === 0) return opened;
    after = page.at(-1)!.id;
    const rows = new CaseRows();
    for (const response of page) {
      const reasons = caseReasons(rules, { csat: response.csat, csi: response.csi, fcr: response.fcr, contactRequested: false, safeguarding: [] });
      if (reasons.length > 0) rows.add(response, reasons, story);
    }
    if (rows.cases === 0) continue;
    opened += rows.cases;
    await ctx.db.write(async (tx) => {
      const ids = await insertCases(tx, rows.caseValues);
      resolve(rows.openedValues, OPENED_COLUMNS.length, ids);
      await insertOpened(tx, rows.openedValues);
      resolve(rows.stepValues, STEP_COLUMNS.length, ids);
      await insertSteps(tx, rows.stepValues);
    });
  }
}

/**
 * The next answers after id `after` that meet the rules' score thresholds, by id: the whole demo
 * a page at a time, so a large one's low scores are never all in memory. caseReasons still
 * decides, and gives the reasons.
 */
function candidatesAfter(ctx: Ctx, rules: CaseRules, after: number): Promise<Candidate[]> {
  const meetsRules = or(
    rules.csatAtMost === null ? undefined : lte(responses.csat, rules.csatAtMost),
    rules.csiAtMost === null ? undefined : lte(responses.csi, rules.csiAtMost),
    rules.notResolvedCsatAtMost === null ? undefined : and(eq(responses.fcr, "no"), lte(responses.csat, rules.notResolvedCsatAtMost)),
  );
  return ctx.db.read
    .select({
      id: responses.id,
      interactionId: responses.interactionId,
      teamId: responses.teamId,
      csat: responses.csat,
      csi: responses.csi,
      fcr: responses.fcr,
      createdAt: responses.createdAt,
    })
    .from(responses)
    .where(and(gt(responses.id, after), meetsRules))
    .orderBy(asc(responses.id))
    .limit(CASES_PER_WRITE);
}

/** Replaces the batch indexes in the first column of each row with the case ids they stand for. */
function resolve(values: unknown[], width: number, ids: readonly number[]): void {
  for (let i = 0; i < values.length; i += width) values[i] = ids[values[i] as number];
}

/** One write's cases and history rows, flat as the multi-row inserts take them; history rows hold their case's index in the batch. */
class CaseRows {
  cases = 0;
  readonly caseValues: unknown[] = [];
  readonly openedValues: unknown[] = [];
  readonly stepValues: unknown[] = [];

  add(response: Candidate, reasons: CaseReason[], story: CaseStory): void {
    const openedAt = response.createdAt;
    const openedOn = story.localDate(openedAt);
    const due = story.dueDates(openedOn, openedAt);
    const steps = story.steps(openedAt, openedOn, due);
    const status: CaseStatus =
      steps.closedAt !== null ? "closed" : steps.respondedAt !== null ? "responded" : steps.acknowledgedAt !== null ? "acknowledged" : "open";
    const updatedAt = steps.closedAt ?? steps.respondedAt ?? steps.acknowledgedAt ?? openedAt;
    const index = this.cases++;
    this.caseValues.push(
      response.id,
      response.interactionId,
      response.teamId,
      status,
      "normal",
      reasons,
      openedAt,
      due.acknowledgeBy,
      due.respondBy,
      steps.acknowledgedAt,
      steps.respondedAt,
      steps.closedAt,
      updatedAt,
    );
    this.openedValues.push(index, "opened", { reasons, ownerId: null }, openedAt);
    if (steps.acknowledgedAt !== null) this.stepValues.push(index, "acknowledged", steps.acknowledgedAt);
    if (steps.respondedAt !== null) this.stepValues.push(index, "responded", steps.respondedAt);
    if (steps.closedAt !== null) this.stepValues.push(index, "closed", steps.closedAt);
  }
}

/**
 * What staff did with each case, in working days on the configured calendar: the whole story
 * is drawn first, then cut at the demo's now, so recent cases are still open, acknowledged or
 * responded to, and a late step not yet taken leaves its case overdue.
 */
class CaseStory {
  private readonly calendar: WorkingDayCalendar;
  private readonly timeZone: string;
  // Every case falls on one of a year's dates: the calendar arithmetic is done once per date.
  private readonly midnights = new Map<string, number>();
  private readonly dueDatesOn = new Map<string, DueDates>();
  private readonly workingDays = new Map<string, string>();

  constructor(
    private readonly random: Random,
    private readonly config: Config,
    private readonly now: number,
  ) {
    this.calendar = config.WORKING_DAYS_CALENDAR;
    this.timeZone = config.TIMEZONE;
  }

  localDate(at: number): string {
    return localDate(at, this.timeZone);
  }

  /** The due dates of a case opened at `openedAt`, on local date `openedOn`. */
  dueDates(openedOn: string, openedAt: number): DueDates {
    let due = this.dueDatesOn.get(openedOn);
    if (!due) this.dueDatesOn.set(openedOn, (due = dueDatesFrom(this.config, openedAt, false)));
    return due;
  }

  steps(openedAt: number, openedOn: string, due: DueDates): Steps {
    const { random } = this;
    const steps: Steps = { acknowledgedAt: null, respondedAt: null, closedAt: null };
    if (random() < STORY.neverAcknowledged) return steps;

    const ackLate = random() < STORY.acknowledgedLate;
    const ackOn = ackLate
      ? this.lateDay(due.acknowledgeBy)
      : earlier(this.addWorkingDays(openedOn, 1 + weightedIndex(random, STORY.acknowledgeAfter)), due.acknowledgeBy);
    const acknowledgedAt = this.timeOn(ackOn, openedAt);
    if (acknowledgedAt > this.now) return steps;
    steps.acknowledgedAt = acknowledgedAt;
    if (random() < STORY.neverResponded) return steps;

    const respLate = random() < (ackLate ? STORY.respondedLateAfterLateAcknowledgement : STORY.respondedLate);
    // A step never comes before the one it follows, even when that makes it late.
    const respOn = respLate
      ? this.lateDay(later(due.respondBy, ackOn))
      : later(ackOn, earlier(this.addWorkingDays(ackOn, 1 + weightedIndex(random, STORY.respondAfter)), due.respondBy));
    const respondedAt = this.timeOn(respOn, acknowledgedAt);
    if (respondedAt > this.now) return steps;
    steps.respondedAt = respondedAt;

    const closedAt = this.timeOn(this.addWorkingDays(respOn, weightedIndex(random, STORY.closeAfter)), respondedAt);
    if (closedAt <= this.now) steps.closedAt = closedAt;
    return steps;
  }

  /** A working day a little after `due`. */
  private lateDay(due: string): string {
    return this.addWorkingDays(due, 1 + Math.floor(this.random() * STORY.lateBy));
  }

  private addWorkingDays(date: string, days: number): string {
    const key = `${date}+${days}`;
    let day = this.workingDays.get(key);
    if (day === undefined) this.workingDays.set(key, (day = addWorkingDays(date, days, this.calendar)));
    return day;
  }

  /** A time in office hours on local date `date`, after `after` (just after, when that is late in the same day). */
  private timeOn(date: string, after: number): number {
    let midnight = this.midnights.get(date);
    if (midnight === undefined) this.midnights.set(date, (midnight = zonedMidnight(date, this.timeZone)));
    const from = Math.max(midnight + WORKDAY_START, after + 10 * MINUTE);
    const until = midnight + WORKDAY_END;
    return from + Math.floor(this.random() * (from < until ? until - from : 30 * MINUTE));
  }
}

/** Of two local dates (YYYY-MM-DD, so they compare as strings). */
const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);
