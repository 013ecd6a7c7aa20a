import { Hono } from "hono";
import type { Ctx } from "../../deps";

/** Signature strip links /r/<staff>/<n>, faces, unsubscribe; mounted at / (issue 3). */
export function signatureRoutes(ctx: Ctx) {
  void ctx;
  return new Hono();
}
