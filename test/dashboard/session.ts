import type { Hono } from "hono";

/** Signs in through the real form and returns the cookie and the CSRF token the SPA would use. */
export async function signIn(app: Pick<Hono, "request">, email: string, password: string) {
  const res = await app.request("/dashboard/login", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }).toString(),
  });
  const setCookie = res.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0] ?? "";
  if (res.status !== 303 || !cookie) return { res, cookie: "", csrf: "" };
  const me = await app.request("/dashboard/api/me", { headers: { Cookie: cookie } });
  const body = (await me.json()) as { csrfToken: string };
  return { res, cookie, csrf: body.csrfToken };
}
