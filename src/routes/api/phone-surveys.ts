import { Hono } from "hono";
import type { Ctx } from "../../deps";

/** Provider-neutral phone survey API under /api/v1 (issue 4 §2). */
export function phoneSurveyRoutes(ctx: Ctx) {
  void ctx;
  return new Hono();
}
