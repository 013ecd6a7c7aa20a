import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { z } from "zod";
import type { Ctx } from "../../deps";
import { reportQuarterStart } from "../../db/queries/dashboard/quarterly";
import { periodLabel } from "../../domain/periods";
import { pdfPrinter } from "../../pdf/render";
import { IsoDate } from "../../schemas/common";
import type { SessionEnv } from "../../middleware/session";
import { SESSION_COOKIE } from "../../services/auth/sessions";
import { validate } from "../../validation";
import { DashboardFilters, resolveScope } from "./filters";

const ReportQuery = DashboardFilters.and(z.object({ quarter: IsoDate.optional() }));

/** The filters the Report page reads from its URL (the shared ones; the quarter is added apart). */
const PAGE_FILTERS = ["department", "team", "service", "channel"] as const;

type SocketOf = { incoming?: { socket?: { localAddress?: string; localPort?: number } } };

/**
 * This server as the request reached it: the local end of the request's own connection, which
 * this process is listening on. Not the Host header (the client's to say: Chromium would carry
 * the session to wherever it named) and not PUBLIC_BASE_URL (a proxy's address, perhaps out of
 * reach from here). Without a socket (a request made in-process), PUBLIC_BASE_URL.
 */
function selfOrigin(env: unknown, fallback: string): string {
  const socket = (env as SocketOf | undefined)?.incoming?.socket;
  if (!socket?.localAddress || !socket.localPort) return fallback;
  const host = socket.localAddress.replace(/^::ffff:(?=\d+\.)/, "");
  return `http://${host.includes(":") ? `[${host}]` : host}:${socket.localPort}`;
}

/**
 * GET /report/quarterly.pdf: the quarterly report as a PDF made by the server. Chromium opens
 * the dashboard's own Report page with the viewer's session, so the PDF is the page the viewer
 * would print, role and filters included. Mounted behind the dashboard API's session check.
 */
export function reportPdfApi(ctx: Ctx) {
  const { config } = ctx;
  const printer = pdfPrinter(config.CHROMIUM_PATH);
  return new Hono<SessionEnv>().get("/quarterly.pdf", validate("query", ReportQuery), async (c) => {
    const q = c.req.valid("query");
    // Refuses what the viewer may not see (a manager naming another team) before a browser starts.
    const scope = await resolveScope(ctx, c.var.session, q);
    const start = reportQuarterStart(q.quarter, scope.today, scope.yearStart);
    const label = periodLabel(start, "quarter", scope.yearStart);
    const pageQuery = new URLSearchParams({ quarter: start });
    for (const key of PAGE_FILTERS) if (q[key] !== undefined) pageQuery.set(key, q[key]);
    const pdf = await printer.print({
      url: `${selfOrigin(c.env, config.PUBLIC_BASE_URL)}/dashboard/report?${pageQuery}`,
      cookies: [{ name: SESSION_COOKIE, value: getCookie(c, SESSION_COOKIE) ?? "" }],
      readySelector: ".report[data-ready]",
      failedSelector: "[role=alert].error",
      footer: `${config.ORG_NAME}: quarterly report, ${label}`,
    });
    return c.body(new Uint8Array(pdf), 200, {
      "Content-Type": "application/pdf",
      // "2026/27 Q3" → quarterly-report-2026-27-Q3.pdf
      "Content-Disposition": `attachment; filename="quarterly-report-${label.replace(/[^A-Za-z0-9]+/g, "-")}.pdf"`,
      "Cache-Control": "no-store",
    });
  });
}
