import { Hono } from "hono";
import type { Ctx } from "../../deps";

/** Reference data CRUD under /api/v1 (issue 2 §3). */
export function referenceRoutes(ctx: Ctx) {
  void ctx;
  return new Hono();
}
