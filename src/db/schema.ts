import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CASE_EVENT_KINDS, CASE_PRIORITIES, CASE_STATUSES, type CaseReason } from "../domain/cases";
import { FCR_VALUES } from "../domain/measures";
import { ANSWER_SOURCES, CHANNELS, INTERACTION_SOURCES } from "../domain/vocabulary";

/*
 * Times are integers of epoch milliseconds (UTC). Reference data is retired, never deleted,
 * so history keeps its names. Codes are the stable identifiers integrating systems use.
 */

export const departments = sqliteTable("departments", {
  id: integer("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  retiredAt: integer("retired_at"),
  createdAt: integer("created_at").notNull(),
});

export const teams = sqliteTable(
  "teams",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id),
    retiredAt: integer("retired_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("teams_department").on(t.departmentId)],
);

export const staff = sqliteTable(
  "staff",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    email: text("email"),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id),
    retiredAt: integer("retired_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("staff_team").on(t.teamId)],
);

export const services = sqliteTable("services", {
  id: integer("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  retiredAt: integer("retired_at"),
  createdAt: integer("created_at").notNull(),
});

export const themes = sqliteTable("themes", {
  id: integer("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  /** JSON: { [language]: string[] } of words and phrases; "wait*" matches a prefix. */
  rules: text("rules", { mode: "json" }).$type<Record<string, string[]>>().notNull(),
  retiredAt: integer("retired_at"),
  createdAt: integer("created_at").notNull(),
});

/**
 * One row whose version goes up, by triggers (migration 0006), whenever any row of themes is
 * inserted, updated or deleted, by whichever process. Answering a survey reads this one number
 * to know whether its compiled theme rules are still current, instead of reading every rule.
 */
export const themesVersion = sqliteTable("themes_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
});

export const targets = sqliteTable(
  "targets",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull().unique(),
    /** csat | ces_easy | ces_mean | csi_index | csi_net | fcr | response_rate */
    measure: text("measure").notNull(),
    departmentId: integer("department_id").references(() => departments.id),
    teamId: integer("team_id").references(() => teams.id),
    value: real("value").notNull(),
    retiredAt: integer("retired_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("targets_measure").on(t.measure)],
);

export const interactions = sqliteTable(
  "interactions",
  {
    id: integer("id").primaryKey(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id),
    staffId: integer("staff_id").references(() => staff.id),
    serviceId: integer("service_id").references(() => services.id),
    occurredAt: integer("occurred_at").notNull(),
    externalRef: text("external_ref"),
    language: text("language").notNull().default("en"),
    /** How the interaction came to be (INTERACTION_SOURCES). */
    source: text("source", { enum: INTERACTION_SOURCES }).notNull().default("api"),
    /**
     * Keyed hash naming the customer (the CRM's customer key, else their email, else their
     * phone; never the value): how a repeat contact is recognised. Null when unknown or erased.
     */
    customerHash: text("customer_hash"),
    /** The earlier contact of the same customer about the same service that this one repeats. */
    repeatOf: integer("repeat_of"),
    /** 1 once a later contact repeated this one: it was not resolved first time. */
    repeated: integer("repeated").notNull().default(0),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    // Partial: most interactions from the signature strip have no external reference.
    uniqueIndex("interactions_external_ref").on(t.externalRef).where(sql`external_ref is not null`),
    index("interactions_occurred").on(t.occurredAt),
    // A customer's earlier and later contacts: only interactions with a known customer.
    index("interactions_customer").on(t.customerHash, t.occurredAt).where(sql`customer_hash is not null`),
  ],
);

/**
 * Customer contact details live apart from responses and interactions, only as long as an
 * invitation needs them; deleting the row is the whole of forgetting them.
 */
export const customerContacts = sqliteTable("customer_contacts", {
  interactionId: integer("interaction_id")
    .primaryKey()
    .references(() => interactions.id),
  email: text("email"),
  phone: text("phone"),
  mayContact: integer("may_contact", { mode: "boolean" }).notNull().default(false),
  createdAt: integer("created_at").notNull(),
});

/**
 * Keyed hashes of the customer's email and phone per interaction: how `erase` finds what a
 * person wrote after the address itself has been deleted. Removed by retention with the rest.
 */
export const contactSubjects = sqliteTable(
  "contact_subjects",
  {
    interactionId: integer("interaction_id")
      .notNull()
      .references(() => interactions.id),
    subjectHash: text("subject_hash").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.subjectHash, t.interactionId] }), index("contact_subjects_interaction").on(t.interactionId)],
);

