import { parseArgs, type ParseArgsConfig } from "node:util";
import type { z } from "zod";
import { UsageError } from "./io";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses a command's arguments with node:util (unknown options are refused) and validates
 * them with zod, so a wrong value is a usage error naming the option, never a stack trace.
 */
export function parseCommandArgs<S extends z.ZodType>(args: string[], options: Options, schema: S, positionalNames: string[] = []): z.infer<S> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: positionalNames.length > 0 });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (parsed.positionals.length > positionalNames.length) {
    throw new UsageError(`Unexpected argument '${parsed.positionals[positionalNames.length]}'.`);
  }
  const input: Record<string, unknown> = { ...parsed.values };
  positionalNames.forEach((name, i) => {
    if (parsed.positionals[i] !== undefined) input[name] = parsed.positionals[i];
  });
  const result = schema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "");
      const label = positionalNames.includes(name) ? `<${name}>` : `--${name}`;
      return `${label}: ${issue.message}`;
    });
    throw new UsageError(lines.join("\n"));
  }
  return result.data;
}
