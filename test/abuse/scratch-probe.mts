import twilio from "twilio";
import { createTestApp, seedOrganisation } from "../helpers.ts";
const t = createTestApp({ TWILIO_AUTH_TOKEN: "tok-0123456789", TRUST_PROXY: true });
seedOrganisation(t);
const mp = { "Content-Type": "multipart/form-data; boundary=XYZ" };
const cases: [string, RequestInit & { path: string }][] = [
  ["twilio broken multipart", { path: "/ivr/twilio/voice", method: "POST", headers: mp, body: "--XYZ\r\ngarbage" }],
  ["login broken multipart", { path: "/dashboard/login", method: "POST", headers: mp, body: "--XYZ\r\ngarbage" }],
  ["sig broken multipart", { path: "/r/alice/5", method: "POST", headers: mp, body: "--XYZ\r\ngarbage" }],
  ["unsub broken multipart", { path: "/unsubscribe/abc", method: "POST", headers: mp, body: "--XYZ\r\ngarbage" }],
  ["login bad origin", { path: "/dashboard/login", method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", origin: "garbage", host: "x" }, body: "email=a&password=b" }],
  ["nested json", { path: "/api/v1/departments", method: "POST", headers: { ...t.auth, "Content-Type": "application/json" }, body: "[".repeat(500000) + "]".repeat(500000) }],
  ["nested obj", { path: "/api/v1/departments", method: "POST", headers: { ...t.auth, "Content-Type": "application/json" }, body: '{"a":'.repeat(100000) + "1" + "}".repeat(100000) }],
  ["1e400 target", { path: "/api/v1/targets", method: "POST", headers: { ...t.auth, "Content-Type": "application/json" }, body: '{"code":"t","measure":"csat","value":1e400}' }],
  ["phone huge", { path: "/api/v1/phone-surveys", method: "POST", headers: { ...t.auth, "Content-Type": "application/json" }, body: JSON.stringify({callId:"x",team:"CONTACT",occurredAt:"2026-03-01T10:00:00Z",answers:{csat:1e308}}) }],
  ["survey %FF", { path: "/s/%FF%FE?lang=%FF", method: "GET" }],
  ["r %FF", { path: "/r/%FF/5", method: "GET" }],
  ["r nul", { path: "/r/ali%00ce/5", method: "GET" }],
  ["api path %FF", { path: "/api/v1/teams/%FF", method: "GET", headers: t.auth }],
  ["api null byte code", { path: "/api/v1/teams/a%00b", method: "GET", headers: t.auth }],
  ["summary dup", { path: "/api/v1/reports/summary?from=2026-01-01&to=2026-02-01&from=2026-01-02", method: "GET", headers: t.auth }],
  ["summary bad date", { path: "/api/v1/reports/summary?from=99999-01-01&to=2026-02-01", method: "GET", headers: t.auth }],
  ["login huge", { path: "/dashboard/login", method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "email=" + "a".repeat(5_000_000) + "&password=b" }],
  ["r post huge", { path: "/r/alice/5", method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "x=" + "a".repeat(100000) }],
  ["twilio json", { path: "/ivr/twilio/voice", method: "POST", headers: { "Content-Type": "application/json" }, body: "{" }],
  ["prompts", { path: "/ivr/prompts/en/..%2f..%2fetc.mp3", method: "GET" }],
  ["login xff", { path: "/dashboard/login", method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", origin: "http://[::1" }, body: "email=a&password=b" }],
];
for (const [name, { path, ...init }] of cases) {
  const t0 = performance.now();
  let status: number | string;
  try { const r = await t.app.request(path, init); status = r.status; if (r.status >= 500) console.log(await r.text()); } catch (e) { status = "THROW " + String(e).slice(0, 200); }
  console.log(name, status, Math.round(performance.now() - t0), "ms");
}
const sig = twilio.getExpectedTwilioSignature("tok-0123456789", "http://localhost:3000/ivr/twilio/voice?team=CONTACT", { CallSid: "CA1" });
console.log("signed", (await t.app.request("/ivr/twilio/voice?team=CONTACT", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": sig }, body: "CallSid=CA1" })).status);