export const surveyTokens = sqliteTable("survey_tokens", {
  id: integer("id").primaryKey(),
  interactionId: integer("interaction_id")
    .notNull()
    .unique()
    .references(() => interactions.id),
  /**
   * The token is derived from this random nonce with the secret pepper (so the same link can
   * be handed out again for a repeated externalRef) and is never stored; a copy of the
   * database alone can neither derive it nor answer a survey.
   */
  nonce: text("nonce").notNull(),
  /** Keyed hash of the token: how a link finds its interaction. */
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: integer("expires_at").notNull(),
  createdAt: integer("created_at").notNull(),
});

export const responses = sqliteTable(
  "responses",
  {
    id: integer("id").primaryKey(),
    interactionId: integer("interaction_id")
      .notNull()
      .unique()
      .references(() => interactions.id),
    // Copied from the interaction so the comments feed and recounts need no join.
    teamId: integer("team_id").notNull(),
    staffId: integer("staff_id"),
    serviceId: integer("service_id"),
    channel: text("channel").notNull(),
    occurredAt: integer("occurred_at").notNull(),
    csat: integer("csat"),
    ces: integer("ces"),
    csi: integer("csi"),
    fcr: text("fcr", { enum: FCR_VALUES }),
    comment: text("comment"),
    /**
     * 1 when the customer left a comment. Kept when retention or an erasure deletes the text, as
     * the comment's theme tags are, so "share of comments" per theme stays true for old periods.
     */
    commented: integer("commented").notNull().default(0),
    commentSentiment: real("comment_sentiment"),
    language: text("language").notNull(),
    /** How the answer was given (ANSWER_SOURCES). */
    confirmedVia: text("confirmed_via", { enum: ANSWER_SOURCES }).notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("responses_team_occurred").on(t.teamId, t.occurredAt),
    index("responses_created").on(t.createdAt),
    // The comments feed (newest first) and the themes page's comment counts per team: a
    // covering partial index, so a year of comments is counted without reading the rows.
    index("responses_comments").on(t.occurredAt, t.teamId).where(sql`comment is not null`),
    // The follow-up list (low scores, newest first): a small partial index, so the list reads
    // only the few low scores instead of scanning a year of responses.
    index("responses_low_scores").on(t.occurredAt, t.teamId).where(sql`csat <= 2 or csi <= 2`),
    // The themes page's comment counts per department: every response that came with a comment,
    // including those whose text retention has since deleted.
    index("responses_commented").on(t.occurredAt, t.teamId).where(sql`commented = 1`),
  ],
);

export const responseThemes = sqliteTable(
  "response_themes",
  {
    responseId: integer("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    themeId: integer("theme_id")
      .notNull()
      .references(() => themes.id),
    /** JSON array of the words in the comment that made this tag. */
    matched: text("matched", { mode: "json" }).$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.themeId] }), index("response_themes_theme").on(t.themeId)],
);

/**
 * Pre-aggregated counters per period and group, updated in the same transaction as each
 * answer, so a year's report reads a few thousand rows instead of a million responses.
 * theme_id 0 holds all responses; a theme's rows hold only responses tagged with it.
 * staff_id and service_id 0 mean "none". Kept exact: test/db/rollup.test.ts recounts.
 */
