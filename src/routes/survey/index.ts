import { Hono } from "hono";
import type { Ctx } from "../../deps";

/** The survey page /s/<token>, mounted at /s (issue 2 §4). */
export function surveyRoutes(ctx: Ctx) {
  void ctx;
  return new Hono();
}
