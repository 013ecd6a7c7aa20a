import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { WORKING_DAY_CALENDARS } from "./domain/working-days";
import { z } from "zod";
import { parseCidrList } from "./domain/networks";
import type { ReportCalendar } from "./domain/periods";

const bool = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

/** One schema for the whole environment; parsed once in main.ts and the CLI. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  /** Public address customers reach the platform at; used in every link we hand out. */
  PUBLIC_BASE_URL: z.url().optional(),
  ORG_NAME: z.string().min(1).max(120).default("Our Council"),
  ORG_LOGO_URL: z.url().optional(),
  TIMEZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en-GB", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "not a known IANA time zone")
    .default("Europe/London"),
  /**
   * The month (1–12) the financial year starts in: quarters and years are financial ones
   * ("2026/27 Q3"). 4 (April) for UK councils and most public bodies; 1 for calendar quarters.
   */
  FINANCIAL_YEAR_START: z.coerce.number().int().min(1).max(12).default(4),
  MIN_RESPONSES: z.coerce.number().int().min(1).max(1000).default(10),
  /**
   * How far below its target the CES mean (1–7) may be and still show amber rather than red.
   * The percentages' margin is 5 points; the mean's is in its own unit.
   */
  CES_AMBER_MARGIN: z.coerce.number().min(0).max(6).default(0.3),
  TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(28),
  EDIT_WINDOW_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** Secrets: generated once into DATA_DIR when not given, so restarts keep links valid. */
  SESSION_SECRET: z.string().min(32).optional(),
  TOKEN_PEPPER: z.string().min(32).optional(),
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default("Customer Feedback <feedback@localhost>"),
  INVITE_DELAY_MINUTES: z.coerce.number().int().min(0).max(10080).default(10),
  QUIET_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM-HH:MM")
    .default("21:00-08:00"),
  /** How often each server looks for invitations and reminders that are due. */
  OUTBOX_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  REMINDER_AFTER_DAYS: z.coerce.number().int().min(1).max(30).default(3),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  /**
   * The Twilio account (AC…) whose recordings and transcriptions retention and erasure delete
   * through the REST API, with TWILIO_AUTH_TOKEN. Unset: they wait in recording_deletions.
   */
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, "expected AC followed by 32 hex digits")
    .optional(),
  /** Where Twilio's REST API is; tests point it at a fake on loopback. */
  TWILIO_API_BASE_URL: z.url().default("https://api.twilio.com"),
  /**
   * postgres://user:password@host:5432/database: run on PostgreSQL (several servers may share
   * it). Unset: the embedded SQLite file DATA_DIR/survey.db.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "expected a postgres:// or postgresql:// URL")
    .optional(),
  /** A read replica for the dashboard's reports (PostgreSQL only); the primary when unset. */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "expected a postgres:// or postgresql:// URL")
    .optional(),
  /** Connections per server for answers and other writes (PostgreSQL). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Connections per server for reports (PostgreSQL), apart from the writers' pool. */
  REPORT_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(2),
  /** PostgreSQL cancels a report that runs longer than this, so a runaway report cannot hold the database. */
  REPORT_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** SQLite durability: FULL survives power loss, NORMAL survives a process crash. */
  SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).default("FULL"),
  /**
   * Scheduling priority (Linux nice, 0-19) of the reader thread that runs dashboard reports.
   * When the machine is busy, the main thread (answers, registrations) gets the CPU first and
   * reports wait; when it is not, reports use the whole core. 0 shares the CPU evenly.
   */
  REPORT_THREAD_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** Requests per minute per client address to the survey page, signature links and unsubscribe links. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /**
   * Requests per minute to /api/v1 per API key and client address (answered 429 with
   * Retry-After beyond it); also the allowance per address for requests refused 401/403 for a
   * missing or wrong key, and for the public /api/v1/openapi.json and /api/v1/docs. Generous:
   * an integration registering every contact centre call fits well within it.
   */
  RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(6000),
  /**
   * Requests per minute per client address to the phone survey webhooks and recorded prompts
   * under /ivr (Twilio calls from a pool of addresses; each call makes a handful of requests).
   */
  RATE_LIMIT_IVR_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  TRUST_PROXY: bool.default(false),
  /**
   * The organisation's own networks, CIDR blocks separated by commas ("10.0.0.0/8, 2001:db8::/32"):
   * a signature rating confirmed from inside them is staff trying a strip, kept apart as
   * suspected and never counted.
   */
  STAFF_NETWORKS: z
    .string()
    .default("")
    .transform((text, issue) => {
      const { blocks, invalid } = parseCidrList(text);
      if (invalid.length > 0) issue.addIssue({ code: "custom", message: `not CIDR blocks: ${invalid.join(", ")}` });
      return blocks;
    }),
  /** Public holidays that are not working days for follow-up cases' due dates (weekends never are). */
  WORKING_DAYS_CALENDAR: z.enum(WORKING_DAY_CALENDARS).default("england-and-wales"),
  /** Working days to acknowledge a follow-up case, counted from the day after it opened. */
  ACKNOWLEDGE_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(5),
  /** Working days to respond to a follow-up case, counted from the day after it opened. */
  RESPOND_WORKING_DAYS: z.coerce.number().int().min(0).max(120).default(15),
  /** Share of cases to acknowledge and respond to within their due dates (the SLA target). */
  SLA_TARGET: z.coerce.number().min(0).max(1).default(0.95),
  /**
   * Where a safeguarding alert goes at once, whatever the hour: one or more addresses separated
   * by commas. Unset: the alert waits on the dashboard only, and start-up warns.
   */
  SAFEGUARDING_EMAIL: z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.email()).min(1))
    .optional(),
  /** Local hour on working days when case owners get their list of cases due today or overdue. */
  CASE_REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  /** Days within which the same customer contacting again about the same service is a repeat contact. */
  REPEAT_CONTACT_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** Interactions sampled per staff member each month for quality review. */
  QA_SAMPLE_PER_STAFF: z.coerce.number().int().min(0).max(100).default(4),
  /** Follow-up cases closed in the month sampled per department for quality review. */
  QA_SAMPLE_CASES: z.coerce.number().int().min(0).max(500).default(10),
  /**
   * The Chromium that prints the quarterly report as a PDF (GET /dashboard/api/report/quarterly.pdf):
   * Debian's package by default. Without it there, that one endpoint answers 503.
   */
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  LOG_LEVEL: z.enum(["silent", "error", "info", "debug"]).default("info"),
  /** Bearer token for GET /metrics (Prometheus); unset, the endpoint does not exist. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /**
   * DKIM signing of outgoing mail, when all three are set: the signing domain (usually
   * MAIL_FROM's), the selector whose TXT record holds the public key, and the private key as
   * PEM text or the path of a PEM file.
   */
  DKIM_DOMAIN: z.string().min(1).optional(),
  DKIM_SELECTOR: z.string().min(1).optional(),
  DKIM_PRIVATE_KEY: z.string().min(1).optional(),
});
export type Env = z.infer<typeof EnvSchema>;