export const reportRollup = sqliteTable(
  "report_rollup",
  {
    period: text("period").notNull(),
    periodStart: text("period_start").notNull(),
    themeId: integer("theme_id").notNull(),
    teamId: integer("team_id").notNull(),
    staffId: integer("staff_id").notNull(),
    serviceId: integer("service_id").notNull(),
    channel: text("channel").notNull(),
    issued: integer("issued").notNull().default(0),
    responses: integer("responses").notNull().default(0),
    csatN: integer("csat_n").notNull().default(0),
    csatPos: integer("csat_pos").notNull().default(0),
    cesN: integer("ces_n").notNull().default(0),
    cesSum: integer("ces_sum").notNull().default(0),
    cesSumSq: integer("ces_sum_sq").notNull().default(0),
    cesEasy: integer("ces_easy").notNull().default(0),
    csiN: integer("csi_n").notNull().default(0),
    csiPos: integer("csi_pos").notNull().default(0),
    csiNeg: integer("csi_neg").notNull().default(0),
    idxN: integer("idx_n").notNull().default(0),
    idxSum: real("idx_sum").notNull().default(0),
    idxSumSq: real("idx_sum_sq").notNull().default(0),
    fcrN: integer("fcr_n").notNull().default(0),
    fcrYes: integer("fcr_yes").notNull().default(0),
    /** Responses that came with a comment (migration 0008; see rollupFeatures). */
    commented: integer("commented").notNull().default(0),
    /**
     * Contacts by a known customer about a named service (the ones repeat contact can judge),
     * those of them a later contact repeated, and those that repeat no earlier one (requests).
     * Interactions' counters, like issued: theme rows hold 0.
     */
    knownContacts: integer("known_contacts").notNull().default(0),
    knownRepeated: integer("known_repeated").notNull().default(0),
    knownRequests: integer("known_requests").notNull().default(0),
    /** Responses to a survey token: the response rate's numerator (answers without one, such as imported history, are counted apart). */
    answered: integer("answered").notNull().default(0),
    /** Comments whose sentiment was scored (a covered language, words that carry sentiment), and of them the positive and the negative. */
    sentimentN: integer("sentiment_n").notNull().default(0),
    sentimentPos: integer("sentiment_pos").notNull().default(0),
    sentimentNeg: integer("sentiment_neg").notNull().default(0),
  },
  (t) => [
    primaryKey({
      columns: [t.period, t.themeId, t.periodStart, t.teamId, t.staffId, t.serviceId, t.channel],
    }),
  ],
);

/**
 * report_rollup's repeat-contact counters again, per local day: the reports leave out contacts
 * too recent to judge (a repeat may still come), and these rows say how many those are without
 * reading the interactions. staff_id 0 means none. Kept exact with report_rollup.
 */
export const repeatContactDays = sqliteTable(
  "repeat_contact_days",
  {
    /** The contact's local date, YYYY-MM-DD. */
    day: text("day").notNull(),
    teamId: integer("team_id").notNull(),
    staffId: integer("staff_id").notNull(),
    serviceId: integer("service_id").notNull(),
    channel: text("channel").notNull(),
    knownContacts: integer("known_contacts").notNull().default(0),
    knownRepeated: integer("known_repeated").notNull().default(0),
    knownRequests: integer("known_requests").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.teamId, t.staffId, t.serviceId, t.channel] })],
);

/**
 * Counters of report_rollup that are complete for all history. A counter added by a later
 * migration starts at 0 for rows already there; it is listed here only once it is right for
 * every row: at once on a database without responses, or after `rollup rebuild` recounts
 * everything. Until then reports that need it count from the responses instead.
 */
export const rollupFeatures = sqliteTable("rollup_features", {
  feature: text("feature").primaryKey(),
});

/**
 * What report_rollup was counted with: the time zone its local dates are in, the month its
 * quarters' financial year starts in, and the version of the counting rules. One row; a server
 * started with other settings (or newer rules) recounts before it serves a report.
 */
export const rollupBasis = sqliteTable("rollup_basis", {
  id: integer("id").primaryKey(),
  timeZone: text("time_zone").notNull(),
  yearStart: integer("year_start").notNull(),
  countingVersion: integer("counting_version").notNull(),
});

export const apiKeys = sqliteTable("api_keys", {
  id: integer("id").primaryKey(),
  name: text("name").notNull(),
  /** First characters of the key, to tell keys apart in lists. */
  prefix: text("prefix").notNull(),
  keyHash: text("key_hash").notNull().unique(),
  createdAt: integer("created_at").notNull(),
  lastUsedAt: integer("last_used_at"),
  revokedAt: integer("revoked_at"),
});

export const users = sqliteTable("users", {
  id: integer("id").primaryKey(),
  email: text("email").notNull().unique(),
  /** admin | director | manager */
  role: text("role").notNull(),
  teamId: integer("team_id").references(() => teams.id),
  /** A director's department: where overdue follow-up cases escalate. Null for others. */
  departmentId: integer("department_id").references(() => departments.id),
  passwordHash: text("password_hash").notNull(),
  failedLogins: integer("failed_logins").notNull().default(0),
  lockedUntil: integer("locked_until"),
  createdAt: integer("created_at").notNull(),
  disabledAt: integer("disabled_at"),
});

