import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { afterEach, describe, expect, test } from "vitest";
import { createApp } from "../../src/app";
import { testConfig } from "../../src/config";
import { openDatabase } from "../../src/db/client";
import { silentLogger } from "../../src/deps";
import { verifyPassword } from "../../src/services/users";
import { cliSandbox } from "./run-cli";

let sandbox: ReturnType<typeof cliSandbox>;
afterEach(() => sandbox?.cleanup());

/** The app over the CLI's database file, to see that what the CLI wrote works. */
function appOver(dbFile: string) {
  const db = openDatabase(dbFile);
  return { db, app: createApp({ db, clock: { now: () => Date.now() }, config: testConfig(), log: silentLogger }) };
}

describe("help and bad input", () => {
  test("help lists every command", async () => {
    sandbox = cliSandbox();
    const { code, stdout } = await sandbox.run("help");
    expect(code).toBe(0);
    for (const c of ["user add", "user reset-password", "api-key create", "api-key list", "api-key revoke", "migrate", "demo", "rollup rebuild"]) expect(stdout).toContain(c);
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
    sandbox = cliSandbox();
    const { code, stderr, stdout } = await sandbox.run(...argv);
    expect(code).toBe(exit);
    expect(stderr).toContain(message);
    expect(stdout).toBe("");
  });

  test("a bad environment variable stops the command with its name", async () => {
    sandbox = cliSandbox({ TIMEZONE: "Mars/Olympus_Mons" });
    const { code, stderr } = await sandbox.run("migrate");
    expect(code).toBe(1);
    expect(stderr).toContain("TIMEZONE");
  });
});

describe("migrate", () => {
  test("creates and migrates the database file in DATA_DIR", async () => {
    sandbox = cliSandbox();
    expect((await sandbox.run("migrate")).code).toBe(0);
    expect(existsSync(sandbox.dbFile)).toBe(true);
    const { db } = appOver(sandbox.dbFile);
    expect(db.$client.prepare("select count(*) as n from report_rollup").get()).toEqual({ n: 0 });
    db.$client.close();
  });
});

describe("api-key", () => {
  test("create prints a key that the API accepts; revoke makes it 403; list shows both states", async () => {
    sandbox = cliSandbox();
    const created = await sandbox.run("api-key", "create", "--name", "CRM");
    expect(created.code).toBe(0);
    expect(created.lines).toHaveLength(1);
    const key = created.lines[0]!;
    expect(key).toMatch(/^ros_[A-Za-z0-9_-]{43}$/);

    const { app, db } = appOver(sandbox.dbFile);
    const call = () => app.request("/api/v1/reports/summary?groupBy=team&period=month&from=2026-01-01&to=2026-03-01", { headers: { Authorization: `Bearer ${key}` } });
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
    db.$client.close();
  });

  test("revoke by id", async () => {
    sandbox = cliSandbox();
    await sandbox.run("api-key", "create", "--name", "one");
    expect((await sandbox.run("api-key", "revoke", "1")).stdout).toContain("Revoked API key 1");
  });

  test("`npm run cli -- api-key create --name x` prints the key alone on its own line", () => {
    sandbox = cliSandbox();
    const result = spawnSync("npm", ["run", "cli", "--", "api-key", "create", "--name", "x"], {
      cwd: new URL("../..", import.meta.url),
      env: { ...process.env, DATA_DIR: sandbox.dataDir },
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
    sandbox = cliSandbox();
    expect((await sandbox.run("user", "add", "--email", "admin@council.example", "--role", "admin", "--password", "correct horse battery")).code).toBe(0);
    const { db } = appOver(sandbox.dbFile);
    db.$client.prepare("update users set failed_logins = 10, locked_until = ? where email = ?").run(Date.now() + 3_600_000, "admin@council.example");
    db.$client.close();

    const { code, lines } = await sandbox.run("user", "reset-password", "--email", "Admin@Council.example");
    expect(code).toBe(0);
    expect(lines[0]).toBe("New password set for admin@council.example (id 1); their sessions are ended.");
    const password = lines.at(-1)!;
    const after = appOver(sandbox.dbFile).db;
    const row = after.$client.prepare("select password_hash as hash, failed_logins as failed, locked_until as locked from users").get() as { hash: string; failed: number; locked: number | null };
    expect(await verifyPassword(password, row.hash)).toBe(true);
    expect(await verifyPassword("correct horse battery", row.hash)).toBe(false);
    expect([row.failed, row.locked]).toEqual([0, null]);
    after.$client.close();
  });

  test("an unknown email exits 1 naming it; a short password exits 2", async () => {
    sandbox = cliSandbox();
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
    sandbox = cliSandbox();
    const { code, lines } = await sandbox.run("user", "add", "--email", "Director@Council.example", "--role", "director");
    expect(code).toBe(0);
    expect(lines[0]).toBe("Created director director@council.example (id 1).");
    const password = lines.at(-1)!;
    const { db } = appOver(sandbox.dbFile);
    const row = db.$client.prepare("select role, password_hash as hash from users where email = ?").get("director@council.example") as { role: string; hash: string };
    expect(row.role).toBe("director");
    expect(await verifyPassword(password, row.hash)).toBe(true);
    db.$client.close();
  });

  test("a given password is not echoed; a second user with the same email is refused", async () => {
    sandbox = cliSandbox();
    const first = await sandbox.run("user", "add", "--email", "admin@council.example", "--role", "admin", "--password", "correct horse battery");
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain("correct horse");
    const again = await sandbox.run("user", "add", "--email", "ADMIN@council.example", "--role", "admin");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
  });

  test("a manager is created with their team", async () => {
    sandbox = cliSandbox();
    await sandbox.run("demo", "--responses", "50");
    const { code } = await sandbox.run("user", "add", "--email", "m@council.example", "--role", "manager", "--team", "WASTE", "--password", "a long enough password");
    expect(code).toBe(0);
    const { db } = appOver(sandbox.dbFile);
    expect(db.$client.prepare("select t.code from users u join teams t on t.id = u.team_id").get()).toEqual({ code: "WASTE" });
    db.$client.close();
  });
});
