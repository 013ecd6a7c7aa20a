import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { count, eq } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import { createApp } from "../../src/app";
import { testConfig } from "../../src/config";
import { reportRollup, teams, users } from "../../src/db/schema";
import { silentLogger } from "../../src/deps";
import { verifyPassword } from "../../src/services/users";
import { TEST_DIALECT } from "../db/test-database";
import { cliSandbox, type CliSandbox } from "./run-cli";

let sandbox: CliSandbox | undefined;
afterEach(async () => {
  await sandbox?.cleanup();
  sandbox = undefined;
});

/** The app over the CLI's database, to see that what the CLI wrote works. */
function appOver(box: CliSandbox) {
  const db = box.open();
  return { db, app: createApp({ db, clock: { now: () => Date.now() }, config: testConfig(), log: silentLogger }) };
}

describe("help and bad input", () => {
  test("help lists every command", async () => {
    sandbox = await cliSandbox();
    const { code, stdout } = await sandbox!.run("help");
    expect(code).toBe(0);
    for (const c of ["user add", "user reset-password", "api-key create", "api-key list", "api-key revoke", "migrate", "demo", "rollup rebuild"])
      expect(stdout).toContain(c);
  });

  test.each([
    [["frobnicate"], 2, "Unknown command 'frobnicate'"],
    [["api-key", "create"], 2, "--name"],
    [["api-key", "create", "--name", "x", "--colour", "red"], 2, "Unknown option '--colour'"],
    [["user", "add", "--email", "not-an-email", "--role", "admin"], 2, "--email"],
    [["user", "add", "--email", "a@example.org", "--role", "emperor"], 2, "--role"],
    [["user", "add", "--email", "a@example.org", "--role", "manager"], 2, "--team: a manager needs a team"],
    [["user", "add", "--email", "a@example.org", "--role", "director", "--team", "WASTE"], 2, "--team: only managers belong to a team"],
    [["user", "add", "--email", "a@example.org", "--role", "admin", "--password", "short"], 2, "--password: at least 12"],
    [["demo", "--responses", "lots"], 2, "--responses"],
    [["demo", "--responses", "0"], 2, "--responses"],
    [["api-key", "revoke"], 2, "<key>"],
    [["api-key", "revoke", "ros_nothere"], 1, "No API key 'ros_nothere'"],
    [["user", "add", "--email", "m@example.org", "--role", "manager", "--team", "NOPE"], 1, "Unknown team 'NOPE'"],
  ])("%j exits %i naming the problem", async (argv, exit, message) => {
    sandbox = await cliSandbox();
    const { code, stderr, stdout } = await sandbox.run(...argv);
    expect(code).toBe(exit);
    expect(stderr).toContain(message);
    expect(stdout).toBe("");
  });

  test("a bad environment variable stops the command with its name", async () => {
    sandbox = await cliSandbox({ TIMEZONE: "Mars/Olympus_Mons" });
    const { code, stderr } = await sandbox.run("migrate");
    expect(code).toBe(1);
    expect(stderr).toContain("TIMEZONE");
  });
});

describe("migrate", () => {
  test("creates and migrates the database (a file in DATA_DIR, or the one DATABASE_URL names)", async () => {
    sandbox = await cliSandbox();
    const migrated = await sandbox.run("migrate");
    expect(migrated.code).toBe(0);
    if (TEST_DIALECT === "sqlite") {
      expect(existsSync(sandbox.dbFile)).toBe(true);
      expect(migrated.stdout).toContain("survey.db");
    } else {
      expect(migrated.stdout).toContain("postgres://");
    }
    const { db } = appOver(sandbox);
    expect(await db.read.select({ n: count() }).from(reportRollup)).toEqual([{ n: 0 }]);
  });
});

