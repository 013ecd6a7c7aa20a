/**
 * What `npm start` runs, for the tests and benchmarks that start the production server as a
 * child process: the server bundle is built first (as prestart does), then the node flags and
 * the entry file are read from package.json's "start" script, so they follow it if it changes.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

let built = false;

export function startCommand(): { nodeArgs: string[]; entry: string; script: string } {
  if (!built) {
    execFileSync(process.execPath, [join(ROOT, "scripts/build-server.mjs")], { stdio: "inherit" });
    built = true;
  }
  const script = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.start!;
  // `exec` makes the shell npm runs the script in become node, so npm's SIGTERM reaches the server.
  const words = script.trim().split(/\s+/);
  if (words[0] === "exec") words.shift();
  if (words[0] !== "node" || words.length < 2) throw new Error(`cannot read the start script: ${script}`);
  return { nodeArgs: words.slice(1, -1), entry: join(ROOT, words.at(-1)!), script };
}

/** The arguments for spawn(process.execPath, …) that start the server as `npm start` does. */
export const startArgs = () => {
  const { nodeArgs, entry } = startCommand();
  return [...nodeArgs, entry];
};