export type Config = Omit<Env, "SESSION_SECRET" | "TOKEN_PEPPER" | "PUBLIC_BASE_URL"> & {
  PUBLIC_BASE_URL: string;
  SESSION_SECRET: string;
  TOKEN_PEPPER: string;
};

export class ConfigError extends Error {}

/** The zone and financial year the report counters are bucketed by. */
export function reportCalendar(config: Pick<Env, "TIMEZONE" | "FINANCIAL_YEAR_START">): ReportCalendar {
  return { timeZone: config.TIMEZONE, yearStart: config.FINANCIAL_YEAR_START };
}

/** Parses the environment; a wrong value stops start-up with a message naming the variable. */
export function parseEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const relevant = Object.fromEntries(Object.keys(EnvSchema.shape).flatMap((k) => (env[k] === undefined || env[k] === "" ? [] : [[k, env[k]]])));
  const parsed = EnvSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** Reads a secret kept in DATA_DIR, creating it on first use. */
function persistentSecret(dataDir: string, name: string): string {
  const file = join(dataDir, `${name}.secret`);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const value = randomBytes(32).toString("base64url");
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

/** Full configuration for a process that owns a data folder (server, CLI). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = parseEnv(env);
  if (parsed.DATABASE_URL) {
    // Secrets kept in one server's DATA_DIR would differ between servers: a link issued by one
    // would be refused by the next, a session would end on every other request.
    const missing = (["SESSION_SECRET", "TOKEN_PEPPER"] as const).filter((k) => parsed[k] === undefined);
    if (missing.length > 0) {
      throw new ConfigError(
        `Invalid configuration:\n  ${missing.join(", ")}: required with DATABASE_URL (every server must use the same value; generate one with \`openssl rand -base64 32\`)`,
      );
    }
  }
  const dataDir = resolve(parsed.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  return {
    ...parsed,
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: (parsed.PUBLIC_BASE_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, ""),
    SESSION_SECRET: parsed.SESSION_SECRET ?? persistentSecret(dataDir, "session"),
    TOKEN_PEPPER: parsed.TOKEN_PEPPER ?? persistentSecret(dataDir, "token-pepper"),
  };
}

/** Configuration for tests: defaults plus overrides, no files. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const parsed = parseEnv({});
  return {
    ...parsed,
    DATA_DIR: ":memory:",
    PUBLIC_BASE_URL: "http://localhost:3000",
    SESSION_SECRET: "test-session-secret-test-session-secret",
    TOKEN_PEPPER: "test-token-pepper-test-token-pepper-0000",
    LOG_LEVEL: "silent",
    ...overrides,
  };
}