describe("api-key", () => {
  test("create prints a key that the API accepts; revoke makes it 403; list shows both states", async () => {
    sandbox = await cliSandbox();
    const created = await sandbox.run("api-key", "create", "--name", "CRM");
    expect(created.code).toBe(0);
    expect(created.lines).toHaveLength(1);
    const key = created.lines[0]!;
    expect(key).toMatch(/^ros_[A-Za-z0-9_-]{43}$/);

    const { app } = appOver(sandbox);
    const call = () =>
      app.request("/api/v1/reports/summary?groupBy=team&period=month&from=2026-01-01&to=2026-03-01", { headers: { Authorization: `Bearer ${key}` } });
    expect((await call()).status).toBe(200);

    const listed = await sandbox.run("api-key", "list");
    expect(listed.stdout).toMatch(/id\s+prefix\s+name\s+created\s+last used\s+revoked/);
    expect(listed.stdout).toContain(key.slice(0, 10));
    expect(listed.stdout).toContain("CRM");
    expect(listed.stdout).not.toContain(key); // only the prefix is ever shown again

    const revoked = await sandbox.run("api-key", "revoke", key.slice(0, 10));
    expect(revoked.code).toBe(0);
    expect((await call()).status).toBe(403);
    const after = await sandbox.run("api-key", "list");
    expect(after.lines.at(-1)).toMatch(/2026-03-02 \d\d:\d\d$/); // the revoked column is filled
  });

  test("revoke by id", async () => {
    sandbox = await cliSandbox();
    await sandbox.run("api-key", "create", "--name", "one");
    expect((await sandbox.run("api-key", "revoke", "1")).stdout).toContain("Revoked API key 1");
  });

  test("`npm run cli -- api-key create --name x` prints the key alone on its own line", async () => {
    sandbox = await cliSandbox();
    const result = spawnSync("npm", ["run", "cli", "--", "api-key", "create", "--name", "x"], {
      cwd: new URL("../..", import.meta.url),
      env: { ...process.env, ...sandbox.env },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    const keyLines = result.stdout.split("\n").filter((l) => l.includes("ros_"));
    expect(keyLines).toHaveLength(1);
    expect(keyLines[0]).toMatch(/^ros_[A-Za-z0-9_-]{43}$/);
  });
});

describe("user reset-password", () => {
  test("the only administrator, locked out, gets a new password printed once; the old one stops working", async () => {
    sandbox = await cliSandbox();
    expect((await sandbox.run("user", "add", "--email", "admin@council.example", "--role", "admin", "--password", "correct horse battery")).code).toBe(0);
    const { db } = appOver(sandbox);
    await db.write((tx) =>
      tx
        .update(users)
        .set({ failedLogins: 10, lockedUntil: Date.now() + 3_600_000 })
        .where(eq(users.email, "admin@council.example")),
    );

    const { code, lines } = await sandbox.run("user", "reset-password", "--email", "Admin@Council.example");
    expect(code).toBe(0);
    expect(lines[0]).toBe("New password set for admin@council.example (id 1); their sessions are ended.");
    const password = lines.at(-1)!;
    const [row] = await db.read.select({ hash: users.passwordHash, failed: users.failedLogins, locked: users.lockedUntil }).from(users);
    expect(await verifyPassword(password, row!.hash)).toBe(true);
    expect(await verifyPassword("correct horse battery", row!.hash)).toBe(false);
    expect([row!.failed, row!.locked]).toEqual([0, null]);
  });

  test("an unknown email exits 1 naming it; a short password exits 2", async () => {
    sandbox = await cliSandbox();
    const unknown = await sandbox.run("user", "reset-password", "--email", "nobody@council.example");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No user with email nobody@council.example");
    const short = await sandbox.run("user", "reset-password", "--email", "a@council.example", "--password", "short");
    expect(short.code).toBe(2);
    expect(short.stderr).toContain("--password: at least 12");
  });
});

describe("user add", () => {
  test("a generated password is printed once and is the one stored", async () => {
    sandbox = await cliSandbox();
    const { code, lines } = await sandbox.run("user", "add", "--email", "Director@Council.example", "--role", "director");
    expect(code).toBe(0);
    expect(lines[0]).toBe("Created director director@council.example (id 1).");
    const password = lines.at(-1)!;
    const { db } = appOver(sandbox);
    const [row] = await db.read.select({ role: users.role, hash: users.passwordHash }).from(users).where(eq(users.email, "director@council.example"));
    expect(row!.role).toBe("director");
    expect(await verifyPassword(password, row!.hash)).toBe(true);
  });

  test("a given password is not echoed; a second user with the same email is refused", async () => {
    sandbox = await cliSandbox();
    const first = await sandbox.run("user", "add", "--email", "admin@council.example", "--role", "admin", "--password", "correct horse battery");
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain("correct horse");
    const again = await sandbox.run("user", "add", "--email", "ADMIN@council.example", "--role", "admin");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
  });

  test("a manager is created with their team", async () => {
    sandbox = await cliSandbox();
    await sandbox.run("demo", "--responses", "50");
    const { code } = await sandbox.run(
      "user",
      "add",
      "--email",
      "m@council.example",
      "--role",
      "manager",
      "--team",
      "WASTE",
      "--password",
      "a long enough password",
    );
    expect(code).toBe(0);
    const { db } = appOver(sandbox);
    expect(await db.read.select({ code: teams.code }).from(users).innerJoin(teams, eq(teams.id, users.teamId))).toEqual([{ code: "WASTE" }]);
  });
});
