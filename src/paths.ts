import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's folder (the one holding package.json), found by walking up from this module.
 * Files the server reads at run time (migrations, the built dashboard) are resolved from here,
 * so the same code works from src/ under tsx and from the bundle in build/server/.
 */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

const PROJECT_ROOT = findProjectRoot();

export const projectPath = (...parts: string[]) => join(PROJECT_ROOT, ...parts);
