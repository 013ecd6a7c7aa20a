import { describe, expect, test } from "vitest";
import { agentKind, automationReason, BURST_LIMIT, isBurst, refusesConfirmation } from "../../src/domain/automation";
import { BROWSER_UA } from "./helpers";

describe("agentKind", () => {
  test.each([
    ["Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)", "mail_scanner"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) BingPreview/1.0b", "mail_scanner"],
    ["Mimecast-URL-Protect/1.0", "mail_scanner"],
    ["Proofpoint URL Defense", "mail_scanner"],
    ["Barracuda Sentinel (EE)", "mail_scanner"],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36", "mail_scanner"],
    ["python-requests/2.31.0", "http_library"],
    ["curl/8.5.0", "http_library"],
    ["Go-http-client/1.1", "http_library"],
    ["Java/17.0.2", "http_library"],
    ["okhttp/4.12.0", "http_library"],
    ["Wget/1.21.4", "http_library"],
    ["node", "http_library"],
    [BROWSER_UA, null],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", null],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:127.0) Gecko/20100101 Firefox/127.0", null],
  ])("%s → %s", (ua, kind) => {
    expect(agentKind(ua)).toBe(kind);
  });
});

describe("automationReason", () => {
  const at = 1_000_000;
  test.each([
    [{ method: "HEAD", userAgent: BROWSER_UA, at }, "head_request"],
    [{ method: "GET", userAgent: "curl/8.5.0", at }, "http_library"],
    [{ method: "GET", userAgent: "", at }, "no_user_agent"],
    [{ method: "GET", userAgent: undefined, at }, "no_user_agent"],
    [{ method: "GET", userAgent: BROWSER_UA, at, sentAt: at - 5_000 }, "too_soon_after_sending"],
    [{ method: "GET", userAgent: BROWSER_UA, at, sentAt: at - 60_000 }, null],
    [{ method: "GET", userAgent: BROWSER_UA, at, score: 3, recent: [{ score: 1, at: at - 2_000 }] }, "several_faces"],
    // The same face twice is a double click, not a scanner.
    [{ method: "GET", userAgent: BROWSER_UA, at, score: 3, recent: [{ score: 3, at: at - 2_000 }] }, null],
    // Another face after a pause is a change of mind.
    [{ method: "GET", userAgent: BROWSER_UA, at, score: 3, recent: [{ score: 1, at: at - 11_000 }] }, null],
    [{ method: "GET", userAgent: BROWSER_UA, at }, null],
  ])("%o → %s", (evidence, reason) => {
    expect(automationReason(evidence)).toBe(reason);
  });

  test("a confirmation is refused only from an agent that says it is a machine", () => {
    expect(refusesConfirmation(BROWSER_UA)).toBeNull();
    expect(refusesConfirmation(undefined)).toBeNull();
    expect(refusesConfirmation("Barracuda Sentinel (EE)")).toBe("mail_scanner");
  });
});

describe("isBurst", () => {
  test.each([
    [0, false],
    [1, false],
    [BURST_LIMIT - 1, false],
    [BURST_LIMIT, true],
    [BURST_LIMIT + 10, true],
  ])("after %i ratings within the window, a new one is a burst: %s", (earlier, burst) => {
    expect(isBurst(earlier)).toBe(burst);
  });
});