export const sessions = sqliteTable(
  "sessions",
  {
    /** Hash of the session cookie's value. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Durable email outbox: written in the request's transaction, sent by a worker. */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: integer("id").primaryKey(),
    /** invitation | reminder */
    kind: text("kind").notNull(),
    interactionId: integer("interaction_id")
      .notNull()
      .references(() => interactions.id),
    /** pending | sending | sent | failed | cancelled */
    status: text("status").notNull().default("pending"),
    dueAt: integer("due_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    messageId: text("message_id"),
    sentAt: integer("sent_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("email_outbox_due").on(t.status, t.dueAt), index("email_outbox_interaction").on(t.interactionId)],
);

/** Keyed hashes of customer addresses: the 14-day rule and opt-outs, without the address. */
export const emailAddressState = sqliteTable("email_address_state", {
  addressHash: text("address_hash").primaryKey(),
  lastInvitedAt: integer("last_invited_at"),
  optedOutAt: integer("opted_out_at"),
});

/** Clicks that looked automated (link scanners): counted apart, never scored. */
export const suspectedClicks = sqliteTable(
  "suspected_clicks",
  {
    id: integer("id").primaryKey(),
    day: text("day").notNull(),
    reason: text("reason").notNull(),
    staffId: integer("staff_id"),
    interactionId: integer("interaction_id"),
    score: integer("score"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("suspected_clicks_day").on(t.day)],
);

/** Phone survey calls in progress: which question, how many failed tries, once per step. */
export const ivrCalls = sqliteTable("ivr_calls", {
  callSid: text("call_sid").primaryKey(),
  interactionId: integer("interaction_id")
    .notNull()
    .references(() => interactions.id),
  step: text("step").notNull(),
  failures: integer("failures").notNull().default(0),
  recordingUrl: text("recording_url"),
  /** The provider's transcription of the recording, to delete it there with the recording. */
  transcriptionSid: text("transcription_sid"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * Recordings and transcriptions to delete at the telephony provider: written in the same
 * transaction in which retention or an erasure forgets them here, and deleted by the outbox
 * worker with the email outbox's claims and retries, so an outage at the provider loses none.
 */
export const recordingDeletions = sqliteTable(
  "recording_deletions",
  {
    id: integer("id").primaryKey(),
    /** The resource under the provider account: Recordings/RE… or Transcriptions/TR… */
    resource: text("resource").notNull(),
    /** pending | sending | done | failed */
    status: text("status").notNull().default("pending"),
    dueAt: integer("due_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    doneAt: integer("done_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("recording_deletions_due").on(t.status, t.dueAt)],
);

/**
 * Phone survey webhooks already handled. Twilio retries a webhook it got no answer to, so each
 * turn of a call (its sequence number in the action URL, or "transcription") is claimed here in
 * the same transaction as the answer it stores: a second delivery stores nothing.
 */
export const ivrEvents = sqliteTable(
  "ivr_events",
  {
    callSid: text("call_sid").notNull(),
    turn: text("turn").notNull(),
    step: text("step").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.callSid, t.turn] })],
);

/**
 * Signature-strip confirmations per browser and staff member, so the same browser confirming
 * again within 24 hours changes its earlier answer. browser_key is a keyed hash of a cookie
 * id, or of address and user agent with a salt that rotates daily; never an address.
 */
export const signatureConfirmations = sqliteTable(
  "signature_confirmations",
  {
    id: integer("id").primaryKey(),
    browserKey: text("browser_key").notNull(),
    staffId: integer("staff_id")
      .notNull()
      .references(() => staff.id),
    interactionId: integer("interaction_id")
      .notNull()
      .references(() => interactions.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("signature_confirmations_key").on(t.browserKey, t.staffId, t.createdAt)],
);

/**
 * The earlier follow-up list (open / contacted / resolved per low score), kept read-only:
 * convertLegacyFollowUps turns its rows into follow-up cases at start. Nothing writes it.
 */
export const followUps = sqliteTable("follow_ups", {
  id: integer("id").primaryKey(),
  responseId: integer("response_id")
    .notNull()
    .unique()
    .references(() => responses.id, { onDelete: "cascade" }),
  /** open | contacted | resolved */
  status: text("status").notNull(),
  note: text("note"),
  userId: integer("user_id").references(() => users.id),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * A follow-up case: one per response that met the organisation's rules (a low score, a
 * request to be contacted, a safeguarding concern), worked to working-day due dates.
 * Due dates are the organisation's local dates (YYYY-MM-DD): a deadline is a day, not an instant.
 */
export const followUpCases = sqliteTable(
  "follow_up_cases",
  {
    id: integer("id").primaryKey(),
    responseId: integer("response_id")
      .notNull()
      .unique()
      .references(() => responses.id),
    interactionId: integer("interaction_id")
      .notNull()
      .references(() => interactions.id),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id),
    status: text("status", { enum: CASE_STATUSES }).notNull(),
    priority: text("priority", { enum: CASE_PRIORITIES }).notNull(),
    /** JSON: which rules the response met and, for safeguarding, the words that matched. */
    reasons: text("reasons", { mode: "json" }).$type<CaseReason[]>().notNull(),
    ownerId: integer("owner_id").references(() => users.id),
    openedAt: integer("opened_at").notNull(),
    acknowledgeBy: text("acknowledge_by").notNull(),
    respondBy: text("respond_by").notNull(),
    acknowledgedAt: integer("acknowledged_at"),
    acknowledgedBy: integer("acknowledged_by").references(() => users.id),
    respondedAt: integer("responded_at"),
    respondedBy: integer("responded_by").references(() => users.id),
    closedAt: integer("closed_at"),
    closedBy: integer("closed_by").references(() => users.id),
    /** A safeguarding match a reviewer judged not to be a concern (the reason is in the history). */
    clearedAt: integer("cleared_at"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("follow_up_cases_status").on(t.status, t.respondBy),
    index("follow_up_cases_team").on(t.teamId, t.openedAt),
    index("follow_up_cases_owner").on(t.ownerId, t.status),
    index("follow_up_cases_opened").on(t.openedAt),
  ],
);

/** Every change to a case, and its notes: who, when, what. user_id null is the platform itself. */
export const followUpCaseEvents = sqliteTable(
  "follow_up_case_events",
  {
    id: integer("id").primaryKey(),
    caseId: integer("case_id")
      .notNull()
      .references(() => followUpCases.id),
    kind: text("kind", { enum: CASE_EVENT_KINDS }).notNull(),
    userId: integer("user_id").references(() => users.id),
    /** Staff text (masked for personal data, as comments are). */
    note: text("note"),
    /** JSON detail of the change (the reasons before and after, the new owner). */
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    at: integer("at").notNull(),
  },
  (t) => [index("follow_up_case_events_case").on(t.caseId, t.at)],
);

/**
 * A customer's request to be contacted about their answer, kept apart from responses (as
 * invitation contacts are) and deleted when the case closes, at the retention limit, or on erasure.
 */
export const followUpContacts = sqliteTable("follow_up_contacts", {
  interactionId: integer("interaction_id")
    .primaryKey()
    .references(() => interactions.id),
  email: text("email"),
  phone: text("phone"),
  /** What the customer would like to talk about, in their words. */
  message: text("message"),
  /** The consent wording the customer agreed to, as shown (it may change over time). */
  consentText: text("consent_text").notNull(),
  createdAt: integer("created_at").notNull(),
});

/** The organisation's rules for opening cases: one row, id 1; no row means the defaults. */
export const followUpRules = sqliteTable("follow_up_rules", {
  id: integer("id").primaryKey(),
  csatAtMost: integer("csat_at_most"),
  csiAtMost: integer("csi_at_most"),
  notResolvedCsatAtMost: integer("not_resolved_csat_at_most"),
  onContactRequest: integer("on_contact_request", { mode: "boolean" }).notNull(),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedAt: integer("updated_at").notNull(),
});

/** Safeguarding phrases administrators add to the built-in ones. */
export const safeguardingPhrases = sqliteTable(
  "safeguarding_phrases",
  {
    id: integer("id").primaryKey(),
    /** suicide_self_harm | abuse | threat | at_risk */
    category: text("category").notNull(),
    /** en | cy | pl | pt | ar */
    language: text("language").notNull(),
    phrase: text("phrase").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("safeguarding_phrases_language_phrase").on(t.language, t.phrase)],
);

/**
 * Email to staff (safeguarding alerts, daily case reminders, escalations): a work queue like the
 * customer outbox, claimed the same way. `dedupe_key` makes each message queued once however many
 * servers try (one alert per case, one reminder per owner per day, one escalation per deadline).
 * Messages carry no comment text or personal data: they name cases and link to them.
 */
export const staffMail = sqliteTable(
  "staff_mail",
  {
    id: integer("id").primaryKey(),
    /** safeguarding | case_reminder | escalation */
    kind: text("kind").notNull(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    caseId: integer("case_id").references(() => followUpCases.id),
    /** The user it goes to; null for the safeguarding address(es) of the configuration. */
    userId: integer("user_id").references(() => users.id),
    /** pending | sending | sent | failed | cancelled */
    status: text("status").notNull().default("pending"),
    dueAt: integer("due_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    messageId: text("message_id"),
    sentAt: integer("sent_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("staff_mail_due").on(t.status, t.dueAt)],
);

/**
 * The recommendations and actions tracker: what was recommended (by a scrutiny review, by what
 * customers said), who is responsible, when it should be done, and dated evidence of progress.
 */
export const actions = sqliteTable("actions", {
  id: integer("id").primaryKey(),
  /** The organisation's reference, e.g. "CF-5". */
  ref: text("ref").notNull().unique(),
  text: text("text").notNull(),
  /** Where it came from, e.g. "Scrutiny review 2009", "Customer feedback: waiting time". */
  source: text("source").notNull(),
  /** Officers and roles responsible, as free text. */
  responsibility: text("responsibility"),
  ownerId: integer("owner_id").references(() => users.id),
  /** Anticipated completion, YYYY-MM-DD. */
  dueDate: text("due_date"),
  createdBy: integer("created_by").references(() => users.id),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** What an action addresses: themes, teams, departments. */
export const actionLinks = sqliteTable(
  "action_links",
  {
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id),
    /** theme | team | department */
    kind: text("kind").notNull(),
    targetId: integer("target_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.kind, t.targetId] }), index("action_links_target").on(t.kind, t.targetId)],
);

/** A dated review of an action: the evidence, and its assessment in category 1-4. */
export const actionProgress = sqliteTable(
  "action_progress",
  {
    id: integer("id").primaryKey(),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id),
    /** The review date, YYYY-MM-DD. */
    date: text("date").notNull(),
    evidence: text("evidence").notNull(),
    category: integer("category").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("action_progress_action").on(t.actionId, t.date)],
);

/** The organisation's labels of the four assessment categories; no row means the default label. */
export const actionCategoryLabels = sqliteTable("action_category_labels", {
  category: integer("category").primaryKey(),
  label: text("label").notNull(),
});

/** The standards quality reviews score against ("greeting and name given", "policy followed"). */
export const qaStandards = sqliteTable("qa_standards", {
  id: integer("id").primaryKey(),
  text: text("text").notNull(),
  position: integer("position").notNull(),
  retiredAt: integer("retired_at"),
  createdAt: integer("created_at").notNull(),
});

/** A month's quality sample, drawn once, reproducibly from its stored seed. */
export const qaSamples = sqliteTable("qa_samples", {
  id: integer("id").primaryKey(),
  /** The month sampled, YYYY-MM. */
  month: text("month").notNull().unique(),
  seed: text("seed").notNull(),
  drawnAt: integer("drawn_at").notNull(),
});

/** One sampled interaction or closed case, and its review. */
export const qaSampleItems = sqliteTable(
  "qa_sample_items",
  {
    id: integer("id").primaryKey(),
    sampleId: integer("sample_id")
      .notNull()
      .references(() => qaSamples.id),
    /** interaction | case */
    kind: text("kind").notNull(),
    interactionId: integer("interaction_id")
      .notNull()
      .references(() => interactions.id),
    caseId: integer("case_id").references(() => followUpCases.id),
    staffId: integer("staff_id"),
    teamId: integer("team_id").notNull(),
    channel: text("channel").notNull(),
    reviewerId: integer("reviewer_id").references(() => users.id),
    reviewedAt: integer("reviewed_at"),
    comment: text("comment"),
  },
  (t) => [index("qa_sample_items_sample").on(t.sampleId, t.teamId)],
);

/** A reviewed item's score against one standard: met | partly | not_met | not_applicable. */
export const qaScores = sqliteTable(
  "qa_scores",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => qaSampleItems.id),
    standardId: integer("standard_id")
      .notNull()
      .references(() => qaStandards.id),
    score: text("score").notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.standardId] })],
);
