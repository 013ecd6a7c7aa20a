import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { Env, ValidationTargets } from "hono";
import { validator } from "hono-openapi";
import { errorBody, type FieldError } from "./errors";

function pathOf(issue: StandardSchemaV1.Issue, key?: string): string {
  const parts = (issue.path ?? []).map((p) => String(typeof p === "object" && p !== null ? p.key : p));
  if (key !== undefined) parts.push(key);
  return parts.length ? parts.join(".") : "(body)";
}

export function issuesToFields(issues: readonly StandardSchemaV1.Issue[]): FieldError[] {
  return issues.flatMap((i) => {
    // zod reports unknown fields as one issue on the object that holds them; name each field.
    const { code, keys } = i as StandardSchemaV1.Issue & { code?: unknown; keys?: unknown };
    if (code === "unrecognized_keys" && Array.isArray(keys) && keys.length > 0) {
      return keys.map((k) => ({ path: pathOf(i, String(k)), message: "unknown field" }));
    }
    return [{ path: pathOf(i), message: i.message }];
  });
}

/**
 * The one validation hook. Every input goes through zod here, and the same schema documents
 * the endpoint in /api/v1/openapi.json (hono-openapi reads it off the route), so the
 * document cannot drift from what is enforced. A failure is a 400 naming each bad field.
 */
export function validate<S extends StandardSchemaV1, Target extends keyof ValidationTargets, E extends Env = Env, P extends string = string>(
  target: Target,
  schema: S,
) {
  return validator<S, Target, E, P>(target, schema, (result, c) => {
    if (!result.success) {
      return c.json(errorBody("invalid_input", `The request ${target} is not valid.`, issuesToFields(result.error)), 400);
    }
  });
}
