import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";

/**
 * Reads `.env` from the working directory (where `npm start` and `npm run cli` run: beside
 * package.json) into the environment, for the names the environment does not already set:
 * real environment variables win. The server and the CLI both call it before reading their
 * configuration, so `cli signature` prints links to the same PUBLIC_BASE_URL the server uses.
 */
export function loadDotEnv(dir: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): void {
  const file = join(dir, ".env");
  if (!existsSync(file)) return;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, "utf8")))) {
    if (env[name] === undefined) env[name] = value;
  }
}
