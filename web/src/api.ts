import { hc, type InferResponseType } from "hono/client";
import type { DashboardApi } from "../../src/routes/dashboard/api";

let csrfToken = "";
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export type FieldError = { path: string; message: string };

/** Thrown for a non-2xx answer; carries the server's error message and, for a 400, its bad fields. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
  }
}

/**
 * The typed client: request and response types come from the server's routes through
 * hono/client, so there is no hand-written copy to drift. Changes carry the CSRF token.
 */
export const api = hc<DashboardApi>("/dashboard/api", {
  headers: (): Record<string, string> => (csrfToken ? { "X-CSRF-Token": csrfToken } : {}),
  init: { credentials: "same-origin" },
});

/** Unwraps a response: JSON on success; a lapsed session goes back to the sign-in page. */
export async function ok<T>(res: Promise<{ ok: boolean; status: number; json(): Promise<T> }>): Promise<T> {
  const r = await res;
  if (r.status === 401) {
    window.location.assign("/dashboard/login");
    throw new ApiError(401, "Your session has ended. Sign in again.");
  }
  if (!r.ok) {
    const body = (await r.json().catch(() => null)) as { error?: { message?: string; fields?: FieldError[] } } | null;
    throw new ApiError(r.status, body?.error?.message ?? `The server answered ${r.status}.`, body?.error?.fields ?? []);
  }
  return r.json();
}

export type Me = InferResponseType<typeof api.me.$get, 200>;
export type Options = InferResponseType<typeof api.options.$get, 200>;
export type Overview = InferResponseType<typeof api.overview.$get, 200>;
export type Sla = InferResponseType<typeof api.sla.$get, 200>;
export type Trends = InferResponseType<typeof api.trends.$get, 200>;
export type TeamsTable = InferResponseType<typeof api.teams.$get, 200>;
export type StaffTable = InferResponseType<(typeof api.teams)[":team"]["staff"]["$get"], 200>;
export type Themes = InferResponseType<typeof api.themes.$get, 200>;
export type Comments = InferResponseType<typeof api.comments.$get, 200>;
export type Quarterly = InferResponseType<typeof api.report.quarterly.$get, 200>;
export type Settings = InferResponseType<typeof api.settings.$get, 200>;
export type Delivery = InferResponseType<typeof api.settings.delivery.$get, 200>;
export type Signature = InferResponseType<(typeof api.settings.staff)[":code"]["signature"]["$get"], 200>;
export type FollowUps = InferResponseType<(typeof api)["follow-ups"]["$get"], 200>;
export type FollowUpItem = FollowUps["items"][number];
export type Figure = Overview["measures"][number]["figure"];
export type GroupRow = TeamsTable["teams"][number];
