import { NotFoundError, UnprocessableError } from "../errors";

/*
 * What a code that names nothing means. A reference inside a body answers 422 (the request
 * was well-formed but cannot be used), and retired things cannot take new interactions; a
 * resource addressed in the path answers 404.
 */

/** For a reference inside a request body: missing or retired is a 422 naming the field. */
export function requireActive<T extends { retiredAt: number | null }>(row: T | undefined, field: string, code: string): T {
  if (!row) throw new UnprocessableError(`Unknown ${field} '${code}'.`, { field, code });
  if (row.retiredAt !== null) throw new UnprocessableError(`The ${field} '${code}' is retired.`, { field, code });
  return row;
}

/** For a resource addressed in the path: missing is a 404. */
export function requireFound<T>(row: T | undefined, what: string, code: string): T {
  if (!row) throw new NotFoundError(`No ${what} with code '${code}'.`);
  return row;
}
