/**
 * Another commit of this repository, checked out once into a scratch folder beside the system's
 * temporary files (a git worktree sharing this repository's objects, with this checkout's
 * node_modules linked in), so its server can be measured in the same run as this one's.
 */
import { execFileSync } from "node:child_process";
import { existsSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./dataset";

export function checkoutOf(ref: string): { root: string; commit: string } {
  const commit = execFileSync("git", ["rev-parse", "--short", `${ref}^{commit}`], { cwd: ROOT, encoding: "utf8" }).trim();
  const root = join(tmpdir(), `rate-our-service-bench-${commit}`);
  if (!existsSync(join(root, "package.json"))) {
    execFileSync("git", ["worktree", "prune"], { cwd: ROOT });
    execFileSync("git", ["worktree", "add", "--detach", "--force", root, commit], { cwd: ROOT, stdio: "ignore" });
  }
  // The same dependencies: an older commit's are a subset of this one's.
  if (!existsSync(join(root, "node_modules"))) symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
  return { root, commit };
}
