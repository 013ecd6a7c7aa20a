/*
 * Does a click on an emailed link look automated? Mail security services (Microsoft Safe
 * Links, Mimecast, Proofpoint, Barracuda…) fetch every link of a message on delivery, some
 * with HEAD, some with their own user agent, some posing as a browser. None of this may ever
 * become a rating (GET and HEAD never record one anyway); the clicks that look automated are
 * counted apart as "suspected automated" so administrators can see how much there is.
 *
 * Pure: the caller gathers the evidence (method, user agent, the same client's recent faces
 * for the same link set, when the email was sent). The survey page (/s/<token>) can call
 * automationReason() with sentAt from the outbox.
 */

export type AutomationReason =
  | "head_request"
  | "no_user_agent"
  | "mail_scanner"
  | "http_library"
  | "several_faces"
  | "too_soon_after_sending"
  /** A confirmed rating sent from the organisation's own networks (STAFF_NETWORKS). */
  | "staff_network"
  /** A confirmed rating in a burst of new ratings for one staff member. */
  | "burst";

/** Agents of mail scanners, link previewers and crawlers. */
const SCANNER_AGENTS: readonly RegExp[] = [
  /Microsoft Office/i, // Safe Links and Office's link checks ("Microsoft Office/16.0 …")
  /ms-office/i,
  /BingPreview/i,
  /Safe ?Links/i,
  /Mimecast/i,
  /Proofpoint/i,
  /Barracuda/i,
  /MessageLabs|Symantec|Broadcom/i,
  /Forcepoint|Websense/i,
  /IronPort|Cisco/i,
  /FireEye|Trellix|Sophos|Trend ?Micro|Zscaler|SpamTitan|Avanan|Check ?Point|Mailguard|Hornet ?Security/i,
  /HeadlessChrome|PhantomJS|Puppeteer|Playwright|Selenium|Lighthouse/i,
  /bot\b|bot\/|crawler|spider|slurp|preview|scanner|validator|monitor/i,
  /facebookexternalhit|WhatsApp|Slackbot|TelegramBot|Discordbot|SkypeUriPreview|Googlebot|LinkedInBot|Twitterbot/i,
];

/** HTTP client libraries and command-line tools: no person is looking at a page. */
const LIBRARY_AGENTS: readonly RegExp[] = [
  /python-requests|python-urllib|Python\/|aiohttp|httpx|Scrapy/i,
  /^curl\/|\bcurl\//i,
  /^Wget/i,
  /Go-http-client/i,
  /^Java\/|Java-http-client|Apache-HttpClient|okhttp/i,
  /node-fetch|axios|undici|^node$|got \(/i,
  /libwww-perl|LWP::|PostmanRuntime|HTTPie|^Ruby|Faraday|Guzzle|WinHttp|Dalvik.*okhttp/i,
  /PowerShell|WindowsPowerShell/i,
];

export function agentKind(userAgent: string | null | undefined): "mail_scanner" | "http_library" | null {
  const ua = userAgent?.trim() ?? "";
  if (SCANNER_AGENTS.some((re) => re.test(ua))) return "mail_scanner";
  if (LIBRARY_AGENTS.some((re) => re.test(ua))) return "http_library";
  return null;
}

/** Several different faces of one link set from one client within this time: nobody does that. */
export const SEVERAL_FACES_WINDOW_MS = 10_000;
/** A click this soon after sending is the recipient's mail filter, not the recipient. */
export const TOO_SOON_AFTER_SENDING_MS = 60_000;

export type ClickEvidence = {
  method: string;
  userAgent: string | null | undefined;
  at: number;
  /** The face of this click (1–5), when the link carries one. */
  score?: number | null;
  /** Earlier clicks by the same client on the same link set (same staff member or token). */
  recent?: readonly { score: number; at: number }[];
  /** When the email carrying the link was sent, if we sent it. */
  sentAt?: number | null;
};

/** The first reason the click looks automated, or null when it looks like a person. */
export function automationReason(e: ClickEvidence): AutomationReason | null {
  if (e.method.toUpperCase() === "HEAD") return "head_request";
  const kind = agentKind(e.userAgent);
  if (kind) return kind;
  if (!e.userAgent?.trim()) return "no_user_agent";
  if (e.sentAt != null && e.at >= e.sentAt && e.at - e.sentAt < TOO_SOON_AFTER_SENDING_MS) return "too_soon_after_sending";
  if (e.score != null && e.recent) {
    const others = new Set(e.recent.filter((r) => e.at - r.at <= SEVERAL_FACES_WINDOW_MS && r.score !== e.score).map((r) => r.score));
    if (others.size >= 1) return "several_faces";
  }
  return null;
}

/** For a confirmation (POST): only an agent that says it is a machine is refused. */
export function refusesConfirmation(userAgent: string | null | undefined): AutomationReason | null {
  return agentKind(userAgent);
}

/**
 * Ratings of one staff member arrive a few a day. More new ones than this within the window,
 * each from another address (one address keeps one answer a day), is a campaign, not customers:
 * those beyond are kept apart. Ratings already kept apart count towards the burst, so a steady
 * stream stays apart for as long as it goes on.
 */
export const BURST_WINDOW_MS = 10 * 60_000;
export const BURST_LIMIT = 5;

/** Whether a new rating is part of a burst, given how many came (counted or kept apart) within the window before it. */
export function isBurst(earlierInWindow: number): boolean {
  return earlierInWindow >= BURST_LIMIT;
}
