import type { Config } from "../../config";

export type TwilioCredentials = { baseUrl: string; accountSid: string; authToken: string };

/** The REST API's credentials, when both the account and its auth token are configured. */
export function twilioCredentials(config: Pick<Config, "TWILIO_ACCOUNT_SID" | "TWILIO_AUTH_TOKEN" | "TWILIO_API_BASE_URL">): TwilioCredentials | null {
  if (!config.TWILIO_ACCOUNT_SID || !config.TWILIO_AUTH_TOKEN) return null;
  return { baseUrl: config.TWILIO_API_BASE_URL.replace(/\/$/, ""), accountSid: config.TWILIO_ACCOUNT_SID, authToken: config.TWILIO_AUTH_TOKEN };
}

/** The HTTP status (none when no reply came) and, unless it succeeded, a short reason. */
export type TwilioReply = { status?: number; error: string | null };

/**
 * DELETE /2010-04-01/Accounts/{AccountSid}/{resource}.json with the account's basic auth.
 * Never throws: an outage is a reply without a status, for the queue to try again.
 */
export async function deleteTwilioResource(c: TwilioCredentials, resource: string, fetchImpl: typeof fetch = fetch): Promise<TwilioReply> {
  const url = `${c.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(c.accountSid)}/${resource}.json`;
  try {
    const res = await fetchImpl(url, {
      method: "DELETE",
      headers: { Authorization: `Basic ${Buffer.from(`${c.accountSid}:${c.authToken}`).toString("base64")}` },
      signal: AbortSignal.timeout(15_000),
    });
    const body = res.ok ? "" : (await res.text()).slice(0, 200);
    if (res.ok) await res.body?.cancel();
    return { status: res.status, error: res.ok ? null : `HTTP ${res.status}${body ? `: ${body}` : ""}` };
  } catch (err) {
    return { error: (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 300) };
  }
}
