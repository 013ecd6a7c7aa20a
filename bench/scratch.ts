/**
 * A scratch copy of a bench database, for the sections that write (interactions, a user,
 * sessions): the cached database under $TMPDIR stays exactly as `demo` made it. Also the admin
 * those sections sign in as, and the sign-in itself.
 */
import { copyFileSync, constants, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemClock } from "../src/clock";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/client";
import { silentLogger } from "../src/deps";
import { createUser } from "../src/services/users";

export type Scratch = { dataDir: string; copySeconds: number; remove: () => void };

/** Copies survey.db (and its WAL, if any) with the folder's secrets, so tokens and sessions match. */
export function scratchCopy(dataDir: string): Scratch {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "ros-bench-scratch-"));
  for (const name of readdirSync(dataDir)) {
    if (/^survey\.db(-wal)?$/.test(name) || name.endsWith(".secret")) {
      // A copy-on-write clone where the file system can make one; a plain copy otherwise.
      copyFileSync(join(dataDir, name), join(dir, name), constants.COPYFILE_FICLONE);
    }
  }
  if (!existsSync(join(dir, "survey.db"))) throw new Error(`no survey.db in ${dataDir}`);
  return { dataDir: dir, copySeconds: (performance.now() - started) / 1000, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const BENCH_ADMIN = { email: "bench-admin@bench.invalid", password: "bench admin password, scratch copy only" };

/** Creates the admin in the database before a server opens it. */
export async function createBenchAdmin(dataDir: string): Promise<void> {
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  const db = await openDatabase({ ...config, SQLITE_SYNCHRONOUS: "NORMAL" });
  try {
    await createUser({ db, clock: systemClock, config, log: silentLogger }, { ...BENCH_ADMIN, role: "admin" });
  } finally {
    await db.close();
  }
}

/** Signs in through the login form and returns the session cookie ("name=value"). */
export async function signIn(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/dashboard/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(BENCH_ADMIN).toString(),
    redirect: "manual",
  });
  const cookie = (res.headers.getSetCookie()[0] ?? "").split(";")[0]!;
  if (res.status !== 303 || !cookie) throw new Error(`sign-in answered ${res.status}, cookie ${JSON.stringify(cookie)}`);
  return cookie;
}
